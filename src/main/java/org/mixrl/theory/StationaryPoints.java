package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mixrl.tensor.Interrupts;
import org.mixrl.tensor.Tensor;

/**
 * Stationary points of an {@link ExactObjective}, from structured and random {@link Starts}:
 *
 * <ul>
 *   <li>maxima: {@link Ascent} (gradient ascent with a stop reason), then
 *       {@link NewtonPolish#towardMaximum}, then {@link Curvature#classify};
 *   <li>stationary points of every kind, saddles included: {@link NewtonPolish#towardStationary}
 *       (Levenberg-Marquardt on |grad J|^2), then {@link Curvature#classify}.
 * </ul>
 *
 * <p>Mixture objectives are invariant to adding a constant to all logits, so their Hessian
 * always has a zero eigenvalue along that direction; {@link LogitGauge} removes it before
 * classifying. Other zero eigenvalues are real degeneracies (a component with vanishing weight,
 * two identical components) and are reported as {@link Type#DEGENERATE}.
 *
 * <p>An interrupted thread stops within one iteration with a
 * {@link java.util.concurrent.CancellationException} naming the objective and the iteration.
 */
public final class StationaryPoints {
  private StationaryPoints() {}

  /** What a search from one start ended at. */
  public enum Type {
    /** Gradient ~ 0, reduced Hessian negative definite. */
    MAXIMUM,
    /** Gradient ~ 0, eigenvalues of both signs. */
    SADDLE,
    /** Gradient ~ 0, reduced Hessian positive definite. */
    MINIMUM,
    /** Gradient ~ 0, some eigenvalues ~ 0 and none of the opposite sign to the rest. */
    DEGENERATE,
    /** A log-std or mean passed its bound while J kept increasing: no maximum that way. */
    DIVERGED,
    /** The iteration budget ran out with a non-negligible gradient. */
    NOT_CONVERGED
  }

  /**
   * Search settings.
   *
   * @param starts number of seeded random starts (the structured starts come in addition)
   * @param seed seed of the starts
   * @param maxAscentIterations gradient-ascent iterations per start
   * @param maxNewtonIterations Newton-polish iterations per start
   * @param gradientTolerance |grad J| below which a point counts as stationary
   * @param logStdBound |log sigma_k| beyond which the search stops as DIVERGED
   * @param meanBound |mu_k| beyond which the search stops as DIVERGED
   * @param eigenvalueTolerance eigenvalues within +- this (times max(1, max|lambda|)) count as 0
   */
  public record Settings(
      int starts,
      long seed,
      int maxAscentIterations,
      int maxNewtonIterations,
      double gradientTolerance,
      double logStdBound,
      double meanBound,
      double eigenvalueTolerance) {
    public Settings {
      if (starts < 0) {
        throw new IllegalArgumentException("Settings: starts must be >= 0, got " + starts);
      }
      if (maxAscentIterations < 0 || maxNewtonIterations < 0) {
        throw new IllegalArgumentException(
            "Settings: iteration limits must be >= 0, got " + maxAscentIterations + ", "
                + maxNewtonIterations);
      }
      if (!(gradientTolerance > 0) || !(logStdBound > 0) || !(meanBound > 0)
          || !(eigenvalueTolerance > 0)) {
        throw new IllegalArgumentException(
            "Settings: tolerances and bounds must be > 0, got gradientTolerance="
                + gradientTolerance + " logStdBound=" + logStdBound + " meanBound=" + meanBound
                + " eigenvalueTolerance=" + eigenvalueTolerance);
      }
    }

    /**
     * 32 random starts (plus the structured ones), seed 0, 3000 ascent and 100 Newton
     * iterations, |grad| 1e-7, sigma in [e^-12, e^8].
     */
    public static Settings defaults() {
      return new Settings(32, 0L, 3000, 100, 1e-7, 8.0, 1e3, 1e-6);
    }

    public Settings withStarts(int n) {
      return new Settings(n, seed, maxAscentIterations, maxNewtonIterations, gradientTolerance,
          logStdBound, meanBound, eigenvalueTolerance);
    }

    public Settings withSeed(long s) {
      return new Settings(starts, s, maxAscentIterations, maxNewtonIterations, gradientTolerance,
          logStdBound, meanBound, eigenvalueTolerance);
    }
  }

  /**
   * The end of one search.
   *
   * @param theta final parameters (layout of the objective)
   * @param objective J at theta
   * @param expectedReward E_pi[r] at theta
   * @param entropy entropy of pi at theta
   * @param weights mixture weights (1 for G and SG)
   * @param means component means (latent u for squashed classes)
   * @param stds component standard deviations
   * @param gradientNorm |grad J| at theta
   * @param eigenvalues of the Hessian without the logit-shift direction, ascending (empty for
   *     DIVERGED)
   * @param type the classification
   * @param iterations ascent plus Newton iterations used
   * @param evidence a sentence for DIVERGED, NOT_CONVERGED and DEGENERATE results, else ""
   */
  public record Point(
      double[] theta,
      double objective,
      double expectedReward,
      double entropy,
      double[] weights,
      double[] means,
      double[] stds,
      double gradientNorm,
      double[] eigenvalues,
      Type type,
      int iterations,
      String evidence) {
    /** A maximum, or a degenerate point with no ascent direction of positive curvature. */
    public boolean isLocalMaximum(double eigenvalueTolerance) {
      if (type == Type.MAXIMUM) {
        return true;
      }
      if (type != Type.DEGENERATE) {
        return false;
      }
      double scale = eigenvalueTolerance * Math.max(1, maxAbs(eigenvalues));
      return Arrays.stream(eigenvalues).allMatch(l -> l <= scale);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%s J=%.10g E[r]=%.6g H=%.6g |g|=%.2e w=%s mu=%s sigma=%s eig=%s %s", type, objective,
          expectedReward, entropy, gradientNorm, fmt(weights), fmt(means), fmt(stds),
          fmt(eigenvalues), evidence);
    }
  }

  /** Maxima: from the structured starts and {@code settings.starts()} seeded random ones. */
  public static List<Point> search(ExactObjective j, Settings settings) {
    return fromStarts(j, Starts.all(j, settings.starts(), settings.seed()), settings, false);
  }

  /**
   * Stationary points of every kind (saddles included) from the same starts as
   * {@link #search}, by Levenberg-Marquardt on |grad J|^2; duplicates removed (see
   * {@link #distinct}). Points that are not stationary (NOT_CONVERGED, DIVERGED) are kept once
   * each kind, as evidence.
   */
  public static List<Point> stationary(ExactObjective j, Settings settings) {
    return distinct(
        fromStarts(j, Starts.all(j, settings.starts(), settings.seed()), settings, true));
  }

  private static List<Point> fromStarts(
      ExactObjective j, List<double[]> starts, Settings settings, boolean anyKind) {
    List<Point> out = new ArrayList<>();
    for (int s = 0; s < starts.size(); s++) {
      int done = s;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": before start "
          + (done + 1) + " of " + starts.size());
      out.add(anyKind ? stationaryFromStart(j, starts.get(s), settings)
          : fromStart(j, starts.get(s), settings));
    }
    return out;
  }

  /** The highest-J local maximum (MAXIMUM or negative-semidefinite DEGENERATE), if any. */
  public static Optional<Point> best(List<Point> points, Settings settings) {
    return points.stream()
        .filter(p -> p.isLocalMaximum(settings.eigenvalueTolerance()))
        .max(Comparator.comparingDouble(Point::objective));
  }

  /** Ascent from {@code start}, Newton polish, classification. */
  public static Point fromStart(ExactObjective j, double[] start, Settings s) {
    Ascent.Result a = Ascent.run(j, start, s);
    if (a.stop() == Ascent.Stop.ESCAPED) {
      return point(j, a.theta(), a.value(), Ascent.norm(a.gradient()), new double[0],
          Type.DIVERGED, a.iterations(), a.evidence());
    }
    NewtonPolish.Result n = NewtonPolish.towardMaximum(j, a.theta(), s);
    return classified(j, n, a.iterations() + n.iterations(), s);
  }

  /** Newton on |grad J|^2 from {@code start}, then classification: finds saddles too. */
  public static Point stationaryFromStart(ExactObjective j, double[] start, Settings s) {
    return classified(j, NewtonPolish.towardStationary(j, start, s), 0, s);
  }

  /** Newton polish from {@code start} (no ascent), then classification: for warm starts. */
  public static Point polish(ExactObjective j, double[] start, Settings s) {
    NewtonPolish.Result n = NewtonPolish.towardMaximum(j, start, s);
    return classified(j, n, n.iterations(), s);
  }

  private static Point classified(ExactObjective j, NewtonPolish.Result n, int iterations,
      Settings s) {
    if (n.escaped() != null) {
      return point(j, n.theta(), n.value(), Ascent.norm(n.gradient()), new double[0],
          Type.DIVERGED, iterations, n.escaped() + " during the Newton polish");
    }
    double[] theta = n.theta();
    double[] g = j.gradient(theta);
    double[] eig = Curvature.eigenvalues(j, theta);
    double gn = Ascent.norm(g);
    if (gn > s.gradientTolerance()) {
      return point(j, theta, n.value(), gn, eig, Type.NOT_CONVERGED, iterations,
          String.format(Locale.ROOT, "|grad J| = %.3e > %.1e after %d iterations", gn,
              s.gradientTolerance(), iterations));
    }
    Type type = Curvature.classify(eig, s.eigenvalueTolerance());
    String evidence = type == Type.DEGENERATE ? degeneracy(j, theta, eig, s) : "";
    return point(j, theta, n.value(), gn, eig, type, iterations, evidence);
  }

  /**
   * One point per distinct policy: two points are the same when they have the same type and
   * {@link #samePolicy} (so relabelled components and shifted logits count once). DIVERGED and
   * NOT_CONVERGED points are kept once per type, the highest-J one.
   */
  public static List<Point> distinct(List<Point> points) {
    List<Point> out = new ArrayList<>();
    for (Point p : points) {
      boolean stationary = p.type() != Type.DIVERGED && p.type() != Type.NOT_CONVERGED;
      int same = -1;
      for (int i = 0; i < out.size(); i++) {
        Point q = out.get(i);
        if (q.type() == p.type() && (!stationary || samePolicy(p, q))) {
          same = i;
          break;
        }
      }
      if (same < 0) {
        out.add(p);
      } else if (p.objective() > out.get(same).objective()) {
        out.set(same, p);
      }
    }
    return out;
  }

  /**
   * Whether two points describe the same policy up to relabelling the components and shifting
   * all logits: their {@link PolicyDistance} (largest difference of centred logit, mean or
   * log-std between matched components, under the best matching) is at most 1e-3, or at most
   * 0.05 with J equal to 1e-9 (relative; a maximum with nearly flat directions is polished from
   * different starts to slightly different parameters).
   */
  public static boolean samePolicy(Point a, Point b) {
    return PolicyDistance.same(a, b);
  }

  private static String degeneracy(ExactObjective j, double[] theta, double[] eig, Settings s) {
    double tol = s.eigenvalueTolerance() * Math.max(1, Curvature.maxAbs(eig));
    long zeros = Arrays.stream(eig).filter(l -> Math.abs(l) <= tol).count();
    StringBuilder sb = new StringBuilder(zeros + " eigenvalue(s) ~ 0");
    double[] w = weights(j, theta);
    for (int k = 0; k < w.length; k++) {
      if (w[k] < 1e-6) {
        sb.append(String.format(Locale.ROOT, "; component %d has weight %.2e", k, w[k]));
      }
    }
    for (int a = 0; a < w.length; a++) {
      for (int b = a + 1; b < w.length; b++) {
        if (Math.abs(theta[j.meanIndex(a)] - theta[j.meanIndex(b)]) < 1e-4
            && Math.abs(theta[j.logStdIndex(a)] - theta[j.logStdIndex(b)]) < 1e-4) {
          sb.append("; components ").append(a).append(" and ").append(b).append(" coincide");
        }
      }
    }
    return sb.toString();
  }

  static Point point(ExactObjective j, double[] theta, double value, double gn,
      double[] eig, Type type, int iterations, String evidence) {
    Tensor t = Tensor.vector(theta);
    int k = j.components();
    double[] means = new double[k];
    double[] stds = new double[k];
    for (int i = 0; i < k; i++) {
      means[i] = theta[j.meanIndex(i)];
      stds[i] = Math.exp(theta[j.logStdIndex(i)]);
    }
    return new Point(theta, value, j.expectedReward(t).item(), j.entropy(t).item(),
        weights(j, theta), means, stds, gn, eig, type, iterations, evidence);
  }

  private static double[] weights(ExactObjective j, double[] theta) {
    int k = j.components();
    double[] w = new double[k];
    if (j.logitCount() == 0) {
      w[0] = 1;
      return w;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      max = Math.max(max, theta[i]);
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      w[i] = Math.exp(theta[i] - max);
      sum += w[i];
    }
    for (int i = 0; i < k; i++) {
      w[i] /= sum;
    }
    return w;
  }

  private static double maxAbs(double[] v) {
    return Curvature.maxAbs(v);
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
    }
    return sb.append(']').toString();
  }
}
