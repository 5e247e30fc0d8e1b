package org.mixrl.theory;

import static org.mixrl.theory.Ascent.axpy;
import static org.mixrl.theory.Ascent.dot;
import static org.mixrl.theory.Ascent.norm;

import org.mixrl.autodiff.DenseMatrices;
import org.mixrl.autodiff.Hessian;
import org.mixrl.tensor.Interrupts;

/**
 * Second-order refinement of a point of an {@link ExactObjective}, in the coordinates of
 * {@link LogitGauge} (steps never move along the logit shift, on which J does not depend).
 *
 * <ul>
 *   <li>{@link #towardMaximum}: Newton ascent with a Levenberg shift (solve (H - tau I) d = -g
 *       with tau above the largest eigenvalue), so each step ascends even where H is
 *       indefinite; plain Newton once H is negative definite. Converges to maxima only.
 *   <li>{@link #towardStationary}: Levenberg-Marquardt on |grad J|^2 / 2 (residual grad J,
 *       Jacobian H): converges to stationary points of any kind, so it finds the saddles that
 *       ascent never stops at.
 * </ul>
 */
public final class NewtonPolish {
  private NewtonPolish() {}

  /**
   * A refined point.
   *
   * @param theta the parameters
   * @param value J there
   * @param gradient grad J there
   * @param iterations Newton iterations used
   * @param escaped the sentence of {@link Bounds#passed} if a parameter passed its bound, else
   *     null
   */
  public record Result(
      double[] theta, double value, double[] gradient, int iterations, String escaped) {}

  /** Levenberg-shifted Newton ascent until |grad J| ≤ the settings' tolerance. */
  public static Result towardMaximum(
      ExactObjective j, double[] start, StationaryPoints.Settings s) {
    LogitGauge gauge = LogitGauge.of(j);
    double[] theta = start.clone();
    double value = j.value(theta);
    double[] g = j.gradient(theta);
    double[] history = new double[s.maxNewtonIterations() + 1];
    int it = 0;
    for (; it < s.maxNewtonIterations() && norm(g) > s.gradientTolerance(); it++) {
      int done = it;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": Newton iteration "
          + done + " of at most " + s.maxNewtonIterations());
      history[it] = value;
      if (it >= 10 && value - history[it - 10] < 1e-13 * Math.max(1, Math.abs(value))) {
        break; // flat directions: more polishing changes neither J nor the classification
      }
      double[][] h = gauge.reduce(j.hessian(theta));
      double[] gr = gauge.reduce(g);
      double[] eig = Hessian.eigenvalues(h);
      double top = eig[eig.length - 1];
      double tau = top > -1e-10 ? top + Math.max(1e-8, 1e-3 * Curvature.maxAbs(eig)) : 0.0;
      double[] y = DenseMatrices.solve(DenseMatrices.shifted(h, tau), negate(gr));
      double[] delta = y == null ? null : gauge.lift(y);
      boolean newton = delta != null && dot(delta, g) > 0;
      if (!newton) {
        delta = g;
      }
      double len = norm(delta);
      if (len > Ascent.MAX_MOVE) {
        delta = axpy(new double[delta.length], Ascent.MAX_MOVE / len, delta);
      }
      double[] next = null;
      double nextValue = value;
      double[] nextG = null;
      boolean accepted = false;
      double t = 1.0;
      for (int ls = 0; ls < 60; ls++, t *= 0.5) {
        next = axpy(theta, t, delta);
        nextValue = j.value(next);
        if (nextValue >= value + 1e-4 * t * dot(g, delta)) {
          accepted = true;
          break;
        }
        // Near a maximum J changes by |g|^2/|lambda|, below rounding: then accept a step that
        // shrinks the gradient instead.
        if (newton && nextValue >= value - 1e-13 * Math.max(1, Math.abs(value))) {
          nextG = j.gradient(next);
          if (norm(nextG) < norm(g)) {
            accepted = true;
            break;
          }
          nextG = null;
        }
      }
      if (!accepted) {
        break;
      }
      theta = next;
      value = nextValue;
      g = nextG != null ? nextG : j.gradient(theta);
      String out = Bounds.passed(j, theta, s);
      if (out != null) {
        return new Result(theta, value, g, it + 1, out);
      }
    }
    return new Result(theta, value, g, it, null);
  }

  /** Levenberg-Marquardt on |grad J|^2 / 2 until |grad J| ≤ the settings' tolerance. */
  public static Result towardStationary(
      ExactObjective j, double[] start, StationaryPoints.Settings s) {
    LogitGauge gauge = LogitGauge.of(j);
    double[] theta = start.clone();
    double[] g = j.gradient(theta);
    double lambda = 1e-3;
    int it = 0;
    for (; it < s.maxNewtonIterations() && norm(g) > s.gradientTolerance(); it++) {
      int done = it;
      Interrupts.check(() -> "in the stationary-point search on " + j + ": Newton iteration "
          + done + " of at most " + s.maxNewtonIterations());
      double[][] h = gauge.reduce(j.hessian(theta));
      double[] gr = gauge.reduce(g);
      double[][] normal = DenseMatrices.gram(h); // H^T H (H symmetric)
      double[] rhs = negate(matVec(h, gr));
      double scale = Math.max(1e-300, DenseMatrices.maxAbs(normal));
      boolean accepted = false;
      while (lambda < 1e12) {
        double[] y = DenseMatrices.solve(DenseMatrices.shifted(normal, -lambda * scale), rhs);
        if (y != null) {
          double[] delta = gauge.lift(y);
          double len = norm(delta);
          if (len > Ascent.MAX_MOVE) {
            delta = axpy(new double[delta.length], Ascent.MAX_MOVE / len, delta);
          }
          double[] next = axpy(theta, 1.0, delta);
          double[] nextG = j.gradient(next);
          if (norm(nextG) < norm(g)) {
            theta = next;
            g = nextG;
            lambda = Math.max(1e-12, lambda / 10);
            accepted = true;
            break;
          }
        }
        lambda *= 10;
      }
      if (!accepted) {
        break; // a local minimum of |grad J| that is not a stationary point
      }
      String out = Bounds.passed(j, theta, s);
      if (out != null) {
        return new Result(theta, j.value(theta), g, it + 1, out);
      }
    }
    return new Result(theta, j.value(theta), g, it, null);
  }

  private static double[] matVec(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], x);
    }
    return out;
  }

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }
}
