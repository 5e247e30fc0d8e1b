package org.mixrl.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.mixrl.agent.Sac;
import org.mixrl.env.Box;
import org.mixrl.policy.Mixture;
import org.mixrl.policy.Policy;
import org.mixrl.tensor.GradMode;
import org.mixrl.tensor.Tensor;

/**
 * What a trained actor does at one observation: its action density pi(a | s) (the mixture, after
 * the tanh squash) and the learned critic's min_k Q_k(s, a), on a grid over the action box; plus
 * each component's weight and squashed mean. For 1-D and 2-D action spaces, where a density can
 * be drawn. This is how the multi-goal task shows whether a policy covers one goal or several.
 *
 * <p>The grid holds cell centres, {@code low + (i + 1/2) (high - low) / n} on each axis, so no
 * point sits on the box edge, where a squashed density is not defined. An unsquashed policy
 * (g, gm) also puts mass outside the box, which the env clips onto the edge; the grid shows only
 * the inside, so its {@link Grid#mass()} is then below 1.
 */
public final class ActionDensity {
  /**
   * Most grid actions in all: the critic's hidden activations for each grid action are held at
   * once (100 000 actions x 64 units are 51 MB per layer), so the grid is bounded.
   */
  public static final int MAX_ACTIONS = 100_000;

  private ActionDensity() {}

  /**
   * The density at one observation.
   *
   * @param envId the run's environment
   * @param step the training step of the checkpoint the actor comes from
   * @param observation the observation s
   * @param axes the grid's coordinates on each action axis, [d][n]
   * @param actions every grid action, [n^d][d], the last axis varying fastest
   * @param density pi(a | s) for each grid action
   * @param qMin min over the two critics of Q(s, a) for each grid action
   * @param weights mixture weights, [K] (a single 1 for a non-mixture)
   * @param componentModes each component's mean mapped into the action box, [K][d]
   */
  public record Grid(String envId, long step, double[] observation, double[][] axes,
      double[][] actions, double[] density, double[] qMin, double[] weights,
      double[][] componentModes) {

    /** Action dimension d. */
    public int actionDim() {
      return axes.length;
    }

    /** Cell volume: the density times it summed over the grid approximates the total mass. */
    public double cellVolume() {
      double v = 1;
      for (double[] axis : axes) {
        v *= axis.length > 1 ? axis[1] - axis[0] : 1;
      }
      return v;
    }

    /**
     * The midpoint-rule mass of the density on the grid: near 1 for a squashed policy on a fine
     * grid, less when the tanh packs much of a component's tail into the edge cells (the rule
     * undercounts there) or, for an unsquashed policy, when mass lies outside the box.
     */
    public double mass() {
      double s = 0;
      for (double p : density) {
        s += p;
      }
      return s * cellVolume();
    }
  }

  /**
   * The actor and critics of the run in {@code runDir} at its last checkpoint (read only; a run
   * another process is training is safe to read).
   *
   * @throws IOException if the run is missing or corrupt (the message says which)
   * @throws IllegalArgumentException as {@link #of}
   */
  public static Grid ofRun(Path runDir, double[] observation, int points) throws IOException {
    try (Trainer t = Trainer.open(runDir)) {
      return of(t.agent(), t.config().env(), t.step(), observation, points);
    }
  }

  /**
   * The density of {@code agent}'s actor at {@code observation} on {@code points} grid points per
   * action axis.
   *
   * @throws IllegalArgumentException if the observation has the wrong length or a non-finite
   *     value, if the action space has more than two dimensions, or if {@code points} is below 2
   *     or gives more than {@link #MAX_ACTIONS} grid actions
   */
  public static Grid of(Sac agent, String envId, long step, double[] observation, int points) {
    int o = agent.obsDim();
    if (observation == null || observation.length != o) {
      throw new IllegalArgumentException("observation must have " + o + " values for " + envId
          + ", got " + (observation == null ? "none" : Arrays.toString(observation)));
    }
    for (int i = 0; i < o; i++) {
      if (!Double.isFinite(observation[i])) {
        throw new IllegalArgumentException(
            "observation[" + i + "] must be finite, got " + observation[i]);
      }
    }
    Box box = agent.actionSpace();
    int d = box.dim();
    if (d > 2) {
      throw new IllegalArgumentException("an action density can be drawn for 1-D and 2-D action"
          + " spaces; " + envId + " has " + d + " action dimensions");
    }
    int most = d == 1 ? MAX_ACTIONS : (int) Math.sqrt(MAX_ACTIONS);
    if (points < 2 || points > most) {
      throw new IllegalArgumentException("points per axis must be in [2, " + most + "] for a "
          + d + "-D action, got " + points);
    }
    double[][] axes = new double[d][points];
    for (int j = 0; j < d; j++) {
      double h = (box.high(j) - box.low(j)) / points;
      for (int i = 0; i < points; i++) {
        axes[j][i] = box.low(j) + (i + 0.5) * h;
      }
    }
    int m = d == 1 ? points : points * points;
    double[][] actions = new double[m][d];
    double[] flat = new double[m * d];
    for (int i = 0; i < m; i++) {
      actions[i][0] = axes[0][d == 1 ? i : i / points];
      if (d == 2) {
        actions[i][1] = axes[1][i % points];
      }
      System.arraycopy(actions[i], 0, flat, i * d, d);
    }
    try (GradMode g = GradMode.noGrad()) {
      Policy pi = agent.actor().policy(Tensor.of(observation.clone(), 1, o));
      double[] density = pi.logProb(Tensor.of(flat.clone(), 1, m, d)).exp().toArray();
      double[] rep = new double[m * o];
      for (int i = 0; i < m; i++) {
        System.arraycopy(observation, 0, rep, i * o, o);
      }
      double[] q = agent.critics().min(Tensor.of(rep, m, o), Tensor.of(flat, m, d)).toArray();
      double[] weights = pi.weights().toArray();
      double[][] modes = componentModes(pi, weights.length, d);
      return new Grid(envId, step, observation.clone(), axes, actions, density, q, weights,
          modes);
    }
  }

  /** Each component's mean, squashed into the box; the policy's mode for a single Gaussian. */
  private static double[][] componentModes(Policy pi, int k, int d) {
    double[] flat = pi instanceof Mixture mix
        ? mix.toAction(mix.latent().means()).toArray()
        : pi.mode().toArray();
    double[][] out = new double[k][d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(flat, c * d, out[c], 0, d);
    }
    return out;
  }

  /** CSV {@code a_0[,a_1],density,q_min}, one row per grid action ({@link Double#toString}). */
  public static String densityCsv(Grid g) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < g.actionDim(); j++) {
      sb.append("a_").append(j).append(',');
    }
    sb.append("density,q_min\n");
    for (int i = 0; i < g.density().length; i++) {
      for (double a : g.actions()[i]) {
        sb.append(a).append(',');
      }
      sb.append(g.density()[i]).append(',').append(g.qMin()[i]).append('\n');
    }
    return sb.toString();
  }

  /** CSV {@code component,weight,mode_0[,mode_1]}: one row per mixture component. */
  public static String componentsCsv(Grid g) {
    StringBuilder sb = new StringBuilder("component,weight");
    for (int j = 0; j < g.actionDim(); j++) {
      sb.append(",mode_").append(j);
    }
    sb.append('\n');
    for (int c = 0; c < g.weights().length; c++) {
      sb.append(c).append(',').append(g.weights()[c]);
      for (double v : g.componentModes()[c]) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** {@code "s = (2.5, 2.5)"}: the observation for titles. */
  public static String describe(double[] observation) {
    StringBuilder sb = new StringBuilder("s = (");
    for (int i = 0; i < observation.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", observation[i]));
    }
    return sb.append(')').toString();
  }
}
