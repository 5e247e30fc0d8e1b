package org.mixrl.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.sweep.CommandKind;
import org.mixrl.experiment.sweep.TrainCombinations;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands a sweep can run: one entry per command. Option names come from the command's
 * own picocli definition, so a new {@code train} option is usable in specs at once.
 */
final class SweepKinds {
  private SweepKinds() {}

  // options a spec may not set: the sweep sets the output and resume, and drives progress
  private static final Set<String> NOT_IN_SPECS =
      Set.of("out", "resume", "no-progress", "help", "version");

  /** The kind called {@code name}, if sweeps can run it. */
  static Optional<CommandKind> kind(String name) {
    if (name.equals("train")) {
      return Optional.of(new CommandKind("train", keys("train", false), keys("train", true),
          List.of(Map.entry("env", ""), Map.entry("policy", ""), Map.entry("components", "k"),
              Map.entry("estimator", ""), Map.entry("seed", "s")),
          Trainer.CHECKPOINT_FILE, List.of("--no-progress"),
          TrainCombinations::invalidReason, TrainCombinations::check));
    }
    // the bandit learning experiment (branch repro) joins here as one more entry
    return Optional.empty();
  }

  /** Names sweeps accept as "command". */
  static List<String> names() {
    return List.of("train");
  }

  /** A kind or an error naming the allowed commands. */
  static CommandKind require(String name) {
    return kind(name).orElseThrow(() -> new IllegalArgumentException("sweep spec: command '"
        + name + "' cannot be swept; allowed: " + String.join(", ", names())));
  }

  private static Set<String> keys(String command, boolean requiredOnly) {
    CommandLine sub = Main.newCommandLine().getSubcommands().get(command);
    Set<String> out = new HashSet<>();
    for (OptionSpec o : sub.getCommandSpec().options()) {
      String name = o.longestName().replaceFirst("^-+", "");
      if (!NOT_IN_SPECS.contains(name) && (!requiredOnly || o.required())) {
        out.add(name);
      }
    }
    return out;
  }
}
