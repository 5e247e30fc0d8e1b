package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.nn.RecordFileException;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Precision;

class TrainerTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"sg,1,rp,f64", "sgm,3,mrp,f64", "sgm,3,lr,f64", "g,1,rp,f64", "sg,1,rp,f32",
      "sgm,3,mrp,f32", "sgm,3,lr,f32"})
  void sameSeedGivesIdenticalMetricsApartFromWallTime(String policy, int k, String est,
      String precision) throws IOException {
    RunConfig c = RunFixtures.tiny(policy, k, est, 400, 11, Precision.parse(precision));
    RunFixtures.runToEnd(tmp.resolve("a"), c);
    RunFixtures.runToEnd(tmp.resolve("b"), c);
    List<String> a = RunFixtures.metricsWithoutWallTime(tmp.resolve("a"));
    // header + 2 train episodes + 4 evaluations x 2 kinds
    assertEquals(1 + 2 + 8, a.size(), String.join("\n", a));
    assertEquals(a, RunFixtures.metricsWithoutWallTime(tmp.resolve("b")));
  }

  @Test
  void anotherSeedGivesOtherMetrics() throws IOException {
    RunFixtures.runToEnd(tmp.resolve("a"), RunFixtures.tiny("sg", 1, "rp", 200, 1));
    RunFixtures.runToEnd(tmp.resolve("b"), RunFixtures.tiny("sg", 1, "rp", 200, 2));
    assertFalse(RunFixtures.metricsWithoutWallTime(tmp.resolve("a"))
        .equals(RunFixtures.metricsWithoutWallTime(tmp.resolve("b"))));
  }

  /**
   * Stops a run some steps after its mid-run checkpoint (as a kill would: rows written after
   * the checkpoint stay on disk), resumes it, and requires the final metrics and checkpoint
   * state to equal an uninterrupted run's.
   */
  @ParameterizedTest
  @CsvSource({"sg,1,rp,250,f64", "sgm,3,mrp,330,f64", "sgm,2,lr,201,f64", "sg,1,rp,250,f32",
      "sgm,3,mrp,330,f32", "sgm,2,lr,201,f32"})
  void killAndResumeEqualsAnUninterruptedRun(String policy, int k, String est, long stopAt,
      String precision) throws IOException {
    RunConfig c = RunFixtures.tiny(policy, k, est, 400, 5, Precision.parse(precision));
    RunFixtures.runToEnd(tmp.resolve("whole"), c);

    Path part = tmp.resolve("part");
    try (Trainer t = Trainer.start(part, c)) {
      RunSummary s = t.run(new TrainingListener() {
        @Override
        public boolean stopRequested(long step) {
          return step == stopAt;
        }
      });
      assertFalse(s.finished());
      assertEquals(stopAt, s.step());
    }
    try (Trainer t = Trainer.resume(part, c)) {
      assertEquals(200, t.step(), "resumes from the checkpoint at steps/2");
      assertTrue(t.run(TrainingListener.NONE).finished());
    }
    assertEquals(RunFixtures.metricsWithoutWallTime(tmp.resolve("whole")),
        RunFixtures.metricsWithoutWallTime(part));
    // the final checkpoints hold the same networks, optimizers, buffer and streams, except
    // the elapsed time record
    byte[] x = Files.readAllBytes(tmp.resolve("whole").resolve(Trainer.CHECKPOINT_FILE));
    byte[] y = Files.readAllBytes(part.resolve(Trainer.CHECKPOINT_FILE));
    assertEquals(x.length, y.length);
    try (Trainer a = Trainer.resume(tmp.resolve("whole"), c);
        Trainer b = Trainer.resume(part, c)) {
      assertEquals(a.step(), b.step());
      assertArrayEquals(a.agent().actor().parameters().get(0).data(),
          b.agent().actor().parameters().get(0).data());
    }
  }

  /**
   * README's statement: `--steps N --resume` on a finished run continues it to exactly the
   * run planned with N steps from the start (wall_time aside), replay ring growth included.
   */
  @ParameterizedTest
  @CsvSource({"sg,1,rp,200,400", "sgm,3,mrp,150,320"})
  void extendingAFinishedRunEqualsARunPlannedThatLongFromTheStart(String policy, int k,
      String est, long first, long total) throws IOException {
    RunConfig shortRun = RunFixtures.tiny(policy, k, est, first, 6);
    RunConfig longRun = shortRun.withSteps(total);
    RunFixtures.runToEnd(tmp.resolve("planned"), longRun);
    Path extended = tmp.resolve("extended");
    RunFixtures.runToEnd(extended, shortRun);
    try (Trainer t = Trainer.resume(extended, longRun)) {
      assertEquals(first, t.step());
      assertTrue(t.run(TrainingListener.NONE).finished());
    }
    assertEquals(longRun, RunConfig.fromJson(
        Files.readString(extended.resolve(Trainer.CONFIG_FILE))), "config.json says the new length");
    assertEquals(RunFixtures.metricsWithoutWallTime(tmp.resolve("planned")),
        RunFixtures.metricsWithoutWallTime(extended));
  }

  @Test
  void aPauseWritesACheckpointAtThatStepAndTheResumeContinuesIdentically() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 400, 5);
    RunFixtures.runToEnd(tmp.resolve("whole"), c);
    Path part = tmp.resolve("part");
    try (Trainer t = Trainer.start(part, c)) {
      RunSummary s = t.run(new TrainingListener() {
        @Override
        public boolean pauseRequested(long step) {
          return step == 263;
        }
      });
      assertFalse(s.finished());
      assertEquals(263, t.checkpointStep());
    }
    try (Trainer t = Trainer.resume(part, c)) {
      assertEquals(263, t.step(), "resumes where it paused, not at the last periodic checkpoint");
      assertTrue(t.run(TrainingListener.NONE).finished());
    }
    assertEquals(RunFixtures.metricsWithoutWallTime(tmp.resolve("whole")),
        RunFixtures.metricsWithoutWallTime(part));
  }

  @Test
  void resumingAFinishedRunDoesNothing() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunFixtures.runToEnd(tmp, c);
    List<String> before = Files.readAllLines(tmp.resolve(Trainer.METRICS_FILE));
    try (Trainer t = Trainer.resume(tmp, c)) {
      assertTrue(t.run(TrainingListener.NONE).finished());
    }
    assertEquals(before, Files.readAllLines(tmp.resolve(Trainer.METRICS_FILE)));
  }

  /** Flips one byte at a seeded position; the checkpoint must be refused, nothing changed. */
  @ParameterizedTest
  @CsvSource({"1", "2", "3", "4", "5"})
  void corruptCheckpointIsRefusedAndNothingIsOverwritten(long seed) throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    try (Trainer t = Trainer.start(tmp, c)) {
      t.run(new TrainingListener() {
        @Override
        public boolean stopRequested(long step) {
          return step == 70;
        }
      });
    }
    Path ckpt = tmp.resolve(Trainer.CHECKPOINT_FILE);
    byte[] bytes = Files.readAllBytes(ckpt);
    int at = RandomStream.of(seed).nextInt(bytes.length);
    bytes[at] ^= (byte) (1 << RandomStream.of(seed + 100).nextInt(8));
    Files.write(ckpt, bytes);
    byte[] metricsBefore = Files.readAllBytes(tmp.resolve(Trainer.METRICS_FILE));

    IOException e = assertThrows(IOException.class, () -> Trainer.resume(tmp, c));
    // a user error (exit 2 in the CLI) that keeps the file's own diagnosis as its cause
    assertTrue(e instanceof RunDirectoryException && e.getCause() instanceof RecordFileException,
        e.toString());
    assertTrue(e.getMessage().contains("checkpoint") || e.getMessage().contains("corrupt"),
        e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(ckpt));
    assertArrayEquals(metricsBefore, Files.readAllBytes(tmp.resolve(Trainer.METRICS_FILE)));
  }

  @Test
  void foreignFileIsRefusedAsNotACheckpoint() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunFixtures.runToEnd(tmp, c);
    Path ckpt = tmp.resolve(Trainer.CHECKPOINT_FILE);
    org.mixrl.nn.ParameterIO.save(ckpt, new org.mixrl.nn.Linear(2, 2, RandomStream.of(1)));
    IOException e = assertThrows(IOException.class, () -> Trainer.resume(tmp, c));
    assertTrue(e.getMessage().contains("not a mixrl checkpoint"), e.getMessage());
  }

  @Test
  void checkpointFromAnotherRunIsRefused() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunConfig other = RunFixtures.tiny("sg", 1, "rp", 100, 4);
    RunFixtures.runToEnd(tmp.resolve("a"), c);
    RunFixtures.runToEnd(tmp.resolve("b"), other);
    Files.copy(tmp.resolve("b").resolve(Trainer.CHECKPOINT_FILE),
        tmp.resolve("a").resolve(Trainer.CHECKPOINT_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    IOException e = assertThrows(IOException.class, () -> Trainer.resume(tmp.resolve("a"), c));
    assertTrue(e.getMessage().contains("seed: 4 vs 3"), e.getMessage());
  }

  @Test
  void resumeWithAnotherConfigIsRefusedNamingTheField() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunFixtures.runToEnd(tmp, c);
    RunConfig changed = new RunConfig(c.env(), c.seed(), c.steps(), c.evalEvery(),
        c.evalEpisodes(), c.checkpointEvery(), c.sac().toBuilder().gamma(0.9).build());
    IOException e = assertThrows(IOException.class, () -> Trainer.resume(tmp, changed));
    assertTrue(e.getMessage().contains("sac.gamma: 0.9 vs 0.99"), e.getMessage());
  }

  @Test
  void f32TrainsOtherBitsThanF64FromTheSameSeed() throws IOException {
    RunFixtures.runToEnd(tmp.resolve("a"), RunFixtures.tiny("sg", 1, "rp", 200, 1));
    RunFixtures.runToEnd(tmp.resolve("b"),
        RunFixtures.tiny("sg", 1, "rp", 200, 1, Precision.F32));
    assertFalse(RunFixtures.metricsWithoutWallTime(tmp.resolve("a"))
        .equals(RunFixtures.metricsWithoutWallTime(tmp.resolve("b"))));
  }

  @Test
  void resumeWithAnotherPrecisionIsRefusedNamingTheField() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3, Precision.F32);
    RunFixtures.runToEnd(tmp, c);
    RunConfig changed = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    IOException e = assertThrows(IOException.class, () -> Trainer.resume(tmp, changed));
    assertTrue(e.getMessage().contains("sac.precision: f64 vs f32"), e.getMessage());
  }

  @Test
  void startRefusesADirectoryThatHoldsARun() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunFixtures.runToEnd(tmp, c);
    byte[] before = Files.readAllBytes(tmp.resolve(Trainer.METRICS_FILE));
    IOException e = assertThrows(IOException.class, () -> Trainer.start(tmp, c));
    assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(tmp.resolve(Trainer.METRICS_FILE)));
  }
}
