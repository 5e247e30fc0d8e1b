package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;

/**
 * How much reward each policy class keeps as the entropy scale alpha grows
 * (estimators-and-theory.md, section 5): for each (class, K, alpha), the best local maximum J*
 * of the exact objective over seeded multi-start searches and E_{pi*}[r] there.
 *
 * <p>On the line J is unbounded above (alpha log sigma grows without limit), so J* is always
 * the best <em>local</em> maximum; when every start diverges there is none and the entry says
 * {@code attained = false}, reporting the last J of the best diverged search instead.
 */
public final class EntropyRobustness {
  private EntropyRobustness() {}

  /**
   * One (class, K, alpha) point.
   *
   * @param attained whether some start ended at a (possibly degenerate or stalled) local maximum
   * @param approximate whether that best point is a stalled search (|grad J| <= 1e-3, typically
   *     a component whose weight is still drifting to 0) rather than a converged maximum
   * @param bestObjective J* (or, if not attained, the largest J reached before diverging)
   * @param expectedReward E_pi[r] at that point
   * @param entropy the entropy of pi at that point
   * @param localMaxima how many starts ended at a local maximum
   * @param diverged how many starts diverged
   * @param best the search result behind this entry
   */
  public record Entry(
      PolicyClass policyClass,
      int components,
      double alpha,
      boolean attained,
      boolean approximate,
      double bestObjective,
      double expectedReward,
      double entropy,
      int localMaxima,
      int diverged,
      int starts,
      StationaryPoints.Point best) {}

  /**
   * Settings that keep one point within seconds: 4 starts, at most 600 ascent and 30 Newton
   * iterations, |grad J| <= 1e-6.
   */
  public static StationaryPoints.Settings fastSettings() {
    return new StationaryPoints.Settings(4, 0L, 600, 30, 1e-6, 8.0, 1e3, 1e-6);
  }

  /** One point of the sweep. */
  public static Entry at(
      Reward reward, PolicyClass c, int k, double alpha, StationaryPoints.Settings s) {
    ExactObjective j = new ExactObjective(reward, c, k, alpha);
    List<StationaryPoints.Point> points = StationaryPoints.search(j, s);
    StationaryPoints.Point best = null;
    StationaryPoints.Point bestDiverged = null;
    int maxima = 0;
    int diverged = 0;
    for (StationaryPoints.Point p : points) {
      if (isMaximum(p, s)) {
        maxima++;
        if (best == null || p.objective() > best.objective()) {
          best = p;
        }
      } else if (p.type() == StationaryPoints.Type.DIVERGED) {
        diverged++;
        if (bestDiverged == null || p.objective() > bestDiverged.objective()) {
          bestDiverged = p;
        }
      }
    }
    StationaryPoints.Point shown = best != null ? best : bestDiverged;
    if (shown == null) {
      shown = points.get(0); // only saddles, minima or unfinished searches
    }
    boolean approximate = best != null && best.type() == StationaryPoints.Type.NOT_CONVERGED;
    return new Entry(c, c.mixture() ? k : 1, alpha, best != null, approximate, shown.objective(),
        shown.expectedReward(), shown.entropy(), maxima, diverged, points.size(), shown);
  }

  /**
   * A local maximum, or an unfinished search that has stalled in a flat ridge (|grad J| <= 1e-3
   * with no clearly positive curvature): mixtures with many components have near-zero
   * eigenvalues along which ascent crawls (often a weight drifting to 0, a maximum on the
   * boundary of the parameter space) while J no longer changes in its 6th digit.
   */
  static boolean isMaximum(StationaryPoints.Point p, StationaryPoints.Settings s) {
    if (p.isLocalMaximum(s.eigenvalueTolerance())) {
      return true;
    }
    if (p.type() != StationaryPoints.Type.NOT_CONVERGED || p.gradientNorm() > 1e-3) {
      return false;
    }
    double scale = Math.max(1, Arrays.stream(p.eigenvalues()).map(Math::abs).max().orElse(0));
    return Arrays.stream(p.eigenvalues()).allMatch(l -> l <= 1e-3 * scale);
  }

  /** Every (class, K, alpha); G and SG are run once (K = 1) whatever {@code ks} holds. */
  public static List<Entry> sweep(
      Reward reward,
      double[] alphas,
      List<PolicyClass> classes,
      int[] ks,
      StationaryPoints.Settings s) {
    List<Entry> out = new ArrayList<>();
    for (PolicyClass c : classes) {
      int[] kk = c.mixture() ? ks : new int[] {1};
      for (int k : kk) {
        for (double alpha : alphas) {
          out.add(at(reward, c, k, alpha, s));
        }
      }
    }
    return out;
  }
}
