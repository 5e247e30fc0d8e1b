package org.mixrl.theory;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.IndicatorReward;
import org.mixrl.bandit.Reward;
import org.mixrl.tensor.Interrupts;

/**
 * The entropy threshold of Gaussian policies on the line (estimators-and-theory.md, section 4).
 *
 * <p>For J(mu, sigma) = E[r(mu + sigma e)] + alpha (0.5 log(2 pi e) + log sigma),
 *
 * <pre>dJ/d log sigma = S(mu, sigma) + alpha,   S(mu, sigma) = E[r(mu + sigma e)(e^2 - 1)].</pre>
 *
 * No stationary point exists when alpha exceeds alpha*_G(r) = sup_{mu, sigma} -S(mu, sigma), and
 * alpha*_G(r) ≤ 2 phi(1) (r_max - r_min) for every reward bounded by [r_min, r_max].
 */
public final class GaussianThreshold {
  /** 2 phi(1) = 2 exp(-1/2) / sqrt(2 pi) = 0.48394144903828673. */
  public static final double TWO_PHI_ONE = 2 * Math.exp(-0.5) / Math.sqrt(2 * Math.PI);

  /** Gauss-Hermite resolves features down to this fraction of sigma; below, composite rules. */
  static final double GAUSS_HERMITE_MIN_RATIO = 0.5;

  private static final GaussHermite[] RULES = new GaussHermite[181];

  private GaussianThreshold() {}

  /**
   * alpha*_G(r) with the (mu, sigma) attaining it, and the universal bound for comparison.
   *
   * @param alphaStar sup over (mu, sigma) of -S(mu, sigma)
   * @param mu the maximising mean
   * @param sigma the maximising standard deviation
   * @param universalBound 2 phi(1) (r_max - r_min)
   */
  public record Result(double alphaStar, double mu, double sigma, double universalBound) {
    /** alpha* as a fraction of the universal bound (1 means the bound is tight for r). */
    public double tightness() {
      return alphaStar / universalBound;
    }
  }

  /** 2 phi(1) (r_max - r_min). */
  public static double universalBound(Reward r) {
    return TWO_PHI_ONE * (r.upperBound() - r.lowerBound());
  }

  /** dJ/d log sigma = S(mu, sigma) + alpha. */
  public static double logSigmaDerivative(Reward r, double alpha, double mu, double sigma) {
    return score(r, mu, sigma) + alpha;
  }

  /**
   * S(mu, sigma) = E[r(mu + sigma e)(e^2 - 1)], e ~ N(0, 1). Closed forms for the indicator and
   * for bumps; otherwise {@link #quadratureScore quadrature}.
   */
  public static double score(Reward r, double mu, double sigma) {
    checkArguments(r, mu, sigma);
    if (r instanceof IndicatorReward ind) {
      return ind.logSigmaScore(mu, sigma);
    }
    if (r instanceof BumpsReward bumps) {
      // one exp per bump instead of one per bump and node: 200 bumps, or a bump 1e4 times
      // narrower than the focus range, made the quadrature's search take minutes
      return bumps.logSigmaScore(mu, sigma);
    }
    return quadratureScore(r, mu, sigma);
  }

  private static void checkArguments(Reward r, double mu, double sigma) {
    if (r.dim() != 1) {
      throw new IllegalArgumentException(
          "GaussianThreshold: the reward must be 1-D, got dim " + r.dim());
    }
    if (!(sigma > 0) || !Double.isFinite(sigma) || !Double.isFinite(mu)) {
      throw new IllegalArgumentException(
          "GaussianThreshold: need finite mu and sigma > 0, got mu=" + mu + " sigma=" + sigma);
    }
  }

  /**
   * S by quadrature, for any 1-D reward: Gauss-Hermite with n = clamp((2 pi / (W/sigma))^2, 64,
   * 180) nodes (its central node spacing pi/sqrt(n) is then at most half the feature width W in
   * e-units; at spacing = W the error is still ~1e-8, at W/2 below 1e-11) while W/sigma >= 0.5,
   * and beyond that a composite Gauss-Legendre rule in a-space that is fine only where r varies.
   */
  static double quadratureScore(Reward r, double mu, double sigma) {
    checkArguments(r, mu, sigma);
    double ratio = r.featureScale() / sigma;
    if (ratio >= GAUSS_HERMITE_MIN_RATIO) {
      GaussHermite q = rule(ratio);
      double s = 0;
      for (int i = 0; i < q.size(); i++) {
        double e = q.node(i);
        s += q.weight(i) * r.value(mu + sigma * e) * (e * e - 1);
      }
      return s;
    }
    double[] focus = r.focusRange();
    List<LineRule.Window> windows = new ArrayList<>();
    windows.add(LineRule.Window.around(mu, sigma, 8.5));
    windows.add(new LineRule.Window(focus[0], focus[1], r.featureScale()));
    LineRule rule = LineRule.covering(windows, 20_000);
    double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
    return rule.integrate(
        a -> {
          double e = (a - mu) / sigma;
          double tail = e * e > 1600 ? 0.0 : Math.exp(-0.5 * e * e) * norm;
          return tail == 0.0 ? 0.0 : r.value(a) * (e * e - 1) * tail;
        });
  }

  private static synchronized GaussHermite rule(double ratio) {
    int n = (int) Math.ceil(Math.pow(2 * Math.PI / ratio, 2));
    n = Math.min(180, Math.max(64, 16 * ((n + 15) / 16))); // few distinct rules to cache
    if (RULES[n] == null) {
      RULES[n] = GaussHermite.of(n);
    }
    return RULES[n];
  }

  /**
   * One point of the threshold curve: {@code maxMinusS} = max over mu of -S(mu, sigma) at this
   * sigma, attained at {@code argmaxMu}. alpha*_G is the maximum of the curve over sigma.
   */
  public record CurvePoint(double sigma, double maxMinusS, double argmaxMu) {}

  /**
   * The curve behind alpha*_G: for each sigma, max over mu of -S(mu, sigma), by a grid of 161
   * means over the reward's focus range widened by 0.5 on each side, refined by golden-section
   * search around the best grid mean.
   */
  public static List<CurvePoint> curve(Reward r, double[] sigmas) {
    double[] focus = r.focusRange();
    double lo = focus[0] - 0.5;
    double span = focus[1] - focus[0] + 1;
    List<CurvePoint> out = new ArrayList<>();
    for (double sigma : sigmas) {
      if (!(sigma > 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException(
            "GaussianThreshold.curve: sigma must be finite and > 0, got " + sigma);
      }
      Interrupts.check(() -> "in the threshold curve of " + r + " at sigma = " + sigma);
      double best = Double.NEGATIVE_INFINITY;
      double arg = lo;
      for (int i = 0; i <= 160; i++) {
        double mu = lo + span * i / 160.0;
        double v = -score(r, mu, sigma);
        if (v > best) {
          best = v;
          arg = mu;
        }
      }
      // golden section on [arg - h, arg + h]: -S is smooth in mu at fixed sigma
      double h = span / 160.0;
      double a = arg - h;
      double b = arg + h;
      double g = (Math.sqrt(5) - 1) / 2;
      double c = b - g * (b - a);
      double d = a + g * (b - a);
      double fc = -score(r, c, sigma);
      double fd = -score(r, d, sigma);
      for (int it = 0; it < 40; it++) {
        if (fc > fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - g * (b - a);
          fc = -score(r, c, sigma);
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + g * (b - a);
          fd = -score(r, d, sigma);
        }
      }
      double mu = 0.5 * (a + b);
      double v = -score(r, mu, sigma);
      if (v > best) {
        best = v;
        arg = mu;
      }
      out.add(new CurvePoint(sigma, best, arg));
    }
    return out;
  }

  /** Receives the progress of {@link #compute(Reward, Progress)}. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} units (grid rows, then local searches) are finished. */
    void update(int done, int total);
  }

  /** S as a function of the reward, so that the search can run on either way of computing it. */
  @FunctionalInterface
  interface Score {
    double of(Reward r, double mu, double sigma);
  }

  /** {@link #compute(Reward, Progress)} without progress reports. */
  public static Result compute(Reward r) {
    return compute(r, null);
  }

  /**
   * alpha*_G(r) by a grid over mu in the reward's focus range (121 points) and log sigma from
   * W/20 to 20 times the range (81 points), plus, for bumps, each bump's own optimum (mu = C,
   * sigma = sqrt(2) W), then Nelder-Mead on (mu, log sigma) from the five best of these points.
   *
   * @param progress called after each grid row and each local search; may be null
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (checked
   *     per grid row and per Nelder-Mead iteration)
   */
  public static Result compute(Reward r, Progress progress) {
    return search(r, GaussianThreshold::score, progress);
  }

  /** The search of {@link #compute(Reward, Progress)} with a given S. */
  static Result search(Reward r, Score score, Progress progress) {
    double[] focus = r.focusRange();
    double w = r.featureScale();
    double span = Math.max(focus[1] - focus[0], w);
    double logLo = Math.log(w / 20);
    double logHi = Math.log(20 * span);
    int nm = 121;
    int ns = 81;
    int starts = 5;
    int total = nm + starts;
    List<double[]> candidates = new ArrayList<>(nm * ns);
    String task = "the Gaussian threshold of " + r;
    for (int i = 0; i < nm; i++) {
      int row = i;
      Interrupts.check(() -> "in " + task + ": grid row " + row + " of " + nm);
      double mu = focus[0] + (focus[1] - focus[0]) * i / (nm - 1);
      for (int j = 0; j < ns; j++) {
        double ls = logLo + (logHi - logLo) * j / (ns - 1);
        candidates.add(new double[] {-score.of(r, mu, Math.exp(ls)), mu, ls});
      }
      report(progress, i + 1, total);
    }
    if (r instanceof BumpsReward bumps) {
      // A lone bump's -S peaks at mu = C, sigma = sqrt(2) W (docs/theory.md, section 1). The
      // grid's mean spacing is the focus range / 120, which misses a bump much narrower than
      // that (bumps:1@0/0.01,0.5@100/0.3 gave the wide bump's 0.19 instead of 0.385).
      for (int i = 0; i < bumps.bumps(); i++) {
        double mu = bumps.centre(i)[0];
        double ls = Math.log(Math.sqrt(2) * bumps.width(i));
        candidates.add(new double[] {-score.of(r, mu, Math.exp(ls)), mu, ls});
      }
    }
    candidates.sort((a, b) -> Double.compare(b[0], a[0]));
    double[] best = candidates.get(0);
    double step = 2 * Math.max((focus[1] - focus[0]) / (nm - 1), (logHi - logLo) / (ns - 1));
    for (int s = 0; s < starts; s++) {
      double[] start = candidates.get(s);
      double[] p = NelderMead.maximize(
          x -> -score.of(r, x[0], Math.exp(Math.max(-300, Math.min(300, x[1])))),
          new double[] {start[1], start[2]},
          step,
          1e-14,
          2000,
          task + ", start " + (s + 1) + " of " + starts);
      double v = -score.of(r, p[0], Math.exp(p[1]));
      if (v > best[0]) {
        best = new double[] {v, p[0], p[1]};
      }
      report(progress, nm + s + 1, total);
    }
    return new Result(best[0], best[1], Math.exp(best[2]), universalBound(r));
  }

  private static void report(Progress progress, int done, int total) {
    if (progress != null) {
      progress.update(done, total);
    }
  }
}
