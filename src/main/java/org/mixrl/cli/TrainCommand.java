package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.experiment.RunConfig;
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
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    sortOptions = false,
    modelTransformer = TrainCommand.SacOptions.class,
    description = {
      "Train Soft Actor-Critic with a Gaussian or mixture policy. Writes OUT/config.json,"
          + " OUT/metrics.csv and OUT/checkpoint.bin; rerun the same command with --resume to"
          + " continue from the last checkpoint.",
      "Defaults are CleanRL's sac_continuous_action.py."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", description = "Environment id (see `mixrl env list`); required for"
      + " a new run.")
  String env;

  @Option(names = "--steps", description = "Environment steps; required for a new run. With"
      + " --resume, a larger value extends a run (finished or not).")
  Long steps;

  @Option(names = "--seed", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Run directory.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint;"
      + " its config.json supplies every setting not given.")
  boolean resume;

  @Option(names = "--eval-every", defaultValue = "1000", description = "Evaluate every N steps, 0 = never (default: ${DEFAULT-VALUE}).")
  long evalEvery;

  @Option(names = "--eval-episodes", defaultValue = "5", description = "Episodes per evaluation, each of stochastic and deterministic (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--checkpoint-every", defaultValue = "5000", description = "Checkpoint every N steps, 0 = only at the end (default: ${DEFAULT-VALUE}).")
  long checkpointEvery;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** The run config the options describe; throws IllegalArgumentException naming a bad value. */
  RunConfig runConfig() {
    if (env == null) {
      throw new IllegalArgumentException("--env is required for a new run (see `mixrl env"
          + " list`)");
    }
    if (steps == null) {
      throw new IllegalArgumentException("--steps is required for a new run");
    }
    SacConfig.Builder b = SacConfig.builder();
    for (SacField f : SacConfig.FIELDS) {
      Object v = spec.findOption(f.option()).getValue();
      if (v != null) { // null: not given and derived (components, estimator, alpha)
        b.set(f, checkedValue(f, v));
      }
    }
    return new RunConfig(env, seed, steps, evalEvery, evalEpisodes, checkpointEvery, b.build());
  }

  /**
   * The config a resume asks for: the run's stored config with each option given on this
   * command line in its place (so `--out DIR --resume` alone asks for the stored config).
   */
  RunConfig resumeConfig(RunConfig stored) {
    SacConfig.Builder b = stored.sac().toBuilder();
    for (SacField f : SacConfig.FIELDS) {
      if (given(f.option())) {
        b.set(f, checkedValue(f, spec.findOption(f.option()).getValue()));
      }
    }
    return new RunConfig(given("--env") ? env : stored.env(),
        given("--seed") ? seed : stored.seed(),
        steps != null ? steps : stored.steps(),
        given("--eval-every") ? evalEvery : stored.evalEvery(),
        given("--eval-episodes") ? evalEpisodes : stored.evalEpisodes(),
        given("--checkpoint-every") ? checkpointEvery : stored.checkpointEvery(),
        b.build());
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** NaN parses as a double but is no setting: the config would store it as "derived". */
  private static Object checkedValue(SacField f, Object v) {
    if (v instanceof Double d && d.isNaN()) {
      throw new IllegalArgumentException(f.option() + ": NaN is not allowed; give a finite"
          + " number" + (f.defaultValue() instanceof Double dd && dd.isNaN()
              ? " (leave the option out for the default)" : ""));
    }
    return v;
  }

  /** Adds one option per row of {@link SacConfig#FIELDS}, with the row's default and help. */
  static final class SacOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
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
      return 1;
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
      return 1;
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
