package org.mixrl.env;

/** Helpers shared by the env tests. */
final class EnvTesting {
  private EnvTesting() {}

  /** Resets {@code env} (seed 0) and then puts its dynamics at {@code dynamics}. */
  static void placeAt(Env env, double... dynamics) {
    env.reset(0);
    EnvState saved = env.saveState();
    env.restoreState(
        new EnvState(env.id(), dynamics, 0, EnvState.Phase.RUNNING, saved.random()));
  }

  /** A single-component action. */
  static double[] a(double value) {
    return new double[] {value};
  }

  /** A {@code dim}-component action with every component {@code value}. */
  static double[] filled(double value, int dim) {
    double[] a = new double[dim];
    java.util.Arrays.fill(a, value);
    return a;
  }

  /** True when the two arrays have identical bits. */
  static boolean sameBits(double[] x, double[] y) {
    if (x.length != y.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
        return false;
      }
    }
    return true;
  }
}
