package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** reproduce knows its whole work before it starts, so its bar never goes back. */
class ReproducePlanTest {
  @Test
  void quickPlanCountsEachStagesTasks() {
    // 2 threshold rewards; 30 curve points; G, GM_2, GM_3, SG, SGM_2, SGM_3; 3 rewards x 5
    // estimators; 2 critics x 1 alpha x (SG/RP + 4 SGM estimators) x 3 seeds
    assertEquals(Map.of("threshold", 2, "threshold curve", 30, "entropy robustness", 6,
        "estimator variance", 15, "bandit learning", 30), ReproducePlan.quick(null).stages());
  }

  @Test
  void defaultPlanCountsEachStagesTasks() {
    // 5 rewards; 60 points; G, GM_2, GM_3, GM_5 and the same on the box; 15; 2 x 3 x 5 x 10
    assertEquals(Map.of("threshold", 5, "threshold curve", 60, "entropy robustness", 8,
        "estimator variance", 15, "bandit learning", 300), ReproducePlan.defaults(null).stages());
    assertEquals(2 * 3 * 5 * 4, ReproducePlan.defaults(4).stages().get("bandit learning"));
  }

  @Test
  void theBarReachesItsTotalExactlyAndAStageWithOtherWorkIsRefused() throws Exception {
    Map<String, Integer> planned = Map.of("one", 3, "two", 2);
    try (ProgressBar bar = ProgressBars.create("test", 5, "tasks", true);
        TaskRunner runner = new TaskRunner(2, bar, planned)) {
      runner.all("one", tasks(3));
      assertEquals(5, bar.getMax());
      runner.all("two", tasks(2));
      assertEquals(5, bar.getCurrent());
      assertEquals(5, bar.getMax(), "the total never changes");
      assertThrows(IllegalStateException.class, () -> runner.all("two", tasks(3)));
      assertThrows(IllegalStateException.class, () -> runner.all("three", tasks(1)));
    }
  }

  private static List<Callable<Integer>> tasks(int n) {
    List<Callable<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = i;
      out.add(() -> v);
    }
    return out;
  }
}
