package org.mixrl.plot;

import java.util.Locale;
import org.mixrl.policy.PolicyClass;

/**
 * How the theory figures draw a policy class, the same in {@code mixrl reproduce} and the
 * notebooks: the class's {@link MethodColors#ofClass colour}; the line classes (G, GM_K)
 * dashed, the box classes (SG, SGM_K) solid; a single Gaussian with circles, the K-th mixture
 * size of the figure with its own marker (diamond, square, triangle up, triangle down) and
 * {@link MethodColors#shade shade}, so that GM_2 and SGM_2 differ in colour and dash and GM_2
 * and GM_5 in marker and shade. The end of a class's last maximum is a cross in its colour.
 */
public final class ClassStyle {
  private ClassStyle() {}

  /** "G (line)", "SGM_3 (box)". */
  public static String name(PolicyClass c, int k) {
    return c.name() + (c.mixture() ? "_" + k : "") + (c.squashed() ? " (box)" : " (line)");
  }

  /**
   * The styled curve of class {@code c} with {@code k} components, where {@code ks} are the
   * mixture sizes the figure shows (in order).
   */
  public static Charts.StyledLine line(PolicyClass c, int k, int[] ks, double[] x, double[] y) {
    int i = sizeIndex(c, k, ks);
    return new Charts.StyledLine(new Charts.Line(name(c, k), x, y),
        MethodColors.shade(MethodColors.ofClass(c), Math.max(0, i)), c.mixture() ? 1 + i : 0,
        !c.squashed(), false);
  }

  /** A cross in the class's colour at (alpha, value): where its last maximum ends. */
  public static Charts.StyledLine end(PolicyClass c, int k, int[] ks, double alpha,
      double value) {
    int i = sizeIndex(c, k, ks);
    return new Charts.StyledLine(new Charts.Line(String.format(Locale.ROOT,
        "%s%s: last maximum ends, alpha = %.3f", c.name(), c.mixture() ? "_" + k : "", alpha),
        new double[] {alpha}, new double[] {value}),
        MethodColors.shade(MethodColors.ofClass(c), Math.max(0, i)), 5, false, true);
  }

  private static int sizeIndex(PolicyClass c, int k, int[] ks) {
    if (!c.mixture()) {
      return 0;
    }
    for (int i = 0; i < ks.length; i++) {
      if (ks[i] == k) {
        return i;
      }
    }
    return ks.length;
  }
}
