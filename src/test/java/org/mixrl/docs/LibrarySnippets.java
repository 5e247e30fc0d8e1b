package org.mixrl.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mixrl.agent.SacConfig;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.RewardCritic;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.experiment.RunConfig;
import org.mixrl.experiment.RunSummary;
import org.mixrl.experiment.Trainer;
import org.mixrl.experiment.TrainingListener;
import org.mixrl.policy.Policies;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;
import org.mixrl.theory.ExactObjective;

/**
 * The Java snippets of docs/library.md. Each region between "// snippet NAME" and
 * "// end NAME" is quoted verbatim in the doc; {@code LibraryDocTest} checks the quotes and
 * runs every method here.
 */
final class LibrarySnippets {
  private LibrarySnippets() {}

  static Tensor buildAndSample() {
    // snippet policy
    // one state (B = 1), two components (K = 2), one action dimension (d = 1)
    Tensor logits = Tensor.of(new double[] {0.0, 0.0}, 1, 2);             // [B, K]
    Tensor means = Tensor.of(new double[] {-0.5, 0.5}, 1, 2, 1);           // [B, K, d]
    Tensor logStds = Tensor.of(new double[] {-1.0, -1.0}, 1, 2, 1);        // [B, K, d]
    Policy pi = Policies.squashedGaussianMixture(logits, means, logStds);  // SGM on [-1, 1]
    Tensor actions = pi.sample(RandomStream.of(1), 1000);                 // [B, M, d]
    Tensor logProbs = pi.logProb(actions);                                // [B, M]
    Tensor weights = pi.weights();                                        // [B, K], no cast
    // end policy
    return logProbs.add(weights.sum().sub(1.0)); // weights sum to 1: logProbs unchanged
  }

  static double[][] mrpGradientAndExact() {
    // snippet gradient
    BumpsReward reward = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");
    PolicyLayout layout = new PolicyLayout(PolicyClass.GM, 2, 1);
    double[] theta = layout.pack(new double[] {0, 0}, new double[] {-1, 1},
        new double[] {-0.5, -0.5});
    double alpha = 0.2;
    // the exact gradient of J(theta) = E[r(a)] + alpha H(pi), by quadrature
    double[] exact = new ExactObjective(reward, PolicyClass.GM, 2, alpha).gradient(theta);
    // one MRP estimate from a batch of 4096 identical states
    Estimator mrp = EstimatorSpec.of("mrp").create();
    Tensor leaf = Tensor.vector(theta).requiresGrad(true);
    Policy pi = layout.policy(leaf, 4096);
    ActionValue q = ActionValue.failingOnNaN(RewardCritic.of(reward)); // opt-in NaN guard
    mrp.surrogate(pi, q, alpha, RandomStream.of(7)).objective().backward();
    double[] estimate = leaf.grad().data();
    // end gradient
    return new double[][] {estimate, exact};
  }

  static RunSummary trainSac(Path dir) throws IOException {
    // snippet sac
    SacConfig sac = SacConfig.builder()
        .policyClass(PolicyClass.SGM).components(3).estimator("mrp")
        .hidden(List.of(32, 32)).batchSize(32).learningStarts(100)
        .build();
    // env, seed, steps, eval every, eval episodes, checkpoint every, agent
    RunConfig config = new RunConfig("Pendulum-v1", 1, 400, 200, 1, 200, sac);
    RunSummary summary;
    try (Trainer trainer = Trainer.start(dir, config)) { // dir: config.json, metrics.csv, ...
      summary = trainer.run(TrainingListener.NONE);
    }
    // end sac
    return summary;
  }
}
