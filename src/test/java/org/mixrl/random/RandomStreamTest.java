package org.mixrl.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reproducibility of seeded streams and the moments of their draws. */
class RandomStreamTest {
  private static double[] draws(RandomStream r, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i % 3 == 0 ? r.nextGaussian() : (i % 3 == 1 ? r.nextDouble() : r.nextInt(17));
    }
    return d;
  }

  @Test
  void sameSeedGivesTheSameSequence() {
    assertArrayEquals(draws(RandomStream.of(42), 1000), draws(RandomStream.of(42), 1000));
    assertNotEquals(RandomStream.of(42).nextLong(), RandomStream.of(43).nextLong());
  }

  @Test
  void splitIsReproducibleAndDiffersFromParent() {
    RandomStream p1 = RandomStream.of(9);
    RandomStream p2 = RandomStream.of(9);
    RandomStream c1 = p1.split();
    RandomStream c2 = p2.split();
    assertArrayEquals(draws(c1, 200), draws(c2, 200));
    assertArrayEquals(draws(p1, 200), draws(p2, 200)); // parents advanced identically
    RandomStream q = RandomStream.of(9);
    RandomStream child = q.split();
    assertNotEquals(q.nextLong(), child.nextLong());
  }

  @Test
  void childIsKeyedAndDoesNotAdvanceTheParent() {
    RandomStream p = RandomStream.of(5);
    long[] before = p.state();
    RandomStream a = p.child(1);
    RandomStream b = p.child(1);
    RandomStream c = p.child(2);
    assertArrayEquals(before, p.state());
    assertArrayEquals(draws(a, 100), draws(b, 100));
    assertNotEquals(p.child(1).nextLong(), c.nextLong());
    assertNotEquals(p.child(1).nextLong(), RandomStream.of(5).nextLong());
  }

  @Test
  void fromStateContinuesIdenticallyIncludingTheSpareGaussian() {
    RandomStream r = RandomStream.of(123);
    r.nextGaussian(); // leaves a cached spare
    long[] s = r.state();
    assertEquals(1L, s[2], "a spare Gaussian should be cached after an odd number of draws");
    RandomStream restored = RandomStream.fromState(s);
    assertEquals(
        Double.doubleToRawLongBits(r.nextGaussian()),
        Double.doubleToRawLongBits(restored.nextGaussian()));
    assertArrayEquals(draws(r, 500), draws(restored, 500));
    // and without a spare
    RandomStream t = RandomStream.of(7);
    t.nextDouble();
    RandomStream u = RandomStream.fromState(t.state());
    assertArrayEquals(draws(t, 500), draws(u, 500));
  }

  @Test
  void stateIsACopy() {
    RandomStream r = RandomStream.of(1);
    long[] s = r.state();
    long seed = s[0];
    s[0] = seed + 1;
    assertEquals(seed, r.state()[0], "state() must return a copy");
  }

  @Test
  void fromStateRejectsMalformedState() {
    assertThrows(IllegalArgumentException.class, () -> RandomStream.fromState(new long[3]));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RandomStream.fromState(new long[4]));
    assertTrue(e.getMessage().contains("gamma"));
  }

  @Test
  void normalMeanAndVarianceWithinFiveStandardErrors() {
    int n = 100_000;
    RandomStream r = RandomStream.of(2024);
    double sum = 0;
    double sumSq = 0;
    double sum4 = 0;
    for (int i = 0; i < n; i++) {
      double z = r.nextGaussian();
      assertTrue(Double.isFinite(z));
      sum += z;
      sumSq += z * z;
      sum4 += z * z * z * z;
    }
    double mean = sum / n;
    double var = (sumSq - n * mean * mean) / (n - 1);
    // Standard errors for N(0,1): SE(mean) = 1/sqrt(n); SE(var) = sqrt(2/(n-1)).
    double seMean = 1 / Math.sqrt(n);
    double seVar = Math.sqrt(2.0 / (n - 1));
    assertEquals(0.0, mean, 5 * seMean, "mean off by more than 5 SE");
    assertEquals(1.0, var, 5 * seVar, "variance off by more than 5 SE");
    // fourth moment E z^4 = 3, SE = sqrt((105 - 9)/n)
    assertEquals(3.0, sum4 / n, 5 * Math.sqrt(96.0 / n), "kurtosis off by more than 5 SE");
  }

  @Test
  void uniformDoublesHaveMeanOneHalfWithinFiveStandardErrors() {
    int n = 100_000;
    RandomStream r = RandomStream.of(77);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      assertTrue(u >= 0 && u < 1);
      double o = r.nextOpenDouble();
      assertTrue(o > 0 && o < 1);
      sum += u;
    }
    // Var U = 1/12
    assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
  }

  @Test
  void nextIntIsUniformOverItsRange() {
    int n = 100_000;
    int k = 7;
    int[] counts = new int[k];
    RandomStream r = RandomStream.of(3);
    for (int i = 0; i < n; i++) {
      counts[r.nextInt(k)]++;
    }
    double p = 1.0 / k;
    double se = Math.sqrt(n * p * (1 - p));
    for (int c : counts) {
      assertEquals(n * p, c, 5 * se);
    }
  }

  @Test
  void categoricalFollowsWeightsWithinFiveStandardErrors() {
    int n = 100_000;
    double[] w = {1, 0, 3};
    int[] counts = new int[3];
    RandomStream r = RandomStream.of(11);
    for (int i = 0; i < n; i++) {
      counts[r.nextCategorical(w)]++;
    }
    assertEquals(0, counts[1]);
    double p = 0.25;
    assertEquals(n * p, counts[0], 5 * Math.sqrt(n * p * (1 - p)));
    assertThrows(IllegalArgumentException.class, () -> r.nextCategorical(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> r.nextCategorical(new double[] {-1, 2}));
  }
}
