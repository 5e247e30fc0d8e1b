package org.mixrl.kernel;

import java.util.function.Consumer;

/**
 * The {@code display(x)} helper that every notebook cell can call (the kernel imports it
 * statically), to show a value in the cell's output before the cell ends, e.g. several charts
 * from one cell.
 */
public final class Display {
  // One kernel per JVM, so one sink; volatile because cells run on JShell's execution thread.
  private static volatile Consumer<Object> sink;

  private Display() {}

  /**
   * Shows {@code value} in the running cell's output: a chart as an image, a small tensor as a
   * table, anything else as text. Outside a kernel it prints {@code value} to System.out.
   */
  public static void display(Object value) {
    Consumer<Object> s = sink;
    if (s == null) {
      System.out.println(value);
    } else {
      s.accept(value);
    }
  }

  /** Routes {@link #display} to {@code newSink}; {@code null} restores printing. */
  static void setSink(Consumer<Object> newSink) {
    sink = newSink;
  }
}
