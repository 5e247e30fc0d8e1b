package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.experiment.sweep.Sweep;
import org.mixrl.experiment.sweep.SweepSpec;

/**
 * Every sweep spec stored under docs/results/specs plans without an invalid combination and
 * runs end to end in a few steps: the spec's own settings, with the budget cut to 3 steps, one
 * update from step 2 on, one evaluation of one episode, and one seed. This is the check CI can
 * afford; the study itself runs outside CI.
 */
class ResultSpecsSmokeTest {
  @TempDir Path tmp;

  static Stream<Path> specs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("docs/results/specs"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void aSpecPlansAndEachOfItsSettingsRunsForThreeSteps(Path file) throws IOException {
    SweepSpec stored = SweepSpec.parse(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, Object> base = new LinkedHashMap<>(stored.base());
    Map<String, List<Object>> grid = new LinkedHashMap<>(stored.grid());
    grid.remove("seed");
    base.remove("seed");
    base.put("seed", 1L);
    base.put("steps", 3L);
    base.put("learning-starts", 1L);
    base.put("eval-every", 3L);
    base.put("eval-episodes", 1L);
    SweepSpec smoke = new SweepSpec(stored.command(), base, grid);
    Sweep sweep = Sweep.at(tmp.resolve("sweep"));
    Sweep.PlanResult plan = sweep.plan(smoke, SweepKinds.require(stored.command()));
    assertTrue(plan.invalid().isEmpty(), file + ": invalid combinations " + plan.invalid());
    assertFalse(plan.added().isEmpty(), file + " planned no run");
    for (String id : sweep.ids()) {
      CliRun.Result r = CliRun.run("sweep", "task", sweep.dir().toString(), "--run", id);
      assertEquals(0, r.code(), file + " run " + id + ": " + r.out() + r.err()
          + tail(sweep.runDir(id).resolve("attempt.log")));
      assertTrue(Files.exists(sweep.runDir(id).resolve(Sweep.DONE_FILE)), id + " not done");
    }
    Path out = tmp.resolve("collect");
    // 3 steps finish no 1000-step training episode: the curve is the evaluation at step 3
    CliRun.Result collect = CliRun.run("sweep", "collect", sweep.dir().toString(), "--curve",
        "eval_stochastic", "--out", out.toString());
    assertEquals(0, collect.code(), collect.err());
    for (String f : List.of("runs.csv", "groups.csv", "paired.csv", "learning-curves.png",
        "strip-final.png", "strip-auc.png")) {
      assertTrue(Files.exists(out.resolve(f)), file + ": collect wrote no " + f);
    }
  }

  private static String tail(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
