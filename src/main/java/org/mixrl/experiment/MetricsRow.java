package org.mixrl.experiment;

/**
 * One line of {@code metrics.csv}: a finished training episode ({@code kind = train}) or one
 * evaluation ({@code eval_stochastic}, {@code eval_deterministic}; return and length are means
 * over the evaluation's episodes). NaN fields are written empty.
 *
 * @param kind train, eval_stochastic or eval_deterministic
 * @param step environment steps taken when the row was written
 * @param wallTime seconds of training so far, summed over resumed sessions
 * @param episode training episode index (train rows), or evaluation index (eval rows)
 * @param episodeReturn undiscounted return
 * @param length episode length in steps
 * @param criticLoss mean critic loss over the updates since the previous train row
 * @param actorLoss mean actor loss over the same updates
 * @param alpha the entropy scale when the row was written
 * @param entropy mean entropy estimate over the same updates
 * @param effectiveComponents mean exp(H(w)) over the same updates (mixtures only)
 * @param maxWeight mean largest mixture weight over the same updates (mixtures only)
 */
public record MetricsRow(
    String kind,
    long step,
    double wallTime,
    long episode,
    double episodeReturn,
    double length,
    double criticLoss,
    double actorLoss,
    double alpha,
    double entropy,
    double effectiveComponents,
    double maxWeight) {

  /** The CSV header line (without newline). */
  public static final String HEADER =
      "kind,step,wall_time,episode,return,length,critic_loss,actor_loss,alpha,entropy,"
          + "eff_components,max_weight";

  /** Index of the wall_time column, which differs between otherwise identical runs. */
  public static final int WALL_TIME_COLUMN = 2;

  /** The CSV line (without newline); numbers use {@link Double#toString}, exact on reading. */
  public String toCsv() {
    return kind + ',' + step + ',' + fmt(wallTime) + ',' + episode + ',' + fmt(episodeReturn)
        + ',' + fmt(length) + ',' + fmt(criticLoss) + ',' + fmt(actorLoss) + ',' + fmt(alpha)
        + ',' + fmt(entropy) + ',' + fmt(effectiveComponents) + ',' + fmt(maxWeight);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
