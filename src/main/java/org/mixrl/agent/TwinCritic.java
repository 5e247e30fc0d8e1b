package org.mixrl.agent;

import java.util.ArrayList;
import java.util.List;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.nn.Module;
import org.mixrl.nn.NamedParameter;
import org.mixrl.optim.Polyak;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * Clipped double Q-learning (Fujimoto et al. 2018, as used by SAC): two critics Q1, Q2, each an
 * MLP on concat(obs, action), and their Polyak-averaged target copies. {@link
 * #namedParameters()} lists only the trained critics ({@code q1.*}, {@code q2.*}), so an
 * optimizer built on this module never touches the targets.
 */
public final class TwinCritic implements Module {
  private final MLP q1;
  private final MLP q2;
  private final MLP target1;
  private final MLP target2;
  // matched once: names and maps built on every update cost ~5 % of a small SAC update
  private final Polyak.Pairing sync1;
  private final Polyak.Pairing sync2;
  private final List<Tensor> trained;

  public TwinCritic(int obsDim, int actionDim, List<Integer> hidden, RandomStream rng) {
    MlpConfig c = MlpConfig.of(obsDim + actionDim, hidden, Activation.RELU, 1);
    q1 = new MLP(c, rng);
    q2 = new MLP(c, rng);
    // targets start as exact copies; their own random init is overwritten
    target1 = new MLP(c, rng);
    target2 = new MLP(c, rng);
    target1.copyFrom(q1);
    target2.copyFrom(q2);
    sync1 = Polyak.pair(target1, q1);
    sync2 = Polyak.pair(target2, q2);
    trained = List.copyOf(parameters());
  }

  /** Q1(s, a) and Q2(s, a) for obs [N, o] and actions [N, d]; each [N]. */
  public Tensor[] q(Tensor obs, Tensor actions) {
    Tensor x = Tensor.cat(1, obs, actions);
    int n = obs.size(0);
    return new Tensor[] {q1.forward(x).reshape(n), q2.forward(x).reshape(n)};
  }

  /** min(Q1, Q2)(s, a), [N]. */
  public Tensor min(Tensor obs, Tensor actions) {
    Tensor[] q = q(obs, actions);
    return q[0].minimum(q[1]);
  }

  /** min(Q̄1, Q̄2)(s, a) with the target critics, [N]. */
  public Tensor minTarget(Tensor obs, Tensor actions) {
    Tensor x = Tensor.cat(1, obs, actions);
    int n = obs.size(0);
    return target1.forward(x).reshape(n).minimum(target2.forward(x).reshape(n));
  }

  /** θ̄ ← τ θ + (1 − τ) θ̄ for both targets. */
  public void updateTargets(double tau) {
    sync1.update(tau);
    sync2.update(tau);
  }

  /**
   * Switches gradient recording for the critics' parameters. The actor loss differentiates
   * through Q into the action only; freezing the critics skips their weight gradients, which
   * nobody would use (the critic optimizer clears them anyway).
   */
  public void setTrainable(boolean trainable) {
    for (Tensor p : trained) {
      p.requiresGrad(trainable);
    }
  }

  @Override
  public List<NamedParameter> namedParameters() {
    List<NamedParameter> out = new ArrayList<>(Module.prefixed("q1", q1));
    out.addAll(Module.prefixed("q2", q2));
    return out;
  }

  /** The target critics as a module ({@code target1.*}, {@code target2.*}), for checkpoints. */
  public Module targets() {
    return () -> {
      List<NamedParameter> out = new ArrayList<>(Module.prefixed("target1", target1));
      out.addAll(Module.prefixed("target2", target2));
      return out;
    };
  }
}
