package org.mixrl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixrl.experiment.BanditLearning;
import org.mixrl.theory.EntropyRobustness;

/**
 * What {@code mixrl reproduce} runs. The quick plan took 295 s of wall time on the shared 2-core
 * machine at a load average near 40 (its summary.md records the wall time of each run); the
 * default plan (32 random starts per class, eight alphas, K up to 5) took 146-175 s on 2 cores
 * with little else running and 429 s at a load average near 20.
 *
 * @param quick whether this is the --quick plan
 * @param thresholdRewards rewards whose Gaussian threshold is computed
 * @param rewardSpec the reward of the stationary-point, robustness and learning studies
 * @param alphas entropy scales of the robustness sweep
 * @param mixtureKs component counts for GM and SGM
 * @param starts random starts per class at the first alpha of the continuation
 * @param maxAlphaStep largest alpha step of the continuation
 * @param varianceRepeats batches per estimator in the variance study
 * @param seeds learning runs per setting
 * @param steps actor updates per learning run
 * @param learningAlphas entropy scales of the learning study
 * @param learningK components of the learned mixture
 */
record ReproducePlan(
    boolean quick,
    List<String> thresholdRewards,
    String rewardSpec,
    double[] alphas,
    int[] mixtureKs,
    int starts,
    double maxAlphaStep,
    int varianceRepeats,
    int seeds,
    int steps,
    double[] learningAlphas,
    int learningK) {
  /** The two-bump reward of docs/theory.md and `mixrl variance`'s example. */
  static final String TWO_BUMPS = "bumps:1.0@1.0/0.3,0.8@-1.0/0.3";

  /** Variance study rewards (name, spec): see docs/estimators.md for why these three. */
  static final List<String[]> VARIANCE_REWARDS = List.of(
      new String[] {"wide", "bumps:1.0@0.5/0.7,0.8@-1.0/0.5"},
      new String[] {"two-bump", TWO_BUMPS},
      new String[] {"sharp", "bumps:1.0@0.3/0.1"});

  /** Points on the threshold curve of section 1. */
  int curvePoints() {
    return quick ? 30 : 60;
  }

  /**
   * The stages in the order they run, each with the number of tasks it submits, so that the
   * progress bar knows the whole run's work before it starts ({@link TaskRunner} holds each
   * stage to its count).
   */
  Map<String, Integer> stages() {
    Map<String, Integer> stages = new LinkedHashMap<>();
    stages.put(ReproduceTheory.STAGE_THRESHOLD, thresholdRewards.size());
    stages.put(ReproduceTheory.STAGE_CURVE, curvePoints());
    stages.put(ReproduceTheory.STAGE_ROBUSTNESS, EntropyRobustness.classes(mixtureKs).size());
    stages.put(ReproduceBandits.STAGE_VARIANCE,
        VARIANCE_REWARDS.size() * ReproduceBandits.MIXTURE_ESTIMATORS.size());
    stages.put(ReproduceBandits.STAGE_LEARNING, BanditLearning.CriticKind.values().length
        * learningAlphas.length * (1 + ReproduceBandits.LEARNING_ESTIMATORS.size()) * seeds);
    return stages;
  }

  static ReproducePlan defaults(Integer seedsOverride) {
    return new ReproducePlan(false,
        List.of(TWO_BUMPS, "bumps:1.0@0/0.3", "bumps:1.0@0.5/0.2,1.0@-0.5/0.2",
            "bumps:1.0@0/0.05,1.0@0.3/0.05,1.0@-0.3/0.05", "bumps:1.0@0/1.0,0.5@3/0.1"),
        TWO_BUMPS,
        new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0},
        new int[] {2, 3, 5},
        32,
        0.1,
        2000,
        seedsOverride != null ? seedsOverride : 10,
        300,
        new double[] {0.05, 0.2, 0.5},
        3);
  }

  static ReproducePlan quick(Integer seedsOverride) {
    return new ReproducePlan(true,
        List.of(TWO_BUMPS, "bumps:1.0@0/0.3"),
        TWO_BUMPS,
        new double[] {0.1, 0.5, 1.0},
        new int[] {2, 3},
        3,
        0.25,
        200,
        seedsOverride != null ? seedsOverride : 3,
        100,
        new double[] {0.2},
        3);
  }
}
