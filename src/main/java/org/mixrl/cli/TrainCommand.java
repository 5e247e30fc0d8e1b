package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.experiment.RunConfig;
import org.mixrl.experiment.RunField;
import org.mixrl.experiment.RunOptions;
import org.mixrl.experiment.RunSummary;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl train}: SAC on one environment, into a resumable run directory. */
@Command(
    name = "train",
    // declared here as well as inherited from Main: the model transformer then finds --help and
    // --version among the command's own options and keeps them before the agent's rows
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    sortOptions = false,
    modelTransformer = TrainCommand.ConfigOptions.class,
    description = {
      "Train Soft Actor-Critic with a Gaussian or mixture policy. Writes OUT/config.json,"
          + " OUT/metrics.csv and OUT/checkpoint.bin; rerun the same command with --resume to"
          + " continue from the last checkpoint.",
      "Defaults are CleanRL's sac_continuous_action.py."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "Run directory.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint;"
      + " its config.json supplies every setting not given.")
  boolean resume;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** The run config the options describe; throws IllegalArgumentException naming a bad value. */
  RunConfig runConfig() {
    return RunOptions.newRun(givenOptions());
  }

  /**
   * The config a resume asks for: the run's stored config with each option given on this
   * command line in its place (so `--out DIR --resume` alone asks for the stored config).
   */
  RunConfig resumeConfig(RunConfig stored) {
    return RunOptions.resumed(stored, givenOptions());
  }

  /**
   * The config options given on this command line, by name without dashes, as picocli parsed
   * them; {@link RunOptions} checks them and supplies the defaults (the same code checks a
   * sweep's runs at plan time).
   */
  private Map<String, Object> givenOptions() {
    Map<String, Object> given = new LinkedHashMap<>();
    for (String name : RunOptions.names()) {
      if (given("--" + name)) {
        given.put(name, spec.findOption("--" + name).getValue());
      }
    }
    return given;
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * Adds one option per row of {@link RunConfig#FIELDS} and of {@link SacConfig#FIELDS}, with
   * the row's default and help. Help order: the run's rows in {@link RunOptions#runFields()}
   * order with {@code --out} and {@code --resume} after {@code --seed}, then this class's other
   * options and --help/--version, then the agent's rows.
   */
  static final class ConfigOptions implements CommandLine.IModelTransformer {
    /** The last run row shown before {@code --out} and {@code --resume}. */
    private static final String LAST_BEFORE_OUT = "seed";

    @Override
    public CommandSpec transform(CommandSpec command) {
      List<OptionSpec> own = new ArrayList<>(command.options()); // --out, --resume, ..., -h, -V
      own.forEach(command::remove);
      for (RunField f : RunOptions.runFields()) {
        OptionSpec.Builder o = OptionSpec.builder("--" + f.option())
            .description(f.helpWithDefault()).paramLabel("<" + camel(f.option()) + ">")
            .type(switch (f.kind()) {
              case STRING -> String.class;
              case LONG -> Long.class;
              case INT -> Integer.class;
            });
        if (!f.required()) {
          o.defaultValue(String.valueOf(f.defaultValue()));
        }
        command.addOption(o.build());
        if (f.option().equals(LAST_BEFORE_OUT)) {
          for (String name : List.of("--out", "--resume")) {
            OptionSpec o2 = find(own, name);
            own.remove(o2);
            command.addOption(o2);
          }
        }
      }
      own.forEach(command::addOption);
      for (SacField f : SacConfig.FIELDS) {
        OptionSpec.Builder o = OptionSpec.builder(f.option()).description(f.helpWithDefault());
        switch (f.kind()) {
          case INT -> o.type(Integer.class);
          case DOUBLE -> o.type(Double.class);
          case STRING -> o.type(String.class);
          case BOOLEAN -> o.type(Boolean.class).arity("0").negatable(true)
              .fallbackValue("true");
          case INT_LIST -> o.type(List.class).auxiliaryTypes(Integer.class).splitRegex(",")
              .paramLabel("<width>");
        }
        if (f.kind() != SacField.Kind.BOOLEAN && f.kind() != SacField.Kind.INT_LIST) {
          o.paramLabel("<" + f.name() + ">");
        }
        if (f.defaultValue() != null && !(f.defaultValue() instanceof Double d && d.isNaN())) {
          o.defaultValue(f.kind() == SacField.Kind.INT_LIST
              ? ((List<?>) f.defaultValue()).stream().map(String::valueOf)
                  .collect(Collectors.joining(","))
              : String.valueOf(f.defaultValue()));
        }
        command.addOption(o.build());
      }
      return command;
    }
  }

  private static OptionSpec find(List<OptionSpec> options, String name) {
    return options.stream().filter(o -> o.longestName().equals(name)).findFirst().orElseThrow();
  }

  /** "eval-every" -> "evalEvery", the parameter label the options had as fields. */
  private static String camel(String option) {
    StringBuilder sb = new StringBuilder();
    for (String part : option.split("-")) {
      sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return sb.toString();
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    RunConfig config;
    try {
      config = resume ? resumeConfig(Trainer.readConfig(out)) : runConfig();
    } catch (IllegalArgumentException e) {
      CliErrors.print(spec, e.getMessage());
      return 2;
    } catch (IOException e) {
      CliErrors.print(spec, e.getMessage());
      return CliErrors.exitCode(e);
    }
    if (config.sac().learningStarts() >= config.steps()) {
      err.printf(Locale.ROOT, "%s: warning: --learning-starts %d >= --steps %d: the agent acts"
          + " uniformly at random throughout and never updates, so the evaluations measure a"
          + " random policy; lower --learning-starts to learn%n", spec.qualifiedName(),
          config.sac().learningStarts(), config.steps());
      err.flush();
    }
    GracefulStop.arm();
    try (Trainer trainer = resume ? Trainer.resume(out, config) : Trainer.start(out, config)) {
      RunSummary s;
      if (noProgress) {
        s = trainer.run(new StopOnSignal(null));
      } else {
        try (ProgressBar bar = progressBar(trainer.step(), config.steps())) {
          s = trainer.run(new StopOnSignal(bar));
        }
      }
      if (!s.finished() && GracefulStop.requested()) {
        err.printf(Locale.ROOT, "%s: stopped by a signal at step %d of %d; the checkpoint in %s"
            + " holds it. Resume with: mixrl train --out %s --resume%n", spec.qualifiedName(),
            s.step(), config.steps(), out, out);
        err.flush();
        return INTERRUPTED;
      }
      outW.printf(Locale.ROOT, "%s: %d/%d steps; last deterministic eval return %s,"
              + " stochastic %s%n", out, s.step(), config.steps(),
          fmt(s.lastDeterministicReturn()), fmt(s.lastStochasticReturn()));
      outW.flush();
      return s.finished() ? 0 : 1;
    } catch (IOException e) {
      CliErrors.print(spec, e.getMessage());
      return CliErrors.exitCode(e);
    } catch (IllegalArgumentException e) {
      CliErrors.print(spec, e.getMessage());
      return 2;
    }
  }

  /**
   * Exit code of a run stopped by SIGTERM or SIGINT after saving a checkpoint, when the command
   * runs inside another (sweep task). A JVM of its own exits with the signal's code instead,
   * 143 (SIGTERM) or 130 (SIGINT), whatever this returns.
   */
  static final int INTERRUPTED = 143;

  /** Pauses (checkpoint, then stop) once a signal arrived; draws the bar if there is one. */
  private static final class StopOnSignal implements TrainingListener {
    private final ProgressBar bar;

    StopOnSignal(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void onStep(long step, long total, double lastReturn) {
      if (bar != null) {
        bar.stepTo(step);
        if (!Double.isNaN(lastReturn)) {
          bar.setExtraMessage(String.format(Locale.ROOT, " last return %.1f", lastReturn));
        }
      }
    }

    @Override
    public boolean pauseRequested(long step) {
      return GracefulStop.requested();
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Longest extra message of the bar: " last return " and a return such as -12345.6. */
  private static final int EXTRA_WIDTH = " last return -12345.6".length();

  private static ProgressBar progressBar(long start, long total) {
    return ProgressBars.build(ProgressBars.builder("train", total, "steps", EXTRA_WIDTH)
        .startsFrom(start, Duration.ZERO)
        .setUpdateIntervalMillis(500), ProgressBars.consumer(false));
  }
}
