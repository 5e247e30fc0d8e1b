package org.mixrl.experiment.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;

/**
 * Readable names for train settings, as the results write them: {@code SG-RP}, {@code SGM-MRP
 * (K=5)}, {@code SGM-LR (K=5, M=5, baseline loo)}. The family ({@code SGM-LR-M} when more than
 * one sample per state) is what figures colour by, so a method keeps its colour in every figure.
 */
public final class MethodLabel {
  private MethodLabel() {}

  /** Options the method name already says. */
  static final Set<String> NAMED = Set.of("policy", "components", "estimator",
      "estimator-samples", "baseline");

  /** Whether {@code options} describe a train run this class can name (policy and estimator). */
  public static boolean applies(Map<String, Object> options) {
    return options.get("policy") != null && options.get("estimator") != null;
  }

  /** Policy and estimator, e.g. {@code SGM-RP-LR}; {@code -M} marks several samples per state. */
  public static String family(Map<String, Object> options) {
    String f = text(options.get("policy")).toUpperCase(Locale.ROOT) + "-"
        + estimator(text(options.get("estimator")));
    return samples(options) > 1 ? f + "-M" : f;
  }

  /**
   * The family with its components, samples and baseline (when set), then every other option
   * in {@code varying} (except env and seed) as {@code key=value}.
   */
  public static String of(Map<String, Object> options, List<String> varying) {
    String name = text(options.get("policy")).toUpperCase(Locale.ROOT) + "-"
        + estimator(text(options.get("estimator")));
    List<String> details = new ArrayList<>();
    Object k = options.get("components");
    PolicyClass pc = policyClass(options);
    if (pc != null && pc.mixture()) {
      details.add("K=" + (k == null ? String.valueOf(EstimatorSpec.defaultComponents(pc))
          : CommandKind.text(k)));
    }
    if (samples(options) > 1) {
      details.add("M=" + samples(options));
    }
    if (options.get("baseline") != null) {
      details.add("baseline " + CommandKind.text(options.get("baseline")));
    }
    StringBuilder sb = new StringBuilder(name);
    if (!details.isEmpty()) {
      sb.append(" (").append(String.join(", ", details)).append(')');
    }
    for (String key : varying) {
      if (!NAMED.contains(key) && !key.equals("env") && !key.equals(SweepCollection.SEED_KEY)
          && options.get(key) != null) {
        sb.append(' ').append(key).append('=').append(CommandKind.text(options.get(key)));
      }
    }
    return sb.toString();
  }

  /** The policy class the options name, or null when they name none (then no K is shown). */
  private static PolicyClass policyClass(Map<String, Object> options) {
    try {
      return PolicyClass.parse(text(options.get("policy")));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@link EstimatorSpec#label()} of a known estimator; other text in capitals. */
  private static String estimator(String e) {
    try {
      return EstimatorSpec.of(e).label();
    } catch (IllegalArgumentException unknown) {
      return e.toUpperCase(Locale.ROOT);
    }
  }

  private static int samples(Map<String, Object> options) {
    Object m = options.get("estimator-samples");
    return m instanceof Number n ? n.intValue() : m == null ? 1 : Integer.parseInt(text(m));
  }

  private static String text(Object v) {
    return v == null ? "" : CommandKind.text(v);
  }
}
