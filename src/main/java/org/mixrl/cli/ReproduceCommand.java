package org.mixrl.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixrl reproduce}: the main job. Runs the theory and bandit study and writes figures,
 * the CSV behind each, and summary.md (measured findings next to the paper's claims).
 */
@Command(
    name = "reproduce",
    description = {
      "Reproduce the paper's theory and bandit experiments.",
      "Gaussian threshold, stationary points, entropy robustness, estimator variance and",
      "bandit learning curves: PNG figures, the CSV behind each, and summary.md, which",
      "records the wall time of the run. Minutes on 2 cores; --quick is several times faster."
    })
final class ReproduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "out/reproduce",
      description = "Output directory (default out/reproduce).")
  Path out;

  @Option(names = "--quick", description = "Fewer alphas, components, seeds and repeats.")
  boolean quick;

  @Option(names = "--seeds", description = "Learning seeds per setting (default 10; quick 3).")
  Integer seeds;

  @Option(names = "--threads",
      description = "Worker threads (default: available processors). Results do not depend on it.")
  Integer threads;

  @Mixin SharedOptions.Quiet quiet;

  @Override
  public Integer call() throws Exception {
    if (seeds != null && seeds < 1) {
      throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
    }
    OutputPaths.checkDirectory("--out", out);
    ReproducePlan plan = quick ? ReproducePlan.quick(seeds) : ReproducePlan.defaults(seeds);
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    ReproduceOutput output = new ReproduceOutput(out);
    long start = System.nanoTime();
    StringBuilder md = new StringBuilder("# mixrl reproduce: measured findings\n\n");
    md.append("Plan: ").append(quick ? "`--quick`" : "default")
        .append(". Reward of sections 1-3 and 5: `").append(plan.rewardSpec())
        .append("`. Each number below is in the CSV named beside it; docs/theory.md and"
            + " docs/estimators.md explain the methods.\n\n");
    Map<String, Integer> stages = plan.stages();
    long total = stages.values().stream().mapToLong(Integer::longValue).sum();
    int longestStage = stages.keySet().stream().mapToInt(String::length).max().orElse(0);
    try (ProgressBar bar = ProgressBars.build(
            ProgressBars.builder("reproduce", total, "tasks", 1 + longestStage),
            ProgressBars.consumer(quiet.quiet));
        TaskRunner runner = new TaskRunner(n, bar, stages)) {
      ReproduceTheory theory = new ReproduceTheory(plan, output, runner);
      md.append(theory.threshold());
      md.append(theory.robustness());
      md.append(theory.densities());
      ReproduceBandits bandits = new ReproduceBandits(plan, output, runner);
      md.append(bandits.variance());
      md.append(bandits.learning());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    md.append(String.format(Locale.ROOT, "---%nWall time %.0f s on %d threads (%s).%n", seconds,
        n, System.getProperty("java.vm.name") + " " + Runtime.version()));
    output.text("summary.md", md.toString());
    var w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "wrote %d files to %s in %.0f s%n", output.written().size(),
        out.toAbsolutePath().normalize(), seconds);
    for (String f : output.written()) {
      w.println("  " + f);
    }
    w.flush();
    return 0;
  }
}
