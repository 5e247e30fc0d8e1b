package org.mixrl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

class MixtureDiagnosticsTest {
  private static PolicyHead head(int k) {
    return new PolicyHead(PolicyClass.SGM, 1, k, ActionBox.unit(1), LogStdBounds.tanh());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 8})
  void equalWeightsUseAllKComponents(int k) {
    PolicyHead h = head(k);
    MixtureDiagnostics.Summary d = MixtureDiagnostics.summarize(h.apply(Tensor.zeros(3, h.outputSize())));
    assertEquals(k, d.effectiveComponents(), 1e-12);
    assertEquals(1.0 / k, d.maxWeight(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5})
  void oneDominantComponentCountsAsOne(int k) {
    PolicyHead h = head(k);
    Tensor out = Tensor.zeros(2, h.outputSize());
    out.data()[0] = 800; // logit of component 0 in both rows
    out.data()[h.outputSize()] = 800;
    MixtureDiagnostics.Summary d = MixtureDiagnostics.summarize(h.apply(out));
    assertEquals(1.0, d.effectiveComponents(), 1e-12);
    assertEquals(1.0, d.maxWeight(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void effectiveCountLiesBetweenOneAndK(long seed) {
    PolicyHead h = head(4);
    Tensor out = Tensor.randn(RandomStream.of(seed), 16, h.outputSize()).mul(3);
    MixtureDiagnostics.Summary d = MixtureDiagnostics.summarize(h.apply(out));
    assertTrue(d.effectiveComponents() >= 1 && d.effectiveComponents() <= 4, d.toString());
    assertTrue(d.maxWeight() >= 0.25 && d.maxWeight() <= 1, d.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"g", "sg"})
  void nonMixturesHaveNoDiagnostics(String policy) {
    PolicyHead h = new PolicyHead(PolicyClass.parse(policy), 1, 1, ActionBox.unit(1),
        LogStdBounds.tanh());
    MixtureDiagnostics.Summary d = MixtureDiagnostics.summarize(h.apply(Tensor.zeros(2, h.outputSize())));
    assertTrue(Double.isNaN(d.effectiveComponents()) && Double.isNaN(d.maxWeight()));
  }
}
