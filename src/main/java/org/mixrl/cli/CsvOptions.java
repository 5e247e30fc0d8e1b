package org.mixrl.cli;

/** Parsing of comma-separated numeric option values, with errors that name the option. */
final class CsvOptions {
  private CsvOptions() {}

  static double[] doubles(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(option + ": expected comma-separated numbers, got ''");
    }
    String[] parts = text.split(",");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + ": '" + parts[i].trim() + "' is not a number (in '" + text + "')");
      }
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(option + ": values must be finite, got " + parts[i]);
      }
    }
    return v;
  }
}
