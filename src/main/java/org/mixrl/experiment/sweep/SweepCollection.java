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
   * @param family what figures colour the group by ({@link MethodLabel#family}, else the label)
   * @param seeds the seed of each done run, in {@code runIds} order
   * @param finals each run's final return, in the same order
   * @param aucs each run's area under the curve, in the same order
   */
  public record Group(Map<String, Object> settings, String label, List<String> runIds,
      Bootstrap.Interval finalReturn, Bootstrap.Interval auc, double[] curveSteps,
      List<Bootstrap.Interval> curve, String family, List<Object> seeds, double[] finals,
      double[] aucs) {

    /** The environment option, or "" when the sweep does not set it. */
    public String env() {
      Object e = settings.get("env");
      return e == null ? "" : e.toString();
    }
  }

  /**
   * Two groups of one environment compared on the seeds both ran: the paired interval is the
   * bootstrap of the mean per-seed difference a − b; the unpaired one resamples a and b
   * independently (all their seeds), as if the seeds were unrelated.
   *
   * @param env environment
   * @param a first group's label
   * @param b second group's label
   * @param pairs seeds both groups ran
   * @param finalPaired paired interval of the final-return difference
   * @param finalUnpaired unpaired interval of the same difference
   * @param aucPaired paired interval of the area-under-the-curve difference
   * @param aucUnpaired unpaired interval of the same difference
   */
  public record Comparison(String env, String a, String b, int pairs,
      Bootstrap.Interval finalPaired, Bootstrap.Interval finalUnpaired,
      Bootstrap.Interval aucPaired, Bootstrap.Interval aucUnpaired) {}

  /** Reads every run of {@code sweep}; runs that are not done are listed with no results. */
  public static SweepCollection of(Sweep sweep, Function<String, Optional<CommandKind>> kinds)
      throws IOException {
    return of(sweep, kinds, "auto");
  }

  /**
   * As {@link #of(Sweep, Function)}, with each run's curve made of the metrics rows {@code
   * source} names ({@link Curve#SOURCES}).
   */
  public static SweepCollection of(Sweep sweep, Function<String, Optional<CommandKind>> kinds,
      String source) throws IOException {
    List<RunRow> rows = new ArrayList<>();
    for (RunStatus st : sweep.status(kinds)) {
      PlannedRun run = sweep.read(st.id());
      Curve curve = null;
      Path metrics = sweep.runDir(st.id()).resolve(Sweep.OUT_DIR).resolve("metrics.csv");
      if (st.state() == RunState.DONE && Files.isRegularFile(metrics)) {
        try {
          curve = Curve.read(metrics, source, "return");
        } catch (IOException e) {
          // a done run without such rows (no finished training episode in a short run)
          curve = null;
        }
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
    String label = MethodLabel.applies(settings) ? MethodLabel.of(settings, varying)
        : words.isEmpty() ? "all" : String.join(" ", words);
    String family = MethodLabel.applies(settings) ? MethodLabel.family(settings) : label;
    double[] finals = new double[runs.size()];
    double[] aucs = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      Curve c = runs.get(i).curve();
      finals[i] = c.finalReturn();
      aucs[i] = c.areaUnderCurve();
    }
    RandomStream rng = RandomStream.of(BOOTSTRAP_SEED);
    // the mean curve first: its intervals take the stream's first splits
    MeanCurve curve = MeanCurve.of(runs.stream().map(RunRow::curve).toList(), rng);
    return new Group(settings, label, runs.stream().map(RunRow::id).toList(),
        Bootstrap.meanInterval(finals, LEVEL, RESAMPLES, rng.split()),
        Bootstrap.meanInterval(aucs, LEVEL, RESAMPLES, rng.split()),
        curve.steps(), curve.values(), family,
        runs.stream().map(r -> r.options().get(SEED_KEY)).toList(), finals, aucs);
  }

  /**
   * Every pair of groups of one environment, in group order (a before b), compared on final
   * return and area under the curve. Pairs sharing no seed get no paired interval (NaN).
   */
  public List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    RandomStream rng = RandomStream.of(BOOTSTRAP_SEED + 1);
    for (int i = 0; i < groups.size(); i++) {
      for (int j = i + 1; j < groups.size(); j++) {
        Group a = groups.get(i);
        Group b = groups.get(j);
        if (!a.env().equals(b.env())) {
          continue;
        }
        List<double[]> finalPairs = new ArrayList<>();
        List<double[]> aucPairs = new ArrayList<>();
        for (int x = 0; x < a.seeds().size(); x++) {
          int y = indexOfSeed(b.seeds(), a.seeds().get(x));
          if (y >= 0) {
            finalPairs.add(new double[] {a.finals()[x], b.finals()[y]});
            aucPairs.add(new double[] {a.aucs()[x], b.aucs()[y]});
          }
        }
        out.add(new Comparison(a.env(), a.label(), b.label(), finalPairs.size(),
            paired(finalPairs, rng.split()),
            Bootstrap.differenceInterval(a.finals(), b.finals(), LEVEL, RESAMPLES, rng.split()),
            paired(aucPairs, rng.split()),
            Bootstrap.differenceInterval(a.aucs(), b.aucs(), LEVEL, RESAMPLES, rng.split())));
      }
    }
    return out;
  }

  private static int indexOfSeed(List<Object> seeds, Object seed) {
    for (int i = 0; i < seeds.size(); i++) {
      if (String.valueOf(seeds.get(i)).equals(String.valueOf(seed))) {
        return i;
      }
    }
    return -1;
  }

  private static Bootstrap.Interval paired(List<double[]> pairs, RandomStream rng) {
    if (pairs.isEmpty()) {
      return new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] d = new double[pairs.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = pairs.get(i)[0] - pairs.get(i)[1];
    }
    return Bootstrap.meanInterval(d, LEVEL, RESAMPLES, rng);
  }

  /**
   * {@code paired.csv}: per pair of groups of one environment, the paired (by seed) and the
   * unpaired difference a − b of the final return and of the area under the curve, each as
   * mean and 95% bootstrap interval.
   */
  public String comparisonsCsv() {
    StringBuilder sb = new StringBuilder("env,a,b,n_pairs");
    for (String m : List.of("final", "auc")) {
      for (String kind : List.of("paired", "unpaired")) {
        sb.append(String.format(Locale.ROOT, ",%1$s_%2$s_diff,%1$s_%2$s_ci_low,%1$s_%2$s_ci_high",
            m, kind));
      }
    }
    sb.append('\n');
    for (Comparison c : comparisons()) {
      sb.append(csv(c.env())).append(',').append(csv(c.a())).append(',').append(csv(c.b()))
          .append(',').append(c.pairs());
      for (Bootstrap.Interval i : List.of(c.finalPaired(), c.finalUnpaired(), c.aucPaired(),
          c.aucUnpaired())) {
        sb.append(String.format(Locale.ROOT, ",%s,%s,%s", i.mean(), i.lower(), i.upper()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Per group, the mean over its done runs of another column of the training rows (e.g. {@code
   * eff_components}, {@code max_weight}) against step, with a 95% bootstrap band; groups whose
   * runs do not log the column (a Gaussian's mixture diagnostics) are left out.
   */
  public Map<Group, MeanCurve> trainingColumn(Sweep sweep, String column) throws IOException {
    Map<Group, MeanCurve> out = new LinkedHashMap<>();
    RandomStream rng = RandomStream.of(BOOTSTRAP_SEED + 2);
    for (Group g : groups) {
      List<Curve> curves = new ArrayList<>();
      for (String id : g.runIds()) {
        Path metrics = sweep.runDir(id).resolve(Sweep.OUT_DIR).resolve("metrics.csv");
        try {
          curves.add(Curve.read(metrics, "train", column));
        } catch (IOException e) {
          curves.clear(); // no such rows: a group is shown whole or not at all
          break;
        }
      }
      if (!curves.isEmpty()) {
        out.put(g, MeanCurve.of(curves, rng.split()));
      }
    }
    return out;
  }

  /** Mean over runs of curves, at every run's steps where all runs have data. */
  public record MeanCurve(double[] steps, List<Bootstrap.Interval> values) {
    static MeanCurve of(List<Curve> curves, RandomStream rng) {
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      TreeSet<Double> stepSet = new TreeSet<>();
      for (Curve c : curves) {
        lo = Math.max(lo, c.steps()[0]);
        hi = Math.min(hi, c.steps()[c.steps().length - 1]);
        for (double s : c.steps()) {
          stepSet.add(s);
        }
      }
      List<Double> steps = new ArrayList<>();
      for (double s : stepSet) {
        if (s >= lo && s <= hi) {
          steps.add(s);
        }
      }
      List<Bootstrap.Interval> values = new ArrayList<>();
      double[] at = new double[curves.size()];
      for (double s : steps) {
        for (int i = 0; i < curves.size(); i++) {
          at[i] = curves.get(i).at(s);
        }
        values.add(Bootstrap.meanInterval(at, LEVEL, CURVE_RESAMPLES, rng.split()));
      }
      return new MeanCurve(steps.stream().mapToDouble(Double::doubleValue).toArray(), values);
    }
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
