package org.mixrl.cli;

import static org.mixrl.cli.ReproduceOutput.fmt;
import static org.mixrl.cli.ReproduceOutput.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.estimator.VarianceStudy;
import org.mixrl.experiment.BanditLearning;
import org.mixrl.experiment.BanditLearning.Config;
import org.mixrl.experiment.BanditLearning.CriticKind;
import org.mixrl.experiment.Bootstrap;
import org.mixrl.experiment.VarianceComparison;
import org.mixrl.plot.Charts;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.theory.EntropyRobustness;
import org.mixrl.random.RandomStream;

/**
 * The estimator half of {@code mixrl reproduce}: gradient variance of the mixture estimators on
 * a wide-bump, the two-bump and a sharp reward, and bandit learning curves with each estimator.
 */
final class ReproduceBandits {
  /** The fixed GM_3 policy of the variance study (the example of `mixrl variance`). */
  static final double[] VARIANCE_THETA = {0, 0, 0, -1, 0, 1, -0.5, -0.5, -0.5};

  static final double VARIANCE_ALPHA = 0.2;
  static final int VARIANCE_BATCH = 64;
  static final List<String> MIXTURE_ESTIMATORS = List.of("lr", "rplr", "mrp", "gs", "irg");

  /** The mixture's estimators in the learning study (the single Gaussian learns with RP). */
  static final List<String> LEARNING_ESTIMATORS = List.of("lr", "rplr", "mrp", "gs");

  static final String STAGE_VARIANCE = "estimator variance";
  static final String STAGE_LEARNING = "bandit learning";

  private final ReproducePlan plan;
  private final ReproduceOutput out;
  private final TaskRunner runner;

  ReproduceBandits(ReproducePlan plan, ReproduceOutput out, TaskRunner runner) {
    this.plan = plan;
    this.out = out;
    this.runner = runner;
  }

  String variance() throws Exception {
    PolicyLayout gm3 = new PolicyLayout(PolicyClass.GM, 3, 1);
    List<Callable<VarianceComparison.Result>> tasks = new ArrayList<>();
    for (String[] rw : ReproducePlan.VARIANCE_REWARDS) {
      // seed 1: the numbers can be re-run by hand with `mixrl variance --seed 1`
      VarianceComparison study = new VarianceComparison(new VarianceComparison.Setup(
          BumpsReward.parse(rw[1]), gm3, VARIANCE_THETA, VARIANCE_ALPHA, VARIANCE_BATCH,
          plan.varianceRepeats(), 1));
      for (String name : MIXTURE_ESTIMATORS) {
        EstimatorSpec spec = EstimatorSpec.of(name);
        tasks.add(() -> study.measure(spec, null));
      }
    }
    List<VarianceComparison.Result> results = runner.all(STAGE_VARIANCE, tasks);
    List<String> rows = new ArrayList<>();
    List<String> totals = new ArrayList<>();
    int nr = ReproducePlan.VARIANCE_REWARDS.size();
    int ne = MIXTURE_ESTIMATORS.size();
    double[][] total = new double[nr][ne];
    double[][] logit = new double[nr][ne];
    double[][] maxZ = new double[nr][ne];
    for (int i = 0; i < nr; i++) {
      String rname = ReproducePlan.VARIANCE_REWARDS.get(i)[0];
      for (int j = 0; j < ne; j++) {
        VarianceComparison.Result result = results.get(i * ne + j);
        for (VarianceStudy.Row row : result.rows()) {
          rows.add(row(rname, row.estimator(), row.parameter(), row.exact(), row.mean(),
              row.variance(), row.stdError(), row.z()));
        }
        total[i][j] = result.totalVariance();
        logit[i][j] = result.varianceOf("logit");
        maxZ[i][j] = result.maxAbsZ();
        totals.add(row(rname, result.estimator(), total[i][j], logit[i][j], maxZ[i][j],
            result.criticEvaluationsPerState()));
      }
    }
    out.csv("variance.csv", "reward,estimator,parameter,exact,mean,variance,std_error,z", rows);
    out.csv("variance_totals.csv",
        "reward,estimator,total_variance,logit_variance,max_abs_z,critic_evals_per_state", totals);
    List<String> series = new ArrayList<>();
    for (String[] rw : ReproducePlan.VARIANCE_REWARDS) {
      series.add(rw[0] + ": " + rw[1].substring("bumps:".length()));
    }
    // one bar colour per estimator (MethodColors), the rewards as the x axis's categories
    List<String> rewardNames = ReproducePlan.VARIANCE_REWARDS.stream().map(rw -> rw[0]).toList();
    List<String> estimatorNames = MIXTURE_ESTIMATORS.stream()
        .map(ReproduceBandits::estimatorName).toList();
    out.png("variance_total.png", Charts.logBars(
        "Total gradient variance, GM_3 policy, batch 64, alpha 0.2 (" + plan.varianceRepeats()
            + " batches)", "reward (" + String.join("; ", series) + ")",
        "sum of per-parameter variances", rewardNames, estimatorNames, transpose(total)));
    out.png("variance_logits.png", Charts.logBars(
        "Variance of the mixture-weight (logit) gradients", "reward",
        "sum of logit-gradient variances", rewardNames, estimatorNames, transpose(logit)));

    StringBuilder md = new StringBuilder("## 4. Estimator variance\n\nGM_3 policy (logits 0,"
        + " means -1, 0, 1, log-stds -0.5), alpha 0.2, batch 64, " + plan.varianceRepeats()
        + " batches, LR/RP-LR with the unbiased leave-one-out batch baseline"
        + " (`variance_total.png`, `variance_logits.png`). Cells: total variance (logit-gradient"
        + " variance); max |z| of the bias z-scores.\n\n| reward | ");
    for (String e : MIXTURE_ESTIMATORS) {
      md.append(EstimatorSpec.of(e).label()).append(" | ");
    }
    md.append("\n|---|").append("---|".repeat(ne)).append('\n');
    for (int i = 0; i < nr; i++) {
      md.append("| ").append(series.get(i)).append(" | ");
      for (int j = 0; j < ne; j++) {
        md.append(String.format(Locale.ROOT, "%.3g (%.2g); z %.1f | ", total[i][j], logit[i][j],
            maxZ[i][j]));
      }
      md.append('\n');
    }
    int lr = MIXTURE_ESTIMATORS.indexOf("lr");
    int mrp = MIXTURE_ESTIMATORS.indexOf("mrp");
    int rplr = MIXTURE_ESTIMATORS.indexOf("rplr");
    md.append("\nPaper (" + ReproduceTheory.PAPER + ", abstract): MRP is proved to offer \"lower"
        + " variance than the standard likelihood-ratio (LR) approach\". Measured at this alpha"
        + " (docs/estimators.md has other alphas): ");
    for (int i = 0; i < nr; i++) {
      md.append(String.format(Locale.ROOT, "%s reward — %s wins on total variance (MRP/LR ="
          + " %.2f); ", ReproducePlan.VARIANCE_REWARDS.get(i)[0],
          total[i][mrp] < total[i][lr] ? "MRP" : "LR", total[i][mrp] / total[i][lr]));
    }
    boolean rb = true;
    for (int i = 0; i < nr; i++) {
      rb &= logit[i][mrp] <= logit[i][rplr];
    }
    md.append("MRP's logit-gradient variance is ").append(rb ? "below" : "**not** below")
        .append(" RP-LR's on every reward (Rao-Blackwellisation over the component index), and"
            + " MRP costs 3 critic evaluations per state vs 1. GS is biased (large |z|).\n\n");
    return md.toString();
  }

  String learning() throws Exception {
    BumpsReward reward = BumpsReward.parse(plan.rewardSpec());
    int k = plan.learningK();
    List<Config> configs = new ArrayList<>();
    for (CriticKind critic : CriticKind.values()) {
      for (double alpha : plan.learningAlphas()) {
        configs.add(Config.of(reward, PolicyClass.SG, 1, "rp", critic, alpha)
            .withSteps(plan.steps()));
        for (String e : LEARNING_ESTIMATORS) {
          configs.add(Config.of(reward, PolicyClass.SGM, k, e, critic, alpha)
              .withSteps(plan.steps()));
        }
      }
    }
    long[] seeds = new long[plan.seeds()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = i + 1;
    }
    List<Callable<BanditLearning.Curve>> tasks = new ArrayList<>();
    for (Config c : configs) {
      for (long s : seeds) {
        tasks.add(() -> BanditLearning.run(c, s));
      }
    }
    List<BanditLearning.Curve> curves = runner.all(STAGE_LEARNING, tasks);
    List<String> rows = new ArrayList<>();
    List<String> finals = new ArrayList<>();
    List<BanditLearning.Aggregate> aggs = new ArrayList<>();
    for (int c = 0; c < configs.size(); c++) {
      Config cfg = configs.get(c);
      List<BanditLearning.Curve> mine = curves.subList(c * seeds.length, (c + 1) * seeds.length);
      BanditLearning.Aggregate agg = BanditLearning.aggregate(mine, RandomStream.of(c));
      aggs.add(agg);
      for (int i = 0; i < agg.steps().length; i++) {
        Bootstrap.Interval j = agg.objective()[i];
        Bootstrap.Interval r = agg.expectedReward()[i];
        rows.add(row(key(cfg), cfg.critic().label(), cfg.alpha(), agg.steps()[i], j.mean(),
            j.lower(), j.upper(), r.mean(), r.lower(), r.upper()));
      }
      for (int s = 0; s < seeds.length; s++) {
        finals.add(row(key(cfg), cfg.critic().label(), cfg.alpha(), seeds[s],
            mine.get(s).finalObjective(), mine.get(s).finalExpectedReward()));
      }
    }
    out.csv("learning_curves.csv", "policy_estimator,critic,alpha,step,J_mean,J_lo95,J_hi95,"
        + "reward_mean,reward_lo95,reward_hi95", rows);
    out.csv("learning_final.csv", "policy_estimator,critic,alpha,seed,final_J,final_reward",
        finals);

    double shown = plan.learningAlphas()[plan.learningAlphas().length / 2];
    for (CriticKind critic : CriticKind.values()) {
      List<Charts.Band> bands = new ArrayList<>();
      for (int c = 0; c < configs.size(); c++) {
        Config cfg = configs.get(c);
        if (cfg.critic() == critic && cfg.alpha() == shown) {
          bands.add(band(legendName(cfg), aggs.get(c)));
        }
      }
      out.png("learning_" + critic.label() + ".png", Charts.learningCurves(String.format(
          Locale.ROOT, "Exact J during training, %s critic, alpha = %s (%d seeds, 95%% CI)",
          critic == CriticKind.LEARNED ? "learned MLP" : "true-reward", shown, seeds.length),
          "actor step", "J = E[r] + alpha H (exact)", bands));
    }

    StringBuilder md = new StringBuilder("## 5. Bandit learning\n\nAdam (lr 0.01, batch 32) on"
        + " the box for " + plan.steps() + " steps, " + seeds.length + " seeds; final exact J,"
        + " mean [95% bootstrap CI] (`learning_true.png`, `learning_learned.png`,"
        + " `learning_curves.csv`, `learning_final.csv`).\n\n| policy/estimator | critic | ");
    for (double a : plan.learningAlphas()) {
      md.append("alpha=").append(a).append(" | ");
    }
    md.append("\n|---|---|").append("---|".repeat(plan.learningAlphas().length)).append('\n');
    int perCritic = configs.size() / 2;
    int perAlpha = perCritic / plan.learningAlphas().length;
    for (int ci = 0; ci < 2; ci++) {
      for (int e = 0; e < perAlpha; e++) {
        Config first = configs.get(ci * perCritic + e);
        md.append("| ").append(key(first)).append(" | ").append(first.critic().label())
            .append(" | ");
        for (int a = 0; a < plan.learningAlphas().length; a++) {
          BanditLearning.Aggregate agg = aggs.get(ci * perCritic + a * perAlpha + e);
          Bootstrap.Interval j = agg.objective()[agg.steps().length - 1];
          md.append(fmt(j.mean())).append(" [").append(fmt(j.lower())).append(", ")
              .append(fmt(j.upper())).append("] | ");
        }
        md.append('\n');
      }
    }
    md.append("\nSee section 3 for the optimal J* of each class at these alphas.\n\n");
    return md.toString();
  }

  private static Charts.Band band(String name, BanditLearning.Aggregate agg) {
    int n = agg.steps().length;
    double[] x = new double[n];
    double[] m = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = agg.steps()[i];
      m[i] = agg.objective()[i].mean();
      lo[i] = agg.objective()[i].lower();
      hi[i] = agg.objective()[i].upper();
    }
    return new Charts.Band(name, x, m, lo, hi);
  }

  /** The estimator as figures name it: LR and RP-LR with their leave-one-out baseline. */
  static String estimatorName(String e) {
    return switch (e) {
      case "lr" -> "LR (leave-one-out baseline)";
      case "rplr" -> "RP-LR (leave-one-out baseline)";
      default -> e.toUpperCase(Locale.ROOT);
    };
  }

  private static double[][] transpose(double[][] v) {
    double[][] t = new double[v[0].length][v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v[i].length; j++) {
        t[j][i] = v[i][j];
      }
    }
    return t;
  }

  /** The legend name of a learning setting: SG-RP, SGM-MRP (K=3), as in sweep figures. */
  private static String legendName(Config c) {
    return c.policyClass().name() + "-" + EstimatorSpec.of(c.estimator()).label()
        + (c.policyClass().mixture() ? " (K=" + c.components() + ")" : "");
  }

  private static String key(Config c) {
    return EntropyRobustness.label(new PolicyLayout(c.policyClass(), c.components(), 1)) + "/"
        + EstimatorSpec.of(c.estimator()).label();
  }
}
