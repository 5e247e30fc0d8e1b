package org.mixrl.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;

/**
 * How much reward each policy class keeps as the entropy scale alpha grows: for each (class, K)
 * the maxima of the exact objective are followed by {@link Continuation} over an alpha grid, and
 * at each alpha the best local maximum J* and E_{pi*}[r] there are reported, with the alpha at
 * which the class's last maximum ends.
 *
 * <p>On the line J is unbounded above (alpha log sigma grows without limit), so J* is always
 * the best <em>local</em> maximum; where no branch is alive the entry is not attained and its
 * values are NaN. That is a finding of the search, not a proof that no maximum exists.
 */
public final class EntropyRobustness {
  private EntropyRobustness() {}

  /**
   * One (class, K, alpha) point.
   *
   * @param policy the class and K (d = 1)
   * @param alpha the entropy scale
   * @param best the best local maximum alive at alpha, or null if none
   * @param maxima how many distinct maxima (branches) are alive at alpha
   * @param divergedStarts how many fresh starts searched at alpha diverged
   * @param freshStarts how many fresh starts were searched at alpha
   */
  public record Entry(
      PolicyLayout policy,
      double alpha,
      StationaryPoints.Point best,
      int maxima,
      int divergedStarts,
      int freshStarts) {
    public boolean attained() {
      return best != null;
    }

    /** J* (NaN if not attained). */
    public double bestObjective() {
      return best == null ? Double.NaN : best.objective();
    }

    /** E_{pi*}[r] (NaN if not attained). */
    public double expectedReward() {
      return best == null ? Double.NaN : best.expectedReward();
    }

    /** The entropy of pi* (NaN if not attained). */
    public double entropy() {
      return best == null ? Double.NaN : best.entropy();
    }
  }

  /**
   * One class over the alpha grid.
   *
   * @param policy the class and K
   * @param entries one per grid alpha, in order
   * @param continuation the branches behind the entries
   */
  public record Curve(PolicyLayout policy, List<Entry> entries, Continuation.Result continuation) {
    /** The alpha where the class's last maximum ends (+infinity: alive at the grid's end). */
    public double lastMaximumEnds() {
      return continuation.lastMaximumEnds();
    }

    /** The branch whose end is {@link #lastMaximumEnds()} (none if no branch was found). */
    public java.util.Optional<Continuation.Branch> lastBranch() {
      double e = lastMaximumEnds();
      return continuation.branches().stream()
          .filter(b -> (b.end() == Continuation.End.ALIVE ? Double.POSITIVE_INFINITY
              : b.endAlpha()) == e).findFirst();
    }

    /** "G", "GM_2", ... */
    public String label() {
      return EntropyRobustness.label(policy);
    }
  }

  /** "G", "SG", "GM_K" or "SGM_K". */
  public static String label(PolicyLayout p) {
    return p.policyClass().name() + (p.policyClass().mixture() ? "_" + p.components() : "");
  }

  /** G, GM_k for each k, SG, SGM_k for each k (d = 1): the classes of the robustness study. */
  public static List<PolicyLayout> classes(int[] ks) {
    List<PolicyLayout> out = new ArrayList<>();
    for (PolicyClass single : List.of(PolicyClass.G, PolicyClass.SG)) {
      out.add(new PolicyLayout(single, 1, 1));
      PolicyClass mixture = single == PolicyClass.G ? PolicyClass.GM : PolicyClass.SGM;
      for (int k : ks) {
        out.add(new PolicyLayout(mixture, k, 1));
      }
    }
    return out;
  }

  /**
   * Settings that keep a class within a minute: steps of at most 0.1, ends resolved to 1e-3,
   * 32 random starts at the first alpha, at most 600 ascent and 30 Newton iterations.
   */
  public static Continuation.Settings fastSettings() {
    return new Continuation.Settings(0.1, 1e-3,
        new StationaryPoints.Settings(32, 0L, 600, 30, 1e-7, 8.0, 1e3, 1e-6), true);
  }

  /** One class over {@code alphas} (increasing, > 0). */
  public static Curve of(Reward reward, PolicyLayout p, double[] alphas, Continuation.Settings s) {
    if (p.dim() != 1) {
      throw new IllegalArgumentException(
          "EntropyRobustness: the exact objectives are 1-D, got dim " + p.dim());
    }
    Continuation.Result c =
        Continuation.run(reward, p.policyClass(), p.components(), alphas, s);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < alphas.length; i++) {
      int alive = 0;
      for (Continuation.Branch b : c.branches()) {
        alive += b.at(alphas[i]).isPresent() ? 1 : 0;
      }
      entries.add(new Entry(p, alphas[i], c.best(i).orElse(null), alive, c.divergedStarts()[i],
          c.freshStarts()[i]));
    }
    return new Curve(p, List.copyOf(entries), c);
  }

  /** One (class, K, alpha): the multi-start search at that alpha alone. */
  public static Entry at(Reward reward, PolicyLayout p, double alpha, Continuation.Settings s) {
    return of(reward, p, new double[] {alpha}, s).entries().get(0);
  }

  /** Every class of {@code policies} over {@code alphas}. */
  public static List<Curve> sweep(
      Reward reward, double[] alphas, List<PolicyLayout> policies, Continuation.Settings s) {
    List<Curve> out = new ArrayList<>();
    for (PolicyLayout p : policies) {
      out.add(of(reward, p, alphas, s));
    }
    return out;
  }

  /** A sentence: where the class's last maximum ends, or that one is alive at the end. */
  public static String ending(Curve c) {
    double e = c.lastMaximumEnds();
    if (Double.isNaN(e)) {
      return c.label() + ": no local maximum found at any alpha";
    }
    if (Double.isInfinite(e)) {
      return c.label() + ": a maximum is alive at the last alpha";
    }
    Continuation.Branch last = c.lastBranch().orElseThrow();
    return String.format(Locale.ROOT, "%s: last maximum ends at alpha = %.3f (%s)", c.label(),
        e, last.end().name().toLowerCase(Locale.ROOT));
  }
}
