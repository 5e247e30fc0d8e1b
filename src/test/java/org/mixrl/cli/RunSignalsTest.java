package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.experiment.RunConfig;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.sweep.Sweep;

/**
 * Real child JVMs stopped the way clusters and people stop them (issue 16): SIGTERM to a
 * `train`, SIGKILL to a `sweep run` parent.
 */
class RunSignalsTest {
  @TempDir Path tmp;

  private static List<String> java(String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static String[] train(Path out, int steps, String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--env", "Pendulum-v1", "--steps",
        String.valueOf(steps), "--seed", "8", "--out", out.toString(), "--hidden", "8,8",
        "--batch-size", "16", "--learning-starts", "50", "--eval-every", "100",
        "--eval-episodes", "1", "--checkpoint-every", "0", "--no-progress"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Process p)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline && p.isAlive()) {
      Thread.sleep(20);
    }
  }

  private static long lines(Path f) {
    try {
      return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * With --checkpoint-every 0 the only checkpoint before the end is the one the signal makes:
   * the resume (with no option but --out and --resume) must continue from it to exactly the
   * metrics of an uninterrupted run.
   */
  @Test
  void sigtermedTrainSavesACheckpointSaysHowToResumeAndResumesIdentically() throws Exception {
    Path stopped = tmp.resolve("stopped");
    Path log = tmp.resolve("child.log");
    Process p = new ProcessBuilder(java(train(stopped, 1200))).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      // past the first train row (step 200), well before the end
      waitFor(() -> lines(stopped.resolve(Trainer.METRICS_FILE)) >= 4, p);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM ends after its checkpoint");
    } finally {
      p.destroyForcibly();
    }
    String said = Files.readString(log);
    assertEquals(143, p.exitValue(), said);
    assertTrue(said.contains("stopped by a signal at step")
        && said.contains("Resume with: mixrl train --out " + stopped + " --resume"), said);
    assertTrue(Files.exists(stopped.resolve(Trainer.CHECKPOINT_FILE)), said);

    CliRun.Result r = CliRun.run("train", "--out", stopped.toString(), "--resume",
        "--no-progress");
    assertEquals(0, r.code(), r.err());
    Path whole = tmp.resolve("whole");
    assertEquals(0, CliRun.run(train(whole, 1200)).code());
    assertEquals(TrainCommandTest.metricsWithoutWallTime(whole),
        TrainCommandTest.metricsWithoutWallTime(stopped));
  }

  /**
   * SIGKILL cannot be caught, so the parent cannot stop its workers: each worker watches its
   * parent and stops itself (checkpoint first), releasing the run's lock; the run is then
   * interrupted, not failed, and not "running elsewhere".
   */
  @Test
  void killingASweepRunParentLeavesNoWorkerRunningAndTheRunResumable() throws Exception {
    Path spec = Files.writeString(tmp.resolve("spec.json"), "{\"command\": \"train\","
        + " \"base\": {\"env\": \"Pendulum-v1\", \"steps\": 200000, \"hidden\": [8, 8],"
        + " \"batch-size\": 16, \"learning-starts\": 50, \"eval-every\": 0,"
        + " \"checkpoint-every\": 0}, \"grid\": {\"seed\": [1]}}");
    Path dir = tmp.resolve("sweep");
    CliRun.Result plan = CliRun.run("sweep", "plan", spec.toString(), "--out", dir.toString());
    assertEquals(0, plan.code(), plan.err());
    Sweep sweep = Sweep.at(dir);
    String id = sweep.ids().get(0);
    Path out = sweep.runDir(id).resolve(Sweep.OUT_DIR);
    Process parent = new ProcessBuilder(java("sweep", "run", dir.toString(), "--workers", "1",
        "--quiet")).redirectErrorStream(true).redirectOutput(tmp.resolve("parent.log").toFile())
        .start();
    List<ProcessHandle> workers;
    try {
      waitFor(() -> lines(out.resolve(Trainer.METRICS_FILE)) >= 2, parent);
      workers = parent.descendants().toList();
      assertFalse(workers.isEmpty(), Files.readString(tmp.resolve("parent.log")));
    } finally {
      parent.destroyForcibly(); // SIGKILL
    }
    parent.waitFor(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    try {
      assertFalse(workers.stream().anyMatch(ProcessHandle::isAlive), "an orphan worker runs on");
    } finally {
      workers.forEach(ProcessHandle::destroyForcibly);
    }
    var status = sweep.status(id, SweepKinds::kind);
    assertEquals("pending", status.state().label(), status.detail());
    assertTrue(status.resumable(), "the worker saved a checkpoint before it ended");
    assertTrue(Files.readString(sweep.runDir(id).resolve(Sweep.HISTORY_FILE))
        .contains("interrupted exit=143"));
    RunConfig stored = Trainer.readConfig(out);
    assertEquals(200000, stored.steps());
  }
}
