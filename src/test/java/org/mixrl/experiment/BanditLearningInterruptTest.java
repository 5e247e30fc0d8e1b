package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mixrl.policy.PolicyClass;
import org.mixrl.experiment.BanditLearning.Config;
import org.mixrl.experiment.BanditLearning.CriticKind;

class BanditLearningInterruptTest {
  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void anInterruptedThreadStopsBeforeTheFirstActorStep() {
    Config c = Config.of(BanditLearningTest.TWO_BUMPS, PolicyClass.SGM, 3, "mrp",
        CriticKind.TRUE_REWARD, 0.2).withSteps(1_000_000);
    Thread.currentThread().interrupt();
    CancellationException e =
        assertThrows(CancellationException.class, () -> BanditLearning.run(c, 4));
    assertEquals("interrupted at step 0 of 1000000 of bandit learning " + c.label() + ", seed 4",
        e.getMessage());
    assertTrue(Thread.currentThread().isInterrupted());
  }
}
