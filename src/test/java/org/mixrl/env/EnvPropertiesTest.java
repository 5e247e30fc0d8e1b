package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Laws that hold for every env and every action sequence. */
class EnvPropertiesTest {

  @Provide
  Arbitrary<String> envIds() {
    return Arbitraries.of(Envs.ids());
  }

  @Provide
  Arbitrary<List<Double>> actionSequences() {
    Arbitrary<Double> action =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.doubles().between(-3, 3)),
            net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-1e300, 1e300)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e154, -1e155)));
    // Runs of one repeated action make the sustained pushes that reach walls, speed limits and
    // goals; purely i.i.d. actions mostly jiggle in place.
    Arbitrary<List<Double>> run =
        net.jqwik.api.Combinators.combine(action, Arbitraries.integers().between(1, 120))
            .as((a, n) -> java.util.Collections.nCopies(n, a));
    return run.list().ofMinSize(1).ofMaxSize(12)
        .map(runs -> runs.stream().flatMap(List::stream).toList());
  }

  @Property(tries = 150)
  void observationsStayFiniteAndInsideTheBoxForAnyActions(
      @ForAll("envIds") String id,
      @ForAll long seed,
      @ForAll("actionSequences") List<Double> actions) {
    Env env = Envs.make(id);
    double[] obs = env.reset(seed);
    assertInBox(env, obs);
    for (double a : actions) {
      StepResult r = env.step(new double[] {a});
      assertInBox(env, r.observation());
      assertFalse(Double.isNaN(r.reward()), id + " NaN reward for action " + a);
      if (Math.abs(a) <= 1e150) {
        assertTrue(Double.isFinite(r.reward()), id + " reward " + r.reward() + " for " + a);
      }
      if (r.done()) {
        assertInBox(env, env.reset());
      }
    }
  }

  private static void assertInBox(Env env, double[] obs) {
    for (double o : obs) {
      assertTrue(Double.isFinite(o), env.id() + " non-finite observation");
    }
    assertTrue(env.observationSpace().contains(obs),
        env.id() + " observation " + java.util.Arrays.toString(obs) + " outside "
            + env.observationSpace());
  }

  @Property
  void pendulumRewardLiesInItsDocumentedRange(
      @ForAll @DoubleRange(min = -20, max = 20) double theta,
      @ForAll @DoubleRange(min = -8, max = 8) double omega,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double action) {
    Pendulum env = new Pendulum();
    EnvTesting.placeAt(env, theta, omega);
    double reward = env.step(new double[] {action}).reward();
    // max cost: pi^2 + 0.1 * 64 + 0.001 * 4 = 16.2736044
    assertTrue(reward <= 0 && reward >= -(Math.PI * Math.PI + 6.4 + 0.004) - 1e-12,
        "reward " + reward);
  }

  @Property
  void v1AndV0PendulumPositionsDifferExactlyByTheClippedVelocityExcess(
      @ForAll @DoubleRange(min = -3.1, max = 3.1) double theta,
      @ForAll @DoubleRange(min = -8, max = 8) double omega,
      @ForAll @DoubleRange(min = -2, max = 2) double u) {
    Pendulum v1 = new Pendulum();
    EnvTesting.placeAt(v1, theta, omega);
    UnshapedPendulum v0 = new UnshapedPendulum(RewardScheme.UNSHAPED);
    EnvTesting.placeAt(v0, theta, omega);
    v1.step(new double[] {u});
    double theta0 = v0.step(new double[] {u}).observation()[0];
    double theta1 = v1.saveState().dynamics()[0];
    // unclipped omega' from the written equation
    double w = omega + (15 * Math.sin(theta) + 3 * u) * 0.05;
    double excess = (w - Math.max(-8, Math.min(8, w))) * 0.05;
    double gap = Angles.normalize(theta0 - theta1 - excess);
    assertEquals(0.0, gap, 1e-12, "w=" + w);
  }
}
