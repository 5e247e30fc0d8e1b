package org.mixrl.experiment.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a sweep runs one mixrl subcommand: which option keys it takes, how a run's options become
 * its command line, when its output directory can be resumed, and which combinations of values
 * are invalid. Adding a command to sweeps is one instance of this record (the CLI keeps the
 * registry).
 *
 * @param name the subcommand, e.g. {@code train}
 * @param keys the option names it accepts (without dashes); empty accepts any
 * @param required option names every run must set (besides the output directory)
 * @param slugKeys options shown in run ids, each with a short prefix ({@code seed → "s"})
 * @param resumeMarker a file in the output directory whose presence means "pass --resume"
 * @param extraArgs arguments added to every run's command line (e.g. {@code --no-progress})
 * @param invalidReason why a combination of options cannot run (the run is skipped), or empty
 *     when it can; throws IllegalArgumentException for a value no combination accepts
 * @param check throws IllegalArgumentException (an {@link
 *     org.mixrl.experiment.InvalidOptionException} when one option is at fault) if the command
 *     would refuse a run's options; the plan then refuses the spec
 */
public record CommandKind(
    String name,
    Set<String> keys,
    Set<String> required,
    List<Map.Entry<String, String>> slugKeys,
    String resumeMarker,
    List<String> extraArgs,
    Function<Map<String, Object>, Optional<String>> invalidReason,
    Consumer<Map<String, Object>> check) {

  /** The option naming a run's output directory, and the flag that resumes it. */
  public static final String OUT_OPTION = "--out";
  public static final String RESUME_FLAG = "--resume";

  public CommandKind {
    keys = Set.copyOf(keys);
    required = Set.copyOf(required);
    slugKeys = List.copyOf(slugKeys);
    extraArgs = List.copyOf(extraArgs);
    for (String reserved : List.of("out", "resume")) {
      if (keys.contains(reserved)) {
        throw new IllegalArgumentException(
            name + ": option '" + reserved + "' is set by the sweep, not by the spec");
      }
    }
  }

  /**
   * Checks option names: every key known to the command, every required one present.
   *
   * @throws IllegalArgumentException naming the bad key and the allowed ones
   */
  public void checkKeys(Map<String, Object> options) {
    for (String k : options.keySet()) {
      if (k.equals("out") || k.equals("resume")) {
        throw new IllegalArgumentException("sweep spec: \"" + k + "\" is set by the sweep for"
            + " each run; remove it from the spec");
      }
      if (!keys.isEmpty() && !keys.contains(k)) {
        throw new IllegalArgumentException("sweep spec: '" + name + "' has no option \"" + k
            + "\"; allowed: " + String.join(", ", new TreeSet<>(keys)));
      }
    }
    for (String k : required) {
      if (!options.containsKey(k)) {
        throw new IllegalArgumentException(
            "sweep spec: '" + name + "' needs \"" + k + "\" in base or grid");
      }
    }
  }

  /** Whether an output directory holds a run to continue (its resume marker exists). */
  public boolean canResume(Path outDir) {
    return Files.isRegularFile(outDir.resolve(resumeMarker));
  }

  /**
   * The subcommand's arguments for one run: {@code name --key value ... --out OUT [--resume]}.
   * true/false become {@code --key}/{@code --no-key}; lists are joined by commas.
   */
  public List<String> arguments(Map<String, Object> options, Path out, boolean resume) {
    List<String> args = new ArrayList<>();
    args.add(name);
    for (Map.Entry<String, Object> e : options.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Boolean b) {
        args.add(b ? "--" + e.getKey() : "--no-" + e.getKey());
      } else {
        args.add("--" + e.getKey());
        args.add(text(v));
      }
    }
    args.addAll(extraArgs);
    args.add(OUT_OPTION);
    args.add(out.toString());
    if (resume) {
      args.add(RESUME_FLAG);
    }
    return args;
  }

  /** A value as command-line text; lists become comma-separated. */
  static String text(Object v) {
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(text(o));
      }
      return String.join(",", parts);
    }
    return String.valueOf(v);
  }
}
