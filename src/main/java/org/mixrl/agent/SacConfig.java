package org.mixrl.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mixrl.estimator.Baseline;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.Precision;

/**
 * Every SAC hyperparameter in one record; {@link #defaults()} holds CleanRL's
 * sac_continuous_action.py values (docs/architecture.md, "Agent").
 *
 * <p>Each setting is described once, in {@link #FIELDS} (name, config.json key, option of
 * {@code mixrl train}, type, default, check, help); the {@link Builder}, {@code RunConfig}'s
 * JSON round trip and the command line all read that table. Build configs with
 * {@link #builder()}: it runs every row's check; the canonical constructor checks only what
 * ties the settings together (components and estimator against the policy class).
 *
 * @param gamma discount, in [0, 1]
 * @param tau Polyak rate of the target critics, in [0, 1]
 * @param batchSize transitions per update, >= 1
 * @param bufferSize replay capacity, >= 1
 * @param learningStarts env steps with uniform random actions before the first update, >= 0
 * @param actorLr Adam learning rate of the actor
 * @param criticLr Adam learning rate of both critics (one optimizer, as CleanRL)
 * @param alphaLr Adam learning rate of log alpha
 * @param hidden hidden layer widths of actor and critics (ReLU)
 * @param autotune whether alpha is learned towards the target entropy
 * @param initialAlpha alpha at the start (the fixed alpha when not autotuned), > 0
 * @param targetEntropy target entropy for autotuning; NaN means -dim(A), SAC's default
 * @param logStdBounds how raw log-std outputs are bounded
 * @param policyClass g, sg, gm or sgm
 * @param components mixture components K (1 for g and sg)
 * @param estimator the actor-gradient estimator and its options
 * @param precision arithmetic of the networks' matrix products inside {@link Sac#update}
 *     (f64 default; f32 computes them in float, see {@link Precision})
 */
public record SacConfig(
    double gamma,
    double tau,
    int batchSize,
    int bufferSize,
    int learningStarts,
    double actorLr,
    double criticLr,
    double alphaLr,
    List<Integer> hidden,
    boolean autotune,
    double initialAlpha,
    double targetEntropy,
    LogStdBounds logStdBounds,
    PolicyClass policyClass,
    int components,
    EstimatorSpec estimator,
    Precision precision) {

  /** The configuration table, in config.json order. */
  public static final List<SacField> FIELDS = List.of(
      row("policyClass", "policy", "--policy", SacField.Kind.STRING, "sg", null,
          "Policy class: g, sg, gm, sgm", v -> PolicyClass.parse((String) v),
          c -> c.policyClass().shortName()),
      row("components", "components", "--components", SacField.Kind.INT, null,
          "5 for gm/sgm, 1 otherwise", "Mixture components K", atLeast("components", 1),
          SacConfig::components),
      row("estimator", "estimator", "--estimator", SacField.Kind.STRING, null,
          "rp for g/sg, mrp for gm/sgm",
          "Actor-gradient estimator: " + String.join(", ", EstimatorSpec.names()),
          v -> EstimatorSpec.of((String) v), c -> c.estimator().name()),
      row("baseline", "baseline", "--baseline", SacField.Kind.STRING, "batch-loo", null,
          "Baseline of lr/rplr: none, mean, loo, batch-loo", v -> Baseline.parse((String) v),
          c -> c.estimator().options().baseline().name()),
      row("estimatorSamples", "estimator_samples", "--estimator-samples", SacField.Kind.INT, 1,
          null, "Draws per state (per component for mrp)", atLeast("estimatorSamples", 1),
          c -> c.estimator().options().samples()),
      added("sharedNoise", "shared_noise", "--shared-noise", SacField.Kind.BOOLEAN, false,
          "One noise draw shared by mrp's components", v -> { },
          c -> c.estimator().options().sharedNoise()),
      added("gsTemperature", "gs_temperature", "--gs-temperature", SacField.Kind.DOUBLE, 0.5,
          "Temperature lambda of the Gumbel-softmax relaxation (gs)", positive("gsTemperature"),
          c -> c.estimator().options().temperature()),
      row("gamma", "gamma", "--gamma", SacField.Kind.DOUBLE, 0.99, null, "Discount",
          unitInterval("gamma"), SacConfig::gamma),
      row("tau", "tau", "--tau", SacField.Kind.DOUBLE, 0.005, null,
          "Polyak rate of the target critics", unitInterval("tau"), SacConfig::tau),
      row("batchSize", "batch_size", "--batch-size", SacField.Kind.INT, 256, null,
          "Minibatch size", atLeast("batchSize", 1), SacConfig::batchSize),
      row("bufferSize", "buffer_size", "--buffer-size", SacField.Kind.INT, 1_000_000, null,
          "Replay capacity", atLeast("bufferSize", 1), SacConfig::bufferSize),
      row("learningStarts", "learning_starts", "--learning-starts", SacField.Kind.INT, 5_000,
          null, "Uniform random steps before the first update", atLeast("learningStarts", 0),
          SacConfig::learningStarts),
      row("actorLr", "actor_lr", "--actor-lr", SacField.Kind.DOUBLE, 3e-4, "3e-4",
          "Actor learning rate", rate("actorLr"), SacConfig::actorLr),
      row("criticLr", "critic_lr", "--critic-lr", SacField.Kind.DOUBLE, 1e-3, "1e-3",
          "Critic learning rate", rate("criticLr"), SacConfig::criticLr),
      row("alphaLr", "alpha_lr", "--alpha-lr", SacField.Kind.DOUBLE, 1e-3, "1e-3",
          "Temperature learning rate", rate("alphaLr"), SacConfig::alphaLr),
      row("hidden", "hidden", "--hidden", SacField.Kind.INT_LIST, List.of(256, 256), "256,256",
          "Hidden widths of actor and critics", SacConfig::checkHidden, SacConfig::hidden),
      row("autotune", "autotune", "--autotune", SacField.Kind.BOOLEAN, true,
          "on; --no-autotune fixes it", "Learn alpha towards the target entropy", v -> { },
          SacConfig::autotune),
      row("initialAlpha", "initial_alpha", "--alpha", SacField.Kind.DOUBLE, null,
          "1 if autotuned, else 0.2", "Initial (or fixed) alpha", rate("initialAlpha"),
          SacConfig::initialAlpha),
      row("targetEntropy", "target_entropy", "--target-entropy", SacField.Kind.DOUBLE,
          Double.NaN, "-dim(A)", "Target entropy",
          SacConfig::checkTargetEntropy, SacConfig::targetEntropy),
      row("logStdMin", "log_std_min", "--log-std-min", SacField.Kind.DOUBLE, -5.0, "-5",
          "Lower log-std bound", v -> { }, c -> c.logStdBounds().min()),
      row("logStdMax", "log_std_max", "--log-std-max", SacField.Kind.DOUBLE, 2.0, "2",
          "Upper log-std bound", v -> { }, c -> c.logStdBounds().max()),
      row("logStdMode", "log_std_mode", "--log-std-mode", SacField.Kind.STRING, "tanh", null,
          "tanh (CleanRL) or clamp (SB3)", v -> logStdMode((String) v),
          c -> c.logStdBounds().mode().name().toLowerCase(Locale.ROOT)),
      added("precision", "precision", "--precision", SacField.Kind.STRING, "f64",
          "Matrix products of the update: f64, or f32 (float arithmetic; acting, evaluation"
              + " and saved weights stay double)", v -> Precision.parse((String) v),
          c -> c.precision().label()));

  /** Checks what ties the settings together; each setting's own range is checked by the builder. */
  public SacConfig {
    if (hidden == null || logStdBounds == null || policyClass == null || estimator == null
        || precision == null) {
      throw new IllegalArgumentException("SacConfig: hidden, logStdBounds, policyClass,"
          + " estimator and precision must not be null");
    }
    hidden = Collections.unmodifiableList(new ArrayList<>(hidden));
    if (policyClass.mixture() ? components < 1 : components != 1) {
      throw new IllegalArgumentException(
          "components must be " + (policyClass.mixture() ? ">= 1" : "1") + " for policy class "
              + policyClass.shortName() + ", got " + components);
    }
    estimator.checkAppliesTo(policyClass);
  }

  private static SacField row(String name, String key, String option, SacField.Kind kind,
      Object defaultValue, String defaultText, String help, Consumer<Object> check,
      Function<SacConfig, Object> get) {
    return new SacField(name, key, option, kind, defaultValue,
        defaultText != null ? defaultText : String.valueOf(defaultValue), help, check, get, true);
  }

  /** A setting added after config.json format 1: written only when not at its default. */
  private static SacField added(String name, String key, String option, SacField.Kind kind,
      Object defaultValue, String help, Consumer<Object> check, Function<SacConfig, Object> get) {
    return new SacField(name, key, option, kind, defaultValue, String.valueOf(defaultValue),
        help, check, get, false);
  }

  private static Consumer<Object> unitInterval(String name) {
    return v -> {
      double x = (Double) v;
      if (!(x >= 0 && x <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], got " + x);
      }
    };
  }

  private static Consumer<Object> atLeast(String name, int min) {
    return v -> {
      if ((Integer) v < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
      }
    };
  }

  private static Consumer<Object> rate(String name) {
    return v -> {
      double x = (Double) v;
      if (!(x > 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException(name + " must be finite and > 0, got " + x);
      }
    };
  }

  private static Consumer<Object> positive(String name) {
    return v -> {
      if (!((Double) v > 0)) {
        throw new IllegalArgumentException(name + " must be > 0, got " + v);
      }
    };
  }

  private static void checkHidden(Object v) {
    List<?> hidden = (List<?>) v;
    if (hidden.isEmpty()) {
      throw new IllegalArgumentException(
          "hidden must list at least one layer width (e.g. [256, 256]), got " + hidden);
    }
    for (Object h : hidden) {
      if (!(h instanceof Integer w) || w < 1) {
        throw new IllegalArgumentException("hidden widths must be >= 1, got " + hidden);
      }
    }
  }

  private static void checkTargetEntropy(Object v) {
    if (Double.isInfinite((Double) v)) {
      throw new IllegalArgumentException(
          "targetEntropy must be finite (or NaN for -dim(A)), got " + v);
    }
  }

  private static LogStdBounds.Mode logStdMode(String v) {
    try {
      return LogStdBounds.Mode.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown --log-std-mode '" + v + "'; allowed: tanh, clamp");
    }
  }

  /** Every row's flat value, in table order. */
  private List<Object> flatValues() {
    List<Object> out = new ArrayList<>();
    for (SacField f : FIELDS) {
      out.add(f.get().apply(this));
    }
    return out;
  }

  /**
   * Equal when every row of the table has the same value. Written out because a {@link
   * Baseline} has no value equality, so the record's own equals would call two configs with
   * the same baseline different.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SacConfig c && flatValues().equals(c.flatValues());
  }

  @Override
  public int hashCode() {
    return flatValues().hashCode();
  }

  /** The row called {@code name} (a builder name such as "batchSize"). */
  public static SacField field(String name) {
    for (SacField f : FIELDS) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no SAC setting named '" + name + "'");
  }

  /** CleanRL's defaults with a squashed Gaussian trained by RP (SG-RP). */
  public static SacConfig defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (SacField f : FIELDS) {
      b.set(f, f.get().apply(this));
    }
    return b;
  }

  /** A new estimator as {@link #estimator()} describes it. */
  public Estimator createEstimator() {
    return estimator.create();
  }

  /** The target entropy for an action space of dimension {@code actionDim}. */
  public double targetEntropyFor(int actionDim) {
    return Double.isNaN(targetEntropy) ? -actionDim : targetEntropy;
  }

  /**
   * Mutable builder for tests, notebooks and the CLI; it holds one flat value per row of
   * {@link #FIELDS} and {@link #build()} checks each. Unset components and estimator follow
   * the policy class ({@link EstimatorSpec#defaultComponents}, {@link EstimatorSpec#defaultFor});
   * an unset initial alpha is 1 if autotuned, else 0.2.
   */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {
      for (SacField f : FIELDS) {
        values.put(f.name(), f.defaultValue());
      }
    }

    /**
     * Sets row {@code f} to a flat value of its kind (null: back to a derived default).
     *
     * @throws IllegalArgumentException if the value has the wrong type
     */
    public Builder set(SacField f, Object value) {
      Object v = value;
      if (v instanceof Long l && f.kind() == SacField.Kind.INT) {
        v = Math.toIntExact(l);
      }
      if (v instanceof Number n && f.kind() == SacField.Kind.DOUBLE) {
        v = n.doubleValue();
      }
      boolean ok = v == null || switch (f.kind()) {
        case INT -> v instanceof Integer;
        case DOUBLE -> v instanceof Double;
        case BOOLEAN -> v instanceof Boolean;
        case STRING -> v instanceof String;
        case INT_LIST -> v instanceof List<?>;
      };
      if (!ok) {
        throw new IllegalArgumentException(
            f.name() + " must be of kind " + f.kind() + ", got " + value);
      }
      values.put(f.name(), v);
      return this;
    }

    private Builder set(String name, Object value) {
      values.put(name, value);
      return this;
    }

    public Builder gamma(double v) {
      return set("gamma", v);
    }

    public Builder tau(double v) {
      return set("tau", v);
    }

    public Builder batchSize(int v) {
      return set("batchSize", v);
    }

    public Builder bufferSize(int v) {
      return set("bufferSize", v);
    }

    public Builder learningStarts(int v) {
      return set("learningStarts", v);
    }

    public Builder actorLr(double v) {
      return set("actorLr", v);
    }

    public Builder criticLr(double v) {
      return set("criticLr", v);
    }

    public Builder alphaLr(double v) {
      return set("alphaLr", v);
    }

    public Builder hidden(List<Integer> v) {
      return set("hidden", v == null ? null : new ArrayList<>(v));
    }

    public Builder autotune(boolean v) {
      return set("autotune", v);
    }

    /** NaN restores the default (1 if autotuned, else 0.2). */
    public Builder initialAlpha(double v) {
      return set("initialAlpha", Double.isNaN(v) ? null : v);
    }

    /** NaN means -dim(A). */
    public Builder targetEntropy(double v) {
      return set("targetEntropy", v);
    }

    public Builder logStdBounds(LogStdBounds v) {
      set("logStdMin", v.min());
      set("logStdMax", v.max());
      return set("logStdMode", v.mode().name().toLowerCase(Locale.ROOT));
    }

    public Builder policyClass(PolicyClass v) {
      return set("policyClass", v.shortName());
    }

    public Builder components(int v) {
      return set("components", v);
    }

    /** The estimator and all its options. */
    public Builder estimator(EstimatorSpec v) {
      set("estimator", v.name());
      set("baseline", v.options().baseline().name());
      set("estimatorSamples", v.options().samples());
      set("sharedNoise", v.options().sharedNoise());
      return set("gsTemperature", v.options().temperature());
    }

    /** The estimator by name, keeping the options set so far. */
    public Builder estimator(String v) {
      return set("estimator", v);
    }

    public Builder baseline(String v) {
      return set("baseline", v);
    }

    public Builder estimatorSamples(int v) {
      return set("estimatorSamples", v);
    }

    /** Arithmetic of the networks' matrix products in an update. */
    public Builder precision(Precision v) {
      return set("precision", v.label());
    }

    /** Checks every row, then assembles the config. */
    public SacConfig build() {
      if (values.get("hidden") == null) {
        throw new IllegalArgumentException(
            "hidden must list at least one layer width (e.g. [256, 256]), got null");
      }
      for (SacField f : FIELDS) {
        f.validate(values.get(f.name()));
      }
      PolicyClass pc = PolicyClass.parse(str("policyClass"));
      Integer k = (Integer) values.get("components");
      String name = str("estimator");
      EstimatorSpec spec = new EstimatorSpec(
          name == null ? EstimatorSpec.defaultFor(pc).name() : name,
          new EstimatorOptions(integer("estimatorSamples"), Baseline.parse(str("baseline")),
              (Boolean) values.get("sharedNoise"), dbl("gsTemperature")));
      boolean autotune = (Boolean) values.get("autotune");
      Double alpha0 = (Double) values.get("initialAlpha");
      @SuppressWarnings("unchecked")
      List<Integer> hidden = (List<Integer>) values.get("hidden");
      return new SacConfig(dbl("gamma"), dbl("tau"), integer("batchSize"), integer("bufferSize"),
          integer("learningStarts"), dbl("actorLr"), dbl("criticLr"), dbl("alphaLr"), hidden,
          autotune, alpha0 != null ? alpha0 : autotune ? 1.0 : 0.2, dbl("targetEntropy"),
          new LogStdBounds(dbl("logStdMin"), dbl("logStdMax"), logStdMode(str("logStdMode"))),
          pc, k != null ? k : EstimatorSpec.defaultComponents(pc), spec,
          Precision.parse(str("precision")));
    }

    private String str(String name) {
      return (String) values.get(name);
    }

    private int integer(String name) {
      return (Integer) values.get(name);
    }

    private double dbl(String name) {
      return (Double) values.get(name);
    }
  }
}
