package org.mixrl.cli;

import static org.mixrl.cli.ReproduceOutput.fmt;
import static org.mixrl.cli.ReproduceOutput.row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.plot.Charts;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;
import org.mixrl.theory.Continuation;
import org.mixrl.theory.EntropyRobustness;
import org.mixrl.theory.GaussianThreshold;
import org.mixrl.theory.StationaryPoints;

/**
 * The theory half of {@code mixrl reproduce}: renders the core's studies (the Gaussian threshold
 * and its curve, entropy robustness by continuation, the optimal densities) as CSVs, figures and
 * markdown sections of summary.md. No search happens here.
 */
final class ReproduceTheory {
  /** The abstract of the paper (arXiv:2605.09157v1), quoted where summary.md cites it. */
  static final String PAPER = "He, Neumann, Mei, White, White, \"Revisiting Mixture Policies in"
      + " Entropy-Regularized Actor-Critic\", arXiv:2605.09157v1";

  static final String STAGE_THRESHOLD = "threshold";
  static final String STAGE_CURVE = "threshold curve";
  static final String STAGE_ROBUSTNESS = "entropy robustness";

  private final ReproducePlan plan;
  private final ReproduceOutput out;
  private final TaskRunner runner;
  private final BumpsReward reward;
  private GaussianThreshold.Result threshold;
  private List<EntropyRobustness.Curve> curves;

  ReproduceTheory(ReproducePlan plan, ReproduceOutput out, TaskRunner runner) {
    this.plan = plan;
    this.out = out;
    this.runner = runner;
    this.reward = BumpsReward.parse(plan.rewardSpec());
  }

  /** alpha*_G for each reward, and the threshold curve of the main reward. */
  String threshold() throws Exception {
    List<Callable<GaussianThreshold.Result>> tasks = new ArrayList<>();
    for (String spec : plan.thresholdRewards()) {
      tasks.add(() -> GaussianThreshold.compute(BumpsReward.parse(spec)));
    }
    List<GaussianThreshold.Result> results = runner.all(STAGE_THRESHOLD, tasks);
    List<String> rows = new ArrayList<>();
    StringBuilder md = new StringBuilder("## 1. The Gaussian threshold\n\n")
        .append("| reward | alpha_star | mu* | sigma* | bound 2 phi(1)(r_max - r_min) | ratio |\n")
        .append("|---|---|---|---|---|---|\n");
    for (int i = 0; i < results.size(); i++) {
      GaussianThreshold.Result t = results.get(i);
      String spec = plan.thresholdRewards().get(i);
      rows.add(row(spec, t.alphaStar(), t.mu(), t.sigma(), t.universalBound(), t.tightness()));
      md.append(String.format(Locale.ROOT, "| `%s` | %.6f | %.4f | %.4f | %.6f | %.3f |%n", spec,
          t.alphaStar(), t.mu(), t.sigma(), t.universalBound(), t.tightness()));
      if (spec.equals(plan.rewardSpec())) {
        threshold = t;
      }
    }
    out.csv("threshold.csv", "reward,alpha_star,mu,sigma,bound,ratio", rows);

    int ns = plan.curvePoints();
    List<Callable<GaussianThreshold.CurvePoint>> curve = new ArrayList<>();
    for (int i = 0; i < ns; i++) {
      double sigma = 0.05 * Math.pow(100, i / (ns - 1.0));
      curve.add(() -> GaussianThreshold.curve(reward, new double[] {sigma}).get(0));
    }
    List<GaussianThreshold.CurvePoint> pts = runner.all(STAGE_CURVE, curve);
    double[] x = pts.stream().mapToDouble(GaussianThreshold.CurvePoint::sigma).toArray();
    double[] y = pts.stream().mapToDouble(GaussianThreshold.CurvePoint::maxMinusS).toArray();
    List<String> crows = new ArrayList<>();
    for (GaussianThreshold.CurvePoint p : pts) {
      crows.add(row(p.sigma(), p.maxMinusS(), p.argmaxMu()));
    }
    out.csv("threshold_curve.csv", "sigma,max_over_mu_minus_S,argmax_mu", crows);
    double[] ends = {x[0], x[ns - 1]};
    out.png("threshold.png", Charts.curves(
        "Gaussian threshold on " + plan.rewardSpec(), "policy std sigma",
        "max over mu of -E[r(mu+sigma e)(e^2-1)]",
        List.of(new Charts.Line("max_mu -S(mu, sigma)", x, y),
            new Charts.Line(String.format(Locale.ROOT, "alpha*_G = %.4f", threshold.alphaStar()),
                ends, new double[] {threshold.alphaStar(), threshold.alphaStar()}),
            new Charts.Line(String.format(Locale.ROOT, "2 phi(1)(r_max - r_min) = %.4f",
                threshold.universalBound()), ends,
                new double[] {threshold.universalBound(), threshold.universalBound()}))));
    md.append(String.format(Locale.ROOT, "%nAbove alpha*_G a Gaussian policy on the line has no"
        + " stationary point (proof in docs/theory.md); the universal bound 2 phi(1)(r_max -"
        + " r_min) holds for every reward with that range. The exact threshold of `%s` is"
        + " alpha*_G = %.4f = %.1f%% of the bound (figure `threshold.png`, CSV"
        + " `threshold_curve.csv`).%n%n", plan.rewardSpec(), threshold.alphaStar(),
        100 * threshold.tightness()));
    return md.toString();
  }

  /** J*, E[r] per (class, K, alpha) by continuation, and where each class's maxima end. */
  String robustness() throws Exception {
    Continuation.Settings s = EntropyRobustness.fastSettings().withRandomStarts(plan.starts())
        .withMaxStep(plan.maxAlphaStep());
    List<Callable<EntropyRobustness.Curve>> tasks = new ArrayList<>();
    for (PolicyLayout p : EntropyRobustness.classes(plan.mixtureKs())) {
      tasks.add(() -> EntropyRobustness.of(reward, p, plan.alphas(), s));
    }
    curves = runner.all(STAGE_ROBUSTNESS, tasks);
    List<String> rows = new ArrayList<>();
    List<String> branchRows = new ArrayList<>();
    for (EntropyRobustness.Curve c : curves) {
      for (EntropyRobustness.Entry e : c.entries()) {
        rows.add(row(c.label(), e.alpha(), e.attained(), e.bestObjective(), e.expectedReward(),
            e.entropy(), e.maxima(), e.divergedStarts(), e.freshStarts(),
            e.attained() ? Arrays.toString(e.best().theta()).replace(", ", " ") : ""));
      }
      for (Continuation.Branch b : c.continuation().branches()) {
        branchRows.add(row(c.label(), b.startAlpha(), b.end().name().toLowerCase(Locale.ROOT),
            b.end() == Continuation.End.ALIVE ? "" : fmt(b.endAlpha()),
            b.evidence()));
      }
    }
    out.csv("entropy_robustness.csv", "class,alpha,attained,J,expected_reward,entropy,"
        + "maxima,diverged_fresh_starts,fresh_starts,theta", rows);
    out.csv("continuation_branches.csv", "class,start_alpha,end,end_alpha,evidence",
        branchRows);

    out.png("stationary_points.png", Charts.styledCurves(String.format(Locale.ROOT,
        "Distinct local maxima followed by continuation (alpha*_G = %.3f)",
        threshold.alphaStar()), "entropy scale alpha", "local maxima alive",
        styled(c -> c.entries().stream().mapToDouble(e -> e.maxima()).toArray(), null)));
    out.png("robustness_objective.png", Charts.styledCurves(
        "Best local maximum J* (x: a class's last maximum ends)",
        "entropy scale alpha", "J* = E[r] + alpha H", styled(c -> values(c, true), true)));
    out.png("robustness_reward.png", Charts.styledCurves(
        "E[r] at the best local maximum (x: a class's last maximum ends)",
        "entropy scale alpha", "E_pi*[r]", styled(c -> values(c, false), false)));
    return robustnessSummary();
  }

  private static double[] values(EntropyRobustness.Curve c, boolean objective) {
    return c.entries().stream().mapToDouble(e -> objective ? e.bestObjective()
        : e.expectedReward()).toArray();
  }

  /**
   * One styled line per class: colour by K (the same for the line and the box class), dashed
   * and hollow-marker shapes for the unsquashed classes; with {@code ends}, a cross where the
   * class's last maximum ends (at the J or E[r] of its last grid point).
   */
  private List<Charts.StyledLine> styled(
      java.util.function.Function<EntropyRobustness.Curve, double[]> ys, Boolean objective) {
    List<Charts.StyledLine> lines = new ArrayList<>();
    int[] ks = plan.mixtureKs();
    for (EntropyRobustness.Curve c : curves) {
      double[] y = ys.apply(c);
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (Double.isFinite(y[i])) {
          pts.add(new double[] {plan.alphas()[i], y[i]});
        }
      }
      int colour = colourOf(c.policy(), ks);
      PolicyClass pc = c.policy().policyClass();
      int marker = pc.squashed() ? (pc.mixture() ? 1 : 0) : (pc.mixture() ? 4 : 3);
      lines.add(new Charts.StyledLine(new Charts.Line(c.label() + (pc.squashed() ? " (box)"
          : " (line)"), pts.stream().mapToDouble(p -> p[0]).toArray(),
          pts.stream().mapToDouble(p -> p[1]).toArray()), colour, marker, !pc.squashed(),
          false));
      double e = c.lastMaximumEnds();
      if (objective != null && Double.isFinite(e)) {
        StationaryPoints.Point last = c.lastBranch().orElseThrow().last();
        lines.add(new Charts.StyledLine(new Charts.Line(String.format(Locale.ROOT,
            "%s last maximum ends, alpha = %.3f", c.label(), e), new double[] {e},
            new double[] {objective ? last.objective() : last.expectedReward()}), colour, 5,
            false, true));
      }
    }
    return lines;
  }

  /** Colour index by K: 1 -> 0, then the mixture sizes in plan order. */
  static int colourOf(PolicyLayout p, int[] ks) {
    if (!p.policyClass().mixture()) {
      return 0;
    }
    for (int i = 0; i < ks.length; i++) {
      if (ks[i] == p.components()) {
        return i + 1;
      }
    }
    return ks.length + 1;
  }

  private String robustnessSummary() {
    double a = threshold.alphaStar();
    StringBuilder md = new StringBuilder("## 2. Local maxima by continuation in alpha\n\n")
        .append(String.format(Locale.ROOT, "Each class's maxima are found at alpha = %s from"
            + " structured starts (a component per reward bump, the Gaussian optimum split into"
            + " K copies, a wide/narrow pair) and %d random starts, then followed as alpha grows"
            + " (CSV `continuation_branches.csv`, figure `stationary_points.png`). Where each"
            + " class's last maximum ends (alpha*_G = %.4f):%n%n", plan.alphas()[0],
            plan.starts(), a));
    for (EntropyRobustness.Curve c : curves) {
      md.append("- ").append(EntropyRobustness.ending(c)).append('\n');
    }
    md.append("\nA search that found no maximum has not shown that none exists. On the line J is"
        + " unbounded for every alpha > 0 (a scale can grow without limit), so the maxima are"
        + " local; the diverged starts are counted in `entropy_robustness.csv`.\n\n");

    md.append("## 3. Entropy robustness\n\nJ* and E_pi*[r] of the best local maximum alive at"
        + " each alpha (`robustness_objective.png`, `robustness_reward.png`); `-` where no"
        + " branch is alive.\n\n| class | ");
    for (double x : plan.alphas()) {
      md.append("alpha=").append(x).append(" | ");
    }
    md.append("\n|---|").append("---|".repeat(plan.alphas().length)).append('\n');
    for (EntropyRobustness.Curve c : curves) {
      md.append("| ").append(c.label()).append(" | ");
      for (EntropyRobustness.Entry e : c.entries()) {
        md.append(e.attained() ? fmt(e.bestObjective()) + " / " + fmt(e.expectedReward()) : "-")
            .append(" | ");
      }
      md.append('\n');
    }
    md.append("\n(cells: J* / E[r])\n\n");
    md.append(claims());
    return md.toString();
  }

  /** The paper's statements next to what this run measured. */
  private String claims() {
    StringBuilder md = new StringBuilder("### The paper's statements and this run\n\n"
        + "| paper (" + PAPER + ") | measured here | verdict |\n|---|---|---|\n");
    // robustness on the line: does some mixture keep a maximum beyond the Gaussian's?
    double gEnd = end(PolicyClass.G);
    double gmEnd = Double.NaN;
    String gmBest = "";
    for (EntropyRobustness.Curve c : curves) {
      if (c.policy().policyClass() == PolicyClass.GM) {
        double e = c.lastMaximumEnds();
        if (Double.isNaN(gmEnd) || e > gmEnd) {
          gmEnd = e;
          gmBest = c.label();
        }
      }
    }
    md.append(String.format(Locale.ROOT, "| \"We show that increased flexibility can"
        + " theoretically enhance solution quality and entropy robustness.\" (abstract) |"
        + " on the line: G's last maximum ends at alpha = %s, the longest-lived GM branch"
        + " (%s) at %s; on the box: %s | %s |%n", endText(gEnd), gmBest, endText(gmEnd),
        boxText(), gmEnd > gEnd ? "supported on the line at this grid"
            : "not supported on the line by this search (a mixture's maxima ended first);"
                + " on the box see J* above"));
    // solution quality: J*_mixture >= J*_single at every alpha where both exist
    md.append(String.format(Locale.ROOT, "| (same sentence: solution quality) | J*_SGM >= J*_SG"
        + " at every alpha: %s; J*_GM >= J*_G wherever both have a maximum: %s | %s |%n",
        yesNo(dominates(PolicyClass.SGM, PolicyClass.SG)),
        yesNo(dominates(PolicyClass.GM, PolicyClass.G)),
        "must hold (a mixture contains the single Gaussian); a violation is a search failure"));
    md.append("\nThe paper's Gaussian threshold and MRP-vs-LR statements are compared in"
        + " docs/theory.md and docs/estimators.md.\n\n");
    return md.toString();
  }

  private double end(PolicyClass pc) {
    return curves.stream().filter(c -> c.policy().policyClass() == pc).findFirst()
        .map(EntropyRobustness.Curve::lastMaximumEnds).orElse(Double.NaN);
  }

  private String boxText() {
    StringBuilder sb = new StringBuilder();
    for (EntropyRobustness.Curve c : curves) {
      if (c.policy().policyClass().squashed()) {
        sb.append(sb.length() > 0 ? ", " : "").append(c.label()).append(' ')
            .append(Double.isInfinite(c.lastMaximumEnds()) ? "alive at the last alpha"
                : "ends at " + endText(c.lastMaximumEnds()));
      }
    }
    return sb.toString();
  }

  private static String endText(double e) {
    return Double.isNaN(e) ? "(none found)" : Double.isInfinite(e) ? "(alive at the last alpha)"
        : String.format(Locale.ROOT, "%.3f", e);
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "**no**";
  }

  private boolean dominates(PolicyClass mixture, PolicyClass single) {
    EntropyRobustness.Curve s = curves.stream().filter(c -> c.policy().policyClass() == single)
        .findFirst().orElseThrow();
    for (EntropyRobustness.Curve c : curves) {
      if (c.policy().policyClass() != mixture) {
        continue;
      }
      for (int i = 0; i < c.entries().size(); i++) {
        EntropyRobustness.Entry m = c.entries().get(i);
        EntropyRobustness.Entry g = s.entries().get(i);
        if (m.attained() && g.attained() && m.bestObjective() < g.bestObjective() - 1e-6) {
          return false;
        }
      }
    }
    return true;
  }

  /** Densities of the best maximisers over the reward: box at alpha ~ 0.5, line at ~ 0.1. */
  String densities() throws Exception {
    int kMax = plan.mixtureKs()[plan.mixtureKs().length - 1];
    double boxAlpha = nearest(0.5);
    double lineAlpha = nearest(0.1);
    List<String> rows = new ArrayList<>();
    densityFigure("density_box.png", "Optimal policies on the box at alpha = " + boxAlpha,
        boxAlpha, List.of(new PolicyLayout(PolicyClass.SG, 1, 1),
            new PolicyLayout(PolicyClass.SGM, kMax, 1)), -0.999, 0.999, rows);
    densityFigure("density_line.png", "Optimal policies on the line at alpha = " + lineAlpha,
        lineAlpha, List.of(new PolicyLayout(PolicyClass.G, 1, 1),
            new PolicyLayout(PolicyClass.GM, kMax, 1)), -2.5, 2.5, rows);
    out.csv("densities.csv", "figure,policy,alpha,a,reward,density", rows);
    return "Figures `density_box.png` and `density_line.png` show the best maximisers' densities"
        + " over the reward (CSV `densities.csv`).\n\n";
  }

  private void densityFigure(String file, String title, double alpha, List<PolicyLayout> classes,
      double lo, double hi, List<String> rows) throws Exception {
    int n = 400;
    double[] a = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = lo + (hi - lo) * i / (n - 1);
      r[i] = reward.value(a[i]);
    }
    List<Charts.Line> dens = new ArrayList<>();
    for (PolicyLayout p : classes) {
      EntropyRobustness.Entry e = find(p, alpha);
      if (e == null || !e.attained()) {
        continue;
      }
      double[] d;
      try (GradMode g = GradMode.noGrad()) {
        d = p.policy(Tensor.vector(e.best().theta()), 1)
            .logProb(Tensor.of(a.clone(), 1, n, 1)).exp().toArray();
      }
      String label = EntropyRobustness.label(p);
      dens.add(new Charts.Line(label + String.format(Locale.ROOT, " (E[r]=%.3f)",
          e.expectedReward()), a, d));
      for (int i = 0; i < n; i++) {
        rows.add(row(file, label, alpha, a[i], r[i], d[i]));
      }
    }
    out.png(file, Charts.densityOverReward(title, new Charts.Line("reward r(a)", a, r), dens));
  }

  private double nearest(double target) {
    double best = plan.alphas()[0];
    for (double x : plan.alphas()) {
      if (Math.abs(x - target) < Math.abs(best - target)) {
        best = x;
      }
    }
    return best;
  }

  private EntropyRobustness.Entry find(PolicyLayout p, double alpha) {
    return curves.stream().filter(c -> c.policy().equals(p)).flatMap(c -> c.entries().stream())
        .filter(e -> e.alpha() == alpha).findFirst().orElse(null);
  }
}
