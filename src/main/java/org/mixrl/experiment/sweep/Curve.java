package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixrl.experiment.Bootstrap;

/**
 * A learning curve read from a run's {@code metrics.csv}: return against environment step.
 * By default uses the deterministic evaluations when the run has any (the paper's reported
 * curve), else the training episodes; a caller can name the rows instead (the training return
 * per episode is the Greedy Actor-Critic protocol's metric). Files without a {@code kind} column
 * use every row.
 *
 * @param source which rows: eval_deterministic, train, or all
 * @param steps steps, increasing
 * @param returns returns at those steps
 */
public record Curve(String source, double[] steps, double[] returns) {

  /** The rows a curve is made of: {@code auto} prefers deterministic evaluations. */
  public static final List<String> SOURCES =
      List.of("auto", "train", "eval_deterministic", "eval_stochastic");

  /** Reads {@code metrics} (header with at least {@code step} and {@code return}). */
  public static Curve read(Path metrics) throws IOException {
    return read(metrics, "auto", "return");
  }

  /**
   * Reads column {@code column} of {@code metrics} against {@code step}, from the rows of kind
   * {@code source} (one of {@link #SOURCES}; {@code auto}: deterministic evaluations if the run
   * has any, else training episodes). Rows with an empty value are skipped.
   *
   * @throws IOException if the file lacks the columns or has no such rows
   */
  public static Curve read(Path metrics, String source, String column) throws IOException {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException(
          "curve source must be one of " + String.join(", ", SOURCES) + ", got " + source);
    }
    List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(metrics + ": empty");
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    int kind = header.indexOf("kind");
    int step = header.indexOf("step");
    int ret = header.indexOf(column);
    if (step < 0 || ret < 0) {
      throw new IOException(metrics + ": needs columns step and " + column + ", has " + header);
    }
    List<String> wantedKinds = kind < 0 ? List.of("")
        : source.equals("auto") ? List.of("eval_deterministic", "train") : List.of(source);
    for (String wanted : wantedKinds) {
      List<double[]> points = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (f.length != header.size() || (kind >= 0 && !f[kind].equals(wanted))
            || f[ret].isEmpty()) {
          continue;
        }
        points.add(new double[] {Double.parseDouble(f[step]), Double.parseDouble(f[ret])});
      }
      if (!points.isEmpty()) {
        double[] s = new double[points.size()];
        double[] r = new double[points.size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = points.get(i)[0];
          r[i] = points.get(i)[1];
        }
        return new Curve(wanted.isEmpty() ? "all" : wanted, s, r);
      }
    }
    throw new IOException(metrics + ": no " + (source.equals("auto") ? "" : source + " ")
        + "rows with a " + column);
  }

  /** The last return. */
  public double finalReturn() {
    return returns[returns.length - 1];
  }

  /**
   * Area under the curve divided by the step span (trapezoid rule): the average return over
   * training, in return units, so runs of different lengths compare. One point: its return.
   */
  public double areaUnderCurve() {
    if (steps.length == 1) {
      return returns[0];
    }
    double area = 0;
    for (int i = 1; i < steps.length; i++) {
      area += (steps[i] - steps[i - 1]) * (returns[i] + returns[i - 1]) / 2;
    }
    double span = steps[steps.length - 1] - steps[0];
    return span > 0 ? area / span : Bootstrap.mean(returns);
  }

  /** The return at {@code step} by linear interpolation (ends held constant). */
  public double at(double step) {
    if (step <= steps[0]) {
      return returns[0];
    }
    for (int i = 1; i < steps.length; i++) {
      if (step <= steps[i]) {
        double t = (step - steps[i - 1]) / (steps[i] - steps[i - 1]);
        return returns[i - 1] + t * (returns[i] - returns[i - 1]);
      }
    }
    return returns[returns.length - 1];
  }
}
