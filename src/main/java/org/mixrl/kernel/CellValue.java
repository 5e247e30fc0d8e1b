package org.mixrl.kernel;

/**
 * Hands the value of a cell's last expression from JShell's generated code to the evaluator.
 *
 * <p>JShell's API reports values only as strings; rich display needs the object itself. With
 * local execution the snippet and the kernel share this class (the snippet class loader
 * delegates to the kernel's), so the evaluator runs {@code CellValue.set(name)} after the
 * expression and reads the object back here. Public only because generated code calls it.
 */
public final class CellValue {
  private static volatile Object value;
  private static volatile boolean present;

  private CellValue() {}

  /** Called by generated code; not for notebooks. */
  public static void set(Object v) {
    value = v;
    present = true;
  }

  static void clear() {
    value = null;
    present = false;
  }

  static boolean isPresent() {
    return present;
  }

  static Object get() {
    return value;
  }
}
