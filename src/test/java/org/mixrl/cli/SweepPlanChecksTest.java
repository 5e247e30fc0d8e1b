package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.experiment.Json;
import org.mixrl.experiment.sweep.CommandKind;
import org.mixrl.experiment.sweep.PlannedRun;
import org.mixrl.experiment.sweep.Sweep;

/**
 * sweep plan checks every run as train would (the same code builds the config), sweep
 * status shows why a run failed, a fixed spec replaces the bad run, sweep forget removes runs.
 */
class SweepPlanChecksTest {
  @TempDir Path tmp;

  /** A tiny valid train run; each case adds or overrides one option. */
  static final String BASE = "\"env\": \"Pendulum-v1\", \"steps\": 60, \"eval-every\": 0,"
      + " \"hidden\": [8], \"batch-size\": 8, \"learning-starts\": 20";

  private Path spec(String base, String grid) throws Exception {
    return Files.writeString(tmp.resolve("spec.json"), "{\"command\": \"train\", \"base\": {"
        + base + "}, \"grid\": {" + grid + "}}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "steps|\"many\"|must be an integer",
      "steps|-100|steps must be >= 1, got -100",
      "steps|100.5|must be an integer, got 100.5",
      "env|\"Nope\"|unknown id 'Nope'",
      "gamma|5|gamma must be in [0, 1], got 5.0",
      "batch-size|0|batchSize must be >= 1, got 0",
      "hidden|[8, 0]|hidden widths must be >= 1",
      "autotune|\"yes\"|must be true or false",
      "target-entropy|\"NaN\"|NaN is not allowed",
      "estimator|\"nope\"|unknown estimator 'nope'"})
  void aValueTrainRefusesRefusesTheSpecInOneLineAndPlansNothing(String key, String value,
      String allowed) throws Exception {
    Map<String, Object> base = new LinkedHashMap<>(baseOptions());
    base.put(key, Json.parse(value));
    Path spec = Files.writeString(tmp.resolve("spec.json"), Json.write(Map.of(
        "command", "train", "base", base, "grid", Map.of("seed", List.of(1L, 2L)))));
    Path out = tmp.resolve("sweep");
    CliRun.Result r = CliRun.run("sweep", "plan", spec.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    String line = r.err().strip();
    // the value as the spec wrote it (every case writes it the way messages quote values)
    assertTrue(line.startsWith("mixrl sweep plan: error: sweep spec: base \"" + key + "\": "
        + value + " in grid cell seed=1: "), line);
    assertTrue(line.contains(allowed), line);
    assertFalse(Files.exists(out), "nothing is written");

    // ... and train, given the arguments the sweep would give it, refuses the run too
    CommandKind train = SweepKinds.require("train");
    Map<String, Object> options = new LinkedHashMap<>(base);
    options.put("seed", 1L);
    List<String> args = new ArrayList<>(train.arguments(options, tmp.resolve("run"), false));
    CliRun.Result t = CliRun.run(args.toArray(String[]::new));
    assertEquals(2, t.code(), t.err());
    assertFalse(Files.exists(tmp.resolve("run").resolve("metrics.csv")));
  }

  private static Map<String, Object> baseOptions() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) Json.parse("{" + BASE + "}");
    return m;
  }

  @Test
  void anUnknownKeyIsRefusedListingTheAllowedOnes() throws Exception {
    Path spec = spec(BASE + ", \"gama\": 0.9", "\"seed\": [1]");
    CliRun.Result r = CliRun.run("sweep", "plan", spec.toString(), "--out",
        tmp.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no option \"gama\"") && r.err().contains("gamma"), r.err());
    assertFalse(Files.exists(tmp.resolve("s")));
  }

  @Test
  void combinationsThatCannotRunAreStillSkippedNotRefused() throws Exception {
    Path spec = spec(BASE, "\"policy\": [\"sg\", \"sgm\"], \"estimator\": [\"rp\", \"mrp\"],"
        + " \"seed\": [1]");
    CliRun.Result r = CliRun.run("sweep", "plan", spec.toString(), "--out",
        tmp.resolve("s").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lastLine().contains("2 runs added") && r.lastLine().contains("2 invalid"),
        r.out());
  }

  /**
   * A run that an older mixrl planned with "steps": "many" fails at run time: failed.json and
   * status show train's error line, not the help pointer after it; planning the fixed spec
   * replaces it, and the sweep then runs clean.
   */
  @Test
  void aRunThatFailsShowsItsErrorAndTheFixedSpecReplacesIt() throws Exception {
    Path out = tmp.resolve("sweep");
    Path spec = spec(BASE, "\"seed\": [1]");
    assertEquals(0, CliRun.run("sweep", "plan", spec.toString(), "--out", out.toString())
        .code());
    Sweep sweep = Sweep.at(out);
    String good = sweep.ids().get(0);
    // what an older version planned: the same cell with a value train refuses
    Map<String, Object> badOptions = new LinkedHashMap<>(sweep.read(good).options());
    badOptions.put("steps", "many");
    PlannedRun bad = PlannedRun.of(SweepKinds.require("train"), badOptions);
    Files.move(sweep.runDir(good), sweep.runDir(bad.id()));
    Files.writeString(sweep.runDir(bad.id()).resolve(Sweep.CONFIG_FILE), bad.configJson());

    CliRun.Result task = CliRun.run("sweep", "task", out.toString(), "--run", bad.id());
    assertEquals(1, task.code(), task.out() + task.err());
    String error = "mixrl train: error: Invalid value for option '--steps': 'many' is not a long";
    assertTrue(Files.readString(sweep.runDir(bad.id()).resolve(Sweep.FAILED_FILE))
        .contains("\"error\": \"" + error + "\""));
    CliRun.Result status = CliRun.run("sweep", "status", out.toString());
    assertTrue(status.out().contains("failed   " + bad.id() + "  exit 2: " + error),
        status.out());

    CliRun.Result replan = CliRun.run("sweep", "plan", spec.toString(), "--out",
        out.toString());
    assertEquals(0, replan.code(), replan.err());
    assertTrue(replan.out().contains("replaced " + bad.id() + " (failed) by " + good
        + ": steps \"many\" -> 60"), replan.out());
    assertEquals(List.of(good), sweep.ids());
    assertEquals(0, CliRun.run("sweep", "task", out.toString(), "--run", good).code());
    assertTrue(CliRun.run("sweep", "status", out.toString()).out()
        .startsWith("1 runs: 0 pending, 0 running, 1 done, 0 failed"));
  }

  @Test
  void forgetRemovesNamedRunsButRefusesDoneOnesUnlessAskedAndTyposRemoveNothing()
      throws Exception {
    Path out = tmp.resolve("sweep");
    Path spec = spec(BASE, "\"seed\": [1, 2]");
    assertEquals(0, CliRun.run("sweep", "plan", spec.toString(), "--out", out.toString())
        .code());
    Sweep sweep = Sweep.at(out);
    String done = sweep.ids().get(0);
    String pending = sweep.ids().get(1);
    assertEquals(0, CliRun.run("sweep", "task", out.toString(), "--run", done).code());

    CliRun.Result typo = CliRun.run("sweep", "forget", out.toString(), pending, "nope");
    assertEquals(2, typo.code());
    assertTrue(typo.err().startsWith("mixrl sweep forget: error: no run 'nope'"), typo.err());
    CliRun.Result refused = CliRun.run("sweep", "forget", out.toString(), pending, done);
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("--delete-results"), refused.err());
    assertEquals(List.of(done, pending), sweep.ids(), "a refused forget removes nothing");

    CliRun.Result ok = CliRun.run("sweep", "forget", out.toString(), pending);
    assertEquals(0, ok.code(), ok.err());
    assertEquals("forgot " + pending + " (pending)", ok.lastLine());
    CliRun.Result results = CliRun.run("sweep", "forget", out.toString(), done,
        "--delete-results");
    assertEquals(0, results.code(), results.err());
    assertEquals("forgot " + done + " (done)", results.lastLine());
    assertEquals(List.of(), sweep.ids());
  }

  /** An array submitted before a forget still names the run: its task skips it, exit 0. */
  @Test
  void aSlurmTaskWhoseRunWasForgottenSkipsItWithExitZero() throws Exception {
    Path out = tmp.resolve("sweep");
    Path spec = spec(BASE, "\"seed\": [1, 2]");
    assertEquals(0, CliRun.run("sweep", "plan", spec.toString(), "--out", out.toString())
        .code());
    Sweep sweep = Sweep.at(out);
    List<String> ids = sweep.ids();
    Path list = Files.write(tmp.resolve("array.runs"), ids);
    assertEquals(0, CliRun.run("sweep", "forget", out.toString(), ids.get(0)).code());
    CliRun.Result task = CliRun.run("sweep", "task", out.toString(), "--list", list.toString(),
        "--index", "0");
    assertEquals(0, task.code(), task.err());
    assertTrue(task.out().contains(ids.get(0) + ": no longer planned"), task.out());
    assertEquals(List.of(ids.get(1)), sweep.ids(), "nothing is recreated");
  }
}
