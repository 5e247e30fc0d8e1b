package org.mixrl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mixrl.env.Env;
import org.mixrl.env.EnvSpec;
import org.mixrl.env.Envs;
import org.mixrl.env.RandomExploration;
import org.mixrl.env.Rollout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl env list}, {@code mixrl env rollout} and {@code mixrl env explore}. */
@Command(
    name = "env",
    description = "List environments, play a fixed action sequence in one, or measure how often"
        + " random actions reach a task's goal.",
    subcommands = {EnvCommand.ListCommand.class, EnvCommand.RolloutCommand.class,
        EnvCommand.ExploreCommand.class})
final class EnvCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand (list, rollout or explore)");
  }

  /** {@code mixrl env list}: one line per env: id, description, source. */
  @Command(name = "list",
      description = "List every environment id with a one-line description and its source.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int width = 0;
      for (EnvSpec e : Envs.list()) {
        width = Math.max(width, e.id().length());
      }
      for (EnvSpec e : Envs.list()) {
        out.printf("%-" + width + "s  %s  [source: %s]%n", e.id(), e.description(), e.source());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code mixrl env rollout}: CSV of a seeded reset followed by the given actions. */
  @Command(name = "rollout",
      description = "Reset with a seed, apply the actions, write CSV step,obs_0..obs_n,reward,"
          + "terminated,truncated to stdout.")
  static final class RolloutCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment id (see `mixrl env list`).")
    String env;

    @Option(names = "--seed", defaultValue = "0", description = "Reset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--actions", defaultValue = "",
        description = "One action per step, separated by ',': for example 0.5,-1,2 plays three"
            + " steps of a 1-D env. The components of a multi-dimensional action are separated"
            + " by ';': 1;0,0.5;-0.5 plays two steps of MultiGoal-v0.")
    String actions;

    @Override
    public Integer call() {
      try {
        Env e = Envs.make(env);
        double[][] parsed = parse(actions, e.actionSpace().dim());
        spec.commandLine().getOut().print(Rollout.toCsv(Rollout.run(e, seed, parsed)));
        spec.commandLine().getOut().flush();
        return 0;
      } catch (IllegalArgumentException ex) {
        CliErrors.print(spec, ex.getMessage());
        return 2;
      }
    }

    /** "a,b,c" for 1-D actions, or "a1;a2,b1;b2" with ';' between components. */
    static double[][] parse(String text, int dim) {
      if (!text.contains(";")) {
        return Rollout.parseActions(text, dim);
      }
      String[] groups = text.split(",", -1);
      for (int i = 0; i < groups.length; i++) {
        int n = groups[i].split(";", -1).length;
        if (n != dim) {
          throw new IllegalArgumentException("actions: action " + (i + 1) + " '" + groups[i]
              + "' has " + n + " components, the env's actions have " + dim);
        }
      }
      return Rollout.parseActions(text.replace(';', ','), dim);
    }
  }

  /** {@code mixrl env explore}: how often held uniform random actions reach the goal. */
  @Command(name = "explore",
      description = "Play episodes with uniform random actions, each held for H steps, and print"
          + " how many reach the goal (terminate) before the cutoff: whether undirected"
          + " exploration of that kind finds a cost-to-goal task's goal at all.")
  static final class ExploreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment id (see `mixrl env list`).")
    String env;

    @Option(names = "--hold", split = ",", defaultValue = "1,10",
        description = "Steps each random action is held, one row per value (default: ${DEFAULT-VALUE}).")
    int[] holds;

    @Option(names = "--episodes", defaultValue = "200",
        description = "Episodes per row (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1",
        description = "Seed: episode i resets with seed+i; actions from this seed's stream"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      try {
        PrintWriter out = spec.commandLine().getOut();
        out.println("env,hold,episodes,reached,mean_steps_to_goal");
        for (int hold : holds) {
          RandomExploration.Result r = RandomExploration.run(env, hold, episodes, seed);
          out.printf(java.util.Locale.ROOT, "%s,%d,%d,%d,%s%n", r.envId(), r.hold(), r.episodes(), r.reached(),
              Double.isNaN(r.meanStepsToGoal()) ? "" : String.format(java.util.Locale.ROOT, "%.1f", r.meanStepsToGoal()));
          out.flush();
        }
        return 0;
      } catch (IllegalArgumentException ex) {
        CliErrors.print(spec, ex.getMessage());
        return 2;
      }
    }
  }
}
