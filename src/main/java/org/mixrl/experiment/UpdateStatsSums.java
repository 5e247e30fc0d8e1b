package org.mixrl.experiment;

import org.mixrl.agent.UpdateStats;

/**
 * Running sums of the update statistics a train row reports as means: critic loss, actor
 * loss, entropy, effective components and largest mixture weight, over the updates since the
 * previous train row.
 */
final class UpdateStatsSums {
  /** How many sums {@link #toArray()} holds (the checkpoint stores them in this order). */
  static final int SIZE = 5;

  private double criticLoss;
  private double actorLoss;
  private double entropy;
  private double effectiveComponents;
  private double maxWeight;
  private long updates;

  void add(UpdateStats s) {
    criticLoss += s.criticLoss();
    actorLoss += s.actorLoss();
    entropy += s.entropy();
    effectiveComponents += s.effectiveComponents();
    maxWeight += s.maxWeight();
    updates++;
  }

  void clear() {
    criticLoss = 0;
    actorLoss = 0;
    entropy = 0;
    effectiveComponents = 0;
    maxWeight = 0;
    updates = 0;
  }

  long updates() {
    return updates;
  }

  double meanCriticLoss() {
    return mean(criticLoss);
  }

  double meanActorLoss() {
    return mean(actorLoss);
  }

  double meanEntropy() {
    return mean(entropy);
  }

  double meanEffectiveComponents() {
    return mean(effectiveComponents);
  }

  double meanMaxWeight() {
    return mean(maxWeight);
  }

  private double mean(double sum) {
    return updates == 0 ? Double.NaN : sum / updates;
  }

  /** The sums in checkpoint order (critic, actor, entropy, effective components, max weight). */
  double[] toArray() {
    return new double[] {criticLoss, actorLoss, entropy, effectiveComponents, maxWeight};
  }

  /** Sums read back from {@link #toArray()} together with their update count. */
  static UpdateStatsSums of(double[] sums, long updates) {
    if (sums.length != SIZE) {
      throw new IllegalArgumentException(
          "update statistics: expected " + SIZE + " sums, got " + sums.length);
    }
    UpdateStatsSums s = new UpdateStatsSums();
    s.criticLoss = sums[0];
    s.actorLoss = sums[1];
    s.entropy = sums[2];
    s.effectiveComponents = sums[3];
    s.maxWeight = sums[4];
    s.updates = updates;
    return s;
  }
}
