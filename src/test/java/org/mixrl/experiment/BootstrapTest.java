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
}
