package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.bandit.Reward;
import org.mixrl.bandit.RewardCritic;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.estimator.VarianceStudy;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.random.RandomStream;
import org.mixrl.theory.ExactObjective;

/**
 * Gradient estimators compared on a 1-D bandit: one fixed stateless policy, the exact gradient
 * of J_alpha by quadrature, and each estimator's per-parameter mean, variance and bias z-score
 * over R batches. The study behind {@code mixrl variance} and the variance part of
 * {@code mixrl reproduce}; front ends only render its results.
 */
public final class VarianceComparison {
  /** The policy (layout and theta), the reward, alpha, states per batch, batches and seed. */
  public record Setup(
      Reward reward,
      PolicyLayout layout,
      double[] theta,
      double alpha,
      int batch,
      int repeats,
      long seed) {
    public Setup {
      if (reward.dim() != 1 || layout.dim() != 1) {
        throw new IllegalArgumentException(
            "VarianceComparison: reward and policy must be 1-D, got d=" + reward.dim() + " and "
                + layout.dim());
      }
      if (theta.length != layout.count()) {
        throw new IllegalArgumentException("VarianceComparison: theta needs " + layout.count()
            + " entries (" + layout.describe() + "), got " + theta.length);
      }
      if (batch < 1 || repeats < 2) {
        throw new IllegalArgumentException(
            "VarianceComparison: need batch >= 1 and repeats >= 2, got " + batch + ", "
                + repeats);
      }
      theta = theta.clone();
    }
  }

  /** One estimator's rows (one per parameter) and its cost. */
  public record Result(String estimator, List<VarianceStudy.Row> rows,
      int criticEvaluationsPerState) {
    /** Sum of the per-parameter variances. */
    public double totalVariance() {
      return varianceOf("");
    }

    /** Sum of the variances of the parameters whose name starts with {@code prefix}. */
    public double varianceOf(String prefix) {
      double total = 0;
      for (VarianceStudy.Row row : rows) {
        if (row.parameter().startsWith(prefix)) {
          total += row.variance();
        }
      }
      return total;
    }

    /** The largest |z| over the parameters. */
    public double maxAbsZ() {
      double worst = 0;
      for (VarianceStudy.Row row : rows) {
        worst = Math.max(worst, Math.abs(row.z()));
      }
      return worst;
    }
  }

  private final Setup setup;
  private final double[] exact;

  /** Computes the exact gradient at theta (the expensive part shared by every estimator). */
  public VarianceComparison(Setup setup) {
    this.setup = setup;
    PolicyLayout l = setup.layout();
    this.exact = new ExactObjective(setup.reward(), l.policyClass(), l.components(),
        setup.alpha()).gradient(setup.theta());
  }

  public Setup setup() {
    return setup;
  }

  /** The exact gradient of J_alpha at theta. */
  public double[] exactGradient() {
    return exact.clone();
  }

  /**
   * The seed rule: each estimator draws from its own stream, derived from the seed and its name,
   * so adding an estimator to a comparison does not change the others' numbers.
   */
  public static RandomStream streamFor(long seed, String estimator) {
    return RandomStream.of(seed).child(estimator.hashCode());
  }

  /** Measures one estimator; {@code progress} may be null. Safe to call from several threads. */
  public Result measure(EstimatorSpec spec, VarianceStudy.Progress progress) {
    return measure(spec, progress, null);
  }

  /** As above, handing every repeat's gradient estimate to {@code sink} (may be null). */
  public Result measure(EstimatorSpec spec, VarianceStudy.Progress progress,
      VarianceStudy.GradientSink sink) {
    Estimator e = spec.create();
    PolicyLayout l = setup.layout();
    VarianceStudy.Progress each = sink == null ? progress : new VarianceStudy.Progress() {
      @Override
      public void update(int done, int total) {
        if (progress != null) {
          progress.update(done, total);
        }
      }

      @Override
      public void gradient(int repeat, double[] gradient) {
        sink.accept(repeat, gradient);
      }
    };
    List<VarianceStudy.Row> rows = VarianceStudy.measure(e,
        th -> l.policy(th, setup.batch()), setup.theta(), l.names(), exact,
        RewardCritic.of(setup.reward()), setup.alpha(), setup.repeats(),
        streamFor(setup.seed(), e.name()), each);
    return new Result(e.name(), rows, e.criticEvaluationsPerState(l.components()));
  }

  /** Measures each estimator in turn. */
  public List<Result> measureAll(List<EstimatorSpec> specs, VarianceStudy.Progress progress) {
    List<Result> results = new ArrayList<>();
    for (EstimatorSpec s : specs) {
      results.add(measure(s, progress));
    }
    return results;
  }
}
