package org.mixrl.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import org.mixrl.theory.Continuation;
import org.mixrl.theory.ExactObjective;
import org.mixrl.theory.GaussianThreshold;
import org.mixrl.theory.StationaryPoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixrl theory}: the Gaussian threshold, the best local maximum of a class, its
 * stationary points of every kind, and maxima followed in alpha.
 */
@Command(
    name = "theory",
    description = "Exact theory on a 1-D bandit reward (docs/theory.md).",
    subcommands = {TheoryCommand.Threshold.class, TheoryCommand.Optimum.class,
      TheoryCommand.Stationary.class, TheoryCommand.ContinuationCommand.class})
final class TheoryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand: threshold, optimum, stationary or continuation");
  }

  /** {@code mixrl theory threshold --reward SPEC}. */
  @Command(
      name = "threshold",
      description = {
        "alpha*_G(r): above it a Gaussian policy on the line has no stationary point.",
        "Last line: alpha_star=<value> bound=<value>"
      })
  static final class Threshold implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reward", required = true,
        description = "1-D reward, e.g. 'bumps:1.0@1.0/0.3,0.8@-1.0/0.3'; at most "
            + TheoryBounds.MAX_BUMPS + " bumps.")
    String reward;

    @Option(names = "--quiet", description = "No progress bar (one appears only when the search"
        + " takes more than a second).")
    boolean quiet;

    @Override
    public Integer call() {
      BumpsReward r = TheoryBounds.parseReward("--reward", reward);
      GaussianThreshold.Result t;
      try (ProgressBar bar = ProgressBars.delayed("threshold", 0, "steps", quiet, 1_000)) {
        t = GaussianThreshold.compute(r, (done, total) -> bar.maxHint(total).stepTo(done));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Gaussian policy N(mu, sigma^2) on the line, reward " + r);
      out.println("dJ/dlog sigma = E[r(mu + sigma e)(e^2 - 1)] + alpha; for alpha above");
      out.println("alpha_star = sup_{mu,sigma} -E[r(mu + sigma e)(e^2 - 1)] it is positive");
      out.println("everywhere: no stationary point, gradient ascent drives sigma to infinity.");
      out.println("bound = 2 phi(1) (r_max - r_min) holds for every reward with this range.");
      out.printf(Locale.ROOT, "attained at mu=%.6g sigma=%.6g; alpha_star/bound=%.4f%n",
          t.mu(), t.sigma(), t.tightness());
      out.printf(Locale.ROOT, "alpha_star=%.6f bound=%.6f%n", t.alphaStar(), t.universalBound());
      out.flush();
      return 0;
    }
  }

  /** Class, K and alpha options shared by the subcommands that search a policy class. */
  static final class ClassOptions {
    @Option(names = "--reward", required = true, description = "1-D reward (bumps:...).")
    String reward;

    @CommandLine.Mixin SharedOptions.PolicyName policy;

    @Option(names = "--components",
        description = "K in 1..16: must be 1 for g and sg (default); default 5 for gm and sgm,"
            + " as in train.")
    Integer components;

    @Option(names = "--starts", defaultValue = "32",
        description = "Random starts, in addition to the structured ones (default 32).")
    int starts;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the starts (default 0).")
    long seed;

    PolicyClass policyClass() {
      return PolicyClass.parse(policy.policy);
    }

    /** K after the checks of the class/K combination. */
    int k() {
      PolicyClass pc = policyClass();
      int k = components != null ? components : EstimatorSpec.defaultComponents(pc);
      if (k < 1 || k > 16) {
        throw new IllegalArgumentException("--components must be in 1..16, got " + k);
      }
      if (!pc.mixture() && k != 1) {
        throw new IllegalArgumentException(
            "--components must be 1 for --policy " + pc.shortName() + ", got " + k);
      }
      if (starts < 0) {
        throw new IllegalArgumentException("--starts must be >= 0, got " + starts);
      }
      return k;
    }

    /** The exact objective of the options' reward, class and K at {@code alpha}, all checked. */
    ExactObjective objective(double alpha) {
      checkAlpha(alpha);
      int k = k();
      return new ExactObjective(TheoryBounds.reward("--reward", BumpsReward.parse(reward)),
          policyClass(), k, alpha);
    }

    /** The stationary-point search with the options' random starts and seed. */
    StationaryPoints.Settings searchSettings() {
      return StationaryPoints.Settings.defaults().withStarts(starts).withSeed(seed);
    }

    static double checkAlpha(double alpha) {
      return TheoryBounds.alpha(alpha);
    }
  }

  /** The class options and one alpha: what optimum and stationary search. */
  static final class AtAlpha {
    @CommandLine.Mixin ClassOptions options;

    @Option(names = "--alpha", required = true, description = "Entropy scale alpha > 0.")
    double alpha;

    /** The exact objective at --alpha, all options checked. */
    ExactObjective objective() {
      return options.objective(alpha);
    }
  }

  /**
   * What optimum and stationary share: the class options and one alpha, checked into an exact
   * objective and search settings before the subcommand searches and prints.
   */
  abstract static class SearchAtAlpha implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin AtAlpha at;

    @Override
    public final Integer call() {
      ExactObjective j = at.objective();
      StationaryPoints.Settings s = at.options.searchSettings();
      PrintWriter out = spec.commandLine().getOut();
      report(j, s, out);
      out.flush();
      return 0;
    }

    /** Searches {@code j} with {@code s} and prints what the subcommand reports. */
    abstract void report(ExactObjective j, StationaryPoints.Settings s, PrintWriter out);
  }

  /** {@code mixrl theory optimum --reward SPEC --policy C --components K --alpha A}. */
  @Command(
      name = "optimum",
      description = {
        "Best local maximum of the exact J = E[r] + alpha H.",
        "From structured and seeded random starts (ascent, Newton polish, Hessian classification). A line 'unbounded:' names the",
        "escaping direction when starts diverge (on the line J is unbounded for every alpha).",
        "Last line: J=<value> expected_reward=<value> type=maximum, or, when no start ended",
        "at a local maximum, J=nan expected_reward=nan type=none evidence=none found from N",
        "starts (<counts by type>); a search that found none has not shown that none exists."
      })
  static final class Optimum extends SearchAtAlpha {
    @Override
    void report(ExactObjective j, StationaryPoints.Settings s, PrintWriter out) {
      List<StationaryPoints.Point> points = StationaryPoints.search(j, s);
      out.println("J = E[r] + alpha H for " + j + ", " + points.size() + " starts ("
          + (points.size() - at.options.starts) + " structured, " + at.options.starts
          + " random, seed " + at.options.seed + "):");
      for (int i = 0; i < points.size(); i++) {
        out.println("  start " + i + ": " + points.get(i));
      }
      Map<StationaryPoints.Type, Long> counts = new EnumMap<>(StationaryPoints.Type.class);
      for (StationaryPoints.Point p : points) {
        counts.merge(p.type(), 1L, Long::sum);
      }
      points.stream().filter(p -> p.type() == StationaryPoints.Type.DIVERGED)
          .max(Comparator.comparingDouble(StationaryPoints.Point::objective))
          .ifPresent(d -> out.printf(Locale.ROOT, "unbounded: %d of %d starts diverged with J"
              + " still rising, e.g. %s%n", counts.get(StationaryPoints.Type.DIVERGED),
              points.size(), d.evidence()));
      Optional<StationaryPoints.Point> best = StationaryPoints.best(points, s);
      if (best.isPresent()) {
        StationaryPoints.Point p = best.get();
        if (p.type() == StationaryPoints.Type.DEGENERATE) {
          out.println("the best maximum is degenerate (no positive curvature): " + p.evidence());
        }
        out.printf(Locale.ROOT, "J=%.8g expected_reward=%.8g type=maximum%n", p.objective(),
            p.expectedReward());
      } else {
        // "none found", not "none exists": a search that found nothing has shown nothing
        StringBuilder ev = new StringBuilder("none found from " + points.size() + " starts (");
        String sep = "";
        for (Map.Entry<StationaryPoints.Type, Long> c : counts.entrySet()) {
          ev.append(sep).append(c.getValue()).append(' ')
              .append(c.getKey().name().toLowerCase(Locale.ROOT));
          sep = ", ";
        }
        ev.append("); this does not show that no maximum exists");
        out.println("J=nan expected_reward=nan type=none evidence=" + ev);
      }
    }
  }

  /** {@code mixrl theory stationary}: every distinct stationary point found, saddles included. */
  @Command(
      name = "stationary",
      description = {
        "Distinct stationary points of the exact J of any kind: maxima, saddles, minima.",
        "Found by Levenberg-Marquardt on |grad J|^2 from the structured and random starts; each is",
        "classified by the eigenvalues of its Hessian with the logit-shift direction removed.",
        "One line per point: type=<t> J=<value> eig=[...] ..."
      })
  static final class Stationary extends SearchAtAlpha {
    @Override
    void report(ExactObjective j, StationaryPoints.Settings s, PrintWriter out) {
      out.println("stationary points of J = E[r] + alpha H for " + j + ":");
      for (StationaryPoints.Point p : StationaryPoints.stationary(j, s)) {
        out.println("type=" + p.type().name().toLowerCase(Locale.ROOT) + " " + p);
      }
    }
  }

  /** {@code mixrl theory continuation}: maxima followed as alpha grows. */
  @Command(
      name = "continuation",
      description = {
        "Follows every local maximum from the first alpha of an increasing grid as alpha grows.",
        "Warm-started Newton polishes with halved steps near the end; reports where each",
        "branch ends and how: fold (top eigenvalue -> 0), escape (a scale -> infinity), lost,",
        "merged (the same policy as an earlier branch) or alive. One line per branch:",
        "branch start=<a> end=<a> how=<fold|escape|lost|merged|alive>"
      })
  static final class ContinuationCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @CommandLine.Mixin ClassOptions options;

    @Option(names = "--alphas", required = true, split = ",",
        description = "Increasing grid of alphas > 0, e.g. 0.1,0.2,0.3.")
    double[] alphas;

    @Option(names = "--min-step", defaultValue = "0.001",
        description = "Resolution of the branch ends in alpha (default 0.001).")
    double minStep;

    @Override
    public Integer call() {
      Continuation.checkGrid(alphas);
      int k = options.k();
      Continuation.Settings s = Continuation.Settings.defaults();
      s = new Continuation.Settings(Math.max(minStep, s.maxStep()), minStep,
          s.search().withStarts(options.starts).withSeed(options.seed), true);
      Continuation.Result res = Continuation.run(TheoryBounds.reward("--reward", BumpsReward.parse(options.reward)),
          options.policyClass(), k, alphas, s);
      PrintWriter out = spec.commandLine().getOut();
      for (int i = 0; i < alphas.length; i++) {
        int ii = i;
        out.printf(Locale.ROOT, "alpha=%s best=%s (%d of %d fresh starts diverged)%n",
            alphas[i], res.best(i).map(p -> String.format(Locale.ROOT, "J=%.6f E[r]=%.6f",
                p.objective(), p.expectedReward())).orElse("none"),
            res.divergedStarts()[ii], res.freshStarts()[ii]);
      }
      for (Continuation.Branch b : res.branches()) {
        out.printf(Locale.ROOT, "branch start=%s end=%s how=%s: %s%n", b.startAlpha(),
            b.end() == Continuation.End.ALIVE ? "none" : String.format(Locale.ROOT, "%.4f",
                b.endAlpha()), b.end().name().toLowerCase(Locale.ROOT), b.evidence());
      }
      out.flush();
      return 0;
    }
  }
}
