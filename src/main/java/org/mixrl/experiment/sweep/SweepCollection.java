package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.mixrl.experiment.Bootstrap;
import org.mixrl.random.RandomStream;

/**
 * A sweep's results: one row per run, and per group of settings (every option but the seed)
 * the mean over seeds with a 95% percentile bootstrap interval, for the final return, the
 * area under the curve and the curve itself.
 *
 * @param runs every planned run, done or not
 * @param groups groups with at least one done run
 */
public record SweepCollection(List<RunRow> runs, List<Group> groups) {
  /** The option that distinguishes repetitions of one setting. */
  public static final String SEED_KEY = "seed";
  static final int RESAMPLES = 10_000;
  static final int CURVE_RESAMPLES = 1_000;
  static final double LEVEL = 0.95;
  // fixed so that collecting twice writes identical files
  static final long BOOTSTRAP_SEED = 20240601L;

  /**
   * One run.
   *
   * @param id run id
   * @param state its state
   * @param options its options
   * @param curve its learning curve, if its metrics can be read
   */
  public record RunRow(String id, RunState state, Map<String, Object> options, Curve curve) {}

  /**
   * Runs of one setting.
   *
   * @param settings options without the seed
   * @param label the options that vary between groups, as {@code key=value} words
   * @param runIds its done runs
   * @param finalReturn mean and interval of the final returns
   * @param auc mean and interval of the areas under the curves
   * @param curveSteps steps of the mean curve
   * @param curve mean and interval of the return at each of those steps
   */
  public record Group(Map<String, Object> settings, String label, List<String> runIds,
      Bootstrap.Interval finalReturn, Bootstrap.Interval auc, double[] curveSteps,
      List<Bootstrap.Interval> curve) {}

  /** Reads every run of {@code sweep}; runs that are not done are listed with no results. */
  public static SweepCollection of(Sweep sweep, Function<String, Optional<CommandKind>> kinds)
      throws IOException {
    List<RunRow> rows = new ArrayList<>();
    for (RunStatus st : sweep.status(kinds)) {
      PlannedRun run = sweep.read(st.id());
      Curve curve = null;
      Path metrics = sweep.runDir(st.id()).resolve(Sweep.OUT_DIR).resolve("metrics.csv");
      if (st.state() == RunState.DONE && Files.isRegularFile(metrics)) {
        curve = Curve.read(metrics);
      }
      rows.add(new RunRow(st.id(), st.state(), run.options(), curve));
    }
    Map<String, List<RunRow>> bySetting = new LinkedHashMap<>();
    Map<String, Map<String, Object>> settingsOf = new LinkedHashMap<>();
    for (RunRow r : rows) {
      if (r.curve() == null) {
        continue;
      }
      Map<String, Object> settings = new TreeMap<>(r.options());
      settings.remove(SEED_KEY);
      String key = settings.toString();
      bySetting.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      settingsOf.put(key, settings);
    }
    List<String> varying = varyingKeys(new ArrayList<>(settingsOf.values()));
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<RunRow>> e : bySetting.entrySet()) {
      groups.add(group(settingsOf.get(e.getKey()), varying, e.getValue()));
    }
    return new SweepCollection(rows, groups);
  }

  private static List<String> varyingKeys(List<Map<String, Object>> settings) {
    TreeSet<String> keys = new TreeSet<>();
    settings.forEach(s -> keys.addAll(s.keySet()));
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      if (settings.stream().map(s -> String.valueOf(s.get(k))).distinct().count() > 1) {
        out.add(k);
      }
    }
    return out;
  }

  private static Group group(Map<String, Object> settings, List<String> varying,
      List<RunRow> runs) {
    List<String> words = new ArrayList<>();
    for (String k : varying) {
      // an option a group leaves unset takes the command's default: nothing to name
      if (!k.equals("env") && settings.get(k) != null) {
        words.add(k + "=" + CommandKind.text(settings.get(k)));
      }
    }
    String label = words.isEmpty() ? "all" : String.join(" ", words);
    double[] finals = new double[runs.size()];
    double[] aucs = new double[runs.size()];
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    TreeSet<Double> stepSet = new TreeSet<>();
    for (int i = 0; i < runs.size(); i++) {
      Curve c = runs.get(i).curve();
      finals[i] = c.finalReturn();
      aucs[i] = c.areaUnderCurve();
      lo = Math.max(lo, c.steps()[0]);
      hi = Math.min(hi, c.steps()[c.steps().length - 1]);
      for (double s : c.steps()) {
        stepSet.add(s);
      }
    }
    // the mean curve lives where every seed has data; within it, at every seed's steps
    List<Double> steps = new ArrayList<>();
    for (double s : stepSet) {
      if (s >= lo && s <= hi) {
        steps.add(s);
      }
    }
    RandomStream rng = RandomStream.of(BOOTSTRAP_SEED);
    List<Bootstrap.Interval> curve = new ArrayList<>();
    double[] at = new double[runs.size()];
    for (double s : steps) {
      for (int i = 0; i < runs.size(); i++) {
        at[i] = runs.get(i).curve().at(s);
      }
      curve.add(Bootstrap.meanInterval(at, LEVEL, CURVE_RESAMPLES, rng.split()));
    }
    return new Group(settings, label, runs.stream().map(RunRow::id).toList(),
        Bootstrap.meanInterval(finals, LEVEL, RESAMPLES, rng.split()),
        Bootstrap.meanInterval(aucs, LEVEL, RESAMPLES, rng.split()),
        steps.stream().mapToDouble(Double::doubleValue).toArray(), curve);
  }

  /** All option names of all runs, sorted. */
  private List<String> optionColumns(boolean withSeed) {
    TreeSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.options().keySet()));
    if (!withSeed) {
      keys.remove(SEED_KEY);
    }
    return new ArrayList<>(keys);
  }

  /** {@code runs.csv}: id, state, options, final_return, auc_return, last_step, curve. */
  public String runsCsv() {
    List<String> cols = optionColumns(true);
    StringBuilder sb = new StringBuilder("id,state");
    cols.forEach(c -> sb.append(',').append(c));
    sb.append(",final_return,auc_return,last_step,curve\n");
    for (RunRow r : runs) {
      sb.append(csv(r.id())).append(',').append(r.state().label());
      for (String c : cols) {
        Object v = r.options().get(c);
        sb.append(',').append(v == null ? "" : csv(CommandKind.text(v)));
      }
      Curve c = r.curve();
      if (c == null) {
        sb.append(",,,,\n");
      } else {
        sb.append(',').append(c.finalReturn()).append(',').append(c.areaUnderCurve())
            .append(',').append((long) c.steps()[c.steps().length - 1]).append(',')
            .append(c.source()).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code groups.csv}: settings, seeds, and mean with 95% bootstrap interval. */
  public String groupsCsv() {
    List<String> cols = optionColumns(false);
    StringBuilder sb = new StringBuilder();
    cols.forEach(c -> sb.append(c).append(','));
    sb.append("n_seeds,final_mean,final_ci_low,final_ci_high,auc_mean,auc_ci_low,auc_ci_high\n");
    for (Group g : groups) {
      for (String c : cols) {
        Object v = g.settings().get(c);
        sb.append(v == null ? "" : csv(CommandKind.text(v))).append(',');
      }
      sb.append(g.runIds().size());
      for (Bootstrap.Interval i : List.of(g.finalReturn(), g.auc())) {
        sb.append(String.format(Locale.ROOT, ",%s,%s,%s", i.mean(), i.lower(), i.upper()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
