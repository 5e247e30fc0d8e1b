package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.experiment.Bootstrap;
import org.mixrl.experiment.sweep.RunState;
import org.mixrl.experiment.sweep.Sweep;
import org.mixrl.experiment.sweep.SweepCollection;
import org.mixrl.plot.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixrl sweep collect DIR}: tables and figures of a sweep's done runs. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = MixrlVersion.class,
    description = "Write DIR/collect/runs.csv (one row per run: options, final return,"
        + " area under the curve), groups.csv (per setting: mean and 95%% bootstrap interval over"
        + " seeds) and PNG figures (learning curves with bands, final return per method).")
final class SweepCollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory.")
  Path dir;

  @Option(names = "--out", paramLabel = "OUT", description = "Output directory (default: DIR/collect).")
  Path out;

  @Option(names = "--no-figures", description = "Write the CSV files only.")
  boolean noFigures;

  @Override
  public Integer call() throws IOException {
    Sweep sweep = Sweep.at(dir);
    Path target = out != null ? out : sweep.dir().resolve("collect");
    OutputPaths.checkDirectory(out != null ? "--out" : "collect directory", target);
    SweepCollection c = SweepCollection.of(sweep, SweepKinds::kind);
    AtomicFiles.write(target.resolve("runs.csv"), c.runsCsv());
    AtomicFiles.write(target.resolve("groups.csv"), c.groupsCsv());
    PrintWriter o = spec.commandLine().getOut();
    long done = c.runs().stream().filter(r -> r.state() == RunState.DONE).count();
    o.printf("%s: %d of %d runs done, %d groups%n", sweep.dir(), done, c.runs().size(),
        c.groups().size());
    for (SweepCollection.Group g : c.groups()) {
      Bootstrap.Interval f = g.finalReturn();
      o.printf(Locale.ROOT, "  %-50s n=%d final %.2f [%.2f, %.2f]  auc %.2f%n",
          envOf(g).isEmpty() ? g.label() : envOf(g) + " " + g.label(), g.runIds().size(),
          f.mean(), f.lower(), f.upper(), g.auc().mean());
    }
    List<Path> written = new ArrayList<>(List.of(target.resolve("runs.csv"),
        target.resolve("groups.csv")));
    if (!noFigures && !c.groups().isEmpty()) {
      written.addAll(figures(c, target));
    }
    for (Path p : written) {
      o.println("wrote " + p);
    }
    o.flush();
    return 0;
  }

  private static String envOf(SweepCollection.Group g) {
    Object env = g.settings().get("env");
    return env == null ? "" : env.toString();
  }

  /** One curves figure and one final-return figure per environment (returns differ in scale). */
  private static List<Path> figures(SweepCollection c, Path target) throws IOException {
    Map<String, List<SweepCollection.Group>> byEnv = new LinkedHashMap<>();
    for (SweepCollection.Group g : c.groups()) {
      byEnv.computeIfAbsent(envOf(g), k -> new ArrayList<>()).add(g);
    }
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, List<SweepCollection.Group>> e : byEnv.entrySet()) {
      String env = e.getKey();
      String suffix = byEnv.size() == 1 || env.isEmpty() ? "" : "-" + env.replaceAll("[^A-Za-z0-9.-]", "_");
      List<Charts.Band> bands = new ArrayList<>();
      List<Charts.Interval> finals = new ArrayList<>();
      for (SweepCollection.Group g : e.getValue()) {
        int n = g.curveSteps().length;
        double[] m = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
          m[j] = g.curve().get(j).mean();
          lo[j] = g.curve().get(j).lower();
          hi[j] = g.curve().get(j).upper();
        }
        if (n > 0) {
          bands.add(new Charts.Band(g.label() + " (n=" + g.runIds().size() + ")", g.curveSteps(),
              m, lo, hi));
        }
        Bootstrap.Interval f = g.finalReturn();
        finals.add(new Charts.Interval(g.label(), f.mean(), f.lower(), f.upper()));
      }
      String title = env.isEmpty() ? "" : env + ": ";
      if (!bands.isEmpty()) {
        Path curves = target.resolve("learning-curves" + suffix + ".png");
        org.knowm.xchart.XYChart chart = Charts.learningCurves(
            title + "return (mean over seeds, 95% bootstrap band)", "environment steps", "return",
            bands);
        // below the plot, so the long setting labels take no width from it and its title
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Charts.savePng(chart, curves);
        out.add(curves);
      }
      Path finalsPng = target.resolve("final-return" + suffix + ".png");
      Charts.savePng(Charts.intervals(title + "final return (mean, 95% bootstrap interval)",
          "final return", finals), finalsPng);
      out.add(finalsPng);
    }
    return out;
  }
}
