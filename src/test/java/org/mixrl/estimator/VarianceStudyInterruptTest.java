package org.mixrl.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;

class VarianceStudyInterruptTest {
  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void anInterruptedThreadStopsBeforeTheFirstRepeat() {
    String[] names = StatelessPolicy.parameterNames(PolicyClass.G, 1, 1);
    double[] theta = new double[names.length];
    Estimator lr = new EstimatorSpec("lr", EstimatorOptions.defaults()).create();
    Thread.currentThread().interrupt();
    CancellationException e = assertThrows(CancellationException.class,
        () -> VarianceStudy.measure(lr, th -> StatelessPolicy.of(PolicyClass.G, 1, 1, th, 4),
            theta, names, new double[names.length], EstimatorUnbiasednessTest.TWO_BUMPS, 0.3,
            1_000_000, RandomStream.of(1), null));
    assertEquals("interrupted at repeat 0 of 1000000 of the variance study of estimator "
        + lr.name(), e.getMessage());
  }
}
