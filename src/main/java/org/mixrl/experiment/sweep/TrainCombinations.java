package org.mixrl.experiment.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;

/**
 * Which {@code mixrl train} option combinations cannot run, decided by the agent's own config
 * builder (so the rule "rp only for g/sg; rplr, mrp, gs, irg only for gm/sgm; lr for all" and
 * the per-class defaults live in one place, the estimator package) rather than by a copy here.
 */
public final class TrainCombinations {
  /** The sweep options (train option names without "--") that decide whether a run can exist. */
  private static final List<String> DECIDING = List.of(
      "policyClass", "components", "estimator", "baseline", "estimatorSamples", "sharedNoise",
      "gsTemperature");

  private TrainCombinations() {}

  /**
   * Why the policy and estimator options do not fit together, or empty when they do. Options
   * left out take {@code mixrl train}'s defaults (the config builder's).
   */
  public static Optional<String> invalidReason(Map<String, Object> options) {
    try {
      SacConfig.Builder b = SacConfig.builder();
      for (String name : DECIDING) {
        SacField f = SacConfig.field(name);
        Object v = options.get(f.option().substring(2));
        if (v != null) {
          b.set(f, f.kind().parse(String.valueOf(v), f.option().substring(2)));
        }
      }
      b.build();
      return Optional.empty();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.of(e.getMessage());
    }
  }
}
