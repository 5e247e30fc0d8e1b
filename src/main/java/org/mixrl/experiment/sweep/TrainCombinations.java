package org.mixrl.experiment.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.experiment.RunOptions;

/**
 * How a sweep checks the options of a {@code mixrl train} run at plan time, with the code
 * {@code train} itself uses ({@link RunOptions}): a value no run accepts ({@code "steps":
 * "many"}, {@code "gamma": 5}, {@code "env": "Nope"}) refuses the spec; a policy and estimator
 * that do not fit together ("rp only for g/sg; rplr, mrp, gs, irg only for gm/sgm; lr for
 * all"; the rule lives in the estimator package) only skip that combination, since grids over
 * policy × estimator produce such cells by design.
 */
public final class TrainCombinations {
  /** The options (train option names without "--") that decide whether a combination exists. */
  private static final List<String> DECIDING = List.of(
      "policyClass", "components", "estimator", "baseline", "estimatorSamples", "sharedNoise",
      "gsTemperature");

  private TrainCombinations() {}

  /**
   * Why the policy and estimator options do not fit together, or empty when they do. Options
   * left out take {@code mixrl train}'s defaults (the config builder's).
   *
   * @throws org.mixrl.experiment.InvalidOptionException if one of these options has a value
   *     that no combination accepts (an unknown estimator, 0 components)
   */
  public static Optional<String> invalidReason(Map<String, Object> options) {
    SacConfig.Builder b = SacConfig.builder();
    for (String name : DECIDING) {
      SacField f = SacConfig.field(name);
      String option = f.option().substring(2);
      Object v = options.get(option);
      if (v != null) {
        b.set(f, RunOptions.checked(option, v));
      }
    }
    try {
      b.build();
      return Optional.empty();
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Builds the run's config as {@code mixrl train} would and throws what it would throw.
   *
   * @throws IllegalArgumentException naming the option and value (an {@link
   *     org.mixrl.experiment.InvalidOptionException}) or the options that conflict
   */
  public static void check(Map<String, Object> options) {
    // options of train that are not settings of the run (none yet) are train's to check
    Map<String, Object> settings = new LinkedHashMap<>(options);
    settings.keySet().retainAll(RunOptions.names());
    RunOptions.newRun(settings);
  }
}
