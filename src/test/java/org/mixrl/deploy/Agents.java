package org.mixrl.deploy;

import java.util.List;
import org.mixrl.agent.Sac;
import org.mixrl.agent.SacConfig;
import org.mixrl.env.Box;
import org.mixrl.experiment.PolicyExport;
import org.mixrl.nn.NamedParameter;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;
import org.mixrl.random.RandomStream;

/** Training agents with seeded actors, and their exported policies, for the deploy tests. */
final class Agents {
  static final PolicyMetadata META = new PolicyMetadata("test-run", "0".repeat(64), "none", 0);

  private Agents() {}

  /**
   * A SAC agent of class {@code cls} whose actor parameters are the seeded initialisation times
   * {@code scale}: scales above 1 push log-stds into their bounds and logits apart, so the
   * clamp, tanh and argmax branches are all exercised.
   */
  static Sac agent(String cls, int k, List<Integer> hidden, int obsDim, Box box,
      LogStdBounds bounds, double scale, long seed) {
    PolicyClass pc = PolicyClass.parse(cls);
    SacConfig config = SacConfig.builder().policyClass(pc).components(k)
        .estimator(pc.mixture() ? "mrp" : "rp").hidden(hidden).logStdBounds(bounds).build();
    Sac sac = new Sac(config, obsDim, box, RandomStream.of(seed));
    for (NamedParameter p : sac.actor().namedParameters()) {
      double[] v = p.tensor().data();
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
    }
    return sac;
  }

  static Sac pendulumAgent(String cls, int k, List<Integer> hidden, long seed) {
    return agent(cls, k, hidden, 3, Box.symmetric(2.0), LogStdBounds.clamp(), 1.0, seed);
  }

  static DeployedPolicy export(Sac sac) {
    return PolicyExport.fromAgent(sac, META);
  }

  /** n observations with entries ~ N(0, sd²). */
  static double[][] observations(int n, int dim, double sd, long seed) {
    RandomStream rng = RandomStream.of(seed);
    double[][] obs = new double[n][dim];
    for (double[] o : obs) {
      for (int i = 0; i < dim; i++) {
        o[i] = sd * rng.nextGaussian();
      }
    }
    return obs;
  }
}
