package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.experiment.VarianceMap;
import org.mixrl.plot.VarianceMapChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl variance-map}: log(Var_MRP / Var_LR) over a grid of rewards, policies and alpha. */
@Command(
    name = "variance-map",
    description = {
      "Map where MRP has a lower gradient variance than LR, with standard errors.",
      "Each cell is a 'mixrl variance' run (GM_K, equal weights, sigma = e^-0.5, means"
          + " sep*sigma apart; two bumps at +-1 of width W) comparing MRP with LR (leave-one-out"
          + " baseline over the batch) and with equal-cost LR (K draws per state).",
      "Writes CSV: one row per cell with each variance, the SE of its log (delta method), the"
          + " exact value (quadrature) and the log ratios."
    })
final class VarianceMapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--quick",
      description = "The quick grid (2 settings x 3 alphas, 100 repeats; seconds) instead of the"
          + " full one (13 settings x 8 alphas, 2000 repeats; about a CPU-minute). Axis options"
          + " override it.")
  boolean quick;

  @Option(names = "--alphas", description = "Entropy scales, increasing, in (0, 10].")
  String alphas;

  @Option(names = "--width-ratios", description = "Reward widths W/sigma, increasing, in (0, 64].")
  String widthRatios;

  @Option(names = "--separations",
      description = "Distances between neighbouring means in units of sigma, increasing, in"
          + " (0, 64].")
  String separations;

  @Option(names = "--components", description = "Numbers of components K, increasing, in 2..16.")
  String components;

  @Option(names = "--batches", description = "Batch sizes B, increasing, in 2..4096.")
  String batches;

  @Option(names = "--base",
      description = "Base setting W/sigma,sep,K,B (each one of its axis's values); default"
          + " 0.5,2,3,32.")
  String base;

  @Option(names = "--design", defaultValue = "star",
      description = "star (base plus one axis at a time; default) or full (every combination).")
  String design;

  @Option(names = "--repeats",
      description = "Batches per estimator and cell (default 2000; quick 100).")
  Integer repeats;

  @Mixin SharedOptions.Seed seed;

  @Mixin SharedOptions.CsvOut out;

  @Option(names = "--figure",
      description = "PNG file: both heat maps (against LR and equal-cost LR).")
  Path figure;

  @Mixin SharedOptions.Quiet quiet;

  @Override
  public Integer call() throws IOException {
    out.check();
    if (figure != null) {
      OutputPaths.checkFile("--figure", figure);
    }
    VarianceMap.Grid grid = grid();
    List<VarianceMap.Cell> cells;
    PrintWriter err = spec.commandLine().getErr();
    try (ProgressBar bar = ProgressBars.create("variance map", grid.cellCount(), "cells",
        quiet.quiet)) {
      cells = VarianceMap.run(grid, (done, total) -> bar.stepTo(done));
    }
    String csv = VarianceMap.csv(cells);
    out.write(spec, csv);
    if (figure != null) {
      VarianceMapChart.saveBoth(cells, figure);
    }
    err.println(cells.size() + " cells, " + grid.repeats() + " repeats each");
    err.println(verdicts("against LR (1 draw per state)", cells, VarianceMap.Cell::logRatio,
        VarianceMap.Cell::logRatioStdError));
    err.println(verdicts("against equal-cost LR", cells, VarianceMap.Cell::logRatioEqualCost,
        VarianceMap.Cell::logRatioEqualCostStdError));
    err.println("MRP lower (by >= 2 SE) from alpha = ... on, against LR | equal-cost LR:");
    for (VarianceMap.Setting s : grid.settings()) {
      err.println(String.format(Locale.ROOT, "  %-30s %6s | %6s", s.label(),
          from(VarianceMap.mrpLowerFrom(cells, s, false)),
          from(VarianceMap.mrpLowerFrom(cells, s, true))));
    }
    err.flush();
    return 0;
  }

  /** "against LR: MRP lower in 60, LR lower in 20, within 2 SE in 11". */
  private static String verdicts(String what, List<VarianceMap.Cell> cells,
      ToDoubleFunction<VarianceMap.Cell> value, ToDoubleFunction<VarianceMap.Cell> se) {
    int mrpLower = 0;
    int lrLower = 0;
    for (VarianceMap.Cell c : cells) {
      double v = value.applyAsDouble(c);
      if (Math.abs(v) >= 2 * se.applyAsDouble(c)) {
        if (v < 0) {
          mrpLower++;
        } else {
          lrLower++;
        }
      }
    }
    return String.format(Locale.ROOT, "%s: MRP lower in %d, LR lower in %d, within 2 SE in %d",
        what, mrpLower, lrLower, cells.size() - mrpLower - lrLower);
  }

  private static String from(double alpha) {
    return Double.isNaN(alpha) ? "none" : VarianceMapChart.axisLabel(alpha);
  }

  /** The grid from the options: quick or full, with any axis the user gave replaced. */
  VarianceMap.Grid grid() {
    VarianceMap.Grid g = quick ? VarianceMap.quick() : VarianceMap.full();
    VarianceMap.Setting b = g.base();
    if (base != null) {
      double[] v = CsvOptions.doubles("--base", base);
      if (v.length != 4) {
        throw new IllegalArgumentException(
            "--base needs 4 values W/sigma,sep,K,B, got " + v.length + " in '" + base + "'");
      }
      b = new VarianceMap.Setting(v[0], v[1], integer("--base", v[2]), integer("--base", v[3]));
    }
    int r = repeats != null ? repeats : g.repeats();
    try {
      return new VarianceMap.Grid(
          alphas != null ? CsvOptions.doubles("--alphas", alphas) : g.alphas(),
          widthRatios != null ? CsvOptions.doubles("--width-ratios", widthRatios)
              : g.widthRatios(),
          separations != null ? CsvOptions.doubles("--separations", separations)
              : g.separations(),
          components != null ? ints("--components", components) : g.components(),
          batches != null ? ints("--batches", batches) : g.batches(),
          b, VarianceMap.Design.parse(design), r, seed.seed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("variance map grid: " + e.getMessage(), e);
    }
  }

  private static int[] ints(String option, String text) {
    double[] v = CsvOptions.doubles(option, text);
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = integer(option, v[i]);
    }
    return out;
  }

  private static int integer(String option, double v) {
    if (v != Math.rint(v) || Math.abs(v) > 1e9) {
      throw new IllegalArgumentException(option + ": " + v + " is not an integer");
    }
    return (int) v;
  }
}
