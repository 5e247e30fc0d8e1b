package org.mixrl.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.MixtureDiagnostics;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyHead;
import org.mixrl.env.Box;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.Surrogate;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.nn.Module;
import org.mixrl.nn.NamedParameter;
import org.mixrl.nn.ParameterIO;
import org.mixrl.nn.ParameterSet;
import org.mixrl.optim.Adam;
import org.mixrl.optim.AdamConfig;
import org.mixrl.optim.OptimizerStateIO;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Precision;
import org.mixrl.tensor.Tensor;

/**
 * Soft Actor-Critic (Haarnoja et al. 2018) with a pluggable actor-gradient estimator. One
 * {@link #update} is CleanRL's list, top to bottom: critic target, critic loss, actor loss,
 * temperature loss, target update. The estimator alone decides how the actor's gradient is
 * formed (RP for Gaussians, MRP or LR for mixtures, ...); this class never asks which policy
 * class it trains.
 */
public final class Sac {
  private final SacConfig config;
  private final int obsDim;
  private final Box actionSpace;
  private final double targetEntropy;
  private final Actor actor;
  private final TwinCritic critics;
  private final Tensor logAlpha; // [1]
  private final Estimator estimator;
  private final Adam actorOptimizer;
  private final Adam criticOptimizer;
  private final Adam alphaOptimizer;

  /** Networks initialised from {@code initRng} (actor first, then Q1, Q2 and the targets). */
  public Sac(SacConfig config, int obsDim, Box actionSpace, RandomStream initRng) {
    this.config = config;
    this.obsDim = obsDim;
    this.actionSpace = actionSpace;
    int d = actionSpace.dim();
    this.targetEntropy = config.targetEntropyFor(d);
    PolicyHead head =
        new PolicyHead(config.policyClass(), d, config.components(),
            new ActionBox(actionSpace.low(), actionSpace.high()), config.logStdBounds());
    this.actor = new Actor(obsDim, config.hidden(), head, initRng);
    this.critics = new TwinCritic(obsDim, d, config.hidden(), initRng);
    this.logAlpha = Tensor.of(new double[] {Math.log(config.initialAlpha())}, 1);
    logAlpha.requiresGrad(true);
    this.estimator = config.estimator().create();
    this.actorOptimizer = new Adam(actor, AdamConfig.of(config.actorLr()));
    this.criticOptimizer = new Adam(critics, AdamConfig.of(config.criticLr()));
    this.alphaOptimizer =
        new Adam(List.of(new NamedParameter("log_alpha", logAlpha)), AdamConfig.of(config.alphaLr()));
  }

  /**
   * One gradient step of critics, actor and temperature on {@code batch}, then Polyak. The
   * networks' matrix products (forward and backward) use {@link SacConfig#precision()},
   * whatever scope the caller is in; acting and evaluation ({@link #act}, {@link #sample},
   * {@link #actDeterministic}) do not use this setting.
   */
  public UpdateStats update(ReplayBuffer.Batch batch, RandomStream rng) {
    try (Precision.Scope p = config.precision().use()) {
      return step(batch, rng);
    }
  }

  private UpdateStats step(ReplayBuffer.Batch batch, RandomStream rng) {
    double alpha = alpha();

    // 1. critic target y = r + γ (1 − terminated) (min Q̄(s', a') − α log π(a'|s'))
    Tensor y = criticTarget(batch, alpha, rng);

    // 2. critic loss: Σ_k mean (Q_k(s, a) − y)²
    Tensor[] q = critics.q(batch.obs(), batch.actions());
    Tensor criticLoss = q[0].sub(y).square().mean().add(q[1].sub(y).square().mean());
    criticOptimizer.zeroGrad();
    criticLoss.backward();
    criticOptimizer.step();

    // 3. actor loss = −surrogate objective of E[min Q(s, a) − α log π(a|s)]
    Policy policy = actor.policy(batch.obs());
    Surrogate surrogate;
    critics.setTrainable(false);
    try {
      surrogate = estimator.surrogate(policy, actionValue(batch.obs()), alpha, rng);
      actorOptimizer.zeroGrad();
      surrogate.loss().backward();
    } finally {
      critics.setTrainable(true);
    }
    actorOptimizer.step();

    // 4. temperature loss α (Ĥ − H̄) with the estimator's own entropy estimate Ĥ (for a
    //    mixture under MRP: −Σ_k w_k log π(a_k)), so α tracks what the actor optimises
    double entropy = surrogate.entropy().mean().item();
    double alphaLoss = 0;
    if (config.autotune()) {
      Tensor loss = logAlpha.exp().mul(surrogate.entropy().sub(targetEntropy)).mean();
      alphaOptimizer.zeroGrad();
      loss.backward();
      alphaOptimizer.step();
      alphaLoss = loss.item();
    }

    // 5. target critics θ̄ ← τ θ + (1 − τ) θ̄
    critics.updateTargets(config.tau());

    MixtureDiagnostics.Summary mix = MixtureDiagnostics.summarize(policy);
    return new UpdateStats(criticLoss.item(), -surrogate.objective().item(), alpha, alphaLoss,
        entropy, mix.effectiveComponents(), mix.maxWeight());
  }

  /**
   * y = r + γ (1 − terminated) (min_k Q̄_k(s', a') − α log π(a'|s')), a' ~ π(·|s') drawn fresh,
   * no gradient. Truncated transitions are stored with terminated = 0, so they bootstrap.
   */
  Tensor criticTarget(ReplayBuffer.Batch batch, double alpha, RandomStream rng) {
    try (GradMode g = GradMode.noGrad()) {
      Policy next = actor.policy(batch.nextObs());
      Tensor u = next.sampleLatent(rng, 1); // [B, 1, d]
      int b = batch.size();
      Tensor logp = next.logProbOfLatent(u).reshape(b);
      Tensor a = next.toAction(u).reshape(b, actionSpace.dim());
      Tensor soft = critics.minTarget(batch.nextObs(), a).sub(logp.mul(alpha));
      return batch.rewards().add(batch.terminated().rsub(1).mul(soft).mul(config.gamma()))
          .detach();
    }
  }

  /**
   * min(Q1, Q2)(s, ·) for the states {@code obs} [B, o]: actions [B, N, d] → [B, N]. Each state
   * is repeated for its N actions (N = K per draw under MRP).
   */
  ActionValue actionValue(Tensor obs) {
    return actions -> {
      int b = actions.size(0);
      int n = actions.size(1);
      int d = actions.size(2);
      double[] src = obs.data();
      double[] rep = new double[b * n * obsDim];
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < n; j++) {
          System.arraycopy(src, i * obsDim, rep, (i * n + j) * obsDim, obsDim);
        }
      }
      Tensor states = Tensor.of(rep, b * n, obsDim);
      return critics.min(states, actions.reshape(b * n, d)).reshape(b, n);
    };
  }

  /** A stochastic action for one observation, clipped to the env's box. */
  public double[] act(double[] obs, RandomStream rng) {
    return actionSpace.clip(sample(obs, rng));
  }

  /**
   * A draw from the policy as the policy produced it (unclipped): this is what the replay
   * buffer stores, so that the critic sees the actions the actor evaluates (only a Gaussian
   * can leave the box; the env clips it, as SB3 stores the unclipped action too).
   */
  public double[] sample(double[] obs, RandomStream rng) {
    try (GradMode g = GradMode.noGrad()) {
      return actor.policy(Tensor.of(obs.clone(), 1, obsDim)).sample(rng, 1).toArray();
    }
  }

  /** The deterministic evaluation action {@link Policy#mode()}, clipped to the env's box. */
  public double[] actDeterministic(double[] obs) {
    try (GradMode g = GradMode.noGrad()) {
      return actionSpace.clip(actor.policy(Tensor.of(obs.clone(), 1, obsDim)).mode().toArray());
    }
  }

  /** The current entropy scale α = exp(log α). */
  public double alpha() {
    return Math.exp(logAlpha.data()[0]);
  }

  public SacConfig config() {
    return config;
  }

  public Actor actor() {
    return actor;
  }

  /** Observation length the agent takes. */
  public int obsDim() {
    return obsDim;
  }

  /** The env's action box: actions are clipped into it. */
  public Box actionSpace() {
    return actionSpace;
  }

  public TwinCritic critics() {
    return critics;
  }

  public Estimator estimator() {
    return estimator;
  }

  /** Every tensor of the agent's state, by name: actor, critics, targets, log alpha. */
  private ParameterSet allParameters() {
    List<NamedParameter> all = new ArrayList<>(Module.prefixed("actor", actor));
    all.addAll(Module.prefixed("critic", critics));
    all.addAll(Module.prefixed("critic", critics.targets()));
    all.add(new NamedParameter("log_alpha", logAlpha));
    return ParameterSet.of(all);
  }

  /** Writes networks, log alpha and the three optimizers' states (exact bits). */
  public void writeState(BinaryRecordWriter out) throws IOException {
    ParameterIO.writeParameters(out, allParameters());
    OptimizerStateIO.write(out, actorOptimizer.exportState());
    OptimizerStateIO.write(out, criticOptimizer.exportState());
    OptimizerStateIO.write(out, alphaOptimizer.exportState());
  }

  /** Restores what {@link #writeState} wrote; names and shapes are checked before any copy. */
  public void readState(BinaryRecordReader in) throws IOException {
    Map<String, Tensor> stored = ParameterIO.readParameters(in);
    ParameterSet target = allParameters();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    stored.forEach((k, v) -> shapes.put(k, v.shape()));
    List<String> problems = target.mismatches(shapes);
    if (!problems.isEmpty()) {
      throw in.error("agent state does not match this configuration: "
          + String.join("; ", problems));
    }
    var actorState = OptimizerStateIO.read(in);
    var criticState = OptimizerStateIO.read(in);
    var alphaState = OptimizerStateIO.read(in);
    try {
      actorOptimizer.importState(actorState);
      criticOptimizer.importState(criticState);
      alphaOptimizer.importState(alphaState);
    } catch (IllegalArgumentException e) {
      throw in.error("optimizer state does not match this configuration: " + e.getMessage());
    }
    for (Map.Entry<String, Tensor> e : target.asMap().entrySet()) {
      double[] src = stored.get(e.getKey()).data();
      System.arraycopy(src, 0, e.getValue().data(), 0, src.length);
    }
  }
}
