package org.mixrl.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyHead;
import org.mixrl.estimator.Baseline;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.Estimators;
import org.mixrl.tensor.Tensor;

/**
 * Every SAC hyperparameter in one record; {@link #defaults()} holds CleanRL's
 * sac_continuous_action.py values (docs: shared/reference/classic-control.md §6).
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
 * @param estimator actor-gradient estimator name (rp, lr, rplr, mrp, gs, irg)
 * @param baseline baseline of score-function estimators (none, mean, loo, batch-loo)
 * @param estimatorSamples draws per state (per component for mrp)
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
    String estimator,
    String baseline,
    int estimatorSamples) {

  public SacConfig {
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
    }
    if (!(tau >= 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be >= 1, got " + bufferSize);
    }
    if (learningStarts < 0) {
      throw new IllegalArgumentException("learningStarts must be >= 0, got " + learningStarts);
    }
    checkRate("actorLr", actorLr);
    checkRate("criticLr", criticLr);
    checkRate("alphaLr", alphaLr);
    if (hidden == null || hidden.isEmpty()) {
      throw new IllegalArgumentException(
          "hidden must list at least one layer width (e.g. [256, 256]), got " + hidden);
    }
    for (Integer h : hidden) {
      if (h == null || h < 1) {
        throw new IllegalArgumentException("hidden widths must be >= 1, got " + hidden);
      }
    }
    hidden = Collections.unmodifiableList(new ArrayList<>(hidden));
    if (!(initialAlpha > 0) || Double.isInfinite(initialAlpha)) {
      throw new IllegalArgumentException(
          "initialAlpha must be finite and > 0, got " + initialAlpha);
    }
    if (Double.isInfinite(targetEntropy)) {
      throw new IllegalArgumentException(
          "targetEntropy must be finite (or NaN for -dim(A)), got " + targetEntropy);
    }
    if (logStdBounds == null) {
      throw new IllegalArgumentException("logStdBounds must not be null");
    }
    if (policyClass == null) {
      throw new IllegalArgumentException("policyClass must be one of g, sg, gm, sgm, got null");
    }
    if (policyClass.mixture() ? components < 1 : components != 1) {
      throw new IllegalArgumentException(
          "components must be " + (policyClass.mixture() ? ">= 1" : "1") + " for policy class "
              + policyClass.shortName() + ", got " + components);
    }
    if (estimatorSamples < 1) {
      throw new IllegalArgumentException(
          "estimatorSamples must be >= 1, got " + estimatorSamples);
    }
    if (baseline == null) {
      throw new IllegalArgumentException(
          "baseline must be one of none, mean, loo, batch-loo, got null");
    }
    Baseline.parse(baseline); // throws naming the allowed values
    if (estimator == null) {
      throw new IllegalArgumentException(
          "estimator must be one of " + String.join(", ", Estimators.NAMES) + ", got null");
    }
    checkEstimatorFits(
        buildEstimator(estimator, baseline, estimatorSamples), policyClass, components,
        logStdBounds);
  }

  private static void checkRate(String field, double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, got " + lr);
    }
  }

  private static Estimator buildEstimator(String name, String baseline, int samples) {
    return Estimators.create(
        name, Estimators.Options.defaults().withSamples(samples).withBaseline(
            Baseline.parse(baseline)));
  }

  /**
   * Asks the estimator itself whether it supports a policy of this class (a one-state dummy),
   * so the rule lives in one place: the estimator package.
   */
  private static void checkEstimatorFits(
      Estimator est, PolicyClass pc, int k, LogStdBounds bounds) {
    PolicyHead head = new PolicyHead(pc, 1, k, ActionBox.unit(1), bounds);
    Policy dummy = head.apply(Tensor.zeros(1, head.outputSize()));
    if (!est.supports(dummy)) {
      String rule;
      try {
        est.check(dummy, 0.0);
        rule = "";
      } catch (IllegalArgumentException e) {
        rule = ": " + e.getMessage();
      }
      throw new IllegalArgumentException(
          "estimator '" + est.name() + "' is not valid for policy class '" + pc.shortName() + "'"
              + rule);
    }
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
    b.gamma = gamma;
    b.tau = tau;
    b.batchSize = batchSize;
    b.bufferSize = bufferSize;
    b.learningStarts = learningStarts;
    b.actorLr = actorLr;
    b.criticLr = criticLr;
    b.alphaLr = alphaLr;
    b.hidden = hidden;
    b.autotune = autotune;
    b.initialAlpha = initialAlpha;
    b.targetEntropy = targetEntropy;
    b.logStdBounds = logStdBounds;
    b.policyClass = policyClass;
    b.components = components;
    b.estimator = estimator;
    b.baseline = baseline;
    b.estimatorSamples = estimatorSamples;
    return b;
  }

  /** The estimator this config names. */
  public Estimator createEstimator() {
    return buildEstimator(estimator, baseline, estimatorSamples);
  }

  /** The target entropy for an action space of dimension {@code actionDim}. */
  public double targetEntropyFor(int actionDim) {
    return Double.isNaN(targetEntropy) ? -actionDim : targetEntropy;
  }

  /** Mutable builder for tests and the CLI; {@link #build()} validates. */
  public static final class Builder {
    private double gamma = 0.99;
    private double tau = 0.005;
    private int batchSize = 256;
    private int bufferSize = 1_000_000;
    private int learningStarts = 5_000;
    private double actorLr = 3e-4;
    private double criticLr = 1e-3;
    private double alphaLr = 1e-3;
    private List<Integer> hidden = List.of(256, 256);
    private boolean autotune = true;
    // NaN: pick SAC's convention when building (1 if autotuned, else 0.2)
    private double initialAlpha = Double.NaN;
    private double targetEntropy = Double.NaN;
    private LogStdBounds logStdBounds = LogStdBounds.tanh();
    private PolicyClass policyClass = PolicyClass.SG;
    private int components = 1;
    private String estimator = "rp";
    private String baseline = "batch-loo";
    private int estimatorSamples = 1;

    private Builder() {}

    public Builder gamma(double v) {
      gamma = v;
      return this;
    }

    public Builder tau(double v) {
      tau = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder bufferSize(int v) {
      bufferSize = v;
      return this;
    }

    public Builder learningStarts(int v) {
      learningStarts = v;
      return this;
    }

    public Builder actorLr(double v) {
      actorLr = v;
      return this;
    }

    public Builder criticLr(double v) {
      criticLr = v;
      return this;
    }

    public Builder alphaLr(double v) {
      alphaLr = v;
      return this;
    }

    public Builder hidden(List<Integer> v) {
      hidden = v;
      return this;
    }

    public Builder autotune(boolean v) {
      autotune = v;
      return this;
    }

    /** NaN restores the default (1 if autotuned, else 0.2). */
    public Builder initialAlpha(double v) {
      initialAlpha = v;
      return this;
    }

    /** NaN means -dim(A). */
    public Builder targetEntropy(double v) {
      targetEntropy = v;
      return this;
    }

    public Builder logStdBounds(LogStdBounds v) {
      logStdBounds = v;
      return this;
    }

    public Builder policyClass(PolicyClass v) {
      policyClass = v;
      return this;
    }

    public Builder components(int v) {
      components = v;
      return this;
    }

    public Builder estimator(String v) {
      estimator = v;
      return this;
    }

    public Builder baseline(String v) {
      baseline = v;
      return this;
    }

    public Builder estimatorSamples(int v) {
      estimatorSamples = v;
      return this;
    }

    public SacConfig build() {
      double alpha0 = Double.isNaN(initialAlpha) ? (autotune ? 1.0 : 0.2) : initialAlpha;
      return new SacConfig(gamma, tau, batchSize, bufferSize, learningStarts, actorLr,
          criticLr, alphaLr, hidden, autotune, alpha0, targetEntropy, logStdBounds, policyClass,
          components, estimator, baseline, estimatorSamples);
    }
  }
}
