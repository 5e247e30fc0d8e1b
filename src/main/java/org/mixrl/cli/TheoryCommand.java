package org.mixrl.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import org.mixrl.theory.ExactObjective;
import org.mixrl.theory.GaussianThreshold;
import org.mixrl.theory.StationaryPoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl theory}: the Gaussian threshold and the best stationary point of a class. */
@Command(
    name = "theory",
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    description = "Exact theory on a 1-D bandit reward (docs/theory.md).",
    subcommands = {TheoryCommand.Threshold.class, TheoryCommand.Optimum.class})
final class TheoryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand: threshold or optimum");
  }

  /** {@code mixrl theory threshold --reward SPEC}. */
  @Command(
      name = "threshold",
      mixinStandardHelpOptions = true,
      versionProvider = MixrlVersion.class,
      description = {
        "alpha*_G(r): above it a Gaussian policy on the line has no stationary point.",
        "Last line: alpha_star=<value> bound=<value>"
      })
  static final class Threshold implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reward", required = true,
        description = "1-D reward, e.g. 'bumps:1.0@1.0/0.3,0.8@-1.0/0.3'.")
    String reward;

    @Override
    public Integer call() {
      BumpsReward r = TheoryBounds.reward("--reward", BumpsReward.parse(reward));
      GaussianThreshold.Result t = GaussianThreshold.compute(r);
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

  /** {@code mixrl theory optimum --reward SPEC --policy C --components K --alpha A}. */
  @Command(
      name = "optimum",
      mixinStandardHelpOptions = true,
      versionProvider = MixrlVersion.class,
      description = {
        "Best stationary point of the exact J = E[r] + alpha H.",
        "Seeded multi-start searches. Last line: J=<value> expected_reward=<value>",
        "type=<maximum|saddle|minimum|degenerate|diverged|not_converged>"
      })
  static final class Optimum implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reward", required = true, description = "1-D reward (bumps:...).")
    String reward;

    @Option(names = "--policy", required = true, description = "g, sg, gm or sgm.")
    String policy;

    @Option(names = "--components",
        description = "K: must be 1 for g and sg (default); default 5 for gm and sgm, as in train.")
    Integer components;

    @Option(names = "--alpha", required = true, description = "Entropy scale alpha > 0.")
    double alpha;

    @Option(names = "--starts", defaultValue = "8", description = "Random starts (default 8).")
    int starts;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the starts (default 0).")
    long seed;

    @Override
    public Integer call() {
      PolicyClass pc = PolicyClass.parse(policy);
      int k = components != null ? components : EstimatorSpec.defaultComponents(pc);
      TheoryBounds.alpha(alpha);
      if (starts < 1) {
        throw new IllegalArgumentException("--starts must be >= 1, got " + starts);
      }
      if (!pc.mixture() && k != 1) {
        throw new IllegalArgumentException(
            "--components must be 1 for --policy " + pc.shortName() + ", got " + k);
      }
      if (k < 1 || k > 16) {
        throw new IllegalArgumentException("--components must be in 1..16, got " + k);
      }
      BumpsReward r = TheoryBounds.reward("--reward", BumpsReward.parse(reward));
      ExactObjective j = new ExactObjective(r, pc, k, alpha);
      StationaryPoints.Settings s =
          StationaryPoints.Settings.defaults().withStarts(starts).withSeed(seed);
      List<StationaryPoints.Point> points = StationaryPoints.search(j, s);
      PrintWriter out = spec.commandLine().getOut();
      out.println("J = E[r] + alpha H for " + j + ", " + starts + " starts (seed " + seed + "):");
      for (int i = 0; i < points.size(); i++) {
        out.println("  start " + i + ": " + points.get(i));
      }
      StationaryPoints.Point best = best(points, s);
      out.printf(Locale.ROOT, "J=%.8g expected_reward=%.8g type=%s%n", best.objective(),
          best.expectedReward(), best.type().name().toLowerCase(Locale.ROOT));
      out.flush();
      return 0;
    }

    /**
     * The best local maximum if any; otherwise the highest-J stationary point; otherwise a
     * diverged search (no stationary point was found), then an unfinished one.
     */
    static StationaryPoints.Point best(
        List<StationaryPoints.Point> points, StationaryPoints.Settings s) {
      return StationaryPoints.best(points, s).orElseGet(() -> points.stream()
          .max(Comparator.comparingInt((StationaryPoints.Point p) -> rank(p.type()))
              .thenComparingDouble(StationaryPoints.Point::objective))
          .orElseThrow());
    }

    private static int rank(StationaryPoints.Type t) {
      switch (t) {
        case MAXIMUM:
        case DEGENERATE:
        case SADDLE:
        case MINIMUM:
          return 2;
        case DIVERGED:
          return 1;
        default:
          return 0;
      }
    }
  }
}
