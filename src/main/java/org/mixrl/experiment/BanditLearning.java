package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.bandit.Reward;
import org.mixrl.bandit.RewardCritic;
import org.mixrl.policy.Policy;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.StatelessPolicy;
import org.mixrl.estimator.ActionValue;
import org.mixrl.estimator.Estimator;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.nn.NamedParameter;
import org.mixrl.optim.Adam;
import org.mixrl.optim.AdamConfig;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Interrupts;
import org.mixrl.tensor.Tensor;
import org.mixrl.theory.ExactObjective;

/**
 * Learning a 1-D bandit policy by stochastic gradient ascent (Adam) on
 * J = E[Q(a)] - alpha E[log pi(a)], with the gradient from one of the estimators, and the exact
 * J of the current policy (by quadrature) recorded every few steps.
 *
 * <p>Two critics: the true reward (the estimators' idealised setting), or an MLP fit online to
 * noisy rewards of the actions the policy takes (a one-state actor-critic). Every random draw
 * comes from streams derived from the run's seed, so a seed determines the whole curve.
 */
public final class BanditLearning {
  /** Log-std range the actor is projected into after each step (SAC's practice, bounded). */
  public static final double MIN_LOG_STD = -5.0;

  public static final double MAX_LOG_STD = 2.0;

  private BanditLearning() {}

  /** Which critic the estimator differentiates. */
  public enum CriticKind {
    /** Q(a) = r(a), noiseless and differentiable. */
    TRUE_REWARD("true"),
    /** An MLP fit by regression to noisy rewards of the policy's own actions. */
    LEARNED("learned");

    private final String label;

    CriticKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One learning setting.
   *
   * @param reward the bandit's reward (1-D)
   * @param policyClass g, sg, gm or sgm
   * @param components K (1 for g and sg)
   * @param estimator estimator name (rp for g/sg; lr, rplr, mrp, gs, irg for mixtures)
   * @param critic the true reward or a learned critic
   * @param alpha entropy scale, > 0
   * @param steps actor updates
   * @param batch actions per actor update
   * @param learningRate Adam step size of the actor
   * @param evalEvery steps between exact evaluations of J (the curve's resolution)
   * @param noiseStd std of the Gaussian reward noise the learned critic sees
   * @param criticHidden width of the critic's two hidden layers
   * @param criticLearningRate Adam step size of the critic
   */
  public record Config(
      Reward reward,
      PolicyClass policyClass,
      int components,
      String estimator,
      CriticKind critic,
      double alpha,
      int steps,
      int batch,
      double learningRate,
      int evalEvery,
      double noiseStd,
      int criticHidden,
      double criticLearningRate) {
    public Config {
      if (reward == null || reward.dim() != 1) {
        throw new IllegalArgumentException("Config: reward must be a 1-D reward, got " + reward);
      }
      if (!policyClass.mixture() && components != 1) {
        throw new IllegalArgumentException(
            "Config: " + policyClass.shortName() + " has 1 component, got " + components);
      }
      if (components < 1) {
        throw new IllegalArgumentException("Config: components must be >= 1, got " + components);
      }
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        throw new IllegalArgumentException("Config: alpha must be finite and > 0, got " + alpha);
      }
      if (steps < 1 || batch < 1 || evalEvery < 1) {
        throw new IllegalArgumentException(
            "Config: steps, batch and evalEvery must be >= 1, got " + steps + ", " + batch + ", "
                + evalEvery);
      }
      if (!(learningRate > 0) || !(criticLearningRate > 0) || !(noiseStd >= 0)
          || criticHidden < 1) {
        throw new IllegalArgumentException(
            "Config: need learning rates > 0, noiseStd >= 0, criticHidden >= 1");
      }
      EstimatorSpec.of(estimator); // rejects unknown names
    }

    /** Defaults: 300 steps, batch 32, lr 0.01, J every 10 steps, noise 0.1, critic 64 wide. */
    public static Config of(
        Reward reward, PolicyClass c, int k, String estimator, CriticKind critic, double alpha) {
      return new Config(reward, c, k, estimator, critic, alpha, 300, 32, 0.01, 10, 0.1, 64, 3e-3);
    }

    public Config withSteps(int n) {
      return new Config(reward, policyClass, components, estimator, critic, alpha, n, batch,
          learningRate, evalEvery, noiseStd, criticHidden, criticLearningRate);
    }

    public Config withEvalEvery(int n) {
      return new Config(reward, policyClass, components, estimator, critic, alpha, steps, batch,
          learningRate, n, noiseStd, criticHidden, criticLearningRate);
    }

    /** "sgm3/mrp/true/alpha=0.2", a readable key for tables and legends. */
    public String label() {
      return policyClass.shortName() + (policyClass.mixture() ? components : "") + "/"
          + estimator + "/" + critic.label() + String.format(Locale.ROOT, "/alpha=%g", alpha);
    }
  }

  /**
   * A learning curve: exact J and E_pi[r] of the policy after each recorded step (step 0 is the
   * initial policy), and the final parameters.
   */
  public record Curve(int[] steps, double[] objective, double[] expectedReward, double[] theta) {
    public double finalObjective() {
      return objective[objective.length - 1];
    }

    public double finalExpectedReward() {
      return expectedReward[expectedReward.length - 1];
    }
  }

  /** Per recorded step, the mean over seeds and its 95% bootstrap interval. */
  public record Aggregate(
      int[] steps, Bootstrap.Interval[] objective, Bootstrap.Interval[] expectedReward) {}

  /**
   * The initial policy of a seed: logits 0, latent means uniform in [-0.5, 0.5] (so every start
   * is between the bumps of a symmetric reward), sigma = 0.5.
   */
  public static double[] initialTheta(PolicyClass c, int k, RandomStream rng) {
    int logits = c.mixture() ? k : 0;
    double[] theta = new double[logits + 2 * k];
    for (int i = 0; i < k; i++) {
      theta[logits + i] = rng.uniform(-0.5, 0.5);
      theta[logits + k + i] = Math.log(0.5);
    }
    return theta;
  }

  /**
   * Trains one policy from {@code seed}.
   *
   * @throws java.util.concurrent.CancellationException if the thread is interrupted (checked
   *     before every actor step)
   */
  public static Curve run(Config c, long seed) {
    RandomStream root = RandomStream.of(seed);
    int k = c.components();
    ExactObjective exact = new ExactObjective(c.reward(), c.policyClass(), k, c.alpha());
    Tensor theta = Tensor.vector(initialTheta(c.policyClass(), k, root.child(0)))
        .requiresGrad(true);
    Estimator estimator = EstimatorSpec.of(c.estimator()).create();
    estimator.check(StatelessPolicy.of(c.policyClass(), k, 1, theta, 1), c.alpha());
    Adam actor = new Adam(List.of(new NamedParameter("theta", theta)),
        AdamConfig.of(c.learningRate()));
    RandomStream actorRng = root.child(1);
    LearnedCritic learned = c.critic() == CriticKind.LEARNED
        ? new LearnedCritic(c, root.child(2), root.child(3), root.child(4))
        : null;
    ActionValue critic = learned != null ? learned : RewardCritic.of(c.reward());

    int points = c.steps() / c.evalEvery() + 1 + (c.steps() % c.evalEvery() == 0 ? 0 : 1);
    int[] steps = new int[points];
    double[] objective = new double[points];
    double[] reward = new double[points];
    int p = 0;
    record(exact, theta, 0, steps, objective, reward, p++);
    for (int t = 1; t <= c.steps(); t++) {
      int done = t - 1;
      Interrupts.check(() -> "at step " + done + " of " + c.steps() + " of bandit learning "
          + c.label() + ", seed " + seed);
      Policy pi = StatelessPolicy.of(c.policyClass(), k, 1, theta, c.batch());
      if (learned != null) {
        learned.observeAndFit(pi);
      }
      actor.zeroGrad();
      estimator.surrogate(pi, critic, c.alpha(), actorRng).loss().backward();
      actor.step();
      project(theta.data(), c.policyClass(), k);
      if (t % c.evalEvery() == 0 || t == c.steps()) {
        record(exact, theta, t, steps, objective, reward, p++);
      }
    }
    return new Curve(steps, objective, reward, theta.toArray());
  }

  /** Runs each seed in {@code seeds} (in order; results do not depend on the order). */
  public static List<Curve> runSeeds(Config c, long[] seeds) {
    List<Curve> out = new ArrayList<>();
    for (long s : seeds) {
      out.add(run(c, s));
    }
    return out;
  }

  /** Mean and 95% bootstrap interval over the seeds at every recorded step. */
  public static Aggregate aggregate(List<Curve> curves, RandomStream rng) {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("aggregate: no curves");
    }
    int[] steps = curves.get(0).steps();
    Bootstrap.Interval[] j = new Bootstrap.Interval[steps.length];
    Bootstrap.Interval[] r = new Bootstrap.Interval[steps.length];
    for (int i = 0; i < steps.length; i++) {
      double[] js = new double[curves.size()];
      double[] rs = new double[curves.size()];
      for (int s = 0; s < curves.size(); s++) {
        Curve cv = curves.get(s);
        if (!Arrays.equals(cv.steps(), steps)) {
          throw new IllegalArgumentException("aggregate: curves recorded at different steps");
        }
        js[s] = cv.objective()[i];
        rs[s] = cv.expectedReward()[i];
      }
      j[i] = Bootstrap.meanInterval(js, rng);
      r[i] = Bootstrap.meanInterval(rs, rng);
    }
    return new Aggregate(steps, j, r);
  }

  private static void record(ExactObjective exact, Tensor theta, int step, int[] steps,
      double[] objective, double[] reward, int p) {
    try (GradMode g = GradMode.noGrad()) {
      Tensor th = Tensor.vector(theta.toArray());
      steps[p] = step;
      objective[p] = exact.objective(th).item();
      reward[p] = exact.expectedReward(th).item();
    }
  }

  /** Keeps log-stds in [MIN_LOG_STD, MAX_LOG_STD]: on the line J grows without bound in sigma. */
  private static void project(double[] theta, PolicyClass c, int k) {
    int first = (c.mixture() ? k : 0) + k;
    for (int i = first; i < first + k; i++) {
      theta[i] = Math.max(MIN_LOG_STD, Math.min(MAX_LOG_STD, theta[i]));
    }
  }
}
