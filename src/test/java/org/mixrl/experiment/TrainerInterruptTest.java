package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interrupting the training thread (Kernel > Interrupt, Future.cancel) stops a run promptly with
 * a CancellationException that says where, and leaves files a resume continues bit for bit.
 */
class TrainerInterruptTest {
  private static final Pattern STOPPED = Pattern.compile(
      "interrupted at step (\\d+) of (\\d+)(.*) in (.+); the run directory holds the last"
          + " checkpoint \\(step (\\d+)\\); resume with --resume \\(Trainer.resume\\)");

  @TempDir Path tmp;

  /** 400 steps, tiny nets, an evaluation every 100 steps and a checkpoint every 100. */
  private static RunConfig small(long steps) {
    RunConfig t = RunFixtures.tiny("sgm", 2, "mrp", steps, 7);
    return new RunConfig(t.env(), t.seed(), steps, 100, 1, 100, t.sac());
  }

  @Test
  void anInterruptFromAnotherThreadStopsTheRunWithinSeconds() throws Exception {
    RunConfig c = small(1_000_000); // hours: only the interrupt can end it
    Path dir = tmp.resolve("long");
    CountDownLatch pastACheckpoint = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try (Trainer t = Trainer.start(dir, c)) {
        t.run(new TrainingListener() {
          @Override
          public void onStep(long step, long total, double lastReturn) {
            if (step == 150) {
              pastACheckpoint.countDown();
            }
          }
        });
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "trainer-under-test");
    worker.start();
    assertTrue(pastACheckpoint.await(60, TimeUnit.SECONDS), "the run never reached step 150");
    worker.interrupt();
    worker.join(5_000);
    assertFalse(worker.isAlive(), "the run still trains 5 s after the interrupt");

    CancellationException e = assertInstanceOf(CancellationException.class, outcome.get());
    Matcher m = STOPPED.matcher(e.getMessage());
    assertTrue(m.matches(), e.getMessage());
    assertEquals("1000000", m.group(2));
    assertEquals(dir.toString(), m.group(4));
    long step = Long.parseLong(m.group(1));
    long checkpoint = Long.parseLong(m.group(5));
    assertTrue(step >= 150 && checkpoint >= 100 && checkpoint <= step, e.getMessage());
    try (Trainer t = Trainer.resume(dir, c)) {
      assertEquals(checkpoint, t.step(), "the message names the checkpoint resume starts from");
    }
  }

  /**
   * Interrupts at a chosen point from a listener on the training thread (so the point is
   * deterministic), resumes, and requires the metrics of an uninterrupted run. Points: between
   * checkpoints; in the deterministic evaluation episodes after the stochastic row was written;
   * just before the step-200 checkpoint, whose write the interrupt then cuts short (the file
   * channel closes), so the checkpoint at step 100 stands.
   */
  @ParameterizedTest
  @CsvSource({
    "250, -, '', 200",
    "300, eval_stochastic, ' during the evaluation', 200",
    "200, -, ' while writing its checkpoint', 100",
  })
  void anInterruptedRunResumesToTheMetricsOfAnUninterruptedOne(
      long at, String rowKind, String phase, long checkpoint) throws Exception {
    RunConfig c = small(400);
    RunFixtures.runToEnd(tmp.resolve("whole"), c);
    Path part = tmp.resolve("part");
    // rowKind "-": interrupt after step `at`; else right after that step's row of this kind
    TrainingListener interruptAt = new TrainingListener() {
      @Override
      public void onStep(long step, long total, double lastReturn) {
        if (step == at && rowKind.equals("-")) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onRow(MetricsRow row) {
        if (row.step() == at && row.kind().equals(rowKind)) {
          Thread.currentThread().interrupt();
        }
      }
    };

    Throwable thrown = onOwnThread(() -> {
      try (Trainer t = Trainer.start(part, c)) {
        t.run(interruptAt);
      }
    });
    CancellationException e = assertInstanceOf(CancellationException.class, thrown);
    String expected = "interrupted at step " + at + " of 400" + phase + " in " + part
        + "; the run directory holds the last checkpoint (step " + checkpoint + "); resume with"
        + " --resume (Trainer.resume)";
    assertEquals(expected, e.getMessage());

    try (Trainer t = Trainer.resume(part, c)) {
      assertEquals(checkpoint, t.step());
      assertTrue(t.run(TrainingListener.NONE).finished());
    }
    assertEquals(RunFixtures.metricsWithoutWallTime(tmp.resolve("whole")),
        RunFixtures.metricsWithoutWallTime(part));
    try (var files = Files.list(part)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")),
          "a temporary checkpoint was left behind");
    }
  }

  @Test
  void anInterruptBeforeTheFirstCheckpointSaysThereIsNothingToResume() throws Exception {
    RunConfig c = small(400);
    Path dir = tmp.resolve("early");
    Throwable thrown = onOwnThread(() -> {
      try (Trainer t = Trainer.start(dir, c)) {
        t.run(new TrainingListener() {
          @Override
          public void onStep(long step, long total, double lastReturn) {
            if (step == 60) {
              Thread.currentThread().interrupt();
            }
          }
        });
      }
    });
    CancellationException e = assertInstanceOf(CancellationException.class, thrown);
    assertEquals("interrupted at step 60 of 400 in " + dir + "; no checkpoint was written yet,"
        + " so there is nothing to resume: start the run again in an empty directory",
        e.getMessage());
    IOException refused = assertThrows(IOException.class, () -> Trainer.resume(dir, c));
    assertTrue(refused.getMessage().contains("no checkpoint to resume from"),
        refused.getMessage());
  }

  interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} on a fresh thread, so the interrupt it provokes never reaches the test
   * thread; returns what it threw (null if nothing) and fails if it takes more than 60 s.
   */
  private static Throwable onOwnThread(Body body) throws InterruptedException {
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "trainer-under-test");
    t.start();
    t.join(60_000);
    assertFalse(t.isAlive(), "the run did not end");
    return outcome.get();
  }
}
