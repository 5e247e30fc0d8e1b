package org.mixrl.cli;

import java.util.Set;
import org.mixrl.tensor.Precision;

/**
 * Validation of {@code mixrl bench}'s shared options, done before any benchmark runs so that a
 * bad value costs one line naming the option instead of a stack trace or an out-of-memory error.
 */
final class BenchOptions {
  private BenchOptions() {}

  /** Largest --repeats: beyond it a benchmark runs for hours and the median stops changing. */
  static final int MAX_REPEATS = 10_000;

  /** Checks {@code --repeats} and {@code --sizes}; throws IllegalArgumentException naming them. */
  static void validate(int repeats, String sizes) {
    if (repeats < 1 || repeats > MAX_REPEATS) {
      throw new IllegalArgumentException(
          "--repeats must be in 1.." + MAX_REPEATS + ", got " + repeats);
    }
    matmulSizes(sizes, Runtime.getRuntime().maxMemory());
  }

  /**
   * The sizes of {@code --sizes}: positive integers whose three n x n double matrices fit in
   * half of {@code heapBytes}.
   */
  static int[] matmulSizes(String sizes, long heapBytes) {
    String[] parts = sizes.split(",", -1);
    int[] n = new int[parts.length];
    int max = largestSize(heapBytes);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      try {
        n[i] = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--sizes: expected comma-separated integers, got '" + p + "' in '" + sizes + "'");
      }
      if (n[i] < 1 || n[i] > max) {
        throw new IllegalArgumentException("--sizes: each size must be in 1.." + max
            + " (three n x n matrices in half of this JVM's " + (heapBytes >> 20)
            + " MiB heap), got " + n[i]);
      }
    }
    return n;
  }

  /** The benchmarks that {@code --precision} does not apply to (double code paths only). */
  static final Set<String> WITHOUT_PRECISION = Set.of("estimator", "act");

  /**
   * The value of {@code --precision}; f32 is refused for {@link #WITHOUT_PRECISION} (the
   * estimator workload and the deployed act() are double by design, so a float scope would
   * time the same code under another name).
   */
  static Precision precision(String text, String which) {
    Precision p;
    try {
      p = Precision.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--precision: " + e.getMessage());
    }
    if (p == Precision.F32 && WITHOUT_PRECISION.contains(which)) {
      throw new IllegalArgumentException(
          "--precision f32 applies to matmul, mlp and sac only, not to '" + which + "'");
    }
    return p;
  }

  /** Largest n with 3 n^2 doubles in half the heap. */
  static int largestSize(long heapBytes) {
    return (int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt(heapBytes / 2.0 / (3 * 8)));
  }
}
