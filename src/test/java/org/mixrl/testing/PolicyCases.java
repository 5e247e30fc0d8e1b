package org.mixrl.testing;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;

/**
 * Seeded generators of one-state policies for property tests, including the extremes the
 * library promises to handle: sigma from 1e-3 to 1e2, |mean| up to 10, weights down to 1e-8.
 * Plain JUnit-friendly: a case list from a seed, reproducible on every JDK. Published in the
 * test jar so users can drive their own property tests with the same cases.
 */
public final class PolicyCases {
  private PolicyCases() {}

  /** A generated case: class, K, theta in {@link StatelessPolicy}'s layout, and a label. */
  public record Case(PolicyClass policyClass, int components, double[] theta, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code count} random 1-D cases of every class; every fourth uses extreme values. */
  public static List<Case> oneDimensional(long seed, int count) {
    RandomStream rng = RandomStream.of(seed);
    List<Case> out = new ArrayList<>();
    PolicyClass[] classes = PolicyClass.values();
    for (int i = 0; i < count; i++) {
      PolicyClass c = classes[i % classes.length];
      boolean extreme = (i / classes.length) % 4 == 3;
      int k = c.mixture() ? 1 + rng.nextInt(5) : 1;
      double[] theta = new double[StatelessPolicy.parameterCount(c, k, 1)];
      int off = 0;
      if (c.mixture()) {
        for (int q = 0; q < k; q++) {
          // spread up to +-9.2 gives weight ratios down to ~1e-8
          theta[off++] = extreme ? rng.uniform(-9.2, 9.2) : rng.uniform(-1, 1);
        }
      }
      for (int q = 0; q < k; q++) {
        theta[off++] = extreme ? rng.uniform(-10, 10) : rng.uniform(-2, 2);
      }
      for (int q = 0; q < k; q++) {
        // log sigma in [log 1e-3, log 1e2] for extremes
        theta[off++] = extreme ? rng.uniform(Math.log(1e-3), Math.log(1e2)) : rng.uniform(-1.5, 0.5);
      }
      out.add(new Case(c, k, theta, c.shortName() + " K=" + k + (extreme ? " extreme" : "")
          + " #" + i));
    }
    return out;
  }
}
