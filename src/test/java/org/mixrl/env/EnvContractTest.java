package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixrl.env.EnvTesting.sameBits;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;

/** The {@link Env} contract, checked for every registered id. */
class EnvContractTest {

  static Stream<String> ids() {
    return Envs.ids().stream();
  }

  /** A reproducible sequence of {@code dim}-component actions that also leaves the box. */
  private static double[][] actions(int n, long seed, int dim) {
    RandomStream r = RandomStream.of(seed);
    double[][] out = new double[n][dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        out[i][j] = r.uniform(-3, 3);
      }
    }
    return out;
  }

  /** The action of {@code env}'s dimension with every component {@code value}. */
  private static double[] filled(Env env, double value) {
    return EnvTesting.filled(value, env.actionSpace().dim());
  }

  /** Steps through {@code actions}, resetting (continuing the stream) when an episode ends. */
  private static List<double[]> run(Env env, double[][] actions) {
    List<double[]> trace = new ArrayList<>();
    for (double[] action : actions) {
      StepResult r = env.step(action);
      trace.add(r.observation());
      trace.add(new double[] {r.reward(), r.terminated() ? 1 : 0, r.truncated() ? 1 : 0});
      if (r.done()) {
        trace.add(env.reset());
      }
    }
    return trace;
  }

  private static void assertSameTrace(List<double[]> x, List<double[]> y) {
    assertEquals(x.size(), y.size());
    for (int i = 0; i < x.size(); i++) {
      assertTrue(sameBits(x.get(i), y.get(i)), "entry " + i + " differs");
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void sameSeedGivesBitwiseIdenticalEpisodes(String id) {
    Env e1 = Envs.make(id);
    double[][] acts = actions(1200, 5, e1.actionSpace().dim());
    Env e2 = Envs.make(id);
    assertTrue(sameBits(e1.reset(42), e2.reset(42)));
    assertSameTrace(run(e1, acts), run(e2, acts));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void resetWithoutSeedContinuesTheStream(String id) {
    Env e1 = Envs.make(id);
    Env e2 = Envs.make(id);
    e1.reset(9);
    e2.reset(9);
    for (int i = 0; i < 3; i++) {
      assertTrue(sameBits(e1.reset(), e2.reset()));
    }
    Env fresh = Envs.make(id);
    Env seededZero = Envs.make(id);
    assertTrue(sameBits(fresh.reset(), seededZero.reset(0)), "a new env acts as seeded with 0");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void restoredStateContinuesBitwiseIdentically(String id) {
    Env original = Envs.make(id);
    int dim = original.actionSpace().dim();
    double[][] before = actions(700, 1, dim);
    double[][] after = actions(1500, 2, dim);
    original.reset(77);
    run(original, before);
    EnvState saved = original.saveState();
    List<double[]> expected = run(original, after);

    Env resumed = Envs.make(id);
    resumed.reset(1234);
    resumed.restoreState(saved);
    assertEquals(saved, resumed.saveState());
    assertSameTrace(expected, run(resumed, after));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void truncatesExactlyAtTheTimeLimit(String id) {
    Env env = Envs.make(id);
    env.reset(3);
    int limit = env.maxEpisodeSteps();
    for (int t = 1; t <= limit; t++) {
      // Zero action never reaches any goal from the start states within the limit.
      StepResult r = env.step(filled(env, 0.0));
      assertFalse(r.terminated(), "step " + t);
      assertEquals(t == limit, r.truncated(), "step " + t);
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> env.step(filled(env, 0.0)));
    assertTrue(e.getMessage().contains(id), e.getMessage());
    env.reset();
    assertFalse(env.step(filled(env, 0.0)).truncated());
  }

  @ParameterizedTest
  @MethodSource("ids")
  void stepBeforeResetIsAnIllegalState(String id) {
    Env env = Envs.make(id);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> env.step(filled(env, 0.0)));
    assertTrue(e.getMessage().contains(id) && e.getMessage().contains("reset"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("ids")
  void nonFiniteActionsAreRejectedNamingEnvIndexAndValue(String id) {
    Env env = Envs.make(id);
    env.reset(0);
    int last = env.actionSpace().dim() - 1;
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] action = filled(env, 0.0);
      action[last] = bad;
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> env.step(action));
      String m = e.getMessage();
      assertTrue(m.contains(id) && m.contains("action[" + last + "]")
          && m.contains(String.valueOf(bad)), m);
    }
    assertEquals(0, ((AbstractEnv) env).stepCount(), "a rejected action must not count");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void wrongActionLengthIsRejectedNamingExpectedAndGot(String id) {
    Env env = Envs.make(id);
    env.reset(0);
    int dim = env.actionSpace().dim();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[dim + 1]));
    assertTrue(e.getMessage().contains("length " + dim)
        && e.getMessage().contains("got " + (dim + 1)), e.getMessage());
    IllegalArgumentException n =
        assertThrows(IllegalArgumentException.class, () -> env.step(null));
    assertTrue(n.getMessage().contains("got null"), n.getMessage());
  }

  @ParameterizedTest
  @MethodSource("ids")
  void restoreRejectsAnotherEnvsStateOrTheWrongSize(String id) {
    Env env = Envs.make(id);
    env.reset(0);
    EnvState own = env.saveState();
    String other = id.equals(Pendulum.ID) ? MountainCar.ID : Pendulum.ID;
    EnvState foreign = new EnvState(other, own.dynamics(), 0, own.phase(), own.random());
    assertThrows(IllegalArgumentException.class, () -> env.restoreState(foreign));
    EnvState shortState = new EnvState(id, new double[1], 0, own.phase(), own.random());
    assertThrows(IllegalArgumentException.class, () -> env.restoreState(shortState));
    assertThrows(IllegalArgumentException.class, () -> env.restoreState(null));
    assertEquals(own, env.saveState(), "a failed restore leaves the env unchanged");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void observationsHaveTheDeclaredShapeAndLieInTheBox(String id) {
    Env env = Envs.make(id);
    double[] obs = env.reset(8);
    assertEquals(env.observationSpace().dim(), obs.length);
    assertTrue(env.observationSpace().contains(obs));
    assertTrue(env.actionSpace().dim() >= 1);
  }

  @ParameterizedTest
  @MethodSource("ids")
  void mutatingReturnedArraysDoesNotChangeTheEnv(String id) {
    Env e1 = Envs.make(id);
    Env e2 = Envs.make(id);
    double[] obs = e1.reset(8);
    e2.reset(8);
    obs[0] = 1e9;
    e1.saveState().dynamics()[0] = 1e9;
    e1.observationSpace().low()[0] = 1e9;
    StepResult r1 = e1.step(filled(e1, 0.5));
    StepResult r2 = e2.step(filled(e2, 0.5));
    assertTrue(sameBits(r2.observation(), r1.observation()));
    assertEquals(e2.saveState(), e1.saveState());
    assertEquals(e2.observationSpace(), e1.observationSpace());
  }
}
