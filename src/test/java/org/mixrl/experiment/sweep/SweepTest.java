package org.mixrl.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.experiment.RunLock;
import org.mixrl.random.RandomStream;

class SweepTest {
  @TempDir Path tmp;

  /** A command that needs "steps" and resumes when its output has "ckpt". */
  static final CommandKind FAKE = new CommandKind("fake", java.util.Set.of(), java.util.Set.of(),
      List.of(Map.entry("policy", ""), Map.entry("seed", "s")), "ckpt", List.of("--quiet"),
      o -> "bad".equals(o.get("policy")) ? Optional.of("policy bad is not allowed")
          : Optional.empty(),
      o -> {
        if ("refused".equals(o.get("policy"))) {
          throw new IllegalArgumentException("policy refused is never allowed");
        }
      });

  static Optional<CommandKind> kinds(String name) {
    return name.equals("fake") ? Optional.of(FAKE) : Optional.empty();
  }

  static SweepSpec spec(String json) {
    return SweepSpec.parse(json);
  }

  @Test
  void theIssuesExampleExpandsToTwelveRunsWithSeedsVaryingFastest() {
    SweepSpec s = spec("{\"command\": \"train\", \"base\": {\"env\": \"Pendulum-v1\", \"steps\":"
        + " 20000}, \"grid\": {\"policy\": [\"sgm\"], \"components\": [2, 5], \"estimator\":"
        + " [\"mrp\", \"lr\"], \"seed\": [1, 2, 3]}}");
    List<Map<String, Object>> runs = s.expand();
    assertEquals(12, runs.size());
    assertEquals(List.of(1L, 2L, 3L), runs.subList(0, 3).stream().map(m -> m.get("seed")).toList());
    assertEquals("Pendulum-v1", runs.get(11).get("env"));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 12).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomGridsExpandToTheProductOfTheirSizesWithoutDuplicates(int seed) {
    RandomStream rng = RandomStream.of(seed);
    Map<String, Object> grid = new LinkedHashMap<>();
    int product = 1;
    int keys = 1 + rng.nextInt(4);
    for (int k = 0; k < keys; k++) {
      int n = 1 + rng.nextInt(4);
      List<Object> values = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        values.add((long) v);
      }
      grid.put("key" + k, values);
      product *= n;
    }
    SweepSpec s = spec(org.mixrl.experiment.Json.write(Map.of("command", "fake", "grid", grid)));
    List<Map<String, Object>> runs = s.expand();
    assertEquals(product, runs.size());
    assertEquals(product, new HashSet<>(runs).size());
  }

  @Test
  void aKeyInBothBaseAndGridIsRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(
        "{\"command\": \"fake\", \"base\": {\"seed\": 1}, \"grid\": {\"seed\": [1, 2]}}"));
    assertTrue(e.getMessage().contains("\"seed\""), e.getMessage());
  }

  @Test
  void planningIsIdempotentAndAnEditedSpecAddsOnlyNewRuns() throws IOException {
    Sweep sw = Sweep.at(tmp);
    Sweep.PlanResult first = sw.plan(spec("{\"command\": \"fake\", \"grid\": {\"policy\":"
        + " [\"a\", \"bad\"], \"seed\": [1, 2]}}"), FAKE);
    assertEquals(2, first.added().size());
    assertEquals(2, first.invalid().size());
    assertTrue(first.invalid().get(0).reason().contains("not allowed"));
    Sweep.PlanResult again = sw.plan(spec("{\"command\": \"fake\", \"grid\": {\"policy\":"
        + " [\"a\", \"bad\"], \"seed\": [1, 2]}}"), FAKE);
    assertEquals(0, again.added().size());
    assertEquals(2, again.existing().size());
    // seed moved to base and a third seed added: only seed 3 is new
    Sweep.PlanResult edited = sw.plan(spec("{\"command\": \"fake\", \"base\": {\"policy\":"
        + " \"a\"}, \"grid\": {\"seed\": [1, 2, 3]}}"), FAKE);
    assertEquals(1, edited.added().size());
    assertEquals(3, sw.ids().size());
    assertTrue(edited.added().get(0).id().startsWith("a_s3_"), edited.added().get(0).id());
  }

  @Test
  void unknownOptionsNameTheAllowedOnes() {
    CommandKind strict = new CommandKind("fake", java.util.Set.of("seed", "steps"),
        java.util.Set.of("steps"), List.of(), "ckpt", List.of(), o -> Optional.empty(), o -> { });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sweep.at(tmp).plan(spec("{\"command\": \"fake\", \"base\": {\"steps\": 1},"
            + " \"grid\": {\"sed\": [1]}}"), strict));
    assertTrue(e.getMessage().contains("\"sed\"") && e.getMessage().contains("seed, steps"),
        e.getMessage());
  }

  @Test
  void argumentsMirrorTheCommandsOptions() {
    List<String> args = FAKE.arguments(new java.util.TreeMap<>(Map.of("hidden", List.of(16L, 16L),
        "autotune", false, "seed", 3L)), Path.of("/o"), true);
    assertEquals(List.of("fake", "--autotune".replace("--", "--no-"), "--hidden", "16,16",
        "--seed", "3", "--quiet", "--out", "/o", "--resume"), args);
  }

  private String planOne() throws IOException {
    Sweep sw = Sweep.at(tmp);
    return sw.plan(spec("{\"command\": \"fake\", \"grid\": {\"seed\": [1]}}"), FAKE)
        .added().get(0).id();
  }

  @Test
  void aFailingRunRecordsItsExitCodeAndErrorAndARetrySucceeds() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    CommandRunner failing = (args, log) -> {
      Files.writeString(log, "working\nboom: out of luck\n");
      return 3;
    };
    assertEquals(RunOutcome.FAILED, sw.attempt(id, SweepTest::kinds, failing));
    RunStatus st = sw.status(id, SweepTest::kinds);
    assertEquals(RunState.FAILED, st.state());
    assertTrue(st.detail().contains("exit 3") && st.detail().contains("boom"), st.detail());
    List<List<String>> calls = new ArrayList<>();
    CommandRunner ok = (args, log) -> {
      calls.add(args);
      return 0;
    };
    assertEquals(RunOutcome.FINISHED, sw.attempt(id, SweepTest::kinds, ok));
    assertEquals(RunState.DONE, sw.status(id, SweepTest::kinds).state());
    assertFalse(Files.exists(sw.runDir(id).resolve(Sweep.FAILED_FILE)));
    assertEquals(RunOutcome.ALREADY_DONE, sw.attempt(id, SweepTest::kinds, ok));
    assertEquals(1, calls.size());
    assertEquals(List.of(), sw.notDone());
  }

  @Test
  void aFailureRecordsTheErrorLineNotTheHelpPointerThatFollowsIt() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    CommandRunner badInput = (args, log) -> {
      Files.writeString(log, "mixrl fake: error: --steps: steps must be >= 1, got -5\n"
          + "Run 'mixrl fake --help' for the options.\n");
      return 2;
    };
    assertEquals(RunOutcome.FAILED, sw.attempt(id, SweepTest::kinds, badInput));
    String failed = Files.readString(sw.runDir(id).resolve(Sweep.FAILED_FILE));
    assertTrue(failed.contains("\"error\": \"mixrl fake: error: --steps: steps must be >= 1,"
        + " got -5\""), failed);
    String detail = sw.status(id, SweepTest::kinds).detail();
    assertEquals("exit 2: mixrl fake: error: --steps: steps must be >= 1, got -5", detail);
  }

  @Test
  void aRunnerExceptionIsRecordedWithItsMessage() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    CommandRunner throwing = (args, log) -> {
      throw new IOException("cannot start the worker: disk full");
    };
    assertEquals(RunOutcome.FAILED, sw.attempt(id, SweepTest::kinds, throwing));
    assertEquals("exit -1: cannot start the worker: disk full",
        sw.status(id, SweepTest::kinds).detail());
  }

  @Test
  void errorLineIsTheFirstErrorFormatLineElseTheLastLine() {
    assertEquals("mixrl x: error: a", Sweep.errorLine(
        "progress\nmixrl x: error: a\n\tat Foo.bar(Foo.java:1)\nmixrl x: error: b\n"));
    assertEquals("last words", Sweep.errorLine("first\nlast words\n\n"));
    assertEquals("", Sweep.errorLine(""));
  }

  @Test
  void aSpecACommandRefusesIsRefusedWholeNamingTheCellKeyAndValueAndWritesNothing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sweep.at(tmp.resolve("sw")).plan(spec("{\"command\": \"fake\", \"base\":"
            + " {\"steps\": 10}, \"grid\": {\"seed\": [1, 2], \"policy\": [\"a\","
            + " \"refused\"]}}"), FAKE));
    assertTrue(e.getMessage().contains("grid cell seed=1 policy=refused")
        && e.getMessage().contains("policy refused is never allowed")
        && e.getMessage().contains("nothing was planned"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("sw")), "nothing is written");
  }

  /** Plans {@code grid} (a JSON object) with steps {@code steps} in base. */
  private Sweep.PlanResult planFake(Object steps, String grid) throws IOException {
    return planFake(steps, grid, FAKE);
  }

  private Sweep.PlanResult planFake(Object steps, String grid, CommandKind kind)
      throws IOException {
    return Sweep.at(tmp).plan(spec("{\"command\": \"fake\", \"base\": {\"steps\": "
        + steps + "}, \"grid\": " + grid + "}"), kind);
  }

  /** FAKE as an older mixrl saw it: no plan-time check, so any steps got planned. */
  static final CommandKind LAX = new CommandKind("fake", java.util.Set.of(), java.util.Set.of(),
      FAKE.slugKeys(), "ckpt", List.of("--quiet"), o -> Optional.empty(), o -> { });

  /** FAKE now: steps must be a number. */
  static final CommandKind STRICT = new CommandKind("fake", java.util.Set.of(),
      java.util.Set.of(), FAKE.slugKeys(), "ckpt", List.of("--quiet"), o -> Optional.empty(),
      o -> {
        if (!(o.get("steps") instanceof Long)) {
          throw new IllegalArgumentException("steps must be an integer");
        }
      });

  @Test
  void aFixedSpecReplacesTheFailedAndNeverStartedRunsOfItsCellsAndKeepsTheRest()
      throws Exception {
    Sweep sw = Sweep.at(tmp);
    String grid = "{\"seed\": [1, 2, 3, 4, 5]}";
    List<PlannedRun> bad = planFake("\"bad\"", grid, LAX).added();
    String failed = bad.get(0).id();
    String done = bad.get(1).id();
    String resumable = bad.get(2).id();
    String running = bad.get(3).id();
    String neverStarted = bad.get(4).id();
    sw.attempt(failed, SweepTest::kinds, (args, log) -> 2);
    sw.attempt(done, SweepTest::kinds, (args, log) -> 0);
    Path out = sw.runDir(resumable).resolve(Sweep.OUT_DIR);
    sw.attempt(resumable, SweepTest::kinds, (args, log) -> {
      Files.createDirectories(out);
      Files.writeString(out.resolve("ckpt"), "state");
      return 1;
    });
    Sweep.PlanResult fixed;
    try (RunLock held = RunLock.tryAcquire(sw.runDir(running)).orElseThrow()) {
      fixed = planFake(10, grid, STRICT);
    }
    assertEquals(5, fixed.added().size());
    assertEquals(List.of(failed, neverStarted),
        fixed.replaced().stream().map(r -> r.old().id()).toList());
    assertEquals("failed", fixed.replaced().get(0).state());
    assertTrue(fixed.replaced().get(1).state().contains("steps must be an integer"),
        fixed.replaced().get(1).state());
    assertEquals(bad.get(0).options().get("seed"), fixed.replaced().get(0).by().options()
        .get("seed"), "replaced by the run of the same grid cell");
    assertEquals(List.of(resumable, running),
        fixed.kept().stream().map(k -> k.old().id()).toList());
    assertTrue(fixed.kept().get(0).why().contains("checkpoint"), fixed.kept().get(0).why());
    assertTrue(fixed.kept().get(1).why().contains("running"), fixed.kept().get(1).why());
    List<String> ids = sw.ids();
    assertFalse(ids.contains(failed) || ids.contains(neverStarted), ids.toString());
    assertTrue(ids.contains(done) && ids.contains(resumable) && ids.contains(running));
    assertEquals(8, ids.size());
    assertTrue(Files.exists(sw.runDir(done).resolve(Sweep.DONE_FILE)), "done runs stay");
  }

  @Test
  void anEditThatOnlyAddsValuesReplacesNothing() throws Exception {
    Sweep sw = Sweep.at(tmp);
    List<PlannedRun> first = planFake(10, "{\"seed\": [1, 2], \"policy\": [\"a\"]}")
        .added();
    Sweep.PlanResult more = planFake(10, "{\"seed\": [1, 2, 3], \"policy\": [\"a\","
        + " \"b\"]}");
    assertEquals(List.of(), more.replaced());
    assertEquals(4, more.added().size());
    assertEquals(2, more.existing().size());
    Sweep.PlanResult other = planFake(10, "{\"seed\": [7]}");
    assertEquals(List.of(), other.replaced(), "other cells (seed 7) leave seeds 1-3 alone");
    Sweep.PlanResult longer = planFake(20, "{\"seed\": [1, 2], \"policy\": [\"a\"]}");
    assertEquals(List.of(), longer.replaced(), "valid runs that never ran are another spec's");
    for (PlannedRun r : first) {
      assertTrue(sw.ids().contains(r.id()));
    }
  }

  @Test
  void forgetRemovesFailedAndPendingRunsButADoneOneOnlyWhenAskedAndNeverARunningOne()
      throws Exception {
    Sweep sw = Sweep.at(tmp);
    List<PlannedRun> runs = planFake(10, "{\"seed\": [1, 2, 3, 4]}").added();
    String failed = runs.get(0).id();
    String done = runs.get(1).id();
    String pending = runs.get(2).id();
    String running = runs.get(3).id();
    sw.attempt(failed, SweepTest::kinds, (args, log) -> 2);
    sw.attempt(done, SweepTest::kinds, (args, log) -> 0);
    assertEquals(RunState.FAILED, sw.forget(failed, SweepTest::kinds, false));
    assertEquals(RunState.PENDING, sw.forget(pending, SweepTest::kinds, false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sw.forget(done, SweepTest::kinds, false));
    assertTrue(e.getMessage().contains("--delete-results"), e.getMessage());
    assertTrue(Files.exists(sw.runDir(done).resolve(Sweep.DONE_FILE)));
    try (RunLock held = RunLock.tryAcquire(sw.runDir(running)).orElseThrow()) {
      IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
          () -> sw.forget(running, SweepTest::kinds, true));
      assertTrue(r.getMessage().contains("running"), r.getMessage());
    }
    assertEquals(List.of(done, running), sw.ids());
    assertEquals(RunState.DONE, sw.forget(done, SweepTest::kinds, true));
    assertEquals(List.of(running), sw.ids());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("."))
          .toList(), "no leftovers of removed runs");
    }
  }

  @Test
  void aRunStoppedBySigtermIsInterruptedNotFailedAndResumesNextTime() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    Path out = sw.runDir(id).resolve(Sweep.OUT_DIR);
    assertEquals(RunOutcome.FAILED, sw.attempt(id, SweepTest::kinds, (args, log) -> 3));
    CommandRunner sigterm = (args, log) -> {
      Files.createDirectories(out);
      Files.writeString(out.resolve("ckpt"), "state");
      return 143;
    };
    assertEquals(RunOutcome.INTERRUPTED, sw.attempt(id, SweepTest::kinds, sigterm));
    RunStatus st = sw.status(id, SweepTest::kinds);
    assertEquals(RunState.PENDING, st.state(), "not failed: " + st.detail());
    assertTrue(st.resumable());
    assertFalse(Files.exists(sw.runDir(id).resolve(Sweep.FAILED_FILE)));
    List<List<String>> calls = new ArrayList<>();
    assertEquals(RunOutcome.FINISHED, sw.attempt(id, SweepTest::kinds, (args, log) -> {
      calls.add(args);
      return 0;
    }));
    assertTrue(calls.get(0).contains("--resume"));
    assertTrue(Files.readString(sw.runDir(id).resolve(Sweep.DONE_FILE))
        .contains("\"pid\": " + ProcessHandle.current().pid()), "done.json names its writer");
  }

  @Test
  void anInterruptedRunResumesAndAPartialStartWithoutCheckpointStartsAfresh() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    Path out = sw.runDir(id).resolve(Sweep.OUT_DIR);
    Files.createDirectories(out);
    Files.writeString(out.resolve("junk"), "partial");
    List<List<String>> calls = new ArrayList<>();
    CommandRunner dies = (args, log) -> {
      calls.add(args);
      Files.createDirectories(out);
      Files.writeString(out.resolve("ckpt"), "state");
      return 137;
    };
    sw.attempt(id, SweepTest::kinds, dies);
    assertFalse(calls.get(0).contains("--resume"));
    assertFalse(Files.exists(out.resolve("junk")), "a start without checkpoint begins clean");
    assertTrue(sw.status(id, SweepTest::kinds).resumable());
    sw.attempt(id, SweepTest::kinds, (args, log) -> {
      calls.add(args);
      return 0;
    });
    assertTrue(calls.get(1).contains("--resume"));
    assertTrue(Files.exists(out.resolve("ckpt")), "the checkpoint is kept for the resume");
  }

  @Test
  void aRunLockedByThisProcessIsRunningAndBusy() throws Exception {
    String id = planOne();
    Sweep sw = Sweep.at(tmp);
    try (RunLock held = RunLock.tryAcquire(sw.runDir(id)).orElseThrow()) {
      assertEquals(RunState.RUNNING, sw.status(id, SweepTest::kinds).state());
      assertEquals(RunOutcome.BUSY, sw.attempt(id, SweepTest::kinds, (a, l) -> 0));
    }
    assertEquals(RunState.PENDING, sw.status(id, SweepTest::kinds).state());
  }

  @Test
  void aLockHeldByAnotherProcessBlocksUntilThatProcessIsKilled() throws Exception {
    Path run = tmp.resolve("r");
    Files.createDirectories(run);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), run.toString()).redirectErrorStream(true).start();
    try {
      // the holder prints one line once it has the lock
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(
          holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertEquals("locked", line);
      assertTrue(RunLock.isHeld(run));
      assertTrue(RunLock.tryAcquire(run).isEmpty());
      assertTrue(Files.readString(run.resolve(RunLock.FILE_NAME)).contains("pid=" + holder.pid()));
    } finally {
      holder.destroyForcibly(); // SIGKILL: no chance to clean up
      holder.waitFor(20, TimeUnit.SECONDS);
    }
    assertFalse(RunLock.isHeld(run));
    try (RunLock l = RunLock.tryAcquire(run).orElseThrow()) {
      assertTrue(RunLock.isHeld(run));
    }
  }

  /** Takes a run lock and sleeps until killed. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      RunLock l = RunLock.tryAcquire(Path.of(args[0])).orElseThrow();
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(600_000);
      l.close();
    }
  }

  @Test
  void slurmTasksMapIndicesThroughTheListWrittenAtSubmission() throws IOException {
    Sweep sw = Sweep.at(tmp);
    sw.plan(spec("{\"command\": \"fake\", \"grid\": {\"seed\": [1, 2, 3]}}"), FAKE);
    SlurmArray a = SlurmArray.write(sw, sw.notDone(), new SlurmArray.Options("debug", "01:00:00",
        2, 2, null), List.of("/usr/bin/java", "-cp", "/x y/*", "org.mixrl.cli.Main"));
    assertTrue(a.text().contains("#SBATCH --array=0-2%2\n"), a.text());
    assertTrue(a.text().contains("#SBATCH --partition=debug\n"));
    assertTrue(a.text().contains("'/x y/*'"), "class path quoted for the shell");
    assertTrue(a.text().contains("\"$SLURM_ARRAY_TASK_ID\""));
    assertEquals(sw.ids().get(2), SlurmArray.runForTask(a.list(), 2));
    // planning more runs later does not move what index 2 means for this array
    sw.plan(spec("{\"command\": \"fake\", \"grid\": {\"seed\": [0, 1, 2, 3]}}"), FAKE);
    assertEquals(sw.ids().get(3), SlurmArray.runForTask(a.list(), 2));
    assertThrows(IllegalArgumentException.class, () -> SlurmArray.runForTask(a.list(), 3));
  }

  @Test
  void curvesPreferDeterministicEvaluationsAndAreaIsTheMeanReturnOverSteps() throws IOException {
    Path m = tmp.resolve("metrics.csv");
    Files.writeString(m, "kind,step,wall_time,return\ntrain,200,0.1,-5\n"
        + "eval_deterministic,200,0.2,-4\ntrain,400,0.3,-3\neval_deterministic,400,0.4,-2\n");
    Curve c = Curve.read(m);
    assertEquals("eval_deterministic", c.source());
    assertEquals(-2.0, c.finalReturn());
    assertEquals(-3.0, c.areaUnderCurve(), 1e-12);
    assertEquals(-3.0, c.at(300), 1e-12);
  }

  @Test
  void groupLabelsNameTheVaryingOptionsAGroupSetsAndSkipTheOnesItLeavesToTheDefault()
      throws Exception {
    Sweep sw = Sweep.at(tmp);
    // two specs in one sweep: only the second sets "components"; the first leaves the default
    sw.plan(spec("{\"command\": \"fake\", \"base\": {\"policy\": \"a\"}, \"grid\":"
        + " {\"seed\": [1, 2]}}"), FAKE);
    sw.plan(spec("{\"command\": \"fake\", \"base\": {\"policy\": \"m\", \"components\":"
        + " 5}, \"grid\": {\"seed\": [1, 2]}}"), FAKE);
    CommandRunner writesMetrics = (args, log) -> {
      Path out = Path.of(args.get(args.indexOf("--out") + 1));
      Files.createDirectories(out);
      Files.writeString(out.resolve("metrics.csv"),
          "kind,step,wall_time,return\neval_deterministic,100,0.1,-1\n");
      return 0;
    };
    for (String id : sw.ids()) {
      assertEquals(RunOutcome.FINISHED, sw.attempt(id, SweepTest::kinds, writesMetrics));
    }
    List<String> labels = SweepCollection.of(sw, SweepTest::kinds).groups().stream()
        .map(SweepCollection.Group::label).sorted().toList();
    assertEquals(List.of("components=5 policy=m", "policy=a"), labels);
  }
}
