package org.mixrl.verify;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.RandomRewards;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.random.RandomStream;

/**
 * The kit's policy cases. {@link #ordinary} are the cases the unbiasedness and variance checks
 * run on: every policy class in 1-D and in 2-D, mixtures with K = 2 and 3, fixed bump rewards
 * and rewards from the seeded random multimodal suite. Their scales keep the exact gradient
 * accurate (every sigma_k at most 2.5 times the narrowest reward feature in 2-D, see {@link
 * org.mixrl.theory.ExactObjective2D}). {@link #extremes} push sigma from 1e-3 to 1e2, |mean| to
 * 10 and mixture weights down to ~1e-8; only finiteness, cost and determinism are checked there.
 */
public final class CaseSuite {
  /** r(a) = exp(-(a-1)^2/(2 0.3^2)) + 0.8 exp(-(a+1)^2/(2 0.3^2)): two modes of unequal height. */
  public static final BumpsReward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");
  /** The same shape inside the box (-1, 1) of the squashed classes: bumps at +-0.5. */
  public static final BumpsReward BOX_BUMPS = BumpsReward.parse("bumps:1.0@0.5/0.3,0.8@-0.5/0.3");
  /** One 2-D bump at (0.8, -0.4) of width 0.6. */
  public static final BumpsReward BUMP_2D = BumpsReward.parse("bumps:1.0@0.8;-0.4/0.6");
  /** One 2-D bump inside the box (-1, 1)^2 of the squashed classes: at (0.5, -0.3), width 0.4. */
  public static final BumpsReward BOX_BUMP_2D = BumpsReward.parse("bumps:1.0@0.5;-0.3/0.4");
  /** Entropy scale of the 1-D cases. */
  public static final double ALPHA = 0.2;
  /** States per gradient estimate. */
  public static final int BATCH = 16;

  private CaseSuite() {}

  /** The three-component mixture parameters (logits, means, log-stds) of the fixed cases. */
  static final double[] MIXTURE_3 = {0.3, -0.2, 0.0, -1.2, 0.1, 0.9, -0.6, -0.3, -0.9};

  /**
   * The fixed cases plus two (gm, sgm) drawn from {@code seed}, in a stable order: g, sg,
   * gm K=3, sgm K=3 and the two random ones in 1-D, then g, gm K=2, sg, sgm K=2 in 2-D.
   */
  public static List<VerifyCase> ordinary(long seed) {
    List<VerifyCase> out = new ArrayList<>();
    out.add(new VerifyCase(PolicyClass.G, 1, 1, new double[] {0.4, -0.5}, TWO_BUMPS, ALPHA, BATCH));
    out.add(new VerifyCase(PolicyClass.SG, 1, 1, new double[] {0.3, -0.5}, BOX_BUMPS, ALPHA,
        BATCH));
    out.add(new VerifyCase(PolicyClass.GM, 3, 1, MIXTURE_3, TWO_BUMPS, ALPHA, BATCH));
    out.add(new VerifyCase(PolicyClass.SGM, 3, 1, MIXTURE_3, BOX_BUMPS, ALPHA, BATCH));
    RandomStream rng = RandomStream.of(seed);
    out.add(randomOrdinary(PolicyClass.GM, 2, rng.child(0)));
    out.add(randomOrdinary(PolicyClass.SGM, 2, rng.child(1)));
    out.add(new VerifyCase(PolicyClass.G, 1, 2, GAUSSIAN_2D, BUMP_2D, 0.25, BATCH));
    out.add(new VerifyCase(PolicyClass.GM, 2, 2, MIXTURE_2D, BUMP_2D, 0.25, BATCH));
    // the squashed classes in 2-D: the tanh correction is a sum over coordinates there
    out.add(new VerifyCase(PolicyClass.SG, 1, 2, GAUSSIAN_2D, BOX_BUMP_2D, 0.25, BATCH));
    out.add(new VerifyCase(PolicyClass.SGM, 2, 2, MIXTURE_2D, BOX_BUMP_2D, 0.25, BATCH));
    return out;
  }

  /** The 2-D Gaussian's parameters (means, log-stds) of the fixed cases. */
  static final double[] GAUSSIAN_2D = {0.2, -0.3, -0.5, -0.7};
  /** The 2-D two-component mixture's parameters (logits, means, log-stds) of the fixed cases. */
  static final double[] MIXTURE_2D = {0.4, -0.3, -0.9, 0.2, 0.7, -0.5, -0.4, -0.7, -0.2, -0.6};

  /**
   * A 1-D case of class {@code c} with K components on a reward of the random multimodal
   * suite: logits in [-1, 1], means in [-1.5, 1.5] (latent [-1, 1] when squashed), log-stds
   * in [-1.2, -0.3].
   */
  static VerifyCase randomOrdinary(PolicyClass c, int k, RandomStream rng) {
    double[] theta = new double[StatelessPolicy.parameterCount(c, k, 1)];
    int at = 0;
    if (c.mixture()) {
      for (int q = 0; q < k; q++) {
        theta[at++] = round(rng.uniform(-1, 1));
      }
    }
    double spread = c.squashed() ? 1.0 : 1.5;
    for (int q = 0; q < k; q++) {
      theta[at++] = round(rng.uniform(-spread, spread));
    }
    for (int q = 0; q < k; q++) {
      theta[at++] = round(rng.uniform(-1.2, -0.3));
    }
    BumpsReward r = rounded(RandomRewards.one(rng, 1), c.squashed());
    return new VerifyCase(c, k, 1, theta, r, ALPHA, BATCH);
  }

  /** Three decimals: short specs for the reproduction line. */
  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * The reward rounded to three decimals; for the box, centres scaled by 0.9/1.5 and widths
   * halved so its features lie inside (-1, 1).
   */
  private static BumpsReward rounded(BumpsReward r, boolean intoBox) {
    int n = r.bumps();
    double[] h = new double[n];
    double[][] c = new double[n][1];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = round(r.height(i));
      c[i][0] = round(intoBox ? r.centre(i)[0] / RandomRewards.CENTRE_RANGE * 0.9 : r.centre(i)[0]);
      w[i] = round(intoBox ? r.width(i) / 2 : r.width(i));
    }
    return new BumpsReward(h, c, w);
  }

  /**
   * {@code count} extreme cases drawn from {@code seed} (every class, 1-D and 2-D, K up to 4)
   * followed by four fixed corners: sigma = 1e-3 and 1e2, a squashed mean of 10 (tanh
   * saturated), and a mixture with one weight ~1e-8.
   */
  public static List<VerifyCase> extremes(long seed, int count) {
    List<VerifyCase> out = new ArrayList<>();
    RandomStream root = RandomStream.of(seed).child(2);
    PolicyClass[] classes = PolicyClass.values();
    for (int i = 0; i < count; i++) {
      RandomStream rng = root.child(i);
      PolicyClass c = classes[i % classes.length];
      int d = 1 + (i / classes.length) % 2;
      int k = c.mixture() ? 1 + rng.nextInt(4) : 1;
      double[] theta = new double[StatelessPolicy.parameterCount(c, k, d)];
      int at = 0;
      if (c.mixture()) {
        for (int q = 0; q < k; q++) {
          theta[at++] = rng.uniform(-9.2, 9.2);
        }
      }
      for (int q = 0; q < k * d; q++) {
        theta[at++] = rng.uniform(-10, 10);
      }
      for (int q = 0; q < k * d; q++) {
        theta[at++] = rng.uniform(Math.log(1e-3), Math.log(1e2));
      }
      out.add(new VerifyCase(c, k, d, theta, rewardFor(c, d), ALPHA, 4));
    }
    double tiny = Math.log(1e-3);
    double huge = Math.log(1e2);
    out.add(new VerifyCase(PolicyClass.G, 1, 1, new double[] {0.5, tiny}, TWO_BUMPS, ALPHA, 4));
    out.add(new VerifyCase(PolicyClass.SG, 1, 1, new double[] {10, huge}, BOX_BUMPS, ALPHA, 4));
    out.add(new VerifyCase(PolicyClass.SGM, 2, 1, new double[] {0, 0, 10, -10, tiny, huge},
        BOX_BUMPS, ALPHA, 4));
    out.add(new VerifyCase(PolicyClass.GM, 2, 1, new double[] {9.2, -9.2, 0.5, -0.5, tiny, huge},
        TWO_BUMPS, ALPHA, 4));
    return out;
  }

  private static BumpsReward rewardFor(PolicyClass c, int d) {
    if (d == 2) {
      return BUMP_2D;
    }
    return c.squashed() ? BOX_BUMPS : TWO_BUMPS;
  }
}
