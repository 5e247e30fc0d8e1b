package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job's --quick plan end to end (about 40 s on 2 cores, so it is an integration
 * test run by failsafe) and checks that every figure and table exists and is non-trivial.
 */
class ReproduceQuickIT {
  @Test
  void quickRunWritesFiguresCsvsAndASummary(@TempDir Path dir) throws Exception {
    CliRun.Result r = CliRun.run("reproduce", "--quick", "--quiet", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());

    for (String png : List.of("threshold.png", "stationary_points.png",
        "robustness_objective.png", "robustness_reward.png", "density_box.png",
        "density_line.png", "variance_total.png", "variance_logits.png", "learning_true.png",
        "learning_learned.png")) {
      long size = Files.size(dir.resolve(png));
      assertTrue(size > 10_000, png + " is only " + size + " bytes");
    }
    // quick plan: 2 rewards; 6 classes (G, GM_2, GM_3, SG, SGM_2, SGM_3) x 3 alphas; 3 rewards x 5 estimators x 9 parameters;
    // 2 critics x 1 alpha x 5 settings x (100/10 + 1) steps, and x 3 seeds for the finals
    assertRows(dir, "threshold.csv", 2);
    assertRows(dir, "entropy_robustness.csv", 6 * 3);
    assertRows(dir, "variance.csv", 3 * 5 * 9);
    assertRows(dir, "variance_totals.csv", 3 * 5);
    assertRows(dir, "learning_curves.csv", 2 * 5 * 11);
    assertRows(dir, "learning_final.csv", 2 * 5 * 3);

    String summary = Files.readString(dir.resolve("summary.md"));
    assertTrue(summary.contains("alpha_star"), summary);
    assertTrue(summary.contains("0.3827"), "alpha*_G of the two-bump reward:\n" + summary);
    assertTrue(summary.contains("Paper"), summary);
    // no temp files left behind by the atomic writes
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".mixrl-")));
    }
  }

  private static void assertRows(Path dir, String csv, int rows) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve(csv));
    assertEquals(rows + 1, lines.size(), csv + ": header plus " + rows + " rows expected");
  }
}
