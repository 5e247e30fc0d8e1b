package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.agent.SacConfig;

class RunOptionsTest {
  private static Map<String, Object> of(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void typedValuesAndCommandLineTextGiveTheSameConfig() {
    RunConfig typed = RunOptions.newRun(of("env", "Pendulum-v1", "steps", 300L, "seed", 4L,
        "gamma", 0.9, "batch-size", 16L, "hidden", List.of(8L, 8L), "autotune", false));
    RunConfig text = RunOptions.newRun(of("env", "Pendulum-v1", "steps", "300", "seed", "4",
        "gamma", "0.9", "batch-size", "16", "hidden", "8,8", "autotune", false));
    assertEquals(typed, text);
    assertEquals(0.9, typed.sac().gamma());
    assertEquals(List.of(8, 8), typed.sac().hidden());
    assertEquals(0.2, typed.sac().initialAlpha(), "derived default still derived");
  }

  @Test
  void leftOutOptionsTakeTrainsDefaults() {
    RunConfig c = RunOptions.newRun(of("env", "Pendulum-v1", "steps", 10L));
    assertEquals(new RunConfig("Pendulum-v1", Long.parseLong(RunOptions.DEFAULT_SEED), 10,
        Long.parseLong(RunOptions.DEFAULT_EVAL_EVERY),
        Integer.parseInt(RunOptions.DEFAULT_EVAL_EPISODES),
        Long.parseLong(RunOptions.DEFAULT_CHECKPOINT_EVERY), SacConfig.defaults()), c);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "steps|many|must be an integer, got \"many\"",
      "steps|-100|steps must be >= 1, got -100",
      "eval-episodes|99999999999|must be an integer in",
      "gamma|5|gamma must be in [0, 1], got 5.0",
      "target-entropy|NaN|NaN is not allowed; give a finite number (leave the option out",
      "env|Nope|unknown id 'Nope'",
      "hidden|8,x|must be a list of integers",
      "no-such|1|no such option; allowed: env, steps"})
  void aBadValueNamesItsOptionTheValueAndWhatIsAllowed(String option, String value,
      String reason) {
    Map<String, Object> given = of("env", "Pendulum-v1", "steps", 10L);
    given.put(option, value);
    InvalidOptionException e = assertThrows(InvalidOptionException.class,
        () -> RunOptions.newRun(given));
    assertEquals(option, e.option());
    assertEquals(value, e.value());
    assertTrue(e.reason().contains(reason), e.reason());
    assertTrue(e.getMessage().startsWith("--" + option + ": "), e.getMessage());
  }

  @Test
  void jsonKindsTheCommandLineWouldRefuseAreRefused() {
    for (Object[] c : new Object[][] {{"steps", 100.5}, {"batch-size", true},
        {"autotune", "false"}, {"policy", List.of("sg")}, {"hidden", List.of(8.5)}}) {
      Map<String, Object> given = of("env", "Pendulum-v1", "steps", 10L);
      given.put((String) c[0], c[1]);
      InvalidOptionException e = assertThrows(InvalidOptionException.class,
          () -> RunOptions.newRun(given), c[0] + "=" + c[1]);
      assertEquals(c[0], e.option());
    }
  }

  @Test
  void aNewRunNeedsEnvAndSteps() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RunOptions.newRun(of("steps", 10L))).getMessage().contains("--env is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RunOptions.newRun(of("env", "Pendulum-v1"))).getMessage()
        .contains("--steps is required"));
  }

  @Test
  void aResumeKeepsTheStoredConfigExceptWhatIsGiven() {
    RunConfig stored = RunOptions.newRun(of("env", "Pendulum-v1", "steps", 10L, "seed", 3L,
        "gamma", 0.5));
    assertEquals(stored, RunOptions.resumed(stored, Map.of()));
    RunConfig longer = RunOptions.resumed(stored, of("steps", 20L));
    assertEquals(stored.withSteps(20), longer);
  }
}
