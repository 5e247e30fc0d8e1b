package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;

/** The theory searches stop within one iteration when their thread is interrupted. */
class TheoryInterruptTest {
  private static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted(); // some tests interrupt the test thread itself
  }

  @Test
  void anEntropyRobustnessScanStopsWithinSecondsOfAnInterrupt() throws Exception {
    double[] alphas = new double[2000];
    for (int i = 0; i < alphas.length; i++) {
      alphas[i] = 0.05 + 0.001 * i;
    }
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        // minutes of work: 35 starts at the first alpha, then 2000 alphas of continuation
        EntropyRobustness.sweep(TWO_BUMPS, alphas,
            List.of(new org.mixrl.policy.PolicyLayout(PolicyClass.SGM, 5, 1)),
            EntropyRobustness.fastSettings());
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "scan-under-test");
    worker.start();
    Thread.sleep(500);
    assertTrue(worker.isAlive(), "the scan ended before the interrupt");
    worker.interrupt();
    worker.join(5_000);
    assertFalse(worker.isAlive(), "the scan still runs 5 s after the interrupt");
    CancellationException e = assertInstanceOf(CancellationException.class, outcome.get());
    String expected = "interrupted in the stationary-point search on sgm_5 alpha=\\S+ on "
        + Pattern.quote(TWO_BUMPS.toString())
        + ": (ascent iteration \\d+ of at most 600|Newton iteration \\d+ of at most 30"
        + "|fresh start \\d+ of \\d+)";
    assertTrue(e.getMessage().matches(expected), e.getMessage());
  }

  @Test
  void theGaussianThresholdStopsAtTheFirstGridRowOfAnInterruptedThread() {
    Thread.currentThread().interrupt();
    CancellationException e = assertThrows(CancellationException.class,
        () -> GaussianThreshold.compute(TWO_BUMPS));
    assertEquals("interrupted in the Gaussian threshold of " + TWO_BUMPS + ": grid row 0 of 121",
        e.getMessage());
    assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set for the caller");
  }

  @Test
  void nelderMeadStopsAfterItsFirstSimplexOnAnInterruptedThread() {
    Thread.currentThread().interrupt();
    CancellationException e = assertThrows(CancellationException.class,
        () -> NelderMead.maximize(x -> -x[0] * x[0] - x[1] * x[1], new double[] {1, 1}, 0.5,
            1e-12, 500, "a test"));
    assertEquals("interrupted in a test: Nelder-Mead after 3 of at most 500 evaluations",
        e.getMessage());
  }
}
