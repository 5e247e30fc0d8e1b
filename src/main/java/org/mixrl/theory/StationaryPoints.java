package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mixrl.autodiff.Hessian;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Interrupts;
import org.mixrl.tensor.Tensor;

/**
 * Stationary points of an {@link ExactObjective}: multi-start gradient ascent with an Armijo
 * backtracking line search, then a Newton polish, then a classification by the Hessian's
 * eigenvalues.
 *
 * <p>Mixture objectives are invariant to adding a constant to all logits, so their Hessian
 * always has a zero eigenvalue along that direction. Classification and the Newton step use the
 * Hessian with the first logit held fixed (row and column 0 deleted): a full coordinate system
 * of the quotient, whose eigenvalue signs are those of the objective on distinct policies.
 * Other zero eigenvalues are real degeneracies (a component with vanishing weight, two identical
 * components) and are reported as {@link Type#DEGENERATE}.
 *
 * <p>An interrupted thread stops within one iteration with a
 * {@link java.util.concurrent.CancellationException} naming the objective and the iteration.
 */
public final class StationaryPoints {
  /** Largest parameter change per iteration. */
  private static final double MAX_MOVE = 0.5;

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
   * @param starts number of seeded random starts
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
      if (starts < 1) {
        throw new IllegalArgumentException("Settings: starts must be >= 1, got " + starts);
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

    /** 8 starts, seed 0, 3000 ascent and 100 Newton iterations, |grad| 1e-7, sigma in [e^-12, e^8]. */
    public static Settings defaults() {
      return new Settings(8, 0L, 3000, 100, 1e-7, 8.0, 1e3, 1e-6);
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
   * @param eigenvalues of the reduced Hessian, ascending (empty for DIVERGED)
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

  /** Searches from {@code settings.starts()} seeded random starts. */
  public static List<Point> search(ExactObjective j, Settings settings) {
    RandomStream rng = RandomStream.of(settings.seed());
    List<Point> out = new ArrayList<>();
    for (int s = 0; s < settings.starts(); s++) {
      int done = s;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": before start "
          + (done + 1) + " of " + settings.starts());
      out.add(fromStart(j, randomStart(j, rng.child(s)), settings));
    }
    return out;
  }

  /** The highest-J local maximum (MAXIMUM or negative-semidefinite DEGENERATE), if any. */
  public static Optional<Point> best(List<Point> points, Settings settings) {
    return points.stream()
        .filter(p -> p.isLocalMaximum(settings.eigenvalueTolerance()))
        .max(Comparator.comparingDouble(Point::objective));
  }

  /**
   * A random start: means uniform over the reward's focus range (for squashed classes, the
   * atanh of a uniform draw in [-0.9, 0.9]), sigmas log-uniform in [0.05, 1.5], logits N(0, 1).
   */
  public static double[] randomStart(ExactObjective j, RandomStream rng) {
    int k = j.components();
    double[] logits = new double[k];
    double[] means = new double[k];
    double[] logStds = new double[k];
    double[] focus = j.reward().focusRange();
    for (int i = 0; i < k; i++) {
      logits[i] = rng.nextGaussian();
      if (j.policyClass().squashed()) {
        double a = rng.uniform(-0.9, 0.9);
        means[i] = 0.5 * Math.log((1 + a) / (1 - a));
      } else {
        means[i] = rng.uniform(focus[0], focus[1]);
      }
      logStds[i] = rng.uniform(Math.log(0.05), Math.log(1.5));
    }
    return j.pack(logits, means, logStds);
  }

  /** Ascent from {@code start}, Newton polish, classification. */
  public static Point fromStart(ExactObjective j, double[] start, Settings s) {
    double[] theta = start.clone();
    double value = j.value(theta);
    double step = 1.0;
    int iterations = 0;
    double[] history = new double[s.maxAscentIterations() + 1];
    double[] g = j.gradient(theta);
    int skip = j.policyClass().mixture() ? 1 : 0;
    for (; iterations < s.maxAscentIterations(); iterations++) {
      int done = iterations;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": ascent iteration "
          + done + " of at most " + s.maxAscentIterations());
      history[iterations] = value;
      String out = outOfBounds(j, theta, s);
      if (out != null) {
        return diverged(j, theta, value, g, iterations, out, history);
      }
      double gg = dot(g, g);
      if (Math.sqrt(gg) < 1e-3) {
        break; // close enough for Newton's quadratic convergence
      }
      if (iterations >= 100 && value - history[iterations - 100]
          < 1e-11 * Math.max(1, Math.abs(value))) {
        break; // crawling along a flat ridge: J no longer moves, let Newton try
      }
      if (iterations % 50 == 49 && negativeDefinite(j.hessian(theta), skip)) {
        break; // ill-conditioned ascent is slow; Newton is fast once the basin is concave
      }
      // Cap the move at MAX_MOVE so ascent follows the gradient flow into the basin it starts
      // in instead of leaping into another one (on the line J is unbounded as sigma grows).
      step = Math.min(step * 2, MAX_MOVE / Math.sqrt(gg));
      double[] next = null;
      double nextValue = Double.NaN;
      while (step > 1e-14) {
        next = axpy(theta, step, g);
        nextValue = j.value(next);
        if (nextValue >= value + 1e-4 * step * gg) {
          break;
        }
        step *= 0.5;
      }
      if (!(step > 1e-14)) {
        break; // no ascent possible at this resolution: let Newton decide
      }
      theta = next;
      value = nextValue;
      g = j.gradient(theta);
    }
    String out = outOfBounds(j, theta, s);
    if (out != null) {
      return diverged(j, theta, value, g, iterations, out, history);
    }
    // Newton polish on the reduced coordinates (Levenberg-shifted where H is indefinite).
    double[][] h = j.hessian(theta);
    double[] polish = new double[s.maxNewtonIterations() + 1];
    for (int it = 0; it < s.maxNewtonIterations() && norm(g) > s.gradientTolerance(); it++) {
      int done = it;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": Newton iteration "
          + done + " of at most " + s.maxNewtonIterations());
      iterations++;
      polish[it] = value;
      if (it >= 10 && value - polish[it - 10] < 1e-13 * Math.max(1, Math.abs(value))) {
        break; // flat directions: more polishing changes neither J nor the classification
      }
      // Levenberg shift: solve (H - tau I) delta = -g with tau above the largest eigenvalue,
      // so the step ascends even where H is indefinite (plain Newton when H < 0).
      double[] eigNow = Hessian.eigenvalues(reduced(h, skip));
      double top = eigNow[eigNow.length - 1];
      double tau = top > -1e-10 ? top + Math.max(1e-8, 1e-3 * maxAbs(eigNow)) : 0.0;
      double[] delta = newtonStep(shifted(h, tau), g, skip);
      boolean newton = delta != null && dot(delta, g) > 0;
      if (!newton) {
        delta = g;
      }
      double len = norm(delta);
      if (len > MAX_MOVE) {
        delta = axpy(new double[delta.length], MAX_MOVE / len, delta);
      }
      double t = 1.0;
      double[] next = theta;
      double nextValue = value;
      double[] nextG = g;
      boolean accepted = false;
      for (int ls = 0; ls < 60; ls++, t *= 0.5) {
        next = axpy(theta, t, delta);
        nextValue = j.value(next);
        // Near a maximum J changes by |g|^2/|lambda|, below rounding: then accept a step that
        // shrinks the gradient instead.
        if (nextValue >= value + 1e-4 * t * dot(g, delta)) {
          accepted = true;
          break;
        }
        if (newton && nextValue >= value - 1e-13 * Math.max(1, Math.abs(value))) {
          nextG = j.gradient(next);
          if (norm(nextG) < norm(g)) {
            accepted = true;
            break;
          }
        }
      }
      if (!accepted) {
        break;
      }
      theta = next;
      value = nextValue;
      g = nextG == g ? j.gradient(theta) : nextG;
      if (outOfBounds(j, theta, s) != null) {
        return diverged(j, theta, value, g, iterations, outOfBounds(j, theta, s), history);
      }
      h = j.hessian(theta);
    }
    g = j.gradient(theta);
    h = j.hessian(theta);
    double[] eig = Hessian.eigenvalues(reduced(h, skip));
    double gn = norm(g);
    Type type;
    String evidence = "";
    if (gn > s.gradientTolerance()) {
      type = Type.NOT_CONVERGED;
      evidence = String.format(Locale.ROOT,
          "|grad J| = %.3e > %.1e after %d iterations", gn, s.gradientTolerance(), iterations);
    } else {
      double tol = s.eigenvalueTolerance() * Math.max(1, maxAbs(eig));
      int neg = 0;
      int pos = 0;
      for (double l : eig) {
        neg += l < -tol ? 1 : 0;
        pos += l > tol ? 1 : 0;
      }
      if (neg == eig.length) {
        type = Type.MAXIMUM;
      } else if (pos == eig.length) {
        type = Type.MINIMUM;
      } else if (neg > 0 && pos > 0) {
        type = Type.SADDLE;
      } else {
        type = Type.DEGENERATE;
        evidence = degeneracy(j, theta, eig.length - neg - pos);
      }
    }
    return point(j, theta, value, gn, eig, type, iterations, evidence);
  }

  private static boolean negativeDefinite(double[][] h, int skip) {
    double[] eig = Hessian.eigenvalues(reduced(h, skip));
    return eig[eig.length - 1] < -1e-8 * Math.max(1, maxAbs(eig));
  }

  private static String degeneracy(ExactObjective j, double[] theta, int zeros) {
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

  private static String outOfBounds(ExactObjective j, double[] theta, Settings s) {
    for (int k = 0; k < j.components(); k++) {
      double ls = theta[j.logStdIndex(k)];
      double mu = theta[j.meanIndex(k)];
      if (ls > s.logStdBound()) {
        return String.format(Locale.ROOT, "log sigma[%d] = %.3f passed +%.1f (sigma = %.4g)", k,
            ls, s.logStdBound(), Math.exp(ls));
      }
      if (ls < -1.5 * s.logStdBound()) {
        return String.format(Locale.ROOT, "log sigma[%d] = %.3f passed -%.1f (sigma = %.4g)", k,
            ls, 1.5 * s.logStdBound(), Math.exp(ls));
      }
      if (Math.abs(mu) > s.meanBound()) {
        return String.format(Locale.ROOT, "|mu[%d]| = %.4g passed %.4g", k, Math.abs(mu),
            s.meanBound());
      }
    }
    return null;
  }

  private static Point diverged(ExactObjective j, double[] theta, double value, double[] g,
      int iterations, String why, double[] history) {
    int back = Math.min(iterations, 20);
    double rise = back > 0 ? value - history[iterations - back] : 0;
    String evidence = String.format(Locale.ROOT,
        "%s after %d iterations; last J = %.10g, J rose by %.4g over the last %d iterations",
        why, iterations, value, rise, back);
    return point(j, theta, value, norm(g), new double[0], Type.DIVERGED, iterations, evidence);
  }

  private static Point point(ExactObjective j, double[] theta, double value, double gn,
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

  private static double[][] shifted(double[][] h, double tau) {
    double[][] out = new double[h.length][];
    for (int i = 0; i < h.length; i++) {
      out[i] = h[i].clone();
      out[i][i] -= tau;
    }
    return out;
  }

  /** h without its first {@code skip} rows and columns. */
  static double[][] reduced(double[][] h, int skip) {
    int n = h.length - skip;
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < n; c++) {
        r[i][c] = h[i + skip][c + skip];
      }
    }
    return r;
  }

  /** Solves H delta = -g on the reduced coordinates (delta = 0 on the skipped ones). */
  private static double[] newtonStep(double[][] h, double[] g, int skip) {
    double[][] a = reduced(h, skip);
    int n = a.length;
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = -g[i + skip];
    }
    double scale = Math.max(1e-300, maxAbsMatrix(a));
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][col]) < 1e-13 * scale) {
        return null; // singular: no Newton direction
      }
      double[] tr = a[piv];
      a[piv] = a[col];
      a[col] = tr;
      double tb = b[piv];
      b[piv] = b[col];
      b[col] = tb;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c < n; c++) {
          a[r][c] -= f * a[col][c];
        }
        b[r] -= f * b[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < n; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    double[] delta = new double[g.length];
    System.arraycopy(x, 0, delta, skip, n);
    for (double v : delta) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return delta;
  }

  private static double maxAbsMatrix(double[][] a) {
    double m = 0;
    for (double[] row : a) {
      m = Math.max(m, maxAbs(row));
    }
    return m;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] axpy(double[] x, double t, double[] d) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + t * d[i];
    }
    return out;
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
    }
    return sb.append(']').toString();
  }
}
