package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.agent.Sac;
import org.mixrl.deploy.DeployedPolicy;
import org.mixrl.deploy.PolicySession;
import org.mixrl.experiment.PolicyExport;
import org.mixrl.experiment.RunConfig;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.TrainingListener;
import org.mixrl.random.RandomStream;

class ExportCommandTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  static Path finished;

  private static String[] train(Path out, int steps) {
    return new String[] {"train", "--env", "Pendulum-v1", "--steps", String.valueOf(steps),
        "--seed", "4", "--out", out.toString(), "--policy", "sgm", "--components", "3",
        "--hidden", "8,8", "--batch-size", "16", "--learning-starts", "50", "--eval-every", "0",
        "--checkpoint-every", "100", "--no-progress"};
  }

  @BeforeAll
  static void trainOnce() {
    finished = shared.resolve("run-sgm");
    CliRun.Result r = CliRun.run(train(finished, 200));
    assertEquals(0, r.code(), r.err());
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        m.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return m;
  }

  @Test
  void exportsAFinishedRunWhosePolicyActsAsTheRunsAgent() throws IOException {
    Map<String, byte[]> before = contents(finished);
    Path out = tmp.resolve("policy.mixrl");
    CliRun.Result r = CliRun.run("export", "--run", finished.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("sgm K=3"), r.out());

    DeployedPolicy p = DeployedPolicy.load(out);
    try (Trainer t = Trainer.open(finished)) {
      RunConfig c = t.config();
      assertEquals("run-sgm", p.metadata().runId());
      assertEquals(PolicyExport.configHash(c), p.metadata().configHash());
      assertEquals(64, p.metadata().configHash().length());
      assertEquals(200, p.metadata().trainedSteps());
      assertEquals("Pendulum-v1", p.metadata().envId());
      Sac agent = t.agent();
      PolicySession s = p.newSession();
      RandomStream obsRng = RandomStream.of(3);
      RandomStream ra = RandomStream.of(8);
      RandomStream rb = RandomStream.of(8);
      double[] a = new double[1];
      // 1000 observations, as the agreement requirement states, on a trained actor
      for (int i = 0; i < 1000; i++) {
        double[] obs = {obsRng.uniform(-1, 1), obsRng.uniform(-1, 1), obsRng.uniform(-8, 8)};
        s.act(obs, a);
        assertArrayEquals(agent.actDeterministic(obs), a, 0.0);
        s.sample(obs, rb, a);
        assertArrayEquals(agent.act(obs, ra), a, 0.0);
      }
    }
    Map<String, byte[]> after = contents(finished);
    assertEquals(before.keySet(), after.keySet(), "export changed the run directory");
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed"));
  }

  @Test
  void anUnfinishedRunIsRefusedWithExit2() throws IOException {
    Path run = tmp.resolve("half");
    RunConfig c;
    try (Trainer t = Trainer.start(run, RunConfigs.of(train(run, 200)))) {
      c = t.config();
      t.run(new TrainingListener() {
        @Override
        public boolean stopRequested(long step) {
          return step >= 100;
        }
      });
    }
    Path out = tmp.resolve("p.mixrl");
    CliRun.Result r = CliRun.run("export", "--run", run.toString(), "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not finished") && r.err().contains("step 100 of 200"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aCorruptCheckpointIsRefusedWithExit2() throws IOException {
    Path run = tmp.resolve("corrupt");
    Files.createDirectories(run);
    for (Map.Entry<String, byte[]> e : contents(finished).entrySet()) {
      Files.write(run.resolve(e.getKey()), e.getValue());
    }
    Path ckpt = run.resolve(Trainer.CHECKPOINT_FILE);
    byte[] b = Files.readAllBytes(ckpt);
    b[b.length / 2] ^= 0x10;
    Files.write(ckpt, b);
    Path out = tmp.resolve("p.mixrl");
    CliRun.Result r = CliRun.run("export", "--run", run.toString(), "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("corrupt") && r.err().contains("checkpoint.bin"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingRunIsRefusedWithExit2() {
    CliRun.Result r = CliRun.run("export", "--run", tmp.resolve("nope").toString(), "--out",
        tmp.resolve("p.mixrl").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a run directory") && r.err().contains("config.json is"
        + " missing"), r.err());
  }

  @Test
  void aRunWithoutACheckpointIsRefusedWithExit2() throws IOException {
    Path run = tmp.resolve("no-checkpoint");
    Files.createDirectories(run);
    Files.copy(finished.resolve(Trainer.CONFIG_FILE), run.resolve(Trainer.CONFIG_FILE));
    Path out = tmp.resolve("p.mixrl");
    CliRun.Result r = CliRun.run("export", "--run", run.toString(), "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no checkpoint to export") && r.err().contains("checkpoint.bin"
        + " is missing"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void anExistingFileThatIsNotAPolicyIsNotReplaced() throws IOException {
    Path out = tmp.resolve("notes.txt");
    Files.writeString(out, "keep me");
    CliRun.Result r = CliRun.run("export", "--run", finished.toString(), "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not a policy file"), r.err());
    assertEquals("keep me", Files.readString(out));
    // an earlier policy file is replaced
    Path policy = tmp.resolve("p.mixrl");
    assertEquals(0, CliRun.run("export", "--run", finished.toString(), "--out",
        policy.toString()).code());
    assertEquals(0, CliRun.run("export", "--run", finished.toString(), "--out",
        policy.toString()).code());
  }

  /** The RunConfig a `mixrl train` command line would build, read back from its run. */
  private static final class RunConfigs {
    static RunConfig of(String[] trainArgs) throws IOException {
      Path scratch = Files.createTempDirectory("export-cfg");
      String[] a = trainArgs.clone();
      for (int i = 0; i < a.length; i++) {
        if (a[i].equals("--out")) {
          a[i + 1] = scratch.resolve("r").toString();
        }
        if (a[i].equals("--steps")) {
          a[i + 1] = "1";
        }
      }
      assertEquals(0, CliRun.run(a).code());
      String json = Files.readString(scratch.resolve("r").resolve(Trainer.CONFIG_FILE));
      RunConfig one = RunConfig.fromJson(json);
      return new RunConfig(one.env(), one.seed(), Long.parseLong(trainArgs[List.of(trainArgs)
          .indexOf("--steps") + 1]), one.evalEvery(), one.evalEpisodes(), one.checkpointEvery(),
          one.sac());
    }
  }
}
