package org.mixrl.agent;

import java.util.List;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyHead;
import org.mixrl.nn.Activation;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.nn.Module;
import org.mixrl.nn.NamedParameter;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/** The policy network: an MLP from observations to the outputs a {@link PolicyHead} reads. */
public final class Actor implements Module {
  private final MLP net;
  private final PolicyHead head;

  public Actor(int obsDim, List<Integer> hidden, PolicyHead head, RandomStream rng) {
    this.head = head;
    this.net = new MLP(MlpConfig.of(obsDim, hidden, Activation.RELU, head.outputSize()), rng);
  }

  /** The policy at each of the observations [B, o]. */
  public Policy policy(Tensor obs) {
    return head.apply(net.forward(obs));
  }

  public PolicyHead head() {
    return head;
  }

  /** The network from observations to the head's inputs. */
  public MLP network() {
    return net;
  }

  @Override
  public List<NamedParameter> namedParameters() {
    return net.namedParameters();
  }
}
