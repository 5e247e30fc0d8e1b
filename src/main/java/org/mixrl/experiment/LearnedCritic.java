package org.mixrl.experiment;

import java.util.List;
import org.mixrl.bandit.Bandit;
import org.mixrl.policy.Policy;
import org.mixrl.estimator.ActionValue;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.optim.Adam;
import org.mixrl.optim.AdamConfig;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * The critic of a one-state actor-critic: an MLP Q(a) (two tanh hidden layers) regressed on
 * noisy rewards of the actions the policy took, kept in a replay buffer. Each actor step first
 * pulls one batch of actions and fits the critic by {@value #FIT_STEPS} Adam steps on random
 * minibatches of the buffer, so the actor always differentiates the current fit.
 */
final class LearnedCritic implements ActionValue {
  static final int CAPACITY = 4096;
  static final int MINIBATCH = 64;
  static final int FIT_STEPS = 2;

  private final Bandit bandit;
  private final MLP net;
  private final Adam optimizer;
  private final RandomStream noiseRng;
  private final RandomStream replayRng;
  private final RandomStream actionRng;
  private final int batch;
  private final double[] actions = new double[CAPACITY];
  private final double[] rewards = new double[CAPACITY];
  private int size;
  private int next;

  LearnedCritic(BanditLearning.Config c, RandomStream initRng, RandomStream noiseRng,
      RandomStream replayRng) {
    this.bandit = c.policyClass().squashed()
        ? Bandit.unitBox(c.reward(), c.noiseStd())
        : new Bandit(c.reward(), c.noiseStd());
    // tanh rather than ReLU: the rewards are smooth bumps and the pathwise estimators
    // differentiate Q in a, which a piecewise-linear net would make piecewise constant.
    this.net = new MLP(
        MlpConfig.of(1, List.of(c.criticHidden(), c.criticHidden()), Activation.TANH, 1),
        initRng);
    this.optimizer = new Adam(net, AdamConfig.of(c.criticLearningRate()));
    this.noiseRng = noiseRng;
    this.replayRng = replayRng;
    this.actionRng = replayRng.child(7);
    this.batch = c.batch();
  }

  /** Pulls {@code batch} actions of {@code pi}, stores their noisy rewards, fits the critic. */
  void observeAndFit(Policy pi) {
    double[] a = pi.sample(actionRng, 1).toArray(); // [B, 1, 1] detached
    for (double x : a) {
      double r = bandit.reward(new double[] {x}, noiseRng);
      actions[next] = x;
      rewards[next] = r;
      next = (next + 1) % CAPACITY;
      size = Math.min(size + 1, CAPACITY);
    }
    for (int s = 0; s < FIT_STEPS; s++) {
      int m = Math.min(MINIBATCH, size);
      double[] x = new double[m];
      double[] y = new double[m];
      for (int i = 0; i < m; i++) {
        int j = replayRng.nextInt(size);
        x[i] = actions[j];
        y[i] = rewards[j];
      }
      optimizer.zeroGrad();
      Tensor pred = net.forward(Tensor.of(x, m, 1)).reshape(m);
      pred.sub(Tensor.vector(y)).square().mean().backward();
      optimizer.step();
    }
    net.zeroGrad(); // the actor's backward must not see stale critic gradients
  }

  /** Actions [B, N, 1] to Q [B, N], differentiable in the actions. */
  @Override
  public Tensor evaluate(Tensor a) {
    int[] s = a.shape();
    return net.forward(a.reshape(s[0] * s[1], s[2])).reshape(s[0], s[1]);
  }

  /** Q at plain actions, for plots. */
  double[] values(double[] a) {
    try (GradMode g = GradMode.noGrad()) {
      return net.forward(Tensor.of(a.clone(), a.length, 1)).toArray();
    }
  }
}
