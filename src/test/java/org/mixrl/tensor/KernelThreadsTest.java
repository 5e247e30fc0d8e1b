package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The helper threads: every task once, failures reach the caller, idle helpers sleep. */
class KernelThreadsTest {
  @AfterEach
  void resetThreads() {
    KernelThreads.set(1);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3})
  void everyTaskRunsExactlyOnceForManyJobsInARow(int threads) {
    KernelThreads.set(threads);
    for (int count = 0; count <= 40; count++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(count);
      KernelThreads.run(count, runs::incrementAndGet);
      for (int t = 0; t < count; t++) {
        assertEquals(1, runs.get(t), "task " + t + " of " + count);
      }
    }
  }

  @Test
  void aFailureOnAnyThreadReachesTheCallerAfterTheOtherTasksFinished() {
    KernelThreads.set(2);
    for (int bad = 0; bad < 8; bad++) {
      int failing = bad;
      AtomicIntegerArray runs = new AtomicIntegerArray(8);
      IllegalStateException boom = new IllegalStateException("task " + failing);
      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> KernelThreads.run(8, t -> {
            runs.incrementAndGet(t);
            if (t == failing) {
              throw boom;
            }
          }));
      assertSame(boom, thrown);
      for (int t = 0; t < 8; t++) {
        assertEquals(1, runs.get(t), "task " + t + " ran once although task " + failing
            + " failed");
      }
    }
  }

  @Test
  void callersOnSeveralThreadsEachGetAllTheirTasksRun() throws InterruptedException {
    KernelThreads.set(2);
    int callers = 4;
    int jobs = 200;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          for (int j = 0; j < jobs; j++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(16);
            KernelThreads.run(16, runs::incrementAndGet);
            for (int i = 0; i < 16; i++) {
              if (runs.get(i) != 1) {
                throw new AssertionError("task " + i + " ran " + runs.get(i) + " times");
              }
            }
          }
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      threads.add(t);
      t.start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(60_000);
    }
    assertTrue(failures.isEmpty(), () -> "failures: " + failures);
  }

  @Test
  void idleHelpersParkInsteadOfSpinning() throws InterruptedException {
    KernelThreads.set(3);
    KernelThreads.run(8, t -> { });
    // well past the polling window: every helper must be parked (WAITING), not RUNNABLE
    long waitMs = 20 * KernelThreads.SPIN_NANOS / 1_000_000 + 50;
    Thread.sleep(waitMs);
    List<Thread> helpers = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("mixrl-kernel-") && t.isAlive()) {
        helpers.add(t);
      }
    }
    assertTrue(helpers.size() >= 2, "helpers found: " + helpers);
    for (Thread t : helpers) {
      assertEquals(Thread.State.WAITING, t.getState(), t.getName());
    }
  }
}
