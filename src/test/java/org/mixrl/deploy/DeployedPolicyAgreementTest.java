package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.agent.Sac;
import org.mixrl.env.Box;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.random.RandomStream;

/**
 * The exported policy acts exactly as the training agent: {@code act} equals {@code
 * Sac.actDeterministic} and {@code sample} with a seeded stream equals {@code Sac.act} with an
 * identically seeded one, bit for bit, on 1000 random observations per case.
 */
class DeployedPolicyAgreementTest {
  private static final int N = 1000;

  static Stream<Arguments> cases() {
    Box pendulum = Box.symmetric(2.0);
    Box skewed = new Box(new double[] {-1, 0.5}, new double[] {3, 0.75});
    return Stream.of(
        // class, K, hidden, obsDim, box, bounds, weight scale
        Arguments.of("g", 1, List.of(64, 64), 3, pendulum, LogStdBounds.clamp(), 1.0),
        Arguments.of("sg", 1, List.of(64, 64), 3, pendulum, LogStdBounds.clamp(), 1.0),
        Arguments.of("gm", 5, List.of(64, 64), 3, pendulum, LogStdBounds.clamp(), 1.0),
        Arguments.of("sgm", 5, List.of(64, 64), 3, pendulum, LogStdBounds.clamp(), 1.0),
        Arguments.of("sg", 1, List.of(256, 256), 3, pendulum, LogStdBounds.clamp(), 1.0),
        Arguments.of("sgm", 5, List.of(256, 256), 3, pendulum, LogStdBounds.clamp(), 1.0),
        // wide outputs: log-stds hit their bounds, Gaussian actions leave the box
        Arguments.of("g", 1, List.of(67, 9), 5, skewed, LogStdBounds.clamp(), 4.0),
        Arguments.of("gm", 3, List.of(67, 9), 5, skewed, LogStdBounds.tanh(), 4.0),
        Arguments.of("sgm", 4, List.of(130), 6, skewed, LogStdBounds.clamp(), 4.0),
        Arguments.of("sg", 1, List.of(33, 17), 6, skewed, LogStdBounds.tanh(), 4.0));
  }

  @ParameterizedTest(name = "{0} K={1} hidden={2} obs={3} {5} x{6}")
  @MethodSource("cases")
  void actEqualsTheAgentsDeterministicActionBitwise(String cls, int k, List<Integer> hidden,
      int obsDim, Box box, LogStdBounds bounds, double scale) {
    Sac sac = Agents.agent(cls, k, hidden, obsDim, box, bounds, scale, 11);
    PolicySession session = Agents.export(sac).newSession();
    double[] out = new double[box.dim()];
    int clipped = 0;
    for (double[] obs : Agents.observations(N, obsDim, 2.0, 12)) {
      double[] expected = sac.actDeterministic(obs);
      session.act(obs, out);
      assertBitwiseEqual(expected, out, obs);
      clipped += touchesBox(out, box) ? 1 : 0;
    }
    if (cls.equals("g") && scale > 1) {
      // the case exists to exercise the clip; make sure it did
      assertTrue(clipped > 0, "no action reached the box edge");
    }
  }

  @ParameterizedTest(name = "{0} K={1} hidden={2} obs={3} {5} x{6}")
  @MethodSource("cases")
  void sampleEqualsTheAgentsStochasticActionBitwise(String cls, int k, List<Integer> hidden,
      int obsDim, Box box, LogStdBounds bounds, double scale) {
    Sac sac = Agents.agent(cls, k, hidden, obsDim, box, bounds, scale, 21);
    PolicySession session = Agents.export(sac).newSession();
    RandomStream agentRng = RandomStream.of(99);
    RandomStream policyRng = RandomStream.of(99);
    double[] out = new double[box.dim()];
    for (double[] obs : Agents.observations(N, obsDim, 2.0, 22)) {
      double[] expected = sac.act(obs, agentRng);
      session.sample(obs, policyRng, out);
      assertBitwiseEqual(expected, out, obs);
    }
    // both streams were consumed identically, so they continue identically
    assertEquals(agentRng.nextLong(), policyRng.nextLong());
  }

  @ParameterizedTest(name = "{0} K={1} hidden={2} obs={3} {5} x{6}")
  @MethodSource("cases")
  void aReloadedPolicyActsAsTheExportedOne(String cls, int k, List<Integer> hidden,
      int obsDim, Box box, LogStdBounds bounds, double scale) throws Exception {
    DeployedPolicy exported = Agents.export(Agents.agent(cls, k, hidden, obsDim, box, bounds,
        scale, 31));
    DeployedPolicy loaded = DeployedPolicy.load(new java.io.ByteArrayInputStream(
        exported.toBytes()));
    PolicySession a = exported.newSession();
    PolicySession b = loaded.newSession();
    double[] x = new double[box.dim()];
    double[] y = new double[box.dim()];
    RandomStream ra = RandomStream.of(5);
    RandomStream rb = RandomStream.of(5);
    for (double[] obs : Agents.observations(100, obsDim, 2.0, 32)) {
      a.act(obs, x);
      b.act(obs, y);
      assertBitwiseEqual(x, y, obs);
      a.sample(obs, ra, x);
      b.sample(obs, rb, y);
      assertBitwiseEqual(x, y, obs);
    }
    assertTrue(java.util.Arrays.equals(exported.toBytes(), loaded.toBytes()),
        "writing a loaded policy must give the bytes it was read from");
  }

  private static boolean touchesBox(double[] a, Box box) {
    for (int j = 0; j < a.length; j++) {
      if (a[j] == box.low(j) || a[j] == box.high(j)) {
        return true;
      }
    }
    return false;
  }

  static void assertBitwiseEqual(double[] expected, double[] actual, double[] obs) {
    assertEquals(expected.length, actual.length);
    for (int j = 0; j < expected.length; j++) {
      assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(actual[j]),
          () -> "action differs at obs " + java.util.Arrays.toString(obs) + ": expected "
              + java.util.Arrays.toString(expected) + ", got " + java.util.Arrays.toString(actual));
    }
  }
}
