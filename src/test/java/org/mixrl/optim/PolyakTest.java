package org.mixrl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.random.RandomStream;

class PolyakTest {
  private static MLP net(long seed) {
    return new MLP(MlpConfig.of(3, List.of(4), Activation.RELU, 2), RandomStream.of(seed));
  }

  @Test
  void updateMovesEachTargetValueTauOfTheWayToTheSource() {
    MLP target = net(1);
    MLP source = net(2);
    double[] before = target.layers().get(0).weight().toArray();
    double[] src = source.layers().get(0).weight().toArray();
    Polyak.update(target, source, 0.005);
    double[] after = target.layers().get(0).weight().toArray();
    for (int i = 0; i < after.length; i++) {
      assertEquals(0.005 * src[i] + 0.995 * before[i], after[i], 1e-15);
    }
    // the source is never written
    assertArrayEquals(src, source.layers().get(0).weight().toArray(), 0);
  }

  @Test
  void repeatedUpdatesConvergeGeometrically() {
    MLP target = net(1);
    MLP source = net(2);
    double t0 = target.layers().get(1).bias().get(0);
    double s = source.layers().get(1).bias().get(0);
    for (int k = 0; k < 100; k++) {
      Polyak.update(target, source, 0.1);
    }
    // θ̄_k − θ = 0.9^k (θ̄₀ − θ)
    assertEquals(Math.pow(0.9, 100) * (t0 - s), target.layers().get(1).bias().get(0) - s, 1e-15);
  }

  @Test
  void tauOneCopiesAndTauZeroKeeps() {
    MLP target = net(1);
    MLP source = net(2);
    double[] before = target.layers().get(1).weight().toArray();
    Polyak.update(target, source, 0);
    assertArrayEquals(before, target.layers().get(1).weight().toArray(), 0);
    Polyak.update(target, source, 1);
    assertArrayEquals(
        source.layers().get(1).weight().toArray(), target.layers().get(1).weight().toArray(), 0);
  }

  @Test
  void invalidTauAndMismatchedNetworksAreRejected() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Polyak.update(net(1), net(2), 1.5));
    assertTrue(e.getMessage().contains("tau must be in [0, 1], got 1.5"));
    MLP other = new MLP(MlpConfig.of(3, List.of(5), Activation.RELU, 2), RandomStream.of(3));
    e = assertThrows(IllegalArgumentException.class, () -> Polyak.update(net(1), other, 0.5));
    assertTrue(e.getMessage().contains("layers.0.weight"), e.getMessage());
  }

  @Test
  void aPairingMadeOnceSeesLaterWritesAndMatchesTheOneShotUpdate() {
    MLP target = net(1);
    MLP source = net(2);
    MLP target2 = net(1);
    Polyak.Pairing pairing = Polyak.pair(target, source);
    for (int k = 0; k < 3; k++) {
      // the source changes between updates, as SAC's critics do
      source.layers().get(0).weight().data()[0] += 0.25;
      pairing.update(0.3);
      Polyak.update(target2, source, 0.3);
    }
    for (int l = 0; l < 2; l++) {
      assertArrayEquals(target2.layers().get(l).weight().toArray(),
          target.layers().get(l).weight().toArray(), 0);
      assertArrayEquals(target2.layers().get(l).bias().toArray(),
          target.layers().get(l).bias().toArray(), 0);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> pairing.update(-0.1));
    assertTrue(e.getMessage().contains("got -0.1"), e.getMessage());
  }
}
