package org.mixrl.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOrderTest {
  @TempDir Path tmp;

  private Sweep planned() throws IOException {
    Sweep sw = Sweep.at(tmp);
    // seeds 1, 2 and 10: text order would put 10 before 2
    sw.plan(SweepSpec.parse("{\"command\": \"fake\", \"grid\": {\"policy\": [\"b\", \"a\"],"
        + " \"seed\": [10, 2, 1]}}"), SweepTest.FAKE);
    return sw;
  }

  private static List<String> options(Sweep sw, List<String> ids) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    for (String id : ids) {
      Map<String, Object> o = sw.read(id).options();
      out.add(o.get("policy") + "" + o.get("seed"));
    }
    return out;
  }

  @Test
  void orderingBySeedTakesEverySettingsSeedOneFirstAndComparesNumbersAsNumbers()
      throws IOException {
    Sweep sw = planned();
    List<String> ordered = RunOrder.by(sw, sw.ids(), List.of("seed"));
    // within a seed, ties go by id, whose slug starts with the policy
    assertEquals(List.of("a1", "b1", "a2", "b2", "a10", "b10"), options(sw, ordered));
  }

  @Test
  void noKeysKeepsIdOrderAndSeveralKeysSortLexicographically() throws IOException {
    Sweep sw = planned();
    assertEquals(sw.ids(), RunOrder.by(sw, sw.ids(), List.of()));
    assertEquals(List.of("a1", "a2", "a10", "b1", "b2", "b10"),
        options(sw, RunOrder.by(sw, sw.ids(), List.of("policy", "seed"))));
  }
}
