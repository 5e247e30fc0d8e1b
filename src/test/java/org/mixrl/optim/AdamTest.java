package org.mixrl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.nn.NamedParameter;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

class AdamTest {
  /** Runs f(p) = Σ p²/2 (gradient p) through {@code steps} Adam steps and returns p. */
  private static double[] halfSquareSteps(Adam adam, Tensor p, int steps) {
    double[] trace = new double[steps];
    for (int t = 0; t < steps; t++) {
      adam.zeroGrad();
      p.square().mul(0.5).sum().backward();
      adam.step();
      trace[t] = p.get(0);
    }
    return trace;
  }

  @Test
  void firstThreeStepsOnHalfSquareMatchTheFormulasByHand() {
    Tensor p = Tensor.vector(1.0).requiresGrad(true);
    Adam adam = new Adam(List.of(new NamedParameter("p", p)), AdamConfig.of(0.1));
    double[] trace = halfSquareSteps(adam, p, 3);

    double lr = 0.1;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    // step 1: g = p0 = 1, m = 0.1, v = 0.001, m̂ = 1, v̂ = 1
    double p0 = 1;
    double m1 = (1 - b1) * p0;
    double v1 = (1 - b2) * p0 * p0;
    double p1 = p0 - lr / (1 - b1) * m1 / (Math.sqrt(v1) / Math.sqrt(1 - b2) + eps);
    assertEquals(1 - 0.1 / (1 + 1e-8), p1, 1e-16);
    // step 2: g = p1
    double m2 = b1 * m1 + (1 - b1) * p1;
    double v2 = b2 * v1 + (1 - b2) * p1 * p1;
    double p2 =
        p1 - lr / (1 - b1 * b1) * m2 / (Math.sqrt(v2) / Math.sqrt(1 - b2 * b2) + eps);
    // step 3: g = p2
    double m3 = b1 * m2 + (1 - b1) * p2;
    double v3 = b2 * v2 + (1 - b2) * p2 * p2;
    double p3 =
        p2 - lr / (1 - b1 * b1 * b1) * m3
            / (Math.sqrt(v3) / Math.sqrt(1 - b2 * b2 * b2) + eps);

    assertEquals(p1, trace[0], 1e-15);
    assertEquals(p2, trace[1], 1e-15);
    assertEquals(p3, trace[2], 1e-15);
    // torch 1.13 (float64, torch.optim.Adam(lr=0.1)) prints these for the same problem
    assertEquals(0.900000001, trace[0], 1e-15);
    assertEquals(0.8004122297123382, trace[1], 1e-15);
    assertEquals(0.701586274504415, trace[2], 1e-15);
  }

  @Test
  void weightDecayIsAddedToTheGradientAsInTorchAdam() {
    // f(p) = Σ p³, gradient 3p²; L2 decay 0.5 makes it 3p² + 0.5p
    Tensor p = Tensor.vector(1.0, -2.0).requiresGrad(true);
    Adam adam =
        new Adam(List.of(new NamedParameter("p", p)), AdamConfig.of(0.1).withWeightDecay(0.5));
    for (int t = 0; t < 2; t++) {
      adam.zeroGrad();
      p.pow(3.0).sum().backward();
      adam.step();
    }
    // torch 1.13: torch.optim.Adam([p], lr=0.1, weight_decay=0.5), float64
    assertArrayEquals(
        new double[] {0.8009731666665323, -2.200135716490674}, p.toArray(), 1e-15);
  }

  @Test
  void parametersWithoutGradientAreSkippedAndKeepNoState() {
    Tensor a = Tensor.vector(1.0).requiresGrad(true);
    Tensor b = Tensor.vector(5.0).requiresGrad(true);
    Adam adam =
        new Adam(
            List.of(new NamedParameter("a", a), new NamedParameter("b", b)), AdamConfig.of(0.1));
    a.square().sum().backward();
    adam.step();
    assertEquals(5.0, b.get(0), 0);
    OptimizerState s = adam.exportState();
    assertEquals(1, s.parameters().get("a").step());
    assertNull(s.parameters().get("b"));
  }

  @Test
  void exportedStateResumesBitwiseIdentically() {
    MlpConfig cfg = MlpConfig.of(2, List.of(8), Activation.TANH, 1);
    MLP a = new MLP(cfg, RandomStream.of(1));
    MLP b = new MLP(cfg, RandomStream.of(2));
    Adam optA = new Adam(a, AdamConfig.of(0.01));
    Tensor x = Tensor.randn(RandomStream.of(3), 16, 2);
    for (int t = 0; t < 3; t++) {
      optA.zeroGrad();
      a.forward(x).square().mean().backward();
      optA.step();
    }
    b.copyFrom(a);
    Adam optB = new Adam(b, AdamConfig.of(0.01));
    optB.importState(optA.exportState());
    for (int t = 0; t < 3; t++) {
      for (var pair : List.of(Map.entry(a, optA), Map.entry(b, optB))) {
        pair.getValue().zeroGrad();
        pair.getKey().forward(x).square().mean().backward();
        pair.getValue().step();
      }
    }
    for (String name : a.parameterSet().names()) {
      assertArrayEquals(
          a.parameterSet().get(name).toArray(), b.parameterSet().get(name).toArray(), 0, name);
    }
    assertEquals(6, optB.exportState().parameters().get("layers.0.weight").step());
  }

  @Test
  void exportedStateIsACopy() {
    Tensor p = Tensor.vector(1.0).requiresGrad(true);
    Adam adam = new Adam(List.of(new NamedParameter("p", p)), AdamConfig.of(0.1));
    halfSquareSteps(adam, p, 1);
    OptimizerState s = adam.exportState();
    double[] m = s.parameters().get("p").buffer("exp_avg");
    m[0] = 123;
    assertEquals(0.1, adam.exportState().parameters().get("p").buffer("exp_avg")[0], 1e-15);
  }

  @Test
  void importRejectsForeignOrMismatchedStateWithoutChangingAnything() {
    Tensor p = Tensor.vector(1.0, 2.0).requiresGrad(true);
    Adam adam = new Adam(List.of(new NamedParameter("p", p)), AdamConfig.of(0.1));
    halfSquareSteps(adam, p, 2);
    OptimizerState before = adam.exportState();

    var sgdState = new OptimizerState("SGD", Map.of());
    var e = assertThrows(IllegalArgumentException.class, () -> adam.importState(sgdState));
    assertTrue(e.getMessage().contains("SGD"), e.getMessage());

    var wrongName = new OptimizerState("Adam", Map.of("q", before.parameters().get("p")));
    e = assertThrows(IllegalArgumentException.class, () -> adam.importState(wrongName));
    assertTrue(e.getMessage().contains("'q'"), e.getMessage());

    var shortBuffer =
        new OptimizerState(
            "Adam",
            Map.of(
                "p",
                new OptimizerState.ParameterState(
                    2, Map.of("exp_avg", new double[1], "exp_avg_sq", new double[1]))));
    e = assertThrows(IllegalArgumentException.class, () -> adam.importState(shortBuffer));
    assertTrue(e.getMessage().contains("has 1 values, the parameter has 2"), e.getMessage());

    assertArrayEquals(
        before.parameters().get("p").buffer("exp_avg_sq"),
        adam.exportState().parameters().get("p").buffer("exp_avg_sq"),
        0);
  }

  @Test
  void minimizesASmallRegressionMlpByMoreThanTenfold() {
    // y = sin(x₁) + x₂²/2 on 64 fixed points
    RandomStream rng = RandomStream.of(2024);
    Tensor x = Tensor.uniform(rng, -2, 2, 64, 2);
    double[] yd = new double[64];
    for (int i = 0; i < 64; i++) {
      yd[i] = Math.sin(x.get(i, 0)) + 0.5 * x.get(i, 1) * x.get(i, 1);
    }
    Tensor y = Tensor.of(yd, 64, 1);
    MLP net = new MLP(MlpConfig.of(2, List.of(32, 32), Activation.TANH, 1), rng);
    Adam adam = new Adam(net, AdamConfig.of(0.01));
    double first = Double.NaN;
    double last = Double.NaN;
    for (int t = 0; t < 100; t++) {
      adam.zeroGrad();
      Tensor loss = net.forward(x).sub(y).square().mean();
      loss.backward();
      adam.step();
      if (t == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    assertTrue(last < first / 10, "loss went from " + first + " to " + last);
  }

  @Test
  void configValidationNamesTheFieldAndTheRange() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new AdamConfig(-1, 0.9, 0.999, 1e-8, 0));
    assertTrue(e.getMessage().contains("learningRate must be finite and >= 0, got -1"));
    e = assertThrows(IllegalArgumentException.class, () -> new AdamConfig(1e-3, 1, 0.999, 1e-8, 0));
    assertTrue(e.getMessage().contains("beta1 must be in [0, 1), got 1.0"));
    e = assertThrows(IllegalArgumentException.class, () -> new AdamConfig(1e-3, 0.9, -0.1, 1e-8, 0));
    assertTrue(e.getMessage().contains("beta2"));
    e = assertThrows(IllegalArgumentException.class, () -> new AdamConfig(1e-3, 0.9, 0.9, -1, 0));
    assertTrue(e.getMessage().contains("eps"));
    e = assertThrows(
        IllegalArgumentException.class, () -> new AdamConfig(1e-3, 0.9, 0.9, 1e-8, Double.NaN));
    assertTrue(e.getMessage().contains("weightDecay"));
  }

  @Test
  void parametersThatDoNotRequireGradAreRejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Adam(List.of(new NamedParameter("frozen", Tensor.zeros(2))),
                AdamConfig.of(0.1)));
    assertTrue(e.getMessage().contains("'frozen'"), e.getMessage());
  }
}
