package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.nn.Activation;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;

/**
 * What {@code act} returns, checked on hand-made policies whose network ignores the observation
 * and outputs fixed head values (zero weights, the values as biases), so each expected action is
 * read off the values directly: for a mixture the mean of the component with the largest logit
 * (the first at a tie), squashed for sgm, clipped to the box; never the weighted mean of the
 * components nor the density's highest point.
 */
class PolicySessionActChoiceTest {
  private static final ActionBox PENDULUM =
      new ActionBox(new double[] {-2}, new double[] {2});
  private static final double TOL = 1e-15;

  /** A policy that outputs {@code head} for every observation of length 1. */
  private static DeployedPolicy fixed(PolicyClass cls, int k, ActionBox box, double... head) {
    DenseLayer layer = DenseLayer.of(1, head.length, new double[head.length], head,
        Activation.IDENTITY);
    return DeployedPolicy.of(Agents.META, cls, k, LogStdBounds.clamp(), box, List.of(layer));
  }

  private static double[] act(DeployedPolicy p) {
    double[] out = new double[p.actionDim()];
    p.newSession().act(new double[] {0.3}, out);
    return out;
  }

  @Test
  void aSquashedMixtureActsWithTheSquashedMeanOfItsHeaviestComponent() {
    // logits 0.1, 0.7, 0.3; means -0.5, 0.4, 1.2; log-stds 0
    DeployedPolicy p = fixed(PolicyClass.SGM, 3, PENDULUM,
        0.1, 0.7, 0.3, -0.5, 0.4, 1.2, 0, 0, 0);
    assertEquals(2 * Math.tanh(0.4), act(p)[0], TOL);
  }

  @Test
  void theHeaviestComponentWinsEvenWhereANarrowerOneHasTheHigherDensity() {
    // component 0: weight e^0.5/(e^0.5+e^0.4) = 0.525, mean -1, std e^1.5 = 4.5 (density
    // peak 0.047); component 1: weight 0.475, mean 1, std e^-3 = 0.05 (density peak 3.8):
    // the mixture's density is highest near 1, and the weighted mean is near 0, but act
    // takes component 0's mean
    DeployedPolicy p = fixed(PolicyClass.GM, 2, PENDULUM, 0.5, 0.4, -1, 1, 1.5, -3);
    assertEquals(-1.0, act(p)[0], 0.0);
  }

  @Test
  void aTieGoesToTheFirstOfTheHeaviestComponents() {
    DeployedPolicy p = fixed(PolicyClass.GM, 3, PENDULUM, 0.2, 0.9, 0.9, 0.1, -0.6, 0.8,
        0, 0, 0);
    assertEquals(-0.6, act(p)[0], 0.0);
  }

  @Test
  void meansAreReadComponentMajorInSeveralDimensions() {
    // K = 2, d = 2: logits, then means [k0: (0.1, 0.2), k1: (-0.3, 0.4)], then log-stds
    ActionBox box = new ActionBox(new double[] {-1, 0}, new double[] {3, 1});
    DeployedPolicy p = fixed(PolicyClass.SGM, 2, box, -1, 2, 0.1, 0.2, -0.3, 0.4, 0, 0, 0, 0);
    double[] a = act(p);
    // centre + halfWidth * tanh(mean): box centres (1, 0.5), half-widths (2, 0.5)
    assertEquals(1 + 2 * Math.tanh(-0.3), a[0], TOL);
    assertEquals(0.5 + 0.5 * Math.tanh(0.4), a[1], TOL);
  }

  @Test
  void anUnsquashedMixturesMeanIsClippedToTheBox() {
    DeployedPolicy p = fixed(PolicyClass.GM, 2, PENDULUM, 1, 0, 3.5, 0.2, 0, 0);
    assertEquals(2.0, act(p)[0], 0.0);
  }

  @Test
  void gaussiansActWithTheirMeanSquashedOrClipped() {
    assertEquals(2 * Math.tanh(0.8), act(fixed(PolicyClass.SG, 1, PENDULUM, 0.8, -1))[0], TOL);
    assertEquals(0.8, act(fixed(PolicyClass.G, 1, PENDULUM, 0.8, -1))[0], 0.0);
    assertEquals(-2.0, act(fixed(PolicyClass.G, 1, PENDULUM, -7, -1))[0], 0.0);
  }
}
