package org.mixrl.experiment.sweep;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.PolicyClass;

/**
 * Which {@code mixrl train} option combinations cannot run, decided by the agent's own config
 * validation (so the rule "rp only for g/sg; rplr, mrp, gs, irg only for gm/sgm; lr for all"
 * lives in one place, the estimator package) rather than by a copy of it here.
 */
public final class TrainCombinations {
  private TrainCombinations() {}

  /**
   * Why policy, components, estimator, baseline and estimator-samples do not fit together, or
   * empty when they do. Defaults follow {@code mixrl train}: 5 components and mrp for mixtures,
   * 1 component and rp otherwise.
   */
  public static Optional<String> invalidReason(Map<String, Object> options) {
    try {
      PolicyClass pc = PolicyClass.parse(String.valueOf(options.getOrDefault("policy", "sg")));
      SacConfig.Builder b = SacConfig.builder().policyClass(pc);
      b.components(options.containsKey("components")
          ? Math.toIntExact(asLong(options.get("components"), "components"))
          : pc.mixture() ? 5 : 1);
      b.estimator(options.containsKey("estimator")
          ? String.valueOf(options.get("estimator")).trim().toLowerCase(Locale.ROOT)
          : pc.mixture() ? "mrp" : "rp");
      if (options.containsKey("baseline")) {
        b.baseline(String.valueOf(options.get("baseline")));
      }
      if (options.containsKey("estimator-samples")) {
        b.estimatorSamples(
            Math.toIntExact(asLong(options.get("estimator-samples"), "estimator-samples")));
      }
      b.build();
      return Optional.empty();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static long asLong(Object v, String key) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(key + " must be an integer, got " + v);
  }
}
