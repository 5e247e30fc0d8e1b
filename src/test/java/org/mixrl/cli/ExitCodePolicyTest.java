package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.experiment.RunLock;
import org.mixrl.experiment.Trainer;

/**
 * The exit-code policy of the README: one bad input per command exits 2 with one line
 * {@code mixrl <full command>: error: <message>} naming what is wrong, and no stack trace.
 */
class ExitCodePolicyTest {
  @TempDir static Path dir;

  static final String REWARD = "bumps:1.0@1.0/0.3,0.8@-1.0/0.3";

  static Stream<Arguments> badInputs() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path spec = Files.writeString(dir.resolve("spec.json"), "{\"command\":\"train\"}");
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of("mixrl info", "--", new String[] {"info", "--bogus"}));
    cases.add(Arguments.of("mixrl variance", "--out",
        new String[] {"variance", "--reward", REWARD, "--policy", "g", "--means", "0",
          "--log-stds", "0", "--alpha", "0.1", "--estimators", "rp", "--quiet",
          "--out", dir.toString()}));
    cases.add(Arguments.of("mixrl variance-map", "--figure",
        new String[] {"variance-map", "--quick", "--quiet", "--figure", dir.toString()}));
    cases.add(Arguments.of("mixrl bench", "--repeats",
        new String[] {"bench", "matmul", "--repeats", "-3"}));
    cases.add(Arguments.of("mixrl env rollout", "'Nope'",
        new String[] {"env", "rollout", "--env", "Nope"}));
    cases.add(Arguments.of("mixrl train", "steps must be >= 1",
        new String[] {"train", "--env", "Pendulum-v1", "--steps", "-1", "--out", dir.resolve("t").toString()}));
    cases.add(Arguments.of("mixrl density", "no run",
        new String[] {"density", "--run", dir.resolve("none").toString(), "--obs", "0,0",
          "--out", dir.resolve("d").toString()}));
    cases.add(Arguments.of("mixrl kernel install", "--prefix",
        new String[] {"kernel", "install", "--prefix", ""}));
    cases.add(Arguments.of("mixrl kernel run", "CONNECTION_FILE",
        new String[] {"kernel", "run", dir.resolve("missing.json").toString()}));
    cases.add(Arguments.of("mixrl sweep plan", "SPEC",
        new String[] {"sweep", "plan", dir.toString(), "--out", dir.resolve("s").toString()}));
    cases.add(Arguments.of("mixrl sweep status", "not a planned sweep",
        new String[] {"sweep", "status", dir.resolve("none").toString()}));
    cases.add(Arguments.of("mixrl sweep forget", "not a planned sweep",
        new String[] {"sweep", "forget", dir.resolve("none").toString(), "some-run"}));
    cases.add(Arguments.of("mixrl sweep run", "not a planned sweep",
        new String[] {"sweep", "run", dir.resolve("none").toString()}));
    cases.add(Arguments.of("mixrl sweep slurm", "not a planned sweep",
        new String[] {"sweep", "slurm", dir.resolve("none").toString(), "--dry-run"}));
    cases.add(Arguments.of("mixrl sweep task", "--list",
        new String[] {"sweep", "task", dir.resolve("none").toString(), "--index", "0"}));
    cases.add(Arguments.of("mixrl sweep collect", "not a planned sweep",
        new String[] {"sweep", "collect", dir.resolve("none").toString()}));
    cases.add(Arguments.of("mixrl theory threshold", "--reward",
        new String[] {"theory", "threshold", "--reward", "bumps:1@0/1e-300"}));
    cases.add(Arguments.of("mixrl theory optimum", "--alpha",
        new String[] {"theory", "optimum", "--reward", REWARD, "--policy", "g",
          "--alpha", "1e308"}));
    cases.add(Arguments.of("mixrl reproduce", "--out",
        new String[] {"reproduce", "--quick", "--quiet", "--out", file.toString()}));
    assertTrue(Files.exists(spec));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputExitsTwoWithTheFullCommandName(String command, String named, String[] args) {
    CliRun.Result r = CliRun.run(args);
    assertEquals(2, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith(command + ": error: "), first);
    assertTrue(first.contains(named), first);
    assertFalse(r.err().contains("\tat "), r.err());
  }

  private static String[] tinyTrain(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--env", "Pendulum-v1", "--steps", "60",
        "--out", out.toString(), "--hidden", "8", "--batch-size", "8", "--learning-starts",
        "20", "--eval-every", "0", "--checkpoint-every", "30", "--no-progress"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  /**
   * train's run-directory errors: the directory or options given are wrong, not the machine,
   * so they exit 2 like any bad input, with the full command name, and change nothing.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing resume dir", "corrupt checkpoint", "config mismatch",
      "locked by another writer", "a run already there"})
  void trainRunDirectoryErrorsExitTwo(String problem, @TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    if (!problem.equals("missing resume dir")) {
      assertEquals(0, CliRun.run(tinyTrain(run)).code());
    }
    Path ckpt = run.resolve(Trainer.CHECKPOINT_FILE);
    Path metrics = run.resolve(Trainer.METRICS_FILE);
    String metricsBefore = Files.exists(metrics) ? Files.readString(metrics) : null;
    CliRun.Result r;
    RunLock held = null;
    try {
      switch (problem) {
        case "missing resume dir" -> r = CliRun.run(tinyTrain(run, "--resume"));
        case "corrupt checkpoint" -> {
          byte[] b = Files.readAllBytes(ckpt);
          b[b.length / 2] ^= 1;
          Files.write(ckpt, b);
          r = CliRun.run("train", "--out", run.toString(), "--resume", "--steps", "90",
              "--no-progress");
        }
        case "config mismatch" -> r = CliRun.run(tinyTrain(run, "--gamma", "0.5", "--resume"));
        case "locked by another writer" -> {
          held = RunLock.tryAcquire(run).orElseThrow();
          r = CliRun.run("train", "--out", run.toString(), "--resume", "--steps", "90",
              "--no-progress");
        }
        default -> r = CliRun.run(tinyTrain(run));
      }
    } finally {
      if (held != null) {
        held.close();
      }
    }
    assertEquals(2, r.code(), problem + ": " + r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("mixrl train: error: " + run), first);
    assertFalse(r.err().contains("\tat "), r.err());
    if (metricsBefore != null) {
      assertEquals(metricsBefore, Files.readString(metrics), "nothing saved is changed");
    } else {
      assertFalse(Files.exists(run), "a refused resume creates nothing");
    }
  }
}
