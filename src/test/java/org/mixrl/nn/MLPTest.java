package org.mixrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

class MLPTest {
  private static MLP mlp(long seed, Activation act) {
    return new MLP(MlpConfig.of(3, List.of(5, 4), act, 2), RandomStream.of(seed));
  }

  @Test
  void parametersHaveStableDottedNamesInLayerOrder() {
    assertEquals(
        List.of(
            "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
            "layers.2.weight", "layers.2.bias"),
        List.copyOf(mlp(1, Activation.RELU).parameterSet().names()));
    assertArrayEquals(
        new int[] {4, 5}, mlp(1, Activation.RELU).parameterSet().get("layers.1.weight").shape());
    assertEquals(5 * 3 + 5 + 4 * 5 + 4 + 2 * 4 + 2, mlp(1, Activation.RELU).parameterCount());
  }

  @Test
  void forwardComposesLayersAndActivations() {
    MLP m =
        new MLP(
            new MlpConfig(3, List.of(5, 4), List.of(Activation.TANH, Activation.ELU), 2,
                Activation.RELU),
            RandomStream.of(2));
    Tensor x = Tensor.randn(RandomStream.of(3), 6, 3);
    List<Linear> ls = m.layers();
    Tensor expected = ls.get(2).forward(ls.get(1).forward(ls.get(0).forward(x).tanh()).elu()).relu();
    Tensor y = m.forward(x);
    assertArrayEquals(new int[] {6, 2}, y.shape());
    assertArrayEquals(expected.toArray(), y.toArray(), 0);
  }

  @Test
  void gradientsThroughTheNetworkAgreeWithCentralDifferences() {
    MLP m = mlp(4, Activation.TANH);
    GradCheck.Result r =
        GradCheck.check(t -> m.forward(t[0]).square().sum(), Tensor.randn(RandomStream.of(5), 4, 3));
    assertTrue(r.passed(1e-7), r.toString());
  }

  @Test
  void backwardFillsEveryParameterGradientAndZeroGradClearsThem() {
    MLP m = mlp(6, Activation.ELU);
    m.forward(Tensor.randn(RandomStream.of(7), 4, 3)).square().mean().backward();
    for (NamedParameter p : m.namedParameters()) {
      assertNotNull(p.tensor().grad(), p.name());
    }
    m.zeroGrad();
    for (NamedParameter p : m.namedParameters()) {
      assertNull(p.tensor().grad(), p.name());
    }
  }

  @Test
  void copyFromMakesAnIdenticalIndependentNetwork() {
    MLP a = mlp(8, Activation.RELU);
    MLP b = mlp(9, Activation.RELU);
    Tensor x = Tensor.randn(RandomStream.of(10), 4, 3);
    assertFalse(Arrays.equals(a.forward(x).toArray(), b.forward(x).toArray()));
    b.copyFrom(a);
    assertArrayEquals(a.forward(x).toArray(), b.forward(x).toArray(), 0);
    // a hard copy: later changes to the source do not leak into the copy
    a.layers().get(0).weight().data()[0] += 1;
    assertTrue(a.layers().get(0).weight().get(0, 0) != b.layers().get(0).weight().get(0, 0));
  }

  @Test
  void copyFromAMismatchedModuleFailsWithoutWritingAnything() {
    MLP target = mlp(11, Activation.RELU);
    double[] before = target.layers().get(0).weight().toArray();
    MLP wider = new MLP(MlpConfig.of(3, List.of(5, 6), Activation.RELU, 2), RandomStream.of(12));
    var e = assertThrows(IllegalArgumentException.class, () -> target.copyFrom(wider));
    assertTrue(e.getMessage().contains("layers.1.weight") && e.getMessage().contains("[6, 5]")
        && e.getMessage().contains("[4, 5]"), e.getMessage());
    assertArrayEquals(before, target.layers().get(0).weight().toArray(), 0);
    MLP deeper =
        new MLP(MlpConfig.of(3, List.of(5, 4, 4), Activation.RELU, 2), RandomStream.of(12));
    e = assertThrows(IllegalArgumentException.class, () -> target.copyFrom(deeper));
    assertTrue(e.getMessage().contains("unexpected parameters [layers.3.bias, layers.3.weight]"),
        e.getMessage());
  }

  @Test
  void forwardRejectsInputsOfTheWrongWidth() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> mlp(1, Activation.RELU).forward(Tensor.zeros(2, 4)));
    assertTrue(e.getMessage().contains("[B, 3]") && e.getMessage().contains("[2, 4]"));
  }

  @Test
  void configValidationNamesTheFieldAndTheRange() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> MlpConfig.of(0, List.of(4), Activation.RELU, 1));
    assertTrue(e.getMessage().contains("inputSize must be >= 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MlpConfig.of(2, List.of(4, 0), Activation.RELU, 1));
    assertTrue(e.getMessage().contains("hiddenSizes[1] must be >= 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MlpConfig(2, List.of(4), List.of(), 1, Activation.IDENTITY));
    assertTrue(e.getMessage().contains("activations"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MlpConfig.of(2, List.of(4), Activation.RELU, 0));
    assertTrue(e.getMessage().contains("outputSize"), e.getMessage());
  }

  @Test
  void parameterSetLooksUpByNameAndRejectsDuplicates() {
    MLP m = mlp(1, Activation.RELU);
    assertTrue(m.parameterSet().get("layers.2.bias") == m.layers().get(2).bias());
    var e = assertThrows(IllegalArgumentException.class, () -> m.parameterSet().get("nope"));
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("layers.0.weight"));
    Tensor t = Tensor.zeros(1);
    e = assertThrows(IllegalArgumentException.class, () -> ParameterSet.of(
        List.of(new NamedParameter("a", t), new NamedParameter("a", t))));
    assertTrue(e.getMessage().contains("duplicate parameter name 'a'"));
  }
}
