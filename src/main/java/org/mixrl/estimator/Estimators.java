package org.mixrl.estimator;

import java.util.Locale;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/** Names, construction by name, and small helpers shared by the estimators. */
public final class Estimators {
  /** Every estimator name, in the order reports list them. */
  public static final java.util.List<String> NAMES =
      java.util.List.of("rp", "lr", "rplr", "mrp", "gs", "irg");

  private Estimators() {}

  /** Options an estimator may read; unused ones are ignored by the others. */
  public record Options(int samples, Baseline baseline, boolean sharedNoise, double temperature) {
    public Options {
      if (samples < 1) {
        throw new IllegalArgumentException("samples per state must be >= 1, got " + samples);
      }
      if (!(temperature > 0)) {
        throw new IllegalArgumentException("gs temperature must be > 0, got " + temperature);
      }
    }

    /** One draw per state, batch-mean-free leave-one-out-over-batch baseline, lambda = 0.5. */
    public static Options defaults() {
      return new Options(1, Baseline.batchLeaveOneOut(), false, 0.5);
    }

    public Options withBaseline(Baseline b) {
      return new Options(samples, b, sharedNoise, temperature);
    }

    public Options withSamples(int m) {
      return new Options(m, baseline, sharedNoise, temperature);
    }

    public Options withSharedNoise(boolean shared) {
      return new Options(samples, baseline, shared, temperature);
    }

    public Options withTemperature(double t) {
      return new Options(samples, baseline, sharedNoise, t);
    }
  }

  /** The estimator called {@code name} (rp, lr, rplr, mrp, gs, irg). */
  public static Estimator create(String name, Options o) {
    switch (name.toLowerCase(Locale.ROOT).trim()) {
      case "rp":
        return new Reparameterization(o.samples());
      case "lr":
        return new LikelihoodRatio(o.samples(), o.baseline());
      case "rplr":
      case "rp-lr":
        return new ReparameterizedLikelihoodRatio(o.samples(), o.baseline());
      case "mrp":
        return new MarginalizedReparameterization(o.samples(), o.sharedNoise());
      case "gs":
        return new GumbelSoftmax(o.samples(), o.temperature());
      case "irg":
        return new ImplicitReparameterization(o.samples());
      default:
        throw new IllegalArgumentException(
            "unknown estimator '" + name + "'; allowed: " + String.join(", ", NAMES));
    }
  }

  /** Which policy classes an estimator applies to, for error messages. */
  static String applicability(String name) {
    switch (name) {
      case "rp":
        return "rp applies to g and sg (policies with a pathwise sample)";
      case "lr":
        return "lr applies to every class";
      default:
        return name + " applies to the mixture classes gm and sgm";
    }
  }

  /** -mean over draws of log pi, per state, detached: [B, M] -> [B]. */
  static Tensor entropyOf(Tensor logp) {
    try (GradMode g = GradMode.noGrad()) {
      return logp.mean(1, false).neg().detach();
    }
  }
}
