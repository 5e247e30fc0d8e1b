package org.mixrl.estimator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mixrl.policy.PolicyClass;

/**
 * An estimator by name and options: the one value that configurations, the CLI and the studies
 * pass around. It creates the estimator and says which policy classes it applies to without
 * building a policy. The registry below is the one place that knows every estimator.
 */
public record EstimatorSpec(String name, EstimatorOptions options) {
  /** Every estimator, in the order reports list them; adding one is one line here. */
  private static final Map<String, Function<EstimatorOptions, Estimator>> REGISTRY =
      registry();

  private static Map<String, Function<EstimatorOptions, Estimator>> registry() {
    Map<String, Function<EstimatorOptions, Estimator>> r = new LinkedHashMap<>();
    r.put("rp", o -> new Reparameterization(o.samples()));
    r.put("lr", o -> new LikelihoodRatio(o.samples(), o.baseline()));
    r.put("rplr", o -> new ReparameterizedLikelihoodRatio(o.samples(), o.baseline()));
    r.put("mrp", o -> new MarginalizedReparameterization(o.samples(), o.sharedNoise()));
    r.put("gs", o -> new GumbelSoftmax(o.samples(), o.temperature()));
    r.put("irg", o -> new ImplicitReparameterization(o.samples()));
    return Collections.unmodifiableMap(r);
  }

  /** Components of a mixture when none are given (the paper's K = 5). */
  public static final int DEFAULT_MIXTURE_COMPONENTS = 5;

  /**
   * Normalizes the name (any case; "rp-lr" is rplr) and rejects unknown names and missing
   * options.
   */
  public EstimatorSpec {
    String key = name == null ? "" : name.toLowerCase(Locale.ROOT).trim();
    key = key.equals("rp-lr") ? "rplr" : key;
    if (!REGISTRY.containsKey(key)) {
      throw new IllegalArgumentException(
          "unknown estimator '" + name + "'; allowed: " + String.join(", ", names()));
    }
    if (options == null) {
      throw new IllegalArgumentException("estimator " + key + ": options must not be null");
    }
    name = key;
  }

  /** The estimator called {@code name} with default options. */
  public static EstimatorSpec of(String name) {
    return new EstimatorSpec(name, EstimatorOptions.defaults());
  }

  /** Every estimator name, in the order reports list them. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** Every estimator with the given options, in the order of {@link #names()}. */
  public static List<EstimatorSpec> all(EstimatorOptions options) {
    List<EstimatorSpec> specs = new ArrayList<>();
    for (String n : REGISTRY.keySet()) {
      specs.add(new EstimatorSpec(n, options));
    }
    return specs;
  }

  /** The default estimator of a class: mrp for the mixtures, rp otherwise. */
  public static EstimatorSpec defaultFor(PolicyClass policyClass) {
    return of(policyClass.mixture() ? "mrp" : "rp");
  }

  /** The default number of components of a class: 5 for the mixtures, 1 otherwise. */
  public static int defaultComponents(PolicyClass policyClass) {
    return policyClass.mixture() ? DEFAULT_MIXTURE_COMPONENTS : 1;
  }

  /** The name as tables and figures write it: RP-LR for rplr, the name in capitals otherwise. */
  public String label() {
    return name.equals("rplr") ? "RP-LR" : name.toUpperCase(Locale.ROOT);
  }

  /** A new estimator with these options. */
  public Estimator create() {
    return REGISTRY.get(name).apply(options);
  }

  /** The policies the estimator applies to. */
  public PolicyRequirement requirement() {
    return create().requirement();
  }

  /** Whether the estimator applies to every policy of this class. */
  public boolean appliesTo(PolicyClass policyClass) {
    return requirement().accepts(policyClass);
  }

  /** "mrp applies to the mixture classes gm and sgm", for error messages. */
  public String applicability() {
    return name + " applies to " + requirement().description();
  }

  /** Throws naming the class and the rule when the estimator does not apply to the class. */
  public void checkAppliesTo(PolicyClass policyClass) {
    if (!appliesTo(policyClass)) {
      throw new IllegalArgumentException(
          "estimator '" + name + "' is not valid for policy class '" + policyClass.shortName()
              + "': " + applicability());
    }
  }

  public EstimatorSpec withOptions(EstimatorOptions o) {
    return new EstimatorSpec(name, o);
  }

  public EstimatorSpec withSamples(int m) {
    return withOptions(options.withSamples(m));
  }

  public EstimatorSpec withBaseline(Baseline b) {
    return withOptions(options.withBaseline(b));
  }

  public EstimatorSpec withSharedNoise(boolean shared) {
    return withOptions(options.withSharedNoise(shared));
  }

  public EstimatorSpec withTemperature(double t) {
    return withOptions(options.withTemperature(t));
  }
}
