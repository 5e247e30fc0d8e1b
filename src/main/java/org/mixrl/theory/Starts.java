package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mixrl.bandit.Reward;
import org.mixrl.random.RandomStream;

/**
 * Starting points of the stationary-point searches: structured starts built from the reward's
 * shape, which reach the maxima random starts tend to miss, plus seeded random ones.
 *
 * <p>Structured starts (all with equal logits; for squashed classes the means are the atanh of
 * the action, clipped to |a| ≤ 0.95):
 *
 * <ol>
 *   <li><b>one component per bump</b>: component k on the k-th highest local maximum of r
 *       (cycling when K exceeds the number of bumps), sigma = the reward's feature scale W;
 *   <li><b>one bump for all</b>: every component on the highest bump, sigma = W, means spread by
 *       +-0.1 W (the Gaussian optimum split into K nearly equal copies; exact copies are a
 *       saddle, see {@link #gaussianCopies});
 *   <li><b>wide/narrow</b>: a narrow component (sigma = W/2) on the highest bump, the others wide
 *       (sigma = the width of the reward's focus range) at its centre.
 * </ol>
 */
public final class Starts {
  private Starts() {}

  /** The structured starts for {@code j} (K = 1 gives one Gaussian per bump and a wide one). */
  public static List<double[]> structured(ExactObjective j) {
    int k = j.components();
    List<Double> bumps = localMaxima(j.reward());
    double w = j.reward().featureScale();
    double[] focus = j.reward().focusRange();
    double width = Math.max(focus[1] - focus[0], 4 * w);
    double centre = 0.5 * (focus[0] + focus[1]);
    List<double[]> out = new ArrayList<>();
    if (k == 1) {
      for (double b : bumps) {
        out.add(pack(j, new double[] {b}, new double[] {w}));
      }
      out.add(pack(j, new double[] {centre}, new double[] {width}));
      return out;
    }
    double[] perBump = new double[k];
    double[] same = new double[k];
    double[] wideNarrow = new double[k];
    double[] sigmas = new double[k];
    double[] wideSigmas = new double[k];
    for (int i = 0; i < k; i++) {
      perBump[i] = bumps.get(i % bumps.size());
      same[i] = bumps.get(0) + 0.1 * w * (i - 0.5 * (k - 1));
      wideNarrow[i] = i == 0 ? bumps.get(0) : centre;
      sigmas[i] = w;
      wideSigmas[i] = i == 0 ? 0.5 * w : width;
    }
    out.add(pack(j, perBump, sigmas));
    out.add(pack(j, same, sigmas));
    out.add(pack(j, wideNarrow, wideSigmas));
    return out;
  }

  /**
   * A Gaussian (mean, logStd) written as K identical components with equal weights: for a
   * Gaussian stationary point this is a stationary point of the mixture objective too (the
   * mixture is the same policy, and each component's gradient is 1/K of the Gaussian's).
   */
  public static double[] gaussianCopies(ExactObjective mixture, double mean, double logStd) {
    int k = mixture.components();
    double[] means = new double[k];
    double[] logStds = new double[k];
    java.util.Arrays.fill(means, mean);
    java.util.Arrays.fill(logStds, logStd);
    return mixture.pack(new double[k], means, logStds);
  }

  /**
   * A random start: means uniform over the reward's focus range (for squashed classes, the
   * atanh of a uniform draw in [-0.9, 0.9]), sigmas log-uniform in [0.05, 1.5], logits N(0, 1).
   */
  public static double[] random(ExactObjective j, RandomStream rng) {
    int k = j.components();
    double[] logits = new double[k];
    double[] means = new double[k];
    double[] logStds = new double[k];
    double[] focus = j.reward().focusRange();
    for (int i = 0; i < k; i++) {
      logits[i] = rng.nextGaussian();
      if (j.policyClass().squashed()) {
        means[i] = atanh(rng.uniform(-0.9, 0.9));
      } else {
        means[i] = rng.uniform(focus[0], focus[1]);
      }
      logStds[i] = rng.uniform(Math.log(0.05), Math.log(1.5));
    }
    return j.pack(logits, means, logStds);
  }

  /** Structured starts followed by {@code randomCount} random ones drawn from {@code seed}. */
  public static List<double[]> all(ExactObjective j, int randomCount, long seed) {
    List<double[]> out = new ArrayList<>(structured(j));
    RandomStream rng = RandomStream.of(seed);
    for (int s = 0; s < randomCount; s++) {
      out.add(random(j, rng.child(s)));
    }
    return out;
  }

  /**
   * Local maxima of r over its focus range, highest first, from a grid of spacing W/20 (for a
   * 1-D reward). A flat reward gives the centre of the range.
   */
  static List<Double> localMaxima(Reward r) {
    double[] focus = r.focusRange();
    double h = r.featureScale() / 20;
    int n = (int) Math.min(200_000, Math.ceil((focus[1] - focus[0]) / h)) + 1;
    double step = (focus[1] - focus[0]) / Math.max(1, n - 1);
    List<double[]> found = new ArrayList<>();
    double prev = r.value(focus[0] - step);
    double cur = r.value(focus[0]);
    for (int i = 0; i < n; i++) {
      double a = focus[0] + i * step;
      double next = r.value(a + step);
      if (cur > prev && cur >= next) {
        found.add(new double[] {a, cur});
      }
      prev = cur;
      cur = next;
    }
    found.sort(Comparator.comparingDouble((double[] m) -> -m[1]));
    List<Double> out = new ArrayList<>();
    for (double[] m : found) {
      out.add(m[0]);
    }
    if (out.isEmpty()) {
      out.add(0.5 * (focus[0] + focus[1]));
    }
    return out;
  }

  private static double[] pack(ExactObjective j, double[] actions, double[] sigmas) {
    int k = actions.length;
    double[] means = new double[k];
    double[] logStds = new double[k];
    for (int i = 0; i < k; i++) {
      double a = actions[i];
      double s = sigmas[i];
      if (j.policyClass().squashed()) {
        a = Math.max(-0.95, Math.min(0.95, a));
        // the latent width that gives action width s near a: da = (1 - a^2) du
        s = Math.min(2.0, s / (1 - a * a));
        a = atanh(a);
      }
      means[i] = a;
      logStds[i] = Math.log(s);
    }
    return j.pack(new double[k], means, logStds);
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
