package org.mixrl.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.Interrupts;

/**
 * Maxima of J_alpha followed as alpha grows. At the first alpha of the grid, every distinct
 * local maximum found from the structured and random {@link Starts} opens a branch; each branch
 * is then carried to the next alpha by Newton polishes warm-started at its previous point, in
 * steps of at most {@code maxStep}, halved on failure down to {@code minStep}. A branch ends at
 * the last alpha where it was still a local maximum, and the end is classified:
 *
 * <ul>
 *   <li>{@link End#FOLD}: the top Hessian eigenvalue is going to 0 at the end: near a fold
 *       lambda^2 is linear in alpha, and the line through the last two accepted points reaches
 *       0 within four failed steps of the end (or lambda has shrunk to under 20% of its size
 *       where the branch started): the maximum merged with a saddle and vanished;
 *   <li>{@link End#ESCAPE}: no fold, and the next step's polish ran off (a scale or a mean
 *       passed its bound);
 *   <li>{@link End#LOST}: neither (the polish landed on another point; a smaller minStep may
 *       follow it further), or the branch was nearly flat from its start (top eigenvalue above
 *       -1e-3), where a vanishing eigenvalue says nothing;
 *   <li>{@link End#ALIVE}: still a maximum at the last alpha of the grid.
 * </ul>
 *
 * <p>At each later grid alpha the structured starts are searched again, so a maximum that is
 * born at larger alpha opens its own branch. A search that found no maximum has not shown that
 * none exists; the result keeps the counts of diverged starts as evidence.
 */
public final class Continuation {
  private Continuation() {}

  /** How a branch ended. */
  public enum End {
    ALIVE,
    FOLD,
    ESCAPE,
    LOST
  }

  /**
   * Settings.
   *
   * @param maxStep largest alpha step between polishes
   * @param minStep smallest alpha step before a branch is declared ended (the end's resolution)
   * @param search settings of the searches and polishes ({@code starts} random starts at the
   *     first alpha)
   * @param freshStarts whether to search the structured starts again at every grid alpha
   */
  public record Settings(
      double maxStep, double minStep, StationaryPoints.Settings search, boolean freshStarts) {
    public Settings {
      if (!(minStep > 0) || !(maxStep >= minStep) || !Double.isFinite(maxStep)) {
        throw new IllegalArgumentException("Continuation.Settings: need 0 < minStep <= maxStep"
            + " < infinity, got minStep=" + minStep + " maxStep=" + maxStep);
      }
    }

    /**
     * Steps of at most 0.05 in alpha, ends resolved to 1e-3, 32 random starts, 600 ascent and
     * 40 Newton iterations per search, |grad J| ≤ 1e-7, structured starts at every alpha.
     */
    public static Settings defaults() {
      return new Settings(0.05, 1e-3,
          new StationaryPoints.Settings(32, 0L, 600, 40, 1e-7, 8.0, 1e3, 1e-6), true);
    }

    public Settings withRandomStarts(int n) {
      return new Settings(maxStep, minStep, search.withStarts(n), freshStarts);
    }

    public Settings withMaxStep(double step) {
      return new Settings(step, minStep, search, freshStarts);
    }
  }

  /** A maximum at one alpha of the grid. */
  public record Step(double alpha, StationaryPoints.Point point) {}

  /**
   * One followed maximum.
   *
   * @param startAlpha grid alpha where it was first found
   * @param steps the maximum at each grid alpha it reached
   * @param end how it ended
   * @param endAlpha the last alpha (grid or intermediate) where it was a maximum
   * @param evidence a sentence: the top eigenvalue at the end and what the next step did
   * @param last the maximum at {@code endAlpha}
   */
  public record Branch(
      double startAlpha, List<Step> steps, End end, double endAlpha, String evidence,
      StationaryPoints.Point last) {
    /** The maximum of this branch at grid alpha {@code alpha}, if it was alive there. */
    public Optional<StationaryPoints.Point> at(double alpha) {
      return steps.stream().filter(s -> s.alpha() == alpha).map(Step::point).findFirst();
    }
  }

  /**
   * The branches of one (class, K) over the alpha grid.
   *
   * @param divergedStarts per grid alpha, how many searches from fresh starts diverged
   * @param freshStarts per grid alpha, how many fresh starts were searched
   */
  public record Result(
      PolicyClass policyClass,
      int components,
      double[] alphas,
      List<Branch> branches,
      int[] divergedStarts,
      int[] freshStarts) {
    /** The best (highest-J) maximum among the branches alive at grid alpha index i. */
    public Optional<StationaryPoints.Point> best(int i) {
      StationaryPoints.Point best = null;
      for (Branch b : branches) {
        StationaryPoints.Point p = b.at(alphas[i]).orElse(null);
        if (p != null && (best == null || p.objective() > best.objective())) {
          best = p;
        }
      }
      return Optional.ofNullable(best);
    }

    /**
     * The largest alpha at which some branch is still a maximum; +infinity if one is alive at
     * the end of the grid, NaN if there was no branch at all.
     */
    public double lastMaximumEnds() {
      double last = Double.NaN;
      for (Branch b : branches) {
        double e = b.end() == End.ALIVE ? Double.POSITIVE_INFINITY : b.endAlpha();
        last = Double.isNaN(last) ? e : Math.max(last, e);
      }
      return last;
    }
  }

  /** Checks that {@code alphas} is a non-empty, strictly increasing grid of finite alphas > 0. */
  public static void checkGrid(double[] alphas) {
    if (alphas.length == 0) {
      throw new IllegalArgumentException("continuation: the alpha grid is empty");
    }
    for (int i = 0; i < alphas.length; i++) {
      if (!(alphas[i] > 0) || Double.isInfinite(alphas[i])) {
        throw new IllegalArgumentException("continuation: alpha[" + i + "] = " + alphas[i]
            + "; every alpha must be finite and > 0");
      }
      if (i > 0 && !(alphas[i] > alphas[i - 1])) {
        throw new IllegalArgumentException("continuation: alpha[" + i + "] = " + alphas[i]
            + " is not above alpha[" + (i - 1) + "] = " + alphas[i - 1]
            + "; the grid must be strictly increasing");
      }
    }
  }

  /** Follows the maxima of J_alpha for (class, K) over {@code alphas}. */
  public static Result run(
      Reward reward, PolicyClass c, int k, double[] alphas, Settings s) {
    checkGrid(alphas);
    int[] diverged = new int[alphas.length];
    int[] fresh = new int[alphas.length];
    List<Growing> branches = new ArrayList<>();
    for (int i = 0; i < alphas.length; i++) {
      double alpha = alphas[i];
      ExactObjective j = new ExactObjective(reward, c, k, alpha);
      if (i > 0) {
        for (Growing b : branches) {
          if (b.end == null) {
            b.advanceTo(reward, c, k, alpha, s);
          }
        }
      }
      List<double[]> starts = i == 0
          ? Starts.all(j, s.search().starts(), s.search().seed())
          : s.freshStarts() ? Starts.structured(j) : List.of();
      fresh[i] = starts.size();
      for (int st = 0; st < starts.size(); st++) {
        int done = st;
        Interrupts.check(() -> "in the stationary-point search on " + j + ": fresh start "
            + (done + 1) + " of " + starts.size());
        StationaryPoints.Point p = StationaryPoints.fromStart(j, starts.get(st), s.search());
        if (p.type() == StationaryPoints.Type.DIVERGED) {
          diverged[i]++;
        }
        if (!p.isLocalMaximum(s.search().eigenvalueTolerance())) {
          continue;
        }
        boolean known = false;
        for (Growing b : branches) {
          StationaryPoints.Point q = b.current;
          if (b.currentAlpha == alpha && (b.end == null || b.endAlpha == alpha)
              && StationaryPoints.samePolicy(p, q)) {
            known = true;
            break;
          }
        }
        if (!known) {
          branches.add(new Growing(alpha, p));
        }
      }
    }
    List<Branch> out = new ArrayList<>();
    for (Growing b : branches) {
      out.add(b.finish());
    }
    return new Result(c, c.mixture() ? k : 1, alphas.clone(), out, diverged, fresh);
  }

  /** A branch being followed. */
  private static final class Growing {
    final double startAlpha;
    final List<Step> steps = new ArrayList<>();
    final double firstTop;
    double previousAlpha = Double.NaN;
    double previousTop = Double.NaN;
    StationaryPoints.Point current;
    double currentAlpha;
    End end;
    double endAlpha;
    String evidence = "";

    Growing(double alpha, StationaryPoints.Point p) {
      startAlpha = alpha;
      current = p;
      currentAlpha = alpha;
      firstTop = top(p);
      steps.add(new Step(alpha, p));
    }

    void advanceTo(Reward reward, PolicyClass c, int k, double target, Settings s) {
      double step = Math.min(s.maxStep(), target - currentAlpha);
      StationaryPoints.Point failed = null;
      double failedAlpha = Double.NaN;
      while (currentAlpha < target) {
        double next = target - currentAlpha <= step * (1 + 1e-9) ? target : currentAlpha + step;
        ExactObjective j = new ExactObjective(reward, c, k, next);
        StationaryPoints.Point p = StationaryPoints.polish(j, current.theta(), s.search());
        if (p.isLocalMaximum(s.search().eigenvalueTolerance())
            && near(p, current, j.logitCount())) {
          previousAlpha = currentAlpha;
          previousTop = top(current);
          current = p;
          currentAlpha = next;
          step = Math.min(s.maxStep(), step * 2);
          continue;
        }
        failed = p;
        failedAlpha = next;
        step /= 2;
        if (step < s.minStep()) {
          end(failed, failedAlpha, 2 * step);
          return;
        }
      }
      steps.add(new Step(target, current));
    }

    private void end(StationaryPoints.Point failed, double failedAlpha, double lastStep) {
      endAlpha = currentAlpha;
      double t = top(current);
      // lambda^2 linear in alpha near a fold: where does the line through the last two hit 0?
      double slope = (t * t - previousTop * previousTop) / (currentAlpha - previousAlpha);
      double zeroAt = slope < 0 ? currentAlpha - t * t / slope : Double.POSITIVE_INFINITY;
      // a branch that was nearly flat from its start (|lambda| < 1e-3: a vanishing weight, two
      // near-identical components) has no curvature to lose: its end is not read as a fold
      boolean flat = !(Math.abs(firstTop) >= 1e-3);
      boolean fold = !flat && ((firstTop < 0 && t > 0.2 * firstTop)
          || zeroAt - currentAlpha <= 4 * lastStep);
      boolean ran = failed.type() == StationaryPoints.Type.DIVERGED;
      end = fold ? End.FOLD : ran ? End.ESCAPE : End.LOST;
      double sigmaMax = Arrays.stream(current.stds()).max().orElse(Double.NaN);
      evidence = String.format(Locale.ROOT,
          "top eigenvalue %.4g at alpha = %.4g (%.4g at alpha = %.4g, %.4g at alpha = %.4g;"
              + " lambda^2 extrapolates to 0 at alpha = %.4g); largest sigma %.4g; the polish at"
              + " alpha = %.4g ended %s%s", t, currentAlpha, firstTop, startAlpha, previousTop,
          previousAlpha, zeroAt, sigmaMax, failedAlpha, failed.type(),
          failed.evidence().isEmpty() ? "" : ": " + failed.evidence());
    }

    Branch finish() {
      if (end == null) {
        return new Branch(startAlpha, List.copyOf(steps), End.ALIVE, currentAlpha,
            String.format(Locale.ROOT, "still a maximum at alpha = %.4g (top eigenvalue %.4g)",
                currentAlpha, top(current)), current);
      }
      return new Branch(startAlpha, List.copyOf(steps), end, endAlpha, evidence, current);
    }

    /** A continuous move: no parameter (logits after removing their mean) moved by > 1. */
    private static boolean near(StationaryPoints.Point p, StationaryPoints.Point q, int logits) {
      double[] a = p.theta();
      double[] b = q.theta();
      double ma = Arrays.stream(a, 0, logits).average().orElse(0);
      double mb = Arrays.stream(b, 0, logits).average().orElse(0);
      for (int i = 0; i < a.length; i++) {
        double d = i < logits ? (a[i] - ma) - (b[i] - mb) : a[i] - b[i];
        if (Math.abs(d) > 1.0) {
          return false;
        }
      }
      return true;
    }

    private static double top(StationaryPoints.Point p) {
      double[] e = p.eigenvalues();
      return e.length == 0 ? Double.NaN : e[e.length - 1];
    }
  }
}
