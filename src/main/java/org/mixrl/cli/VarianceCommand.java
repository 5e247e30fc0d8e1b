package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.estimator.Baseline;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.estimator.VarianceStudy;
import org.mixrl.experiment.VarianceComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl variance}: per-parameter bias and variance of gradient estimators on a bandit. */
@Command(
    name = "variance",
    description = {
      "Measure gradient estimators against the exact gradient of a fixed 1-D policy.",
      "The objective is J = E[r(a)] - alpha E[log pi(a)] on a known reward.",
      "Writes CSV: estimator,parameter,exact,mean,variance,std_error,z"
    })
final class VarianceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--reward", required = true,
      description = "Reward, e.g. 'bumps:1.0@1.0/0.3,0.8@-1.0/0.3' (H@C/W: H exp(-(a-C)^2/(2W^2))).")
  String reward;

  @Mixin SharedOptions.PolicyName policy;

  @Option(names = "--logits", description = "Mixture logits, comma-separated (gm, sgm).")
  String logits;

  @Option(names = "--means", required = true, description = "Component means (of u for sg/sgm).")
  String means;

  @Option(names = "--log-stds", required = true, description = "Component log-stds.")
  String logStds;

  @Option(names = "--alpha", required = true, description = "Entropy scale alpha >= 0.")
  double alpha;

  @Option(names = "--estimators", required = true, split = ",",
      completionCandidates = EstimatorNames.class,
      description = "Comma-separated: ${COMPLETION-CANDIDATES}.")
  List<String> estimators;

  /** The registry's names ({@link EstimatorSpec#names()}), for the help text. */
  static final class EstimatorNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return EstimatorSpec.names().iterator();
    }
  }

  @Option(names = "--batch", defaultValue = "64", description = "States per batch (default 64).")
  int batch;

  @Option(names = "--repeats", defaultValue = "2000", description = "Batches (default 2000).")
  int repeats;

  @Option(names = "--samples", defaultValue = "1",
      description = "Draws per state (per component for mrp); default 1.")
  int samples;

  @Option(names = "--baseline", defaultValue = "batch-loo",
      description = "LR/RP-LR baseline: none, mean, loo, batch-loo (default; unbiased).")
  String baseline;

  @Option(names = "--temperature", defaultValue = "0.5", description = "GS temperature (default 0.5).")
  double temperature;

  @Option(names = "--shared-noise", description = "MRP: one noise draw shared by all components.")
  boolean sharedNoise;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.CsvOut out;

  @Mixin SharedOptions.Quiet quiet;

  @Override
  public Integer call() throws IOException {
    out.check();
    PolicyClass pc = PolicyClass.parse(policy.policy);
    double[] mu = CsvOptions.doubles("--means", means);
    double[] ls = CsvOptions.doubles("--log-stds", logStds);
    int k = mu.length;
    if (ls.length != k) {
      throw new IllegalArgumentException(
          "--log-stds has " + ls.length + " values but --means has " + k);
    }
    double[] lg;
    if (pc.mixture()) {
      lg = logits == null ? new double[k] : CsvOptions.doubles("--logits", logits);
      if (lg.length != k) {
        throw new IllegalArgumentException(
            "--logits has " + lg.length + " values but --means has " + k);
      }
    } else {
      if (k != 1) {
        throw new IllegalArgumentException(
            "--policy " + pc.shortName() + " takes a single mean and log-std, got " + k);
      }
      if (logits != null) {
        throw new IllegalArgumentException("--logits applies only to gm and sgm");
      }
      lg = new double[0];
    }
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
    }
    if (repeats < 2) {
      throw new IllegalArgumentException("--repeats must be >= 2, got " + repeats);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("--alpha must be finite and >= 0, got " + alpha);
    }
    BumpsReward r = BumpsReward.parse(reward);
    if (r.dim() != 1) {
      throw new IllegalArgumentException("--reward must be 1-D for mixrl variance, got d=" + r.dim());
    }
    PolicyLayout layout = new PolicyLayout(pc, k, 1);
    double[] theta = layout.pack(lg, mu, ls);
    String[] names = layout.names();

    EstimatorOptions options =
        new EstimatorOptions(samples, Baseline.parse(baseline), sharedNoise, temperature);
    List<EstimatorSpec> specs = new ArrayList<>();
    for (String name : estimators) {
      EstimatorSpec es = new EstimatorSpec(name, options);
      // validate applicability before any work
      if (!es.appliesTo(pc)) {
        throw new IllegalArgumentException("estimator " + es.name() + " does not apply to "
            + pc.shortName() + " (" + es.applicability() + ")");
      }
      specs.add(es);
    }
    VarianceComparison study = new VarianceComparison(
        new VarianceComparison.Setup(r, layout, theta, alpha, batch, repeats, seed.seed));

    StringBuilder csv = new StringBuilder("estimator,parameter,exact,mean,variance,std_error,z\n");
    PrintWriter err = spec.commandLine().getErr();
    List<String> summary = new ArrayList<>();
    try (ProgressBar bar = ProgressBars.create("variance", (long) repeats * specs.size(), "batches",
        quiet.quiet)) {
      for (EstimatorSpec es : specs) {
        VarianceComparison.Result result = study.measure(es, (done, total) -> bar.step());
        for (VarianceStudy.Row row : result.rows()) {
          // Double.toString: the shortest text that reads back to the same double
          csv.append(row.estimator()).append(',').append(row.parameter()).append(',')
              .append(row.exact()).append(',').append(row.mean()).append(',')
              .append(row.variance()).append(',').append(row.stdError()).append(',')
              .append(row.z()).append('\n');
        }
        summary.add(String.format(Locale.ROOT, "%-5s total variance %.4g  max |z| %.2f  critic evals/state %d",
            result.estimator(), result.totalVariance(), result.maxAbsZ(),
            result.criticEvaluationsPerState()));
      }
    }
    out.write(spec, csv.toString());
    for (String line : summary) {
      err.println(line);
    }
    err.flush();
    return 0;
  }
}
