package org.mixrl.optim;

import java.util.Collection;
import org.mixrl.nn.Module;
import org.mixrl.tensor.Tensor;

/** Gradient clipping by global norm, as {@code torch.nn.utils.clip_grad_norm_}. */
public final class GradClip {
  /** Added to the norm before dividing, as in PyTorch, so a zero norm never divides by 0. */
  static final double EPS = 1e-6;

  private GradClip() {}

  /**
   * n = ‖(g₁, …, g_k)‖₂ over all gradients; each gradient is multiplied in place by
   * min(1, maxNorm / (n + 1e-6)). Returns n, the norm before clipping. Parameters without a
   * gradient are skipped; a non-finite n is returned and the gradients are left unchanged.
   */
  public static double clipGradNorm(Collection<Tensor> params, double maxNorm) {
    if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
      throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
    }
    double norm = totalNorm(params);
    if (!Double.isFinite(norm)) {
      // PyTorch would scale by 0 or NaN here and silently poison the parameters; callers can
      // see the non-finite return value and skip the step instead.
      return norm;
    }
    // PyTorch multiplies by the clamped coefficient unconditionally; skipping the multiply
    // when it is 1 gives the same values.
    double coef = maxNorm / (norm + EPS);
    if (coef < 1) {
      for (Tensor p : params) {
        Tensor g = p.grad();
        if (g == null) {
          continue;
        }
        double[] d = g.data();
        for (int i = 0; i < d.length; i++) {
          d[i] *= coef;
        }
      }
    }
    return norm;
  }

  /** {@link #clipGradNorm(Collection, double)} over all parameters of {@code module}. */
  public static double clipGradNorm(Module module, double maxNorm) {
    return clipGradNorm(module.parameters(), maxNorm);
  }

  /** ‖(g₁, …, g_k)‖₂, scaled by the largest |gᵢ| so squares never overflow or underflow. */
  public static double totalNorm(Collection<Tensor> params) {
    double scale = 0;
    for (Tensor p : params) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      for (double v : g.data()) {
        double a = Math.abs(v);
        if (!(a <= scale)) {
          scale = a; // also catches NaN, which then propagates to the result
        }
      }
    }
    if (scale == 0 || !Double.isFinite(scale)) {
      return scale;
    }
    double sum = 0;
    for (Tensor p : params) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      for (double v : g.data()) {
        double r = v / scale;
        sum += r * r;
      }
    }
    return scale * Math.sqrt(sum);
  }
}
