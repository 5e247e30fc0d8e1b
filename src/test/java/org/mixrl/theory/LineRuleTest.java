package org.mixrl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineRuleTest {
  private static double normal(double x, double m, double s) {
    double z = (x - m) / s;
    return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
  }

  @Test
  void integratesANarrowDensityInsideAWideOne() {
    // 0.5 N(0, 100^2) + 0.5 N(3, 0.001^2) integrates to 1 and has mean 1.5
    List<LineRule.Window> w =
        List.of(LineRule.Window.around(0, 100, 8.5), LineRule.Window.around(3, 1e-3, 8.5));
    LineRule rule = LineRule.covering(w, 10_000);
    double mass = rule.integrate(x -> 0.5 * normal(x, 0, 100) + 0.5 * normal(x, 3, 1e-3));
    double mean = rule.integrate(x -> x * (0.5 * normal(x, 0, 100) + 0.5 * normal(x, 3, 1e-3)));
    assertEquals(1.0, mass, 1e-13);
    assertEquals(1.5, mean, 1e-11);
    assertTrue(rule.size() < 2000, "panels are fine only near the narrow component");
  }

  @Test
  void coarsensInsteadOfExceedingThePanelBudget() {
    LineRule rule = LineRule.covering(List.of(new LineRule.Window(0, 1, 1e-6)), 100);
    assertTrue(rule.size() <= 100 * LineRule.POINTS);
    assertEquals(1.0 / 3, rule.integrate(x -> x * x), 1e-14); // still exact for polynomials
  }
}
