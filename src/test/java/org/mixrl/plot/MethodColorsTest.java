package org.mixrl.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodColorsTest {
  @TempDir Path tmp;

  @Test
  void aFamilyHasOneColourInEveryFigureAndTheFiveStudyMethodsDiffer() {
    List<String> study = List.of("SG-RP", "SGM-MRP", "SGM-LR", "SGM-LR-M", "SGM-RP-LR");
    List<Color> a = MethodColors.forFigure(study);
    List<Color> b = MethodColors.forFigure(List.of("SGM-RP-LR", "SG-RP"));
    assertEquals(a.get(4), b.get(0));
    assertEquals(a.get(0), b.get(1));
    assertEquals(5, a.stream().distinct().count());
    assertEquals(MethodColors.of("SOMETHING-ELSE"), MethodColors.of("SOMETHING-ELSE"));
  }

  @Test
  void aRepeatedFamilyIsDrawnDarkerSoTheSeriesStayApart() {
    List<Color> c = MethodColors.forFigure(List.of("SGM-MRP", "SGM-MRP", "SGM-MRP"));
    assertEquals(MethodColors.of("SGM-MRP"), c.get(0));
    for (int i = 1; i < 3; i++) {
      Color prev = c.get(i - 1);
      Color cur = c.get(i);
      assertNotEquals(prev, cur);
      assertTrue(cur.getRed() <= prev.getRed() && cur.getGreen() <= prev.getGreen()
          && cur.getBlue() <= prev.getBlue(), prev + " then " + cur);
    }
  }

  @Test
  void stripPlotsRenderOneDotPerSeedAndRejectAnEmptyList() throws Exception {
    Charts.Strip s = new Charts.Strip("SG-RP", new double[] {1, 2, 3}, 2, 1.2, 2.8,
        MethodColors.of("SG-RP"));
    var chart = Charts.strips("t", "y", List.of(s));
    assertEquals(3, chart.getSeries("SG-RP (n=3)").getXData().length);
    Path png = tmp.resolve("s.png");
    Charts.savePng(chart, png);
    assertTrue(Files.size(png) > 0);
    assertThrows(IllegalArgumentException.class, () -> Charts.strips("t", "y", List.of()));
  }
}
