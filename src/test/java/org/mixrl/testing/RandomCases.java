package org.mixrl.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.mixrl.random.RandomStream;

/**
 * Building blocks for seeded property tests with JUnit 5 {@code @ParameterizedTest} +
 * {@code @MethodSource}: case lists, frequency mixes, ranges with their edge values, shapes.
 *
 * <p>Case {@code i} of a list made with seed {@code s} draws only from
 * {@link #stream(long, int) stream(s, i)}, so a failing case is reproduced from the two
 * numbers in its label alone, without generating the cases before it. Published in the test
 * jar so users can drive their own property tests the same way.
 */
public final class RandomCases {
  private RandomCases() {}

  /** The stream case {@code index} of the list with {@code seed} draws from. */
  public static RandomStream stream(long seed, int index) {
    return RandomStream.of(seed).child(index);
  }

  /**
   * {@code count} cases, case {@code i} made by {@code gen} from {@link #stream(long, int)
   * stream(seed, i)} and its index.
   */
  public static <T> List<T> generate(
      long seed, int count, BiFunction<RandomStream, Integer, T> gen) {
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(gen.apply(stream(seed, i), i));
    }
    return out;
  }

  /** The label prefix {@code "seed S #I"} that {@link #stream(long, int)} reproduces. */
  public static String id(long seed, int index) {
    return "seed " + seed + " #" + index;
  }

  /** Index {@code k} drawn with probability {@code weights[k] / sum(weights)}. */
  public static int frequency(RandomStream rng, int... weights) {
    double[] w = new double[weights.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = weights[k];
    }
    return rng.nextCategorical(w);
  }

  /** Uniform int in [lo, hi], both included. */
  public static int intIn(RandomStream rng, int lo, int hi) {
    return lo + rng.nextInt(hi - lo + 1);
  }

  /** One of {@code values}, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(RandomStream rng, T... values) {
    return values[rng.nextInt(values.length)];
  }

  /** One of {@code values}, uniformly. */
  public static double oneOf(RandomStream rng, double... values) {
    return values[rng.nextInt(values.length)];
  }

  /**
   * A double in [lo, hi]: with probability {@code edgeProbability} one of the edge values lo,
   * hi and (when inside the range) 0, otherwise uniform.
   */
  public static double doubleIn(RandomStream rng, double lo, double hi, double edgeProbability) {
    if (rng.nextDouble() < edgeProbability) {
      boolean zero = lo < 0 && hi > 0;
      int pick = rng.nextInt(zero ? 3 : 2);
      return pick == 0 ? lo : pick == 1 ? hi : 0.0;
    }
    return rng.uniform(lo, hi);
  }

  /** A shape of {@code rank} axes, each of a size uniform in [1, maxSize]. */
  public static int[] shape(RandomStream rng, int rank, int maxSize) {
    int[] s = new int[rank];
    for (int i = 0; i < rank; i++) {
      s[i] = 1 + rng.nextInt(maxSize);
    }
    return s;
  }
}
