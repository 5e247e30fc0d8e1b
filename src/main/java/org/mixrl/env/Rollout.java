package org.mixrl.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays a fixed action sequence from a seeded reset: the library side of
 * {@code mixrl env rollout --env NAME --seed S --actions a1,a2,...}.
 */
public final class Rollout {
  private Rollout() {}

  /**
   * Resets {@code env} with {@code seed} and applies {@code actions} in order.
   *
   * <p>Row 0 is the reset observation with reward 0 and both flags false; row t is the result of
   * action t. The rollout stops at the first terminated or truncated step, so later actions are
   * not used (the last row's flags say why it stopped).
   */
  public static List<RolloutRow> run(Env env, long seed, double[][] actions) {
    if (env == null || actions == null) {
      throw new IllegalArgumentException("Rollout.run: env and actions must be non-null");
    }
    List<RolloutRow> rows = new ArrayList<>();
    rows.add(new RolloutRow(0, env.reset(seed), 0.0, false, false));
    for (int t = 0; t < actions.length; t++) {
      StepResult r = env.step(actions[t]);
      rows.add(new RolloutRow(t + 1, r.observation(), r.reward(), r.terminated(), r.truncated()));
      if (r.done()) {
        break;
      }
    }
    return List.copyOf(rows);
  }

  /**
   * Parses {@code "a1,a2,..."}: comma-separated numbers taken {@code actionDim} at a time, so for
   * a one-dimensional action space each number is one action. Blank text gives no actions.
   *
   * @throws IllegalArgumentException naming the position and text of a token that is not a
   *     number, or when the count is not a multiple of {@code actionDim}
   */
  public static double[][] parseActions(String text, int actionDim) {
    if (actionDim < 1) {
      throw new IllegalArgumentException("actionDim must be >= 1, got " + actionDim);
    }
    if (text == null || text.isBlank()) {
      return new double[0][];
    }
    String[] tokens = text.split(",", -1);
    if (tokens.length % actionDim != 0) {
      throw new IllegalArgumentException(
          "actions: got " + tokens.length + " numbers, not a multiple of the action dimension "
              + actionDim);
    }
    double[][] actions = new double[tokens.length / actionDim][actionDim];
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i].trim();
      try {
        actions[i / actionDim][i % actionDim] = Double.parseDouble(token);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "actions: number " + (i + 1) + " is not a number: '" + token + "'", e);
      }
    }
    return actions;
  }

  /**
   * CSV with header {@code step,obs_0,...,obs_{n-1},reward,terminated,truncated}; numbers are
   * written with {@link Double#toString}, which reads back to the same bits.
   */
  public static String toCsv(List<RolloutRow> rows) {
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("Rollout.toCsv: need at least one row");
    }
    int n = rows.get(0).observation().length;
    StringBuilder sb = new StringBuilder("step");
    for (int i = 0; i < n; i++) {
      sb.append(",obs_").append(i);
    }
    sb.append(",reward,terminated,truncated\n");
    for (RolloutRow row : rows) {
      double[] obs = row.observation();
      if (obs.length != n) {
        throw new IllegalArgumentException("Rollout.toCsv: row " + row.step() + " has "
            + obs.length + " observation values, the first row has " + n);
      }
      sb.append(row.step());
      for (double o : obs) {
        sb.append(',').append(o);
      }
      sb.append(',').append(row.reward())
          .append(',').append(row.terminated())
          .append(',').append(row.truncated())
          .append('\n');
    }
    return sb.toString();
  }
}
