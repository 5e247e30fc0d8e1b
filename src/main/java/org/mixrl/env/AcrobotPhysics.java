package org.mixrl.env;

/**
 * Acrobot dynamics, "book" variant (Sutton and Barto; Gymnasium v1.4.0 {@code acrobot.py}),
 * shared by every Acrobot variant.
 *
 * <p>State s = (theta1, theta2, dtheta1, dtheta2); theta1 = 0 hangs down, theta2 is relative
 * to link 1. One step: one classical RK4 step of size dt = 0.2 with the torque held constant,
 * then theta1, theta2 wrapped to [-pi, pi] and dtheta1, dtheta2 clipped to +-4pi, +-9pi (only
 * after integration, never inside RK4).
 */
final class AcrobotPhysics {
  static final double DT = 0.2;
  static final double L1 = 1.0;
  static final double M1 = 1.0;
  static final double M2 = 1.0;
  static final double LC1 = 0.5;
  static final double LC2 = 0.5;
  static final double I1 = 1.0;
  static final double I2 = 1.0;
  static final double G = 9.8;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;

  static final Box ACTION_SPACE = Box.symmetric(1.0);

  private AcrobotPhysics() {}

  /** ds/dt at {@code s} under torque {@code tau}: (dth1, dth2, ddth1, ddth2), book equations. */
  static double[] derivative(double[] s, double tau) {
    double theta1 = s[0];
    double theta2 = s[1];
    double dtheta1 = s[2];
    double dtheta2 = s[3];
    double d1 = M1 * LC1 * LC1 + M2 * (L1 * L1 + LC2 * LC2 + 2 * L1 * LC2 * Math.cos(theta2))
        + I1 + I2;
    double d2 = M2 * (LC2 * LC2 + L1 * LC2 * Math.cos(theta2)) + I2;
    double phi2 = M2 * LC2 * G * Math.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -M2 * L1 * LC2 * dtheta2 * dtheta2 * Math.sin(theta2)
        - 2 * M2 * L1 * LC2 * dtheta2 * dtheta1 * Math.sin(theta2)
        + (M1 * LC1 + M2 * L1) * G * Math.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 =
        (tau + d2 / d1 * phi1 - M2 * L1 * LC2 * dtheta1 * dtheta1 * Math.sin(theta2) - phi2)
            / (M2 * LC2 * LC2 + I2 - d2 * d2 / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
  }

  /** One classical RK4 step of size {@link #DT}, without wrapping or clipping. */
  static double[] rk4(double[] s, double tau) {
    double h2 = DT / 2.0;
    double[] k1 = derivative(s, tau);
    double[] k2 = derivative(axpy(s, h2, k1), tau);
    double[] k3 = derivative(axpy(s, h2, k2), tau);
    double[] k4 = derivative(axpy(s, DT, k3), tau);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = s[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  /** RK4, then wrap both angles, then clip both velocities. */
  static double[] step(double[] s, double tau) {
    double[] ns = rk4(s, tau);
    ns[0] = Angles.wrap(ns[0]);
    ns[1] = Angles.wrap(ns[1]);
    ns[2] = Math.min(Math.max(ns[2], -MAX_VEL_1), MAX_VEL_1);
    ns[3] = Math.min(Math.max(ns[3], -MAX_VEL_2), MAX_VEL_2);
    return ns;
  }

  /** Goal: the tip is more than one link length above the pivot. */
  static boolean isTerminal(double[] s) {
    return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
  }

  private static double[] axpy(double[] y, double a, double[] k) {
    double[] r = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      r[i] = y[i] + a * k[i];
    }
    return r;
  }
}
