package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.estimator.Baseline;
import org.mixrl.estimator.EstimatorOptions;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;

/**
 * The MRP-vs-LR map: log(Var_MRP / Var_LR) of one batch's gradient estimate over a grid of
 * reward width W/sigma, entropy scale alpha, component separation, number of components K and
 * batch size B, each cell with its standard error, against LR with one draw per state and
 * against equal-cost LR (K draws per state, as many critic evaluations as MRP).
 *
 * <p>The family: a GM_K policy with equal weights, every sigma_k = e^-0.5 and means spaced
 * {@code separation * sigma} apart, centred at 0; the two-bump reward 1.0 at a = 1 and 0.8 at
 * a = -1, both of width W = (W/sigma) * sigma (W/sigma = 0.5 is the two-bump reward of the
 * docs). Total variance is the sum over the 3K parameters of each parameter's variance. LR uses
 * the unbiased leave-one-out baseline over the other draws of the batch; MRP one draw per
 * component.
 *
 * <p>Each cell is one {@link VarianceComparison} with the map's seed (its seed rule: one stream
 * per estimator name), so a cell equals a direct {@code mixrl variance} run with the same
 * settings, and neighbouring cells share random numbers (trends along an axis are paired).
 * The standard error of log V is the delta method: V is the mean over repeats of D_r = sum_j
 * (g_rj - mean_j)^2 (times R / (R - 1)), so SE(log V) = sd(D) / (sqrt(R) mean(D)); MRP and LR
 * use independent streams, so the SEs of their logs add in quadrature. Each cell also carries
 * the exact variances from {@link ExactEstimatorVariance}.
 */
public final class VarianceMap {
  /** sigma of every component: e^-0.5, as in the docs' contract command. */
  public static final double LOG_STD = -0.5;

  /** How the axes other than alpha combine. */
  public enum Design {
    /** The base setting plus each other value of one axis with the rest at base. */
    STAR,
    /** Every combination. */
    FULL;

    /** Parses star or full (any case). */
    public static Design parse(String s) {
      for (Design d : values()) {
        if (d.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
          return d;
        }
      }
      throw new IllegalArgumentException("design '" + s + "' is not one of star, full");
    }
  }

  /** One point of the non-alpha axes. */
  public record Setting(double widthRatio, double separation, int components, int batch) {
    /** "W/σ=0.5 sep=2σ K=3 B=32". */
    public String label() {
      return "W/σ=" + num(widthRatio) + " sep=" + num(separation) + "σ K=" + components
          + " B=" + batch;
    }
  }

  /**
   * The grid: axis values, the base point of the star design (each must be one of its axis's
   * values), repeats per estimator and cell, and the seed.
   */
  public record Grid(
      double[] alphas,
      double[] widthRatios,
      double[] separations,
      int[] components,
      int[] batches,
      Setting base,
      Design design,
      int repeats,
      long seed) {
    public Grid {
      alphas = positiveIncreasing("alphas", alphas, 10, 0);
      widthRatios = positiveIncreasing("width ratios W/sigma", widthRatios, 64, 0);
      separations = positiveIncreasing("separations", separations, 64, 0);
      components = intsIn("components K", components, 2, 16);
      batches = intsIn("batch sizes B", batches, 2, 4096);
      if (base == null || !contains(widthRatios, base.widthRatio())
          || !contains(separations, base.separation())
          || Arrays.stream(components).noneMatch(v -> v == base.components())
          || Arrays.stream(batches).noneMatch(v -> v == base.batch())) {
        throw new IllegalArgumentException("base setting " + (base == null ? "null"
            : base.label()) + " must take one value of each axis");
      }
      if (design == null) {
        throw new IllegalArgumentException("design must be star or full, got null");
      }
      if (repeats < 10) {
        throw new IllegalArgumentException("repeats must be >= 10, got " + repeats);
      }
    }

    /** The settings of the non-alpha axes, base first. */
    public List<Setting> settings() {
      List<Setting> out = new ArrayList<>();
      out.add(base);
      if (design == Design.FULL) {
        for (double wr : widthRatios) {
          for (double sep : separations) {
            for (int k : components) {
              for (int b : batches) {
                Setting s = new Setting(wr, sep, k, b);
                if (!s.equals(base)) {
                  out.add(s);
                }
              }
            }
          }
        }
        return out;
      }
      for (double wr : widthRatios) {
        addIfNew(out, new Setting(wr, base.separation(), base.components(), base.batch()));
      }
      for (double sep : separations) {
        addIfNew(out, new Setting(base.widthRatio(), sep, base.components(), base.batch()));
      }
      for (int k : components) {
        addIfNew(out, new Setting(base.widthRatio(), base.separation(), k, base.batch()));
      }
      for (int b : batches) {
        addIfNew(out, new Setting(base.widthRatio(), base.separation(), base.components(), b));
      }
      return out;
    }

    /** Cells in the map: settings times alphas. */
    public int cellCount() {
      return settings().size() * alphas.length;
    }

    /** The same grid with another seed. */
    public Grid withSeed(long s) {
      return new Grid(alphas, widthRatios, separations, components, batches, base, design,
          repeats, s);
    }

    /** The same grid with another number of repeats. */
    public Grid withRepeats(int r) {
      return new Grid(alphas, widthRatios, separations, components, batches, base, design, r,
          seed);
    }

    private static void addIfNew(List<Setting> out, Setting s) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
  }

  /** The full star grid: 13 settings x 8 alphas, 2000 repeats (about a CPU-minute). */
  public static Grid full() {
    return new Grid(new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2},
        new double[] {0.25, 0.5, 1, 2, 4}, new double[] {0.5, 1, 2, 4}, new int[] {2, 3, 5, 8},
        new int[] {8, 32, 128}, new Setting(0.5, 2, 3, 32), Design.STAR, 2000, 1);
  }

  /** A quick grid for tests and notebooks (seconds): 2 settings x 3 alphas, 100 repeats. */
  public static Grid quick() {
    return new Grid(new double[] {0.05, 0.5, 2}, new double[] {0.5, 2}, new double[] {2},
        new int[] {3}, new int[] {32}, new Setting(0.5, 2, 3, 32), Design.STAR, 100, 1);
  }

  /** One measured estimator in one cell: total variance, SE of its log, and the exact value. */
  public record Measured(double variance, double logStdError, double exact) {}

  /**
   * The exact alpha^2 coefficients of a setting's total variances (quadrature): LR with one
   * draw per state (N = B), MRP, and the factor E[|grad log pi|^2] Var[log pi] / B that LR's
   * coefficient is close to when the score's size and log pi are nearly independent.
   */
  public record Alpha2(double lr, double mrp, double scoreVarLogPiPerBatch) {}

  /** One cell: the setting, alpha, MRP, LR (one draw per state) and equal-cost LR. */
  public record Cell(Setting setting, double alpha, Measured mrp, Measured lr,
      Measured lrEqualCost, Alpha2 alpha2) {
    /** log(Var_MRP / Var_LR), natural log. */
    public double logRatio() {
      return Math.log(mrp.variance() / lr.variance());
    }

    /** Its standard error (delta method; independent streams). */
    public double logRatioStdError() {
      return Math.hypot(mrp.logStdError(), lr.logStdError());
    }

    /** log(Var_MRP / Var_LR at equal cost). */
    public double logRatioEqualCost() {
      return Math.log(mrp.variance() / lrEqualCost.variance());
    }

    public double logRatioEqualCostStdError() {
      return Math.hypot(mrp.logStdError(), lrEqualCost.logStdError());
    }

    /** The exact log ratios (quadrature), against LR and equal-cost LR. */
    public double exactLogRatio() {
      return Math.log(mrp.exact() / lr.exact());
    }

    public double exactLogRatioEqualCost() {
      return Math.log(mrp.exact() / lrEqualCost.exact());
    }
  }

  /** Progress: called after each cell with (done, total). */
  public interface Progress {
    void update(int done, int total);
  }

  private VarianceMap() {}

  /** The reward of a setting: two bumps at +-1 (heights 1.0, 0.8) of width (W/sigma) sigma. */
  public static BumpsReward rewardOf(Setting s) {
    double width = s.widthRatio() * Math.exp(LOG_STD);
    return BumpsReward.oneDimensional(1.0, 1.0, width, 0.8, -1.0, width);
  }

  /** Component means: K values {@code separation * sigma} apart, centred at 0. */
  public static double[] meansOf(Setting s) {
    int k = s.components();
    double spacing = s.separation() * Math.exp(LOG_STD);
    double[] mu = new double[k];
    for (int i = 0; i < k; i++) {
      mu[i] = (i - (k - 1) / 2.0) * spacing;
    }
    return mu;
  }

  /** The VarianceComparison setup of one cell (what {@code mixrl variance} would run). */
  public static VarianceComparison.Setup setupOf(Setting s, double alpha, int repeats,
      long seed) {
    int k = s.components();
    double[] ls = new double[k];
    Arrays.fill(ls, LOG_STD);
    PolicyLayout layout = new PolicyLayout(PolicyClass.GM, k, 1);
    return new VarianceComparison.Setup(rewardOf(s), layout,
        layout.pack(new double[k], meansOf(s), ls), alpha, s.batch(), repeats, seed);
  }

  /** MRP with one draw per component. */
  public static EstimatorSpec mrp() {
    return EstimatorSpec.of("mrp");
  }

  /** LR with {@code samples} draws per state and the batch leave-one-out baseline. */
  public static EstimatorSpec lr(int samples) {
    return new EstimatorSpec("lr", EstimatorOptions.defaults().withSamples(samples)
        .withBaseline(Baseline.batchLeaveOneOut()));
  }

  /** Runs every cell in order (settings, then alphas); {@code progress} may be null. */
  public static List<Cell> run(Grid grid, Progress progress) {
    List<Setting> settings = grid.settings();
    int total = settings.size() * grid.alphas().length;
    List<Cell> cells = new ArrayList<>(total);
    for (Setting s : settings) {
      int k = s.components();
      double[] ls = new double[k];
      Arrays.fill(ls, LOG_STD);
      ExactEstimatorVariance exact =
          new ExactEstimatorVariance(rewardOf(s), new double[k], meansOf(s), ls);
      ExactEstimatorVariance.Quadratic mrpExact = exact.marginalized(s.batch());
      ExactEstimatorVariance.Quadratic lrExact = exact.likelihoodRatio(s.batch());
      ExactEstimatorVariance.Quadratic lrKExact = exact.likelihoodRatio(s.batch() * k);
      Alpha2 a2 = new Alpha2(lrExact.c2(), mrpExact.c2(),
          exact.scoreWeightedLogDensityVariance() / s.batch());
      for (double alpha : grid.alphas()) {
        VarianceComparison cmp =
            new VarianceComparison(setupOf(s, alpha, grid.repeats(), grid.seed()));
        Measured m = measure(cmp, mrp(), grid.repeats(), mrpExact.at(alpha));
        Measured l = measure(cmp, lr(1), grid.repeats(), lrExact.at(alpha));
        Measured lk = measure(cmp, lr(k), grid.repeats(), lrKExact.at(alpha));
        cells.add(new Cell(s, alpha, m, l, lk, a2));
        if (progress != null) {
          progress.update(cells.size(), total);
        }
      }
    }
    return cells;
  }

  /**
   * The crossover of one setting: the smallest alpha of the grid from which on (that alpha and
   * every larger one) MRP's variance is below LR's by at least 2 SE; NaN when there is none.
   * {@code equalCost} compares with equal-cost LR instead.
   */
  public static double mrpLowerFrom(List<Cell> cells, Setting setting, boolean equalCost) {
    double from = Double.NaN;
    List<Cell> own = new ArrayList<>();
    for (Cell c : cells) {
      if (c.setting().equals(setting)) {
        own.add(c);
      }
    }
    own.sort((x, y) -> Double.compare(y.alpha(), x.alpha())); // largest alpha first
    for (Cell c : own) {
      double v = equalCost ? c.logRatioEqualCost() : c.logRatio();
      double se = equalCost ? c.logRatioEqualCostStdError() : c.logRatioStdError();
      if (!(v <= -2 * se)) {
        break;
      }
      from = c.alpha();
    }
    return from;
  }

  /** One estimator's total variance with the delta-method SE of its log. */
  static Measured measure(VarianceComparison cmp, EstimatorSpec spec, int repeats,
      double exact) {
    double[][] g = new double[repeats][];
    VarianceComparison.Result result = cmp.measure(spec, null, (r, grad) -> g[r] = grad);
    return new Measured(result.totalVariance(), logStdError(g), exact);
  }

  /** SE of log(total variance) from the repeats' gradients g[r][j] (delta method). */
  static double logStdError(double[][] g) {
    int n = g.length;
    int p = g[0].length;
    double[] mean = new double[p];
    for (double[] row : g) {
      for (int j = 0; j < p; j++) {
        mean[j] += row[j] / n;
      }
    }
    double sum = 0;
    double sumSq = 0;
    for (double[] row : g) {
      double d = 0;
      for (int j = 0; j < p; j++) {
        double e = row[j] - mean[j];
        d += e * e;
      }
      sum += d;
      sumSq += d * d;
    }
    double m = sum / n;
    double var = (sumSq - n * m * m) / (n - 1);
    return Math.sqrt(Math.max(var, 0) / n) / m;
  }

  /** The CSV header of {@link #csv}. */
  public static final String CSV_HEADER = "width_ratio,separation,components,batch,alpha,"
      + "var_mrp,se_log_mrp,exact_mrp,var_lr,se_log_lr,exact_lr,var_lr_equal_cost,"
      + "se_log_lr_equal_cost,exact_lr_equal_cost,log_ratio,se_log_ratio,exact_log_ratio,"
      + "log_ratio_equal_cost,se_log_ratio_equal_cost,exact_log_ratio_equal_cost,"
      + "exact_lr_alpha2,exact_mrp_alpha2,score_var_log_pi_per_batch";

  /** The cells as CSV (Double.toString: the shortest text that reads back to the same double). */
  public static String csv(List<Cell> cells) {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (Cell c : cells) {
      Setting s = c.setting();
      join(sb, s.widthRatio(), s.separation(), s.components(), s.batch(), c.alpha(),
          c.mrp().variance(), c.mrp().logStdError(), c.mrp().exact(),
          c.lr().variance(), c.lr().logStdError(), c.lr().exact(),
          c.lrEqualCost().variance(), c.lrEqualCost().logStdError(), c.lrEqualCost().exact(),
          c.logRatio(), c.logRatioStdError(), c.exactLogRatio(),
          c.logRatioEqualCost(), c.logRatioEqualCostStdError(), c.exactLogRatioEqualCost(),
          c.alpha2().lr(), c.alpha2().mrp(), c.alpha2().scoreVarLogPiPerBatch());
    }
    return sb.toString();
  }

  private static void join(StringBuilder sb, Object... values) {
    for (int i = 0; i < values.length; i++) {
      sb.append(i > 0 ? "," : "").append(values[i]);
    }
    sb.append('\n');
  }

  private static double[] positiveIncreasing(String what, double[] v, double max, double min) {
    if (v == null || v.length == 0) {
      throw new IllegalArgumentException(what + " must list at least one value");
    }
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] > min) || !(v[i] <= max)) {
        throw new IllegalArgumentException(what + ": " + v[i] + " is outside the allowed ("
            + num(min) + ", " + num(max) + "]");
      }
      if (i > 0 && !(v[i] > v[i - 1])) {
        throw new IllegalArgumentException(what + " must be strictly increasing, got "
            + num(v[i - 1]) + " then " + num(v[i]));
      }
    }
    return v.clone();
  }

  private static int[] intsIn(String what, int[] v, int min, int max) {
    if (v == null || v.length == 0) {
      throw new IllegalArgumentException(what + " must list at least one value");
    }
    for (int i = 0; i < v.length; i++) {
      if (v[i] < min || v[i] > max) {
        throw new IllegalArgumentException(
            what + ": " + v[i] + " is outside the allowed " + min + ".." + max);
      }
      if (i > 0 && v[i] <= v[i - 1]) {
        throw new IllegalArgumentException(
            what + " must be strictly increasing, got " + v[i - 1] + " then " + v[i]);
      }
    }
    return v.clone();
  }

  private static boolean contains(double[] v, double x) {
    return Arrays.stream(v).anyMatch(y -> y == x);
  }

  /** Shortest readable form: 2 not 2.0, 0.25 as is. */
  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
