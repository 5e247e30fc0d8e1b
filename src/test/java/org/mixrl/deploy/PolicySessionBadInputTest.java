package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mixrl.random.RandomStream;

/** Wrong observations and output arrays are refused with a message naming them. */
class PolicySessionBadInputTest {
  private final PolicySession session =
      Agents.export(Agents.pendulumAgent("sgm", 2, List.of(4), 1)).newSession();
  private final RandomStream rng = RandomStream.of(1);

  private static void refused(Executable call, String... fragments) {
    String m = assertThrows(IllegalArgumentException.class, call).getMessage();
    for (String f : fragments) {
      assertTrue(m.contains(f), "message '" + m + "' lacks '" + f + "'");
    }
  }

  @Test
  void observationsOfTheWrongLengthAreRefused() {
    refused(() -> session.act(new double[2], new double[1]), "obs", "length 3", "length 2");
    refused(() -> session.sample(new double[4], rng, new double[1]), "obs", "length 4");
    refused(() -> session.act(null, new double[1]), "obs", "null");
  }

  @Test
  void nonFiniteObservationsAreRefused() {
    refused(() -> session.act(new double[] {0, Double.NaN, 0}, new double[1]), "obs[1] is NaN");
    refused(() -> session.sample(new double[] {Double.POSITIVE_INFINITY, 0, 0}, rng,
        new double[1]), "obs[0] is Infinity");
  }

  @Test
  void outputsOfTheWrongLengthAreRefused() {
    refused(() -> session.act(new double[3], new double[2]), "out", "length 1", "length 2");
    refused(() -> session.sample(new double[3], rng, new double[0]), "out", "length 0");
    refused(() -> session.act(new double[3], null), "out", "null");
  }

  @Test
  void aMissingRandomStreamIsRefused() {
    refused(() -> session.sample(new double[3], null, new double[1]), "rng");
  }
}
