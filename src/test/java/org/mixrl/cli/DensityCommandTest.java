package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.agent.Sac;
import org.mixrl.experiment.ActionDensity;
import org.mixrl.experiment.Trainer;
import org.mixrl.random.RandomStream;

/** {@code mixrl density} on tiny MultiGoal and Pendulum runs (a few hundred steps each). */
class DensityCommandTest {
  @TempDir static Path tmp;
  static Path multiGoal;
  static Path pendulum;

  private static Path train(String name, String env, String policy, String steps) {
    Path out = tmp.resolve(name);
    CliRun.Result r = CliRun.run("train", "--env", env, "--steps", steps, "--seed", "3",
        "--policy", policy, "--hidden", "16,16", "--batch-size", "16", "--learning-starts", "100",
        "--eval-every", "0", "--no-progress", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    return out;
  }

  @BeforeAll
  static void trainTinyRuns() {
    multiGoal = train("mg", "MultiGoal-v0", "sgm", "300");
    pendulum = train("pend", "Pendulum-v1", "sg", "150");
  }

  @Test
  void writesTheGridTheComponentsAndBothFiguresForATwoDimensionalAction() throws IOException {
    Path out = tmp.resolve("d2");
    CliRun.Result r = CliRun.run("density", "--run", multiGoal.toString(), "--obs", "2.5,2.5",
        "--points", "21", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("MultiGoal-v0 step 300"), r.out());
    List<String> rows = Files.readAllLines(out.resolve("density.csv"), StandardCharsets.UTF_8);
    assertEquals("a_0,a_1,density,q_min", rows.get(0));
    assertEquals(1 + 21 * 21, rows.size());
    // cell centres: the first is -1 + 1/21, the last 1 - 1/21, a_1 varying fastest
    String[] first = rows.get(1).split(",");
    String[] second = rows.get(2).split(",");
    assertEquals(-1 + 1.0 / 21, Double.parseDouble(first[0]), 1e-12);
    assertEquals(-1 + 3.0 / 21, Double.parseDouble(second[1]), 1e-12);
    List<String> comps = Files.readAllLines(out.resolve("components.csv"), StandardCharsets.UTF_8);
    assertEquals("component,weight,mode_0,mode_1", comps.get(0));
    assertEquals(1 + 5, comps.size(), "sgm defaults to K = 5");
    double total = 0;
    for (String line : comps.subList(1, comps.size())) {
      total += Double.parseDouble(line.split(",")[1]);
    }
    assertEquals(1.0, total, 1e-12);
    assertTrue(Files.size(out.resolve("density.png")) > 1000);
    assertTrue(Files.size(out.resolve("critic.png")) > 1000);
  }

  /**
   * The density is that of the actions the actor draws: 40,000 draws from the run's agent are
   * binned into a 4 x 4 grid of cells and each cell's frequency is compared with the density's
   * mass there (midpoint rule on 60 x 60 points per cell), within 4 binomial standard errors
   * plus the quadrature error bound 0.01.
   */
  @Test
  void theDensityMatchesTheActorsOwnSamples() throws IOException {
    double[] s = {2.5, 2.5};
    int points = 240;
    ActionDensity.Grid g = ActionDensity.ofRun(multiGoal, s, points);
    assertEquals(1.0, g.mass(), 0.01);
    int bins = 4;
    double[] mass = new double[bins * bins];
    for (int i = 0; i < g.density().length; i++) {
      int bx = (i / points) * bins / points;
      int by = (i % points) * bins / points;
      mass[bx * bins + by] += g.density()[i] * g.cellVolume();
    }
    int n = 40_000;
    double[] freq = new double[bins * bins];
    try (Trainer t = Trainer.open(multiGoal)) {
      Sac agent = t.agent();
      RandomStream rng = RandomStream.of(99);
      for (int k = 0; k < n; k++) {
        double[] a = agent.sample(s, rng);
        int bx = Math.min(bins - 1, (int) ((a[0] + 1) / 2 * bins));
        int by = Math.min(bins - 1, (int) ((a[1] + 1) / 2 * bins));
        freq[bx * bins + by] += 1.0 / n;
      }
    }
    for (int c = 0; c < bins * bins; c++) {
      double se = Math.sqrt(Math.max(mass[c] * (1 - mass[c]), 1e-6) / n);
      assertEquals(mass[c], freq[c], 4 * se + 0.01, "cell " + c);
    }
  }

  @Test
  void aOneDimensionalActionGivesACurve() throws IOException {
    Path out = tmp.resolve("d1");
    CliRun.Result r = CliRun.run("density", "--run", pendulum.toString(), "--obs", "1,0,0",
        "--points", "101", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> rows = Files.readAllLines(out.resolve("density.csv"), StandardCharsets.UTF_8);
    assertEquals("a_0,density,q_min", rows.get(0));
    assertEquals(102, rows.size());
    // Pendulum's box is [-2, 2]: the first cell centre is -2 + 2/101
    assertEquals(-2 + 2.0 / 101, Double.parseDouble(rows.get(1).split(",")[0]), 1e-12);
    assertEquals("component,weight,mode_0",
        Files.readAllLines(out.resolve("components.csv")).get(0));
    assertTrue(Files.size(out.resolve("density.png")) > 1000);
  }

  @Test
  void badInputExitsTwoNamingTheProblemAndLeavesTheRunAlone() throws IOException {
    byte[] checkpoint = Files.readAllBytes(multiGoal.resolve(Trainer.CHECKPOINT_FILE));
    byte[] metrics = Files.readAllBytes(multiGoal.resolve(Trainer.METRICS_FILE));
    Path out = tmp.resolve("bad");
    String[][] cases = {
      {"--obs", "2.5", "observation must have 2 values for MultiGoal-v0, got [2.5]"},
      {"--obs", "2.5,NaN", "observation[1] must be finite, got NaN"},
      {"--points", "1", "points per axis must be in [2, 316] for a 2-D action, got 1"},
      {"--points", "317", "points per axis must be in [2, 316] for a 2-D action, got 317"},
    };
    for (String[] c : cases) {
      List<String> args = new java.util.ArrayList<>(List.of("density", "--run",
          multiGoal.toString(), "--out", out.toString()));
      if (!c[0].equals("--obs")) {
        args.addAll(List.of("--obs", "0,0"));
      }
      args.addAll(List.of(c[0], c[1]));
      CliRun.Result r = CliRun.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), String.join(" ", args));
      assertTrue(r.err().contains("mixrl density: error: " + c[2]), r.err());
    }
    CliRun.Result missing = CliRun.run("density", "--run", tmp.resolve("nope").toString(),
        "--obs", "0,0", "--out", out.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("nope"), missing.err());
    Path file = Files.writeString(tmp.resolve("a-file"), "keep");
    CliRun.Result onFile = CliRun.run("density", "--run", multiGoal.toString(), "--obs", "0,0",
        "--out", file.toString());
    assertEquals(2, onFile.code());
    assertEquals("keep", Files.readString(file));
    assertNotEquals(0, onFile.err().length());
    assertArrayEquals(checkpoint, Files.readAllBytes(multiGoal.resolve(Trainer.CHECKPOINT_FILE)));
    assertArrayEquals(metrics, Files.readAllBytes(multiGoal.resolve(Trainer.METRICS_FILE)));
  }
}
