package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.random.RandomStream;

class BootstrapTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void intervalOfNormalSampleHasTheNormalTheoryWidth(long seed) {
    RandomStream rng = RandomStream.of(seed);
    double[] v = new double[200];
    for (int i = 0; i < v.length; i++) {
      v[i] = 3 + 2 * rng.nextGaussian();
    }
    Bootstrap.Interval ci = Bootstrap.meanInterval(v, RandomStream.of(seed + 100));
    assertTrue(ci.lower() < ci.mean() && ci.mean() < ci.upper(), ci.toString());
    // 2 * 1.96 * sd / sqrt(n) = 0.554; the percentile interval matches it to sampling error
    double width = ci.upper() - ci.lower();
    assertEquals(2 * 1.96 * 2 / Math.sqrt(200), width, 0.1, ci.toString());
  }

  @Test
  void sameSeedGivesTheSameInterval() {
    double[] v = {0.1, 0.5, 0.2, 0.9, 0.4, 0.3};
    assertEquals(Bootstrap.meanInterval(v, RandomStream.of(7)),
        Bootstrap.meanInterval(v, RandomStream.of(7)));
  }

  @Test
  void constantSampleHasADegenerateInterval() {
    Bootstrap.Interval ci = Bootstrap.meanInterval(new double[] {2, 2, 2}, RandomStream.of(1));
    assertEquals(2, ci.lower());
    assertEquals(2, ci.upper());
  }

  @Test
  void badInputNamesTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.meanInterval(new double[] {1, Double.NaN}, RandomStream.of(1)));
    assertTrue(e.getMessage().contains("values[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.meanInterval(new double[0], RandomStream.of(1)));
  }

  // from the sweep package: the intervals collect writes
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
  void bootstrapIntervalsHoldTheMeanAndRepeatWithTheSameSeed(int seed) {
    RandomStream rng = RandomStream.of(seed);
    double[] xs = new double[2 + rng.nextInt(10)];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 100 * rng.nextGaussian();
    }
    Bootstrap.Interval a = Bootstrap.meanInterval(xs, 0.95, 2000, RandomStream.of(7));
    Bootstrap.Interval b = Bootstrap.meanInterval(xs, 0.95, 2000, RandomStream.of(7));
    assertEquals(a, b);
    assertTrue(a.lower() <= a.mean() && a.mean() <= a.upper(), a.toString());
    double min = java.util.Arrays.stream(xs).min().orElseThrow();
    double max = java.util.Arrays.stream(xs).max().orElseThrow();
    assertTrue(a.lower() >= min && a.upper() <= max, a.toString());
  }

  @Test
  void bootstrapCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
    // 400 samples of 30 standard normals; coverage is binomial with SE ~ 1.1%
    RandomStream rng = RandomStream.of(11);
    int covered = 0;
    for (int rep = 0; rep < 400; rep++) {
      double[] xs = new double[30];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = rng.nextGaussian();
      }
      Bootstrap.Interval iv = Bootstrap.meanInterval(xs, 0.95, 1000, rng.split());
      if (iv.lower() <= 0 && 0 <= iv.upper()) {
        covered++;
      }
    }
    // percentile intervals undercover slightly at n = 30; allow 5 SE below 95%
    assertTrue(covered >= 0.95 * 400 - 5 * 0.011 * 400 - 4, "covered " + covered + " of 400");
    assertTrue(covered <= 400 * 0.99, "covered " + covered + " of 400");
  }
}
