package org.mixrl.theory;

import java.util.Locale;
import org.mixrl.tensor.Interrupts;

/**
 * Gradient ascent on an {@link ExactObjective} with Armijo backtracking, stopping as soon as a
 * Newton polish can take over, and saying why it stopped.
 *
 * <p>Moves are capped at {@value #MAX_MOVE} so the ascent follows the gradient flow into the
 * basin it starts in instead of leaping into another one (on the line J is unbounded as sigma
 * grows, so a long step can land on an escaping path).
 */
public final class Ascent {
  static final double MAX_MOVE = 0.5;

  private Ascent() {}

  /** Why an ascent stopped. */
  public enum Stop {
    /** |grad J| &lt; 1e-3: close enough for Newton's quadratic convergence. */
    SMALL_GRADIENT,
    /** J rose by less than 1e-11 (relative) over 100 iterations: a flat ridge. */
    FLAT,
    /** The gauge-free Hessian became negative definite: the basin of a maximum. */
    CONCAVE,
    /** No step along the gradient increased J at a resolution of 1e-14. */
    NO_ASCENT,
    /** The iteration budget ran out. */
    BUDGET,
    /** A log-std or mean passed its bound while J kept increasing. */
    ESCAPED
  }

  /**
   * Where an ascent ended.
   *
   * @param theta the last parameters
   * @param value J there
   * @param gradient grad J there
   * @param iterations ascent iterations taken
   * @param stop why it stopped
   * @param evidence for ESCAPED, the parameter that passed its bound and how J moved; else ""
   */
  public record Result(
      double[] theta, double value, double[] gradient, int iterations, Stop stop,
      String evidence) {}

  /** Ascends from {@code start} for at most {@code s.maxAscentIterations()} iterations. */
  public static Result run(ExactObjective j, double[] start, StationaryPoints.Settings s) {
    double[] theta = start.clone();
    double value = j.value(theta);
    double step = 1.0;
    double[] history = new double[s.maxAscentIterations() + 1];
    double[] g = j.gradient(theta);
    LogitGauge gauge = LogitGauge.of(j);
    for (int it = 0; it < s.maxAscentIterations(); it++) {
      int done = it;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": ascent iteration "
          + done + " of at most " + s.maxAscentIterations());
      history[it] = value;
      String out = Bounds.passed(j, theta, s);
      if (out != null) {
        return escaped(theta, value, g, it, out, history);
      }
      double gg = dot(g, g);
      if (Math.sqrt(gg) < 1e-3) {
        return new Result(theta, value, g, it, Stop.SMALL_GRADIENT, "");
      }
      if (it >= 100 && value - history[it - 100] < 1e-11 * Math.max(1, Math.abs(value))) {
        return new Result(theta, value, g, it, Stop.FLAT, "");
      }
      if (it % 50 == 49) {
        double[] eig = org.mixrl.autodiff.Hessian.eigenvalues(gauge.reduce(j.hessian(theta)));
        if (eig[eig.length - 1] < -1e-8 * Math.max(1, Curvature.maxAbs(eig))) {
          return new Result(theta, value, g, it, Stop.CONCAVE, "");
        }
      }
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
        return new Result(theta, value, g, it, Stop.NO_ASCENT, "");
      }
      theta = next;
      value = nextValue;
      g = j.gradient(theta);
    }
    int n = s.maxAscentIterations();
    String out = Bounds.passed(j, theta, s);
    if (out != null) {
      return escaped(theta, value, g, n, out, history);
    }
    return new Result(theta, value, g, n, Stop.BUDGET, "");
  }

  private static Result escaped(double[] theta, double value, double[] g, int iterations,
      String why, double[] history) {
    int back = Math.min(iterations, 20);
    double rise = back > 0 ? value - history[iterations - back] : 0;
    return new Result(theta, value, g, iterations, Stop.ESCAPED, String.format(Locale.ROOT,
        "%s after %d ascent iterations; last J = %.10g, J rose by %.4g over the last %d", why,
        iterations, value, rise, back));
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double[] axpy(double[] x, double t, double[] d) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + t * d[i];
    }
    return out;
  }
}
