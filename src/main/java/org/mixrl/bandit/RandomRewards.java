package org.mixrl.bandit;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.random.RandomStream;

/**
 * Seeded random multimodal rewards (sums of Gaussian bumps) for property tests and sweeps.
 *
 * <p>Ranges: 2 to 5 bumps; heights uniform in [0.2, 1.0]; widths uniform in [0.1, 0.6];
 * centre coordinates uniform in [-1.5, 1.5]. The same (seed, count, dim) always gives the same
 * suite; reward i of a suite does not depend on count.
 */
public final class RandomRewards {
  public static final int MIN_BUMPS = 2;
  public static final int MAX_BUMPS = 5;
  public static final double MIN_HEIGHT = 0.2;
  public static final double MAX_HEIGHT = 1.0;
  public static final double MIN_WIDTH = 0.1;
  public static final double MAX_WIDTH = 0.6;
  public static final double CENTRE_RANGE = 1.5;

  private RandomRewards() {}

  /** {@code count} rewards of dimension {@code dim}, determined by {@code seed}. */
  public static List<BumpsReward> suite(long seed, int count, int dim) {
    if (count < 0) {
      throw new IllegalArgumentException("RandomRewards.suite: count must be >= 0, got " + count);
    }
    if (dim < 1) {
      throw new IllegalArgumentException("RandomRewards.suite: dim must be >= 1, got " + dim);
    }
    RandomStream root = RandomStream.of(seed);
    List<BumpsReward> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(one(root.child(i), dim));
    }
    return out;
  }

  /** One random reward drawn from {@code rng} (advances it). */
  public static BumpsReward one(RandomStream rng, int dim) {
    int n = MIN_BUMPS + rng.nextInt(MAX_BUMPS - MIN_BUMPS + 1);
    double[] h = new double[n];
    double[][] c = new double[n][dim];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = rng.uniform(MIN_HEIGHT, MAX_HEIGHT);
      for (int j = 0; j < dim; j++) {
        c[i][j] = rng.uniform(-CENTRE_RANGE, CENTRE_RANGE);
      }
      w[i] = rng.uniform(MIN_WIDTH, MAX_WIDTH);
    }
    return new BumpsReward(h, c, w);
  }
}
