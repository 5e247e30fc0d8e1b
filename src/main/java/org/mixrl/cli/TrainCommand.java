package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;
import org.mixrl.experiment.RunConfig;
import org.mixrl.experiment.RunSummary;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl train}: SAC on one environment, into a resumable run directory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    sortOptions = false,
    description = {
      "Train Soft Actor-Critic with a Gaussian or mixture policy. Writes OUT/config.json,"
          + " OUT/metrics.csv and OUT/checkpoint.bin; rerun the same command with --resume to"
          + " continue from the last checkpoint.",
      "Defaults are CleanRL's sac_continuous_action.py."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", required = true, description = "Environment id (see `mixrl env list`).")
  String env;

  @Option(names = "--policy", defaultValue = "sg", description = "Policy class: g, sg, gm, sgm (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--components", description = "Mixture components K (default: 5 for gm/sgm, 1 otherwise).")
  Integer components;

  @Option(names = "--estimator", description = "Actor-gradient estimator: rp, lr, rplr, mrp, gs, irg (default: rp for g/sg, mrp for gm/sgm).")
  String estimator;

  @Option(names = "--baseline", defaultValue = "batch-loo", description = "Baseline of lr/rplr: none, mean, loo, batch-loo (default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(names = "--estimator-samples", defaultValue = "1", description = "Draws per state (per component for mrp) (default: ${DEFAULT-VALUE}).")
  int estimatorSamples;

  @Option(names = "--steps", required = true, description = "Environment steps.")
  long steps;

  @Option(names = "--seed", defaultValue = "1", description = "Run seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Run directory.")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(names = "--eval-every", defaultValue = "1000", description = "Evaluate every N steps, 0 = never (default: ${DEFAULT-VALUE}).")
  long evalEvery;

  @Option(names = "--eval-episodes", defaultValue = "5", description = "Episodes per evaluation, each of stochastic and deterministic (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--checkpoint-every", defaultValue = "5000", description = "Checkpoint every N steps, 0 = only at the end (default: ${DEFAULT-VALUE}).")
  long checkpointEvery;

  @Option(names = "--gamma", defaultValue = "0.99", description = "Discount (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--tau", defaultValue = "0.005", description = "Polyak rate of the target critics (default: ${DEFAULT-VALUE}).")
  double tau;

  @Option(names = "--batch-size", defaultValue = "256", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--buffer-size", defaultValue = "1000000", description = "Replay capacity (default: ${DEFAULT-VALUE}).")
  int bufferSize;

  @Option(names = "--learning-starts", defaultValue = "5000", description = "Uniform random steps before the first update (default: ${DEFAULT-VALUE}).")
  int learningStarts;

  @Option(names = "--actor-lr", defaultValue = "3e-4", description = "Actor learning rate (default: ${DEFAULT-VALUE}).")
  double actorLr;

  @Option(names = "--critic-lr", defaultValue = "1e-3", description = "Critic learning rate (default: ${DEFAULT-VALUE}).")
  double criticLr;

  @Option(names = "--alpha-lr", defaultValue = "1e-3", description = "Temperature learning rate (default: ${DEFAULT-VALUE}).")
  double alphaLr;

  @Option(names = "--hidden", defaultValue = "256,256", split = ",", description = "Hidden widths of actor and critics (default: ${DEFAULT-VALUE}).")
  List<Integer> hidden;

  @Option(names = "--autotune", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Learn alpha towards the target entropy (default: on; --no-autotune fixes it).")
  boolean autotune;

  @Option(names = "--alpha", description = "Initial (or fixed) alpha (default: 1 if autotuned, else 0.2).")
  Double alpha;

  @Option(names = "--target-entropy", description = "Target entropy (default: -dim(A)).")
  Double targetEntropy;

  @Option(names = "--log-std-min", defaultValue = "-5", description = "Lower log-std bound (default: ${DEFAULT-VALUE}).")
  double logStdMin;

  @Option(names = "--log-std-max", defaultValue = "2", description = "Upper log-std bound (default: ${DEFAULT-VALUE}).")
  double logStdMax;

  @Option(names = "--log-std-mode", defaultValue = "tanh", description = "tanh (CleanRL) or clamp (SB3) (default: ${DEFAULT-VALUE}).")
  String logStdMode;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** The run config the options describe; throws IllegalArgumentException naming a bad value. */
  RunConfig runConfig() {
    PolicyClass pc = PolicyClass.parse(policy);
    LogStdBounds.Mode mode;
    try {
      mode = LogStdBounds.Mode.valueOf(logStdMode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown --log-std-mode '" + logStdMode + "'; allowed: tanh, clamp");
    }
    SacConfig sac = SacConfig.builder()
        .policyClass(pc)
        .components(components != null ? components : pc.mixture() ? 5 : 1)
        .estimator(estimator != null ? estimator.trim().toLowerCase(Locale.ROOT)
            : pc.mixture() ? "mrp" : "rp")
        .baseline(baseline)
        .estimatorSamples(estimatorSamples)
        .gamma(gamma)
        .tau(tau)
        .batchSize(batchSize)
        .bufferSize(bufferSize)
        .learningStarts(learningStarts)
        .actorLr(actorLr)
        .criticLr(criticLr)
        .alphaLr(alphaLr)
        .hidden(hidden)
        .autotune(autotune)
        .initialAlpha(alpha == null ? Double.NaN : alpha)
        .targetEntropy(targetEntropy == null ? Double.NaN : targetEntropy)
        .logStdBounds(new LogStdBounds(logStdMin, logStdMax, mode))
        .build();
    return new RunConfig(env, seed, steps, evalEvery, evalEpisodes, checkpointEvery, sac);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    RunConfig config;
    try {
      config = runConfig();
    } catch (IllegalArgumentException e) {
      err.println("mixrl train: " + e.getMessage());
      err.flush();
      return 2;
    }
    try (Trainer trainer = resume ? Trainer.resume(out, config) : Trainer.start(out, config)) {
      RunSummary s;
      if (noProgress) {
        s = trainer.run(TrainingListener.NONE);
      } else {
        try (ProgressBar bar = progressBar(err, trainer.step(), config.steps())) {
          s = trainer.run(new TrainingListener() {
            @Override
            public void onStep(long step, long total, double lastReturn) {
              bar.stepTo(step);
              if (!Double.isNaN(lastReturn)) {
                bar.setExtraMessage(String.format(Locale.ROOT, " last return %.1f", lastReturn));
              }
            }
          });
        }
      }
      outW.printf(Locale.ROOT, "%s: %d/%d steps; last deterministic eval return %s,"
              + " stochastic %s%n", out, s.step(), config.steps(),
          fmt(s.lastDeterministicReturn()), fmt(s.lastStochasticReturn()));
      outW.flush();
      return s.finished() ? 0 : 1;
    } catch (IOException e) {
      err.println("mixrl train: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("mixrl train: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static ProgressBar progressBar(PrintWriter err, long start, long total) {
    return new ProgressBarBuilder()
        .setTaskName("train")
        .setInitialMax(total)
        .startsFrom(start, Duration.ZERO)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" steps", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setUpdateIntervalMillis(500)
        .setConsumer(new DelegatingProgressBarConsumer(s -> {
          err.print('\r');
          err.print(s);
          err.flush();
        }, 110))
        .build();
  }
}
