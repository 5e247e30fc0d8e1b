package org.mixrl.autodiff;

import java.util.function.Function;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Precision;
import org.mixrl.tensor.Tensor;

/**
 * Compares reverse-mode gradients with central differences.
 *
 * <p>The error of one entry is |analytic - numeric| / max(1, |analytic|, |numeric|): relative
 * for large gradients, absolute near zero, so a check does not fail on a gradient that should
 * be 0 and comes out as 1e-12.
 *
 * <p>Both gradients are computed in double products ({@link Precision#F64}) even when the
 * caller is inside a float32 scope: central differences with h = 1e-5 need double rounding.
 */
public final class GradCheck {
  /** Default step: balances O(h^2) truncation against O(eps/h) rounding for smooth f. */
  public static final double DEFAULT_STEP = 1e-5;

  private GradCheck() {}

  /** Outcome of a check: the worst entry over all inputs. */
  public record Result(
      double maxError, int worstInput, int worstIndex, double analytic, double numeric) {
    /** Whether every entry's error is at most {@code tolerance}. */
    public boolean passed(double tolerance) {
      return maxError <= tolerance;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "maxError=%.3e at input %d index %d (analytic %.10g, numeric %.10g)",
          maxError,
          worstInput,
          worstIndex,
          analytic,
          numeric);
    }
  }

  /** Checks d f / d inputs with the default step. {@code f} must return one element. */
  public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
    return check(f, DEFAULT_STEP, inputs);
  }

  /** Checks d f / d inputs with step {@code h} (scaled by max(1, |x|) per entry). */
  public static Result check(Function<Tensor[], Tensor> f, double h, Tensor... inputs) {
    if (!(h > 0)) {
      throw new IllegalArgumentException("GradCheck: step h must be > 0, got " + h);
    }
    double[][] analytic = analyticGradients(f, inputs);
    double worst = -1;
    int wi = -1;
    int wj = -1;
    double wa = 0;
    double wn = 0;
    for (int i = 0; i < inputs.length; i++) {
      double[] numeric = numericGradient(f, i, h, inputs);
      for (int j = 0; j < numeric.length; j++) {
        double a = analytic[i][j];
        double n = numeric[j];
        double err = Math.abs(a - n) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(n)));
        if (Double.isNaN(err)) {
          err = Double.POSITIVE_INFINITY;
        }
        if (err > worst) {
          worst = err;
          wi = i;
          wj = j;
          wa = a;
          wn = n;
        }
      }
    }
    return new Result(Math.max(worst, 0), wi, wj, wa, wn);
  }

  /** Reverse-mode gradients of {@code f} at {@code inputs} (inputs are not modified). */
  public static double[][] analyticGradients(Function<Tensor[], Tensor> f, Tensor... inputs) {
    Tensor[] leaves = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      leaves[i] = Tensor.of(inputs[i].toArray(), inputs[i].shape()).requiresGrad(true);
    }
    Tensor out;
    try (GradMode g = GradMode.enableGrad(); Precision.Scope p = Precision.f64()) {
      out = requireScalar(f.apply(leaves));
      if (out.requiresGrad()) {
        out.backward();
      }
    }
    double[][] grads = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      Tensor gi = leaves[i].grad();
      grads[i] = gi == null ? new double[inputs[i].numel()] : gi.toArray();
    }
    return grads;
  }

  /** Central-difference gradient of {@code f} with respect to input {@code which}. */
  public static double[] numericGradient(
      Function<Tensor[], Tensor> f, int which, double h, Tensor... inputs) {
    Tensor[] copies = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      copies[i] = Tensor.of(inputs[i].toArray(), inputs[i].shape());
    }
    double[] x = copies[which].data();
    double[] g = new double[x.length];
    try (GradMode ng = GradMode.noGrad(); Precision.Scope p = Precision.f64()) {
      for (int j = 0; j < x.length; j++) {
        double orig = x[j];
        double step = h * Math.max(1.0, Math.abs(orig));
        x[j] = orig + step;
        double fp = requireScalar(f.apply(copies)).item();
        x[j] = orig - step;
        double fm = requireScalar(f.apply(copies)).item();
        x[j] = orig;
        g[j] = (fp - fm) / (2 * step);
      }
    }
    return g;
  }

  private static Tensor requireScalar(Tensor t) {
    if (t.numel() != 1) {
      throw new IllegalArgumentException(
          "GradCheck: the function must return one element, got shape "
              + java.util.Arrays.toString(t.shape()));
    }
    return t;
  }
}
