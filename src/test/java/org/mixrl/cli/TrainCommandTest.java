package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.experiment.MetricsRow;
import org.mixrl.experiment.Trainer;

class TrainCommandTest {
  @TempDir Path tmp;

  private static String[] tiny(Path out, String... extra) {
    return tinySteps(out, 300, extra);
  }

  private static String[] tinySteps(Path out, int steps, String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--env", "Pendulum-v1", "--steps",
        String.valueOf(steps),
        "--seed", "4", "--out", out.toString(), "--hidden", "8,8", "--batch-size", "16",
        "--learning-starts", "50", "--eval-every", "100", "--eval-episodes", "1",
        "--checkpoint-every", "100", "--no-progress"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  static List<String> metricsWithoutWallTime(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(Trainer.METRICS_FILE))) {
      String[] cols = line.split(",", -1);
      cols[MetricsRow.WALL_TIME_COLUMN] = "";
      out.add(String.join(",", cols));
    }
    return out;
  }

  @Test
  void trainWritesARunDirectoryAndResumeOfAFinishedRunKeepsIt() throws IOException {
    CliRun.Result r = CliRun.run(tiny(tmp, "--policy", "sgm", "--components", "3"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("300/300 steps"), r.out());
    assertTrue(Files.readString(tmp.resolve("config.json")).contains("\"estimator\": \"mrp\""));
    List<String> rows = Files.readAllLines(tmp.resolve("metrics.csv"));
    assertEquals(MetricsRow.HEADER, rows.get(0));
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("eval_deterministic,300,")));
    assertEquals(0, CliRun.run(tiny(tmp, "--policy", "sgm", "--components", "3", "--resume"))
        .code());
    assertEquals(rows, Files.readAllLines(tmp.resolve("metrics.csv")));
  }

  @Test
  void trainingIntoAnExistingRunWithoutResumeFailsAndKeepsIt() throws IOException {
    assertEquals(0, CliRun.run(tiny(tmp)).code());
    byte[] before = Files.readAllBytes(tmp.resolve("metrics.csv"));
    CliRun.Result r = CliRun.run(tiny(tmp));
    assertEquals(2, r.code()); // the user's input (the directory) is wrong: README's exit 2
    assertTrue(r.err().contains("already holds a run"), r.err());
    assertEquals(new String(before), Files.readString(tmp.resolve("metrics.csv")));
  }

  @Test
  void resumeWithAChangedOptionIsRefusedNamingIt() throws IOException {
    assertEquals(0, CliRun.run(tiny(tmp)).code());
    CliRun.Result r = CliRun.run(tiny(tmp, "--gamma", "0.9", "--resume"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("sac.gamma: 0.9 vs 0.99"), r.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--env|NoSuchEnv-v0|unknown id 'NoSuchEnv-v0'",
      "--policy|beta|unknown policy class 'beta'; allowed: g, sg, gm, sgm",
      "--estimator|magic|unknown estimator 'magic'; allowed: rp, lr, rplr, mrp, gs, irg",
      "--steps|-5|steps must be >= 1, got -5",
      "--batch-size|0|batchSize must be >= 1, got 0",
      "--log-std-mode|wide|unknown --log-std-mode 'wide'; allowed: tanh, clamp"})
  void badValueExitsNonZeroNamingValueAndAllowed(String option, String value, String message) {
    List<String> args = new ArrayList<>(List.of(tiny(tmp.resolve("x"))));
    int i = args.indexOf(option);
    if (i >= 0) {
      args.set(i + 1, value);
    } else {
      args.add(option);
      args.add(value);
    }
    CliRun.Result r = CliRun.run(args.toArray(new String[0]));
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(!Files.exists(tmp.resolve("x").resolve("metrics.csv")));
  }

  @ParameterizedTest
  @CsvSource({"sgm,rp", "gm,rp", "sg,mrp"})
  void estimatorNotValidForThePolicyIsRefused(String policy, String estimator) {
    CliRun.Result r = CliRun.run(tiny(tmp, "--policy", policy, "--estimator", estimator));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("estimator '" + estimator + "' is not valid for policy class '"
        + policy + "'"), r.err());
  }

  /**
   * Really kills a training JVM (destroyForcibly) somewhere after its first checkpoint,
   * resumes in this JVM, and compares with an uninterrupted run.
   */
  @Test
  void killedChildJvmResumesToTheSameMetricsAsAnUninterruptedRun() throws Exception {
    Path whole = tmp.resolve("whole");
    Path killed = tmp.resolve("killed");
    String[] args = tinySteps(killed, 1500);
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(killed.resolve(Trainer.CHECKPOINT_FILE))
          && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      Thread.sleep(150); // let it run past the checkpoint, so rows must be rewritten
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(killed.resolve(Trainer.CHECKPOINT_FILE)),
        Files.readString(tmp.resolve("child.log")));
    CliRun.Result r = CliRun.run(tinySteps(killed, 1500, "--resume"));
    assertEquals(0, r.code(), r.err());
    assertEquals(0, CliRun.run(tinySteps(whole, 1500)).code());
    assertEquals(metricsWithoutWallTime(whole), metricsWithoutWallTime(killed));
  }

  @Test
  void targetEntropyNanIsRefusedNamingTheOption() {
    CliRun.Result r = CliRun.run(tiny(tmp.resolve("nan"), "--target-entropy", "NaN"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--target-entropy") && r.err().contains("NaN"), r.err());
    assertTrue(!Files.exists(tmp.resolve("nan")), "nothing written");
  }

  @Test
  void learningStartsAtOrPastStepsIsWarnedAboutNamingBoth() {
    CliRun.Result r = CliRun.run("train", "--env", "Pendulum-v1", "--steps", "40", "--out",
        tmp.resolve("w").toString(), "--hidden", "8,8", "--batch-size", "16",
        "--learning-starts", "40", "--eval-every", "0", "--no-progress");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("warning: --learning-starts 40 >= --steps 40")
        && r.err().contains("never updates"), r.err());
    CliRun.Result fine = CliRun.run(tinySteps(tmp.resolve("ok"), 60));
    assertTrue(!fine.err().contains("warning"), fine.err());
  }

  @Test
  void aBatchTooLargeForTheHeapIsRefusedUpFrontLeavingNoDirectory() {
    Path out = tmp.resolve("huge");
    CliRun.Result r = CliRun.run("train", "--env", "Pendulum-v1", "--steps", "300", "--out",
        out.toString(), "--batch-size", "100000000", "--no-progress");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("batch_size 100000000") && r.err().contains("heap"), r.err());
    assertTrue(!Files.exists(out), "no half-initialised run directory");
  }

  @Test
  void resumeNeedsOnlyOutAndALargerStepsExtendsAFinishedRun() throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, CliRun.run(tinySteps(run, 200)).code());
    CliRun.Result again = CliRun.run("train", "--out", run.toString(), "--resume",
        "--no-progress");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("200/200 steps"), again.out());
    CliRun.Result longer = CliRun.run("train", "--out", run.toString(), "--resume", "--steps",
        "300", "--no-progress");
    assertEquals(0, longer.code(), longer.err());
    assertTrue(longer.out().contains("300/300 steps"), longer.out());
    Path planned = tmp.resolve("planned");
    assertEquals(0, CliRun.run(tinySteps(planned, 300)).code());
    assertEquals(metricsWithoutWallTime(planned), metricsWithoutWallTime(run));
    CliRun.Result changed = CliRun.run("train", "--out", run.toString(), "--resume",
        "--gamma", "0.5", "--no-progress");
    assertNotEquals(0, changed.code());
    assertTrue(changed.err().contains("gamma"), changed.err());
  }

  @Test
  void aNewRunWithoutEnvOrStepsIsRefusedNamingTheOption() {
    CliRun.Result r = CliRun.run("train", "--out", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--env is required for a new run"), r.err());
  }
}
