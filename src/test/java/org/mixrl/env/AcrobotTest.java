package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.a;
import static org.mixrl.env.EnvTesting.placeAt;

import org.junit.jupiter.api.Test;

class AcrobotTest {
  private static final double TOL = 1e-12;
  private static final double PI = Math.PI;

  /**
   * The book equations of the reference, written out again independently of
   * {@link AcrobotPhysics} (m1 = m2 = l1 = I1 = I2 = 1, lc1 = lc2 = 0.5, g = 9.8).
   */
  static double[] f(double[] s, double tau) {
    double c2 = Math.cos(s[1]);
    double s2 = Math.sin(s[1]);
    double d1 = 0.25 + (1.0 + 0.25 + c2) + 2.0;
    double d2 = 0.25 + 0.5 * c2 + 1.0;
    double phi2 = 0.5 * 9.8 * Math.cos(s[0] + s[1] - PI / 2);
    double phi1 = -0.5 * s[3] * s[3] * s2 - s[3] * s[2] * s2
        + 1.5 * 9.8 * Math.cos(s[0] - PI / 2) + phi2;
    double dd2 = (tau + d2 / d1 * phi1 - 0.5 * s[2] * s[2] * s2 - phi2) / (1.25 - d2 * d2 / d1);
    double dd1 = -(d2 * dd2 + phi1) / d1;
    return new double[] {s[2], s[3], dd1, dd2};
  }

  /** Classical RK4 of step h = 0.2 written from its textbook definition. */
  static double[] rk4(double[] y, double tau) {
    double h = 0.2;
    double[] k1 = f(y, tau);
    double[] k2 = f(plus(y, h / 2, k1), tau);
    double[] k3 = f(plus(y, h / 2, k2), tau);
    double[] k4 = f(plus(y, h, k3), tau);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  private static double[] plus(double[] y, double c, double[] k) {
    double[] r = new double[4];
    for (int i = 0; i < 4; i++) {
      r[i] = y[i] + c * k[i];
    }
    return r;
  }

  @Test
  void derivativeMatchesAHandComputation() {
    // s = (pi/2, pi/2, 1, 2), tau = 1: cos th2 = 0, sin th2 = 1, so
    // d1 = 0.25 + 1.25 + 2 = 3.5, d2 = 0.25 + 1 = 1.25, phi2 = 4.9 cos(pi/2) = 0,
    // phi1 = -0.5*4 - 2*0.5*2*1 + 1.5*9.8*cos(0) = -2 - 2 + 14.7 = 10.7,
    // ddth2 = (1 + (1.25/3.5)*10.7 - 0.5*1 - 0) / (1.25 - 1.5625/3.5) = (60.5/14)/(11.25/14)
    //       = 242/45,
    // ddth1 = -(1.25 * 242/45 + 10.7)/3.5 = -(784/45)/3.5 = -224/45.
    double[] d = AcrobotPhysics.derivative(new double[] {PI / 2, PI / 2, 1, 2}, 1.0);
    assertArrayEquals(new double[] {1, 2, -224.0 / 45, 242.0 / 45}, d, TOL);
  }

  @Test
  void derivativeAtTheHangingRestIsZero() {
    double[] d = AcrobotPhysics.derivative(new double[] {0, 0, 0, 0}, 0.0);
    // cos(-pi/2) is 6e-17 in floating point, hence the tolerance instead of exact zero.
    assertArrayEquals(new double[] {0, 0, 0, 0}, d, 1e-14);
  }

  @Test
  void oneStepIsOneRk4StepOfTheBookEquations() {
    double[][] states = {
      {0.1, -0.2, 0.3, -0.4}, {PI / 2, PI / 2, 1, 2}, {-2.0, 1.0, -5.0, 10.0}, {3.0, -3.0, 12.0, -28.0}
    };
    double[] torques = {0.0, 1.0, -1.0, 0.5};
    for (int i = 0; i < states.length; i++) {
      assertArrayEquals(
          rk4(states[i], torques[i]), AcrobotPhysics.rk4(states[i], torques[i]), 1e-10,
          "state " + i);
    }
    assertArrayEquals(
        rk4(states[0], 0.0), AcrobotPhysics.rk4(states[0], 0.0), TOL);
  }

  @Test
  void envStepIsRk4ThenWrapThenClipWithoutClippingInsideRk4() {
    double[] s = {3.0, -3.0, 4 * PI, -9 * PI};
    double[] raw = rk4(s, 1.0);
    assertTrue(raw[0] > PI && raw[0] < 3 * PI, "premise: theta1 needs one wrap");
    assertTrue(raw[1] < -3 * PI && raw[1] > -5 * PI, "premise: theta2 needs two wraps");
    Acrobot env = new Acrobot(RewardScheme.UNSHAPED);
    placeAt(env, s);
    env.step(a(1.0));
    double[] ns = env.saveState().dynamics();
    assertEquals(raw[0] - 2 * PI, ns[0], 1e-10);
    assertEquals(raw[1] + 2 * PI + 2 * PI, ns[1], 1e-10);
    assertEquals(Math.min(Math.max(raw[2], -4 * PI), 4 * PI), ns[2], 1e-10);
    assertEquals(Math.min(Math.max(raw[3], -9 * PI), 9 * PI), ns[3], 1e-10);
  }

  @Test
  void velocitiesAreClippedToFourPiAndNinePi() {
    double[] s = {0.0, 0.0, 4 * PI, 9 * PI};
    double[] raw = rk4(s, 1.0);
    Acrobot env = new Acrobot(RewardScheme.UNSHAPED);
    placeAt(env, s);
    double[] obs = env.step(a(1.0)).observation();
    assertTrue(Math.abs(raw[2]) > 4 * PI || Math.abs(raw[3]) > 9 * PI, "premise: clipping");
    assertTrue(Math.abs(obs[2]) <= 4 * PI && Math.abs(obs[3]) <= 9 * PI);
    if (Math.abs(raw[3]) > 9 * PI) {
      assertEquals(Math.signum(raw[3]) * 9 * PI, obs[3], 0.0);
    }
    if (Math.abs(raw[2]) > 4 * PI) {
      assertEquals(Math.signum(raw[2]) * 4 * PI, obs[2], 0.0);
    }
  }

  @Test
  void hangingRestWithZeroTorqueStaysAtRestForAWholeEpisode() {
    Acrobot env = new Acrobot(RewardScheme.UNSHAPED);
    assertArrayEquals(new double[] {0, 0, 0, 0}, env.reset(3), 0.0);
    for (int t = 1; t <= 1000; t++) {
      StepResult r = env.step(a(0.0));
      assertArrayEquals(new double[] {0, 0, 0, 0}, r.observation(), 1e-12);
      assertEquals(-1.0, r.reward(), 0.0);
      assertFalse(r.terminated());
      assertEquals(t == 1000, r.truncated());
    }
  }

  @Test
  void terminalTestIsTipAboveOneLinkLength() {
    assertTrue(AcrobotPhysics.isTerminal(new double[] {PI, 0, 0, 0}));
    assertFalse(AcrobotPhysics.isTerminal(new double[] {0, 0, 0, 0}));
    assertFalse(AcrobotPhysics.isTerminal(new double[] {PI / 2, 0, 0, 0}));
    // -cos(pi) - cos(3pi/2 + 0.01) = 1 - sin(0.01) < 1: link 2 horizontal is not enough.
    assertFalse(AcrobotPhysics.isTerminal(new double[] {PI, PI / 2 + 0.01, 0, 0}));
    // th1 = 2.5, th2 = 0.2: -cos(2.5) - cos(2.7) = 0.801 + 0.904 > 1
    assertTrue(AcrobotPhysics.isTerminal(new double[] {2.5, 0.2, 0, 0}));
  }

  @Test
  void reachingTheGoalTerminatesWithZeroOrOneDependingOnTheReward() {
    double[] inverted = {PI, 0, 0, 0};
    Acrobot unshaped = new Acrobot(RewardScheme.UNSHAPED);
    placeAt(unshaped, inverted);
    StepResult r = unshaped.step(a(0.0));
    assertTrue(r.terminated());
    assertEquals(0.0, r.reward(), 0.0);
    assertThrows(IllegalStateException.class, () -> unshaped.step(a(0.0)));

    Acrobot sparse = new Acrobot(RewardScheme.SPARSE);
    placeAt(sparse, inverted);
    StepResult s = sparse.step(a(0.0));
    assertTrue(s.terminated());
    assertEquals(1.0, s.reward(), 0.0);
    placeAt(sparse, 0, 0, 0, 0);
    assertEquals(0.0, sparse.step(a(1.0)).reward(), 0.0);

    Acrobot gym = new Acrobot();
    placeAt(gym, inverted);
    StepResult g = gym.step(a(0.0));
    assertTrue(g.terminated());
    assertEquals(0.0, g.reward(), 0.0);
  }

  @Test
  void torqueIsClippedToOne() {
    Acrobot big = new Acrobot(RewardScheme.UNSHAPED);
    big.reset(0);
    Acrobot one = new Acrobot(RewardScheme.UNSHAPED);
    one.reset(0);
    assertArrayEquals(one.step(a(-1.0)).observation(), big.step(a(-50.0)).observation(), 0.0);
    // From rest, only ddth2's tau term and ddth1 through d2 move: one step equals RK4 of tau=-1.
    assertArrayEquals(rk4(new double[4], -1.0), big.saveState().dynamics(), 1e-12);
  }

  @Test
  void unshapedObservationIsNormalisedAnglesAndVelocities() {
    Acrobot env = new Acrobot(RewardScheme.UNSHAPED);
    placeAt(env, PI, -PI, 1.0, -2.0);
    double[] obs = env.step(a(0.0)).observation();
    double[] ns = env.saveState().dynamics();
    assertArrayEquals(
        new double[] {Angles.normalize(ns[0]), Angles.normalize(ns[1]), ns[2], ns[3]}, obs, 0.0);
  }

  @Test
  void gymnasiumVariantObservesCosSinAndStartsNearRestInFloat32() {
    Acrobot env = new Acrobot();
    env.reset(11);
    for (int i = 0; i < 100; i++) {
      double[] obs = env.reset();
      double[] s = env.saveState().dynamics();
      for (double x : s) {
        assertTrue(x >= -0.1 && x <= 0.1, "start component " + x);
        assertEquals(x, (double) (float) x, 0.0, "float32 start");
      }
      assertArrayEquals(
          new double[] {
            Math.cos(s[0]), Math.sin(s[0]), Math.cos(s[1]), Math.sin(s[1]), s[2], s[3]
          },
          obs, 0.0);
    }
    assertEquals(500, env.maxEpisodeSteps());
    assertEquals("AcrobotContinuous-v1", env.id());
    assertEquals(Box.symmetric(1, 1, 1, 1, 4 * PI, 9 * PI), env.observationSpace());
  }
}
