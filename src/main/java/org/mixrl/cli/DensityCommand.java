package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mixrl.agent.SacConfig;
import org.mixrl.experiment.ActionDensity;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.sweep.MethodLabel;
import org.mixrl.plot.ActionDensityCharts;
import org.mixrl.plot.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl density}: a trained actor's action density (and critic) at one observation. */
@Command(
    name = "density",
    sortOptions = false,
    description = {
      "Evaluate the actor of a training run (its last checkpoint) at one observation: the"
          + " policy density pi(a|s) and the critic's min_k Q_k(s,a) on a grid over the action"
          + " box (1-D or 2-D actions). Writes OUT/density.csv (a_0[,a_1],density,q_min),"
          + " OUT/components.csv (component,weight,mode_0[,mode_1]), OUT/density.png and"
          + " OUT/critic.png.",
      "Exit 2 on a missing or corrupt run or bad input; the run directory is only read."
    })
final class DensityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.RunDir run;

  @Option(names = "--obs", required = true, split = ",",
      description = "The observation, comma-separated, e.g. 2.5,2.5 for MultiGoal-v0.")
  double[] obs;

  @Option(names = "--points", defaultValue = "51",
      description = "Grid points per action axis (default: ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Mixin SharedOptions.NoFigures noFigures;

  @Override
  public Integer call() {
    try {
      OutputPaths.checkDirectory("--out", out);
      ActionDensity.Grid g = ActionDensity.ofRun(run.run, obs, points);
      SacConfig c = Trainer.readConfig(run.run).sac();
      String family = MethodLabel.family(methodOptions(c));
      Files.createDirectories(out);
      AtomicFiles.write(out.resolve("density.csv"),
          ActionDensity.densityCsv(g).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(out.resolve("components.csv"),
          ActionDensity.componentsCsv(g).getBytes(StandardCharsets.UTF_8));
      String where = g.envId() + " step " + g.step() + ", " + ActionDensity.describe(obs);
      if (!noFigures.noFigures) {
        Charts.savePng(ActionDensityCharts.density(g, family + " pi(a|s), " + where, family),
            out.resolve("density.png"));
        Charts.savePng(ActionDensityCharts.critic(g, family + " min Q(s,a), " + where),
            out.resolve("critic.png"));
      }
      PrintWriter w = spec.commandLine().getOut();
      w.printf(Locale.ROOT, "%s: %s, %d grid points, density mass %.4f on the grid%n",
          out, where, g.density().length, g.mass());
      w.flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      CliErrors.print(spec, e.getMessage());
      return 2;
    }
  }

  /** The options {@link MethodLabel#family} reads, from the run's agent config. */
  private static Map<String, Object> methodOptions(SacConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", c.policyClass().shortName());
    m.put("estimator", c.estimator().name());
    m.put("estimator-samples", c.estimator().options().samples());
    return m;
  }
}
