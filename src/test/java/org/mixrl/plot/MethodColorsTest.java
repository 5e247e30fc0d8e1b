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
import org.mixrl.policy.PolicyClass;

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
  void aMethodHasTheSameColourUnderEveryNameItGoesBy() {
    // sweep family, bandit legend, notebook key, reproduce CSV key, bare estimator
    for (String name : List.of("SGM-MRP", "SGM-MRP (K=5)", "sgm-mrp", "sgm/mrp", "SGM_3/MRP",
        "MRP", "mrp")) {
      assertEquals(MethodColors.ofEstimator("MRP"), MethodColors.recognise(name).orElseThrow(),
          name);
    }
    for (String name : List.of("RP-LR (leave-one-out baseline)", "rplr", "SGM-RP-LR (K=3)")) {
      assertEquals(MethodColors.ofEstimator("RP-LR"), MethodColors.recognise(name).orElseThrow(),
          name);
    }
    assertEquals(MethodColors.of("SGM-LR-M"),
        MethodColors.recognise("SGM-LR (K=5, M=5, baseline loo)").orElseThrow());
    assertEquals(MethodColors.of("SGM-LR"), MethodColors.recognise("SGM-LR (K=5)").orElseThrow());
    assertNotEquals(MethodColors.of("SGM-LR"), MethodColors.of("SGM-LR-M"));
    assertEquals(MethodColors.of("SG-RP"), MethodColors.recognise("sg-rp").orElseThrow());
    assertTrue(MethodColors.recognise("two-bump: 1.0@1.0/0.3").isEmpty());
    assertTrue(MethodColors.recognise("reward 0").isEmpty());
    assertTrue(MethodColors.recognise("lr=0.001").isEmpty());
  }

  @Test
  void aPolicyClassHasTheColourOfTheFamilyThatTrainsItAndTheFourDiffer() {
    assertEquals(MethodColors.of("SG-RP"), MethodColors.ofClass(PolicyClass.SG));
    assertEquals(MethodColors.of("SGM-MRP"), MethodColors.ofClass(PolicyClass.SGM));
    assertEquals(MethodColors.of("G-RP"), MethodColors.ofClass(PolicyClass.G));
    assertEquals(MethodColors.of("GM-MRP"), MethodColors.ofClass(PolicyClass.GM));
    assertEquals(4, java.util.Arrays.stream(PolicyClass.values()).map(MethodColors::ofClass)
        .distinct().count());
    assertEquals(MethodColors.ofClass(PolicyClass.GM),
        MethodColors.recognise("GM_2 (line)").orElseThrow());
    assertEquals(MethodColors.ofClass(PolicyClass.SGM),
        MethodColors.recognise("SGM_5 (E[r]=0.563)").orElseThrow());
    assertEquals(MethodColors.ofClass(PolicyClass.G), MethodColors.recognise("G").orElseThrow());
  }

  @Test
  void theSevenEstimatorsHaveSevenColoursAndOtherSeriesNeverBorrowOne() {
    List<String> est = List.of("RP", "MRP", "LR", "LR-M", "RP-LR", "GS", "IRG");
    assertEquals(7, est.stream().map(MethodColors::ofEstimator).distinct().count());
    List<String> names = List.of("wide", "MRP", "sharp", "LR", "two-bump");
    List<Color> c = MethodColors.forSeries(names);
    assertEquals(MethodColors.ofEstimator("MRP"), c.get(1));
    assertEquals(MethodColors.ofEstimator("LR"), c.get(3));
    assertEquals(5, c.stream().distinct().count(), c.toString());
    assertThrows(IllegalArgumentException.class, () -> MethodColors.ofEstimator("XYZ"));
  }

  @Test
  void blackIsShadedTowardsGreyAndOtherColoursDarker() {
    Color black = MethodColors.ofClass(PolicyClass.GM);
    Color grey = MethodColors.shade(black, 1);
    assertTrue(grey.getRed() > 50 && grey.getRed() == grey.getGreen(), grey.toString());
    Color v = MethodColors.ofClass(PolicyClass.SGM);
    Color dark = MethodColors.shade(v, 1);
    assertTrue(dark.getRed() < v.getRed(), dark.toString());
  }

  @Test
  void barsCarryTheirValuesSoAZeroBarStillShows() {
    var chart = Charts.bars("t", "group", "gap", List.of("a", "b"), List.of("SG-RP", "MRP"),
        new double[][] {{0, 0.2}, {0.1, 0}});
    assertTrue(chart.getStyler().isLabelsVisible());
    // the smallest non-zero value keeps two significant digits, so only a true 0 reads "0"
    java.text.DecimalFormat f = new java.text.DecimalFormat(
        Charts.labelPattern(new double[][] {{0, 3e-4, 0.0175}}));
    assertEquals("0.0003", f.format(3e-4));
    assertEquals("0", f.format(0.0));
    java.text.DecimalFormat counts = new java.text.DecimalFormat(
        Charts.labelPattern(new double[][] {{0, 2, 5}}));
    assertEquals("2", counts.format(2.0));
    assertEquals("0", counts.format(0.0));
    assertEquals(MethodColors.ofEstimator("MRP"), chart.getSeries("MRP").getFillColor());
    assertThrows(IllegalArgumentException.class, () -> Charts.bars("t", "x", "y",
        List.of("a", "b"), List.of("s"), new double[][] {{1}}));
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
