package org.mixrl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.env.Box;
import org.mixrl.estimator.ActionValue;
import org.mixrl.nn.ParameterSet;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Precision;
import org.mixrl.tensor.Tensor;

class SacTest {
  private static final Box BOX = new Box(new double[] {-2}, new double[] {2});

  private static SacConfig tiny(String policy, int k, String estimator) {
    return SacConfig.builder().policyClass(PolicyClass.parse(policy)).components(k)
        .estimator(estimator).hidden(List.of(5)).batchSize(4).learningStarts(0).build();
  }

  private static ReplayBuffer.Batch batch() {
    return new ReplayBuffer.Batch(
        Tensor.matrix(new double[][] {{0.1, -0.3}, {0.5, 0.2}, {-1, 0.7}}),
        Tensor.matrix(new double[][] {{0.5}, {-1.5}, {1.9}}),
        Tensor.vector(-1.0, 0.25, -3.0),
        Tensor.matrix(new double[][] {{0.2, -0.1}, {-0.4, 0.9}, {0.3, 0.3}}),
        Tensor.vector(0, 1, 0));
  }

  /** Q(s, a) of a one-hidden-layer ReLU MLP, from its named weights, by explicit loops. */
  private static double mlp(ParameterSet p, String net, double[] x) {
    double[] w0 = p.get(net + ".layers.0.weight").data();
    double[] b0 = p.get(net + ".layers.0.bias").data();
    double[] w1 = p.get(net + ".layers.1.weight").data();
    double out = p.get(net + ".layers.1.bias").data()[0];
    int hidden = b0.length;
    for (int h = 0; h < hidden; h++) {
      double z = b0[h];
      for (int i = 0; i < x.length; i++) {
        z += w0[h * x.length + i] * x[i];
      }
      out += w1[h] * Math.max(z, 0);
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"sg,1,rp,0.7,0.99", "sgm,3,mrp,0.2,0.9", "g,1,rp,1.0,0.5"})
  void criticTargetMatchesTheFormulaComputedByHand(
      String policy, int k, String est, double alpha, double gamma) {
    SacConfig c = tiny(policy, k, est).toBuilder().gamma(gamma).build();
    Sac sac = new Sac(c, 2, BOX, RandomStream.of(3));
    ReplayBuffer.Batch b = batch();
    Tensor y = sac.criticTarget(b, alpha, RandomStream.of(9));

    // the same draw a' ~ pi(.|s') and its log-density, from the distribution itself
    Policy next = sac.actor().policy(b.nextObs());
    Tensor u = next.sampleLatent(RandomStream.of(9), 1);
    double[] logp = next.logProbOfLatent(u).data();
    double[] a = next.toAction(u).data();
    ParameterSet targets = sac.critics().targets().parameterSet();
    double[] s2 = b.nextObs().data();
    for (int i = 0; i < 3; i++) {
      double[] x = {s2[2 * i], s2[2 * i + 1], a[i]};
      double minQ = Math.min(mlp(targets, "target1", x), mlp(targets, "target2", x));
      double expected = b.rewards().data()[i]
          + gamma * (1 - b.terminated().data()[i]) * (minQ - alpha * logp[i]);
      assertEquals(expected, y.data()[i], 1e-12, "transition " + i);
    }
    // a terminated transition's target is its reward alone
    assertEquals(0.25, y.data()[1], 0.0);
  }

  @ParameterizedTest
  @CsvSource({"g,1,rp", "sg,1,rp", "sg,1,lr", "gm,3,mrp", "sgm,3,mrp", "sgm,3,lr",
      "sgm,3,rplr", "sgm,3,gs"})
  void updateGivesFiniteStatsAndMovesEveryNetwork(String policy, int k, String est) {
    Sac sac = new Sac(tiny(policy, k, est), 2, BOX, RandomStream.of(1));
    double[] actor0 = sac.actor().parameters().get(0).data().clone();
    double[] critic0 = sac.critics().parameters().get(0).data().clone();
    double alpha0 = sac.alpha();
    ReplayBuffer buf = new ReplayBuffer(32, 2, 1);
    RandomStream rng = RandomStream.of(2);
    for (int i = 0; i < 32; i++) {
      buf.add(new double[] {rng.nextGaussian(), rng.nextGaussian()},
          new double[] {rng.uniform(-2, 2)}, rng.nextGaussian(),
          new double[] {rng.nextGaussian(), rng.nextGaussian()}, rng.nextDouble() < 0.1);
    }
    UpdateStats s = sac.update(buf.sample(4, rng), rng);
    for (double v : new double[] {s.criticLoss(), s.actorLoss(), s.alpha(), s.entropy()}) {
      assertTrue(Double.isFinite(v), s.toString());
    }
    assertEquals(PolicyClass.parse(policy).mixture(), Double.isFinite(s.effectiveComponents()));
    assertTrue(!java.util.Arrays.equals(actor0, sac.actor().parameters().get(0).data()));
    assertTrue(!java.util.Arrays.equals(critic0, sac.critics().parameters().get(0).data()));
    assertTrue(sac.alpha() != alpha0, "autotuned alpha moves");
  }

  @Test
  void targetsMoveByPolyakAveragingOnly() {
    SacConfig c = tiny("sg", 1, "rp").toBuilder().tau(0.25).build();
    Sac sac = new Sac(c, 2, BOX, RandomStream.of(1));
    Map<String, Tensor> before = Map.copyOf(sac.critics().targets().parameterSet().asMap());
    double[] t0 = before.get("target1.layers.0.weight").data().clone();
    ReplayBuffer buf = new ReplayBuffer(8, 2, 1);
    for (int i = 0; i < 8; i++) {
      buf.add(new double[] {i, -i}, new double[] {0.1 * i}, i, new double[] {1, i}, false);
    }
    RandomStream rng = RandomStream.of(5);
    sac.update(buf.sample(4, rng), rng);
    double[] q = sac.critics().parameterSet().get("q1.layers.0.weight").data();
    double[] t1 = sac.critics().targets().parameterSet().get("target1.layers.0.weight").data();
    for (int i = 0; i < t1.length; i++) {
      assertEquals(0.75 * t0[i] + 0.25 * q[i], t1[i], 1e-15);
    }
  }

  /** Every parameter of actor and critics after {@code n} updates of a fresh agent. */
  private static double[] paramsAfterUpdates(SacConfig c, int n) {
    Sac sac = new Sac(c, 2, BOX, RandomStream.of(1));
    ReplayBuffer buf = new ReplayBuffer(64, 2, 1);
    RandomStream rng = RandomStream.of(2);
    for (int i = 0; i < 64; i++) {
      buf.add(new double[] {rng.nextGaussian(), rng.nextGaussian()},
          new double[] {rng.uniform(-2, 2)}, rng.nextGaussian(),
          new double[] {rng.nextGaussian(), rng.nextGaussian()}, rng.nextDouble() < 0.1);
    }
    for (int i = 0; i < n; i++) {
      sac.update(buf.sample(16, rng), rng);
    }
    java.util.List<Tensor> all = new java.util.ArrayList<>(sac.actor().parameters());
    all.addAll(sac.critics().parameters());
    return all.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.data())).toArray();
  }

  @Test
  void theDefaultIsF64AndTheConfigDecidesWhateverTheCallersScope() {
    SacConfig f64 = tiny("sgm", 3, "mrp").toBuilder().hidden(List.of(16, 16)).build();
    assertEquals(Precision.F64, f64.precision());
    SacConfig f32 = f64.toBuilder().precision(Precision.F32).build();
    double[] plain = paramsAfterUpdates(f64, 3);
    double[] insideF32;
    try (Precision.Scope s = Precision.f32()) {
      insideF32 = paramsAfterUpdates(f64, 3);
      assertEquals(Precision.F32, Precision.current(), "update restores the caller's scope");
    }
    assertTrue(java.util.Arrays.equals(plain, insideF32),
        "an f64 config ignores the caller's f32");
    double[] float32 = paramsAfterUpdates(f32, 3);
    double[] againOutside = paramsAfterUpdates(f32, 3);
    assertTrue(java.util.Arrays.equals(float32, againOutside), "f32 updates are deterministic");
    double[] insideF64 = float32;
    try (Precision.Scope s = Precision.f64()) {
      insideF64 = paramsAfterUpdates(f32, 3);
    }
    assertTrue(java.util.Arrays.equals(float32, insideF64),
        "an f32 config ignores the caller's f64");
    // f32 changes the bits, but not by more than float rounding carried through 3 Adam steps
    double worst = 0;
    for (int i = 0; i < plain.length; i++) {
      worst = Math.max(worst, Math.abs(plain[i] - float32[i]));
    }
    assertTrue(worst > 0 && worst < 1e-3, "largest f32 - f64 parameter difference " + worst);
  }

  /** MRP evaluates the critic at K actions per state; every action is paired with its state. */
  @Test
  void mrpActionValueRepeatsEachStateForItsKActions() {
    Sac sac = new Sac(tiny("sgm", 4, "mrp"), 2, BOX, RandomStream.of(1));
    ReplayBuffer.Batch b = batch();
    ActionValue q = sac.actionValue(b.obs());
    Tensor actions = Tensor.randn(RandomStream.of(4), 3, 4, 1);
    double[] got = q.evaluate(actions).data();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        Tensor s = b.obs().narrow(0, i, 1);
        Tensor a = Tensor.of(new double[] {actions.data()[i * 4 + j]}, 1, 1);
        assertEquals(sac.critics().min(s, a).item(), got[i * 4 + j], 1e-12);
      }
    }
    assertEquals(4, sac.estimator().criticEvaluationsPerState(4));
  }
}
