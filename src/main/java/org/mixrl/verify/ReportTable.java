package org.mixrl.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link VerificationReport} as a text table: the unbiasedness summary per case,
 * flagged parameters, the variance table, the property checks, the detectable bias, the
 * verdict, and (when something failed) the shrunk counterexample on the last line.
 */
public final class ReportTable {
  /** Flagged parameters listed one per line; the rest are counted. */
  static final int MAX_FLAGGED_ROWS = 10;

  private ReportTable() {}

  public static String render(VerificationReport r) {
    StringBuilder sb = new StringBuilder();
    VerifyConfig cfg = r.config();
    line(sb, "estimator %s (%s)", r.estimator(), r.estimatorClass());
    line(sb, "budget: %d batches per case, seed %d%s; %d ordinary and %d extreme cases apply",
        cfg.repeats(), cfg.seed(), cfg.isQuick() ? " (quick)" : "", r.ordinaryCases().size(),
        r.extremeCases().size());
    line(sb, "unbiasedness: Holm over %d z-tests at family-wise false-alarm rate %s"
        + " (first threshold |z| > %.2f)", r.hypotheses(), cfg.familyWiseErrorRate(),
        r.criticalZ());
    sb.append('\n');
    line(sb, "%-12s %-44s %6s %7s %7s %10s", "unbiasedness", "case", "params", "max|z|",
        "flagged", "detectable");
    Map<String, List<BiasRow>> byCase = new LinkedHashMap<>();
    for (BiasRow b : r.bias()) {
      byCase.computeIfAbsent(b.caseSpec(), k -> new java.util.ArrayList<>()).add(b);
    }
    for (List<BiasRow> rows : byCase.values()) {
      double maxZ = rows.stream().mapToDouble(b -> Math.abs(b.z())).max().orElse(0);
      long flagged = rows.stream().filter(BiasRow::flagged).count();
      double rel = rows.stream().filter(b -> Math.abs(b.exact()) >= 1e-3)
          .mapToDouble(b -> b.detectableBias() / Math.abs(b.exact())).min().orElse(Double.NaN);
      line(sb, "%-12s %-44s %6d %7s %7d %9.1f%%", "", shortCase(rows.get(0)), rows.size(),
          z(maxZ), flagged, 100 * rel);
    }
    List<BiasRow> flagged = r.bias().stream().filter(BiasRow::flagged).toList();
    for (BiasRow b : flagged.subList(0, Math.min(MAX_FLAGGED_ROWS, flagged.size()))) {
      line(sb, "  FLAGGED %s %s: exact %.6g, mean %.6g, SE %.3g, z %s", b.caseLabel(),
          b.parameter(), b.exact(), b.mean(), b.stdError(), z(b.z()));
    }
    if (flagged.size() > MAX_FLAGGED_ROWS) {
      line(sb, "  ... and %d more flagged parameters (VerificationReport.bias() has them all)",
          flagged.size() - MAX_FLAGGED_ROWS);
    }
    sb.append('\n');
    int width = Math.max(16, r.variance().stream().mapToInt(v -> v.estimator().length()).max()
        .orElse(0));
    line(sb, "%-12s %-20s %-" + width + "s %6s %12s %11s", "variance", "case", "estimator",
        "evals", "total var", "SE");
    for (VarianceRow v : r.variance()) {
      if (v.parameter().equals("total")) {
        line(sb, "%-12s %-20s %-" + width + "s %6d %12.4g %11.2g", "", v.caseLabel(),
            v.estimator(), v.criticEvaluationsPerState(), v.variance(), v.stdError());
      }
    }
    sb.append('\n');
    for (Check c : List.of(Check.FINITENESS, Check.COST, Check.DETERMINISM)) {
      List<CheckResult> rs = r.results(c);
      long ok = rs.stream().filter(CheckResult::passed).count();
      line(sb, "%-12s %d/%d cases pass", c.label(), ok, rs.size());
      rs.stream().filter(x -> !x.passed()).limit(3)
          .forEach(x -> line(sb, "  FAIL %s: %s", x.caseSpec(), x.detail()));
    }
    r.results(Check.UNBIASEDNESS).stream().filter(x -> x.detail().startsWith("threw"))
        .limit(3).forEach(x -> line(sb, "  FAIL unbiasedness %s: %s", x.caseSpec(), x.detail()));
    r.mostSensitiveParameter().ifPresent(b -> line(sb,
        "detectable bias: a gradient scaled by (1 + eps) is flagged with >= 80%% power for"
            + " |eps| >= %.2g (through %s of %s; per-parameter bias (z* + 0.84) SE in the rows)",
        r.detectableRelativeBias(), b.parameter(), b.caseLabel()));
    sb.append('\n');
    line(sb, "%s", r.passed() ? "PASS: every check passed"
        : r.ordinaryCases().isEmpty() ? "FAIL: the estimator supports none of the ordinary cases"
        : "FAIL: " + r.counterexamples().size() + " check(s) failed");
    for (Counterexample c : r.counterexamples()) {
      line(sb, "%s", c.summary());
    }
    return sb.toString();
  }

  /** z with two decimals, or in scientific notation when huge. */
  private static String z(double v) {
    return Math.abs(v) < 1e4 ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.2e", v);
  }

  private static String shortCase(BiasRow b) {
    String spec = b.caseSpec();
    int r = spec.indexOf(" reward=");
    String reward = r < 0 ? "" : spec.substring(r + " reward=bumps:".length());
    String s = b.caseLabel() + " on " + reward;
    return s.length() > 44 ? s.substring(0, 41) + "..." : s;
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
