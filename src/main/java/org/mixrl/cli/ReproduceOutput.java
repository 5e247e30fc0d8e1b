package org.mixrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.plot.Charts;

/**
 * The output directory of {@code mixrl reproduce}: every CSV and PNG is written to a temp file
 * and renamed into place, so an interrupted run never leaves a half-written file.
 */
final class ReproduceOutput {
  private final Path dir;
  private final List<String> written = new ArrayList<>();

  ReproduceOutput(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
  }

  Path dir() {
    return dir;
  }

  /** Names of the files written so far, in order. */
  List<String> written() {
    return written;
  }

  void csv(String name, String header, List<String> rows) throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (String r : rows) {
      sb.append(r).append('\n');
    }
    text(name, sb.toString());
  }

  void text(String name, String text) throws IOException {
    AtomicFiles.write(dir.resolve(name), text);
    written.add(name);
  }

  void png(String name, Chart<?, ?> chart) throws IOException {
    Charts.savePng(chart, dir.resolve(name));
    written.add(name);
  }

  /** Comma-joined values; doubles in the shortest round-trip form. */
  static String row(Object... values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(values[i] instanceof String s && s.contains(",") ? "\"" + s + "\"" : values[i]);
    }
    return sb.toString();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
