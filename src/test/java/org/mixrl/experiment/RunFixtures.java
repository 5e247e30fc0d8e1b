package org.mixrl.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.Precision;

/** Tiny, fast runs for the experiment tests. */
final class RunFixtures {
  private RunFixtures() {}

  static RunConfig tiny(String policy, int k, String estimator, long steps, long seed) {
    return tiny(policy, k, estimator, steps, seed, Precision.F64);
  }

  static RunConfig tiny(String policy, int k, String estimator, long steps, long seed,
      Precision precision) {
    SacConfig sac = SacConfig.builder()
        .policyClass(PolicyClass.parse(policy))
        .components(k)
        .estimator(estimator)
        .hidden(List.of(8, 8))
        .batchSize(16)
        .learningStarts(50)
        .precision(precision)
        .build();
    return new RunConfig("Pendulum-v1", seed, steps, 100, 1, steps / 2, sac);
  }

  /** metrics.csv lines with the wall_time column blanked. */
  static List<String> metricsWithoutWallTime(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(Trainer.METRICS_FILE))) {
      String[] cols = line.split(",", -1);
      cols[MetricsRow.WALL_TIME_COLUMN] = "";
      out.add(String.join(",", cols));
    }
    return out;
  }

  static RunSummary runToEnd(Path dir, RunConfig c) throws IOException {
    try (Trainer t = Trainer.start(dir, c)) {
      return t.run(TrainingListener.NONE);
    }
  }
}
