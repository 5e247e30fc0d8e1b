package org.mixrl.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per method family in every figure (SG-RP is always blue, SGM-MRP always
 * vermillion, ...), from the Okabe–Ito palette. A family without a fixed colour gets one from
 * its name; a family that appears more than once in one figure (an N ablation: K = 2, 5, 8)
 * is drawn darker for each repeat.
 */
public final class MethodColors {
  private MethodColors() {}

  private static final Map<String, Color> FIXED = Map.of(
      "SG-RP", Charts.PALETTE[0],
      "SGM-MRP", Charts.PALETTE[1],
      "SGM-LR", Charts.PALETTE[2],
      "SGM-LR-M", Charts.PALETTE[3],
      "SGM-RP-LR", Charts.PALETTE[4],
      "G-RP", Charts.PALETTE[5],
      "GM-MRP", Charts.PALETTE[6]);

  /** The colour of {@code family}. */
  public static Color of(String family) {
    Color c = FIXED.get(family);
    return c != null ? c : Charts.PALETTE[Math.floorMod(family.hashCode(), Charts.PALETTE.length)];
  }

  /** Colours for the series of one figure, repeats of a family darkened by 30% each. */
  public static List<Color> forFigure(List<String> families) {
    Map<String, Integer> seen = new HashMap<>();
    List<Color> out = new ArrayList<>();
    for (String f : families) {
      int repeat = seen.merge(f, 1, Integer::sum) - 1;
      Color c = of(f);
      double k = Math.pow(0.7, repeat);
      out.add(new Color((int) (c.getRed() * k), (int) (c.getGreen() * k),
          (int) (c.getBlue() * k)));
    }
    return out;
  }
}
