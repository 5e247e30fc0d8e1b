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
import org.mixrl.plot.MethodColors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl sweep collect DIR}: tables and figures of a sweep's done runs. */
@Command(name = "collect",
    description = "Write DIR/collect/runs.csv (one row per run: options, final return,"
        + " area under the curve), groups.csv (per setting: mean and 95%% bootstrap interval over"
        + " seeds) and PNG figures (learning curves with bands, final return per method).")
final class SweepCollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.SweepDir dir;

  @Option(names = "--out", paramLabel = "OUT", description = "Output directory (default: DIR/collect).")
  Path out;

  @Mixin SharedOptions.NoFigures noFigures;

  @Option(names = "--curve", paramLabel = "ROWS", defaultValue = "auto",
      description = "Which metrics rows make a run's curve: auto (deterministic evaluations if"
          + " any, else training episodes), train (the return of every training episode),"
          + " eval_deterministic, eval_stochastic (default: ${DEFAULT-VALUE}).")
  String curve;

  @Override
  public Integer call() throws IOException {
    if (!org.mixrl.experiment.sweep.Curve.SOURCES.contains(curve)) {
      CliErrors.print(spec, "--curve must be one of "
          + String.join(", ", org.mixrl.experiment.sweep.Curve.SOURCES) + ", got " + curve);
      return 2;
    }
    Sweep sweep = Sweep.at(dir.dir);
    Path target = out != null ? out : sweep.dir().resolve("collect");
    OutputPaths.checkDirectory(out != null ? "--out" : "collect directory", target);
    SweepCollection c = SweepCollection.of(sweep, SweepKinds::kind, curve);
    AtomicFiles.write(target.resolve("runs.csv"), c.runsCsv());
    AtomicFiles.write(target.resolve("groups.csv"), c.groupsCsv());
    AtomicFiles.write(target.resolve("paired.csv"), c.comparisonsCsv());
    PrintWriter o = spec.commandLine().getOut();
    long done = c.runs().stream().filter(r -> r.state() == RunState.DONE).count();
    o.printf("%s: %d of %d runs done, %d groups%n", sweep.dir(), done, c.runs().size(),
        c.groups().size());
    long noCurve = c.runs().stream()
        .filter(r -> r.state() == RunState.DONE && r.curve() == null).count();
    if (noCurve > 0) {
      o.printf("  %d done runs have no readable %s rows in metrics.csv and are left out%n",
          noCurve, curve.equals("auto") ? "return" : curve);
    }
    for (SweepCollection.Group g : c.groups()) {
      Bootstrap.Interval f = g.finalReturn();
      o.printf(Locale.ROOT, "  %-50s n=%d final %.2f [%.2f, %.2f]  auc %.2f%n",
          envOf(g).isEmpty() ? g.label() : envOf(g) + " " + g.label(), g.runIds().size(),
          f.mean(), f.lower(), f.upper(), g.auc().mean());
    }
    List<Path> written = new ArrayList<>(List.of(target.resolve("runs.csv"),
        target.resolve("groups.csv"), target.resolve("paired.csv")));
    if (!noFigures.noFigures && !c.groups().isEmpty()) {
      written.addAll(figures(c, target, curveName(c)));
      written.addAll(collapseFigures(sweep, c, target));
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

  /** What the y axis shows: the kind of rows the runs' curves were read from. */
  private static String curveName(SweepCollection c) {
    String source = c.runs().stream().filter(r -> r.curve() != null)
        .map(r -> r.curve().source()).findFirst().orElse("");
    return switch (source) {
      case "train" -> "training episode return";
      case "eval_deterministic" -> "deterministic evaluation return";
      case "eval_stochastic" -> "stochastic evaluation return";
      default -> "return";
    };
  }

  private static String suffix(Map<String, ?> byEnv, String env) {
    return byEnv.size() == 1 || env.isEmpty() ? "" : "-" + env.replaceAll("[^A-Za-z0-9.-]", "_");
  }

  /**
   * Per environment, the mixture groups' effective number of components and largest weight
   * over training (means over the updates between training episodes, then over seeds).
   */
  private static List<Path> collapseFigures(Sweep sweep, SweepCollection c, Path target)
      throws IOException {
    List<Path> out = new ArrayList<>();
    Map<String, List<SweepCollection.Group>> byEnv = byEnv(c);
    for (String column : List.of("eff_components", "max_weight")) {
      Map<SweepCollection.Group, SweepCollection.MeanCurve> curves =
          c.trainingColumn(sweep, column);
      for (Map.Entry<String, List<SweepCollection.Group>> e : byEnv.entrySet()) {
        List<Charts.Band> bands = new ArrayList<>();
        List<String> families = new ArrayList<>();
        for (SweepCollection.Group g : e.getValue()) {
          SweepCollection.MeanCurve mc = curves.get(g);
          if (mc == null || mc.steps().length == 0) {
            continue;
          }
          bands.add(band(g.label() + " (n=" + g.runIds().size() + ")", mc.steps(), mc.values()));
          families.add(g.family());
        }
        if (bands.isEmpty()) {
          continue;
        }
        String env = e.getKey();
        String what = column.equals("eff_components")
            ? "effective components" : "largest mixture weight";
        org.knowm.xchart.XYChart chart = Charts.learningCurves(
            (env.isEmpty() ? "" : env + ": ") + what + " (mean, 95% band)",
            "environment steps", column.equals("eff_components") ? "exp(H(w))" : "max_k w_k",
            bands, MethodColors.forFigure(families));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        // step labels such as 100,000 need more room than XChart's default tick spacing
        chart.getStyler().setXAxisLabelRotation(30);
        Path png = target.resolve("collapse-" + column.replace('_', '-') + suffix(byEnv, env)
            + ".png");
        Charts.savePng(chart, png);
        out.add(png);
      }
    }
    return out;
  }

  private static Map<String, List<SweepCollection.Group>> byEnv(SweepCollection c) {
    Map<String, List<SweepCollection.Group>> byEnv = new LinkedHashMap<>();
    for (SweepCollection.Group g : c.groups()) {
      byEnv.computeIfAbsent(envOf(g), k -> new ArrayList<>()).add(g);
    }
    return byEnv;
  }

  private static Charts.Band band(String name, double[] steps, List<Bootstrap.Interval> v) {
    int n = steps.length;
    double[] m = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int j = 0; j < n; j++) {
      m[j] = v.get(j).mean();
      lo[j] = v.get(j).lower();
      hi[j] = v.get(j).upper();
    }
    return new Charts.Band(name, steps, m, lo, hi);
  }

  /**
   * Per environment (returns differ in scale): learning curves, the final return per method
   * with its interval, and strip plots of the final return and of the area under the curve.
   */
  private static List<Path> figures(SweepCollection c, Path target, String yName)
      throws IOException {
    Map<String, List<SweepCollection.Group>> byEnv = byEnv(c);
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, List<SweepCollection.Group>> e : byEnv.entrySet()) {
      String env = e.getKey();
      String suffix = suffix(byEnv, env);
      List<Charts.Band> bands = new ArrayList<>();
      List<Charts.Interval> finals = new ArrayList<>();
      List<Charts.Strip> finalStrips = new ArrayList<>();
      List<Charts.Strip> aucStrips = new ArrayList<>();
      List<String> families = new ArrayList<>();
      for (SweepCollection.Group g : e.getValue()) {
        families.add(g.family());
      }
      List<java.awt.Color> colors = MethodColors.forFigure(families);
      List<java.awt.Color> curveColors = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        SweepCollection.Group g = e.getValue().get(i);
        if (g.curveSteps().length > 0) {
          bands.add(band(g.label() + " (n=" + g.runIds().size() + ")", g.curveSteps(),
              g.curve()));
          curveColors.add(colors.get(i));
        }
        Bootstrap.Interval f = g.finalReturn();
        finals.add(new Charts.Interval(g.label(), f.mean(), f.lower(), f.upper()));
        finalStrips.add(new Charts.Strip(g.label(), g.finals(), f.mean(), f.lower(), f.upper(),
            colors.get(i)));
        Bootstrap.Interval a = g.auc();
        aucStrips.add(new Charts.Strip(g.label(), g.aucs(), a.mean(), a.lower(), a.upper(),
            colors.get(i)));
      }
      String title = env.isEmpty() ? "" : env + ": ";
      if (!bands.isEmpty()) {
        Path curves = target.resolve("learning-curves" + suffix + ".png");
        org.knowm.xchart.XYChart chart = Charts.learningCurves(
            title + yName + " (mean over seeds, 95% bootstrap band)", "environment steps",
            yName, bands, curveColors);
        // below the plot, so the long setting labels take no width from it and its title
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        // step labels such as 100,000 need more room than XChart's default tick spacing
        chart.getStyler().setXAxisLabelRotation(30);
        Charts.savePng(chart, curves);
        out.add(curves);
      }
      Path finalsPng = target.resolve("final-return" + suffix + ".png");
      Charts.savePng(Charts.intervals(title + "final " + yName + " (mean, 95% bootstrap"
          + " interval)", "final " + yName, finals, colors), finalsPng);
      out.add(finalsPng);
      Path stripFinal = target.resolve("strip-final" + suffix + ".png");
      Charts.savePng(Charts.strips(title + "final return, one dot per seed",
          "final " + yName, finalStrips), stripFinal);
      out.add(stripFinal);
      Path stripAuc = target.resolve("strip-auc" + suffix + ".png");
      Charts.savePng(Charts.strips(title + "average return over training, one dot per seed",
          "area under the " + yName + " curve / steps", aucStrips), stripAuc);
      out.add(stripAuc);
    }
    return out;
  }
}
