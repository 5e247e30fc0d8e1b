package org.mixrl.estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mixrl.policy.Policy;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Interrupts;
import org.mixrl.tensor.Tensor;

/**
 * Measures an estimator's per-parameter mean, variance and bias against a known exact
 * gradient: R independent batches, each giving one gradient estimate (the gradient of the
 * batch-mean surrogate). Reports what a user needs to judge it: exact, mean, variance of one
 * batch estimate, standard error of the mean, and the bias z-score (mean - exact) / SE.
 */
public final class VarianceStudy {
  private VarianceStudy() {}

  /** One row of the report. */
  public record Row(
      String estimator,
      String parameter,
      double exact,
      double mean,
      double variance,
      double stdError,
      double z) {}

  /**
   * Optional progress callback: called after each repeat with (done, total), and first with
   * the repeat's gradient estimate for studies that need more than the per-parameter variances.
   */
  public interface Progress {
    void update(int done, int total);

    /** Each repeat's gradient estimate (a fresh array it may keep); ignored by default. */
    default void gradient(int repeat, double[] gradient) {}
  }

  /**
   * Optional receiver of each repeat's gradient estimate (a fresh array it may keep), for
   * studies that need more than the per-parameter variances, e.g. the standard error of the
   * total variance.
   */
  public interface GradientSink {
    void accept(int repeat, double[] gradient);
  }

  /**
   * Runs the study for one estimator. {@code policyOf} builds the batch's policy from a leaf
   * parameter vector; {@code exact} is the exact gradient of J at {@code theta}.
   *
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (checked
   *     before every repeat)
   */
  public static List<Row> measure(
      Estimator estimator,
      Function<Tensor, Policy> policyOf,
      double[] theta,
      String[] names,
      double[] exact,
      ActionValue reward,
      double alpha,
      int repeats,
      RandomStream rng,
      Progress progress) {
    if (repeats < 2) {
      throw new IllegalArgumentException("repeats must be >= 2, got " + repeats);
    }
    if (names.length != theta.length || exact.length != theta.length) {
      throw new IllegalArgumentException(
          "VarianceStudy: theta, names and exact need equal lengths, got " + theta.length + ", "
              + names.length + ", " + exact.length);
    }
    int n = theta.length;
    // Welford's update: stable for the small variances of good estimators
    double[] mean = new double[n];
    double[] m2 = new double[n];
    for (int r = 0; r < repeats; r++) {
      int done = r;
      Interrupts.check(() -> "at repeat " + done + " of " + repeats
          + " of the variance study of estimator " + estimator.name());
      Tensor leaf = Tensor.vector(theta).requiresGrad(true);
      estimator.surrogate(policyOf.apply(leaf), reward, alpha, rng).objective().backward();
      double[] g = leaf.grad().data();
      for (int j = 0; j < n; j++) {
        double delta = g[j] - mean[j];
        mean[j] += delta / (r + 1);
        m2[j] += delta * (g[j] - mean[j]);
      }
      if (progress != null) {
        progress.gradient(r, g.clone());
        progress.update(r + 1, repeats);
      }
    }
    List<Row> rows = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      double var = m2[j] / (repeats - 1);
      double se = Math.sqrt(var / repeats);
      double diff = mean[j] - exact[j];
      double z = se > 0 ? diff / se : (Math.abs(diff) < 1e-12 ? 0.0 : Double.POSITIVE_INFINITY);
      rows.add(new Row(estimator.name(), names[j], exact[j], mean[j], var, se, z));
    }
    return rows;
  }
}
