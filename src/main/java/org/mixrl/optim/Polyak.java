package org.mixrl.optim;

import java.util.List;
import java.util.Map;
import org.mixrl.nn.Module;
import org.mixrl.nn.ParameterSet;
import org.mixrl.tensor.Tensor;

/** Polyak (exponential moving) averaging of target networks, as in SAC and TD3. */
public final class Polyak {
  private Polyak() {}

  /**
   * θ̄ ← τ·θ + (1 − τ)·θ̄ for every parameter, θ̄ in {@code target} (modified in place) and θ
   * in {@code source} (matched by name). τ = 1 is a hard copy, τ = 0 leaves the target as is.
   */
  public static void update(Module target, Module source, double tau) {
    if (!(tau >= 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
    }
    ParameterSet t = target.parameterSet();
    ParameterSet s = source.parameterSet();
    List<String> problems = t.mismatches(s.shapes());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Polyak.update: target and source parameters do not match: "
              + String.join("; ", problems));
    }
    double keep = 1 - tau;
    for (Map.Entry<String, Tensor> e : t.asMap().entrySet()) {
      double[] tgt = e.getValue().data();
      double[] src = s.get(e.getKey()).data();
      for (int i = 0; i < tgt.length; i++) {
        // grouped as SB3's polyak_update (mul_ then add_), the usual PyTorch reference
        tgt[i] = tgt[i] * keep + tau * src[i];
      }
    }
  }
}
