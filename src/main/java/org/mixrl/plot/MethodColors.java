package org.mixrl.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mixrl.policy.PolicyClass;

/**
 * The one home of mixrl's colours: every figure (theory, estimator variance, bandit learning,
 * sweeps) and every notebook takes a method's or a policy class's colour from here, so that a
 * reader who learned "MRP is vermillion" in one figure can rely on it in the next.
 *
 * <ul>
 *   <li>Estimators (the method): RP blue, MRP vermillion, LR green, LR with several samples
 *       per state pink, RP-LR orange, GS grey, IRG purple. A method family {@code SGM-MRP},
 *       {@code SG-RP}, ... takes its estimator's colour, except the two families of the
 *       unsquashed line classes that the studies use: {@code G-RP} sky blue, {@code GM-MRP}
 *       black.
 *   <li>Policy classes (theory figures, densities): each class has the colour of the family
 *       that trains it: SG blue (SG-RP), SGM vermillion (SGM-MRP), G sky blue (G-RP), GM black
 *       (GM-MRP). Figures draw the line classes dashed with other markers, and tell the K of a
 *       mixture apart by marker and {@link #shade}.
 * </ul>
 *
 * <p>Okabe and Ito's colour-blind-safe palette (2008) plus a grey and a purple for the two
 * estimators beyond its seven strong colours. A name this class does not know gets a colour
 * from the remaining palette in the order of the figure.
 */
public final class MethodColors {
  private MethodColors() {}

  static final Color BLUE = new Color(0, 114, 178);
  static final Color VERMILLION = new Color(213, 94, 0);
  static final Color GREEN = new Color(0, 158, 115);
  static final Color PINK = new Color(204, 121, 167);
  static final Color ORANGE = new Color(230, 159, 0);
  static final Color SKY_BLUE = new Color(86, 180, 233);
  static final Color BLACK = new Color(0, 0, 0);
  static final Color YELLOW = new Color(240, 228, 66);
  static final Color GREY = new Color(120, 120, 120);
  static final Color PURPLE = new Color(117, 84, 170);

  /** The palette in order, for series that name no method (rewards, settings). */
  static final Color[] PALETTE = {
    BLUE, VERMILLION, GREEN, PINK, ORANGE, SKY_BLUE, BLACK, YELLOW, GREY, PURPLE
  };

  /** Colours of figures' reference lines (a threshold, a bound) and of rewards. */
  public static final Color REFERENCE = new Color(110, 110, 110);

  private static final Map<String, Color> ESTIMATORS = Map.of(
      "RP", BLUE,
      "MRP", VERMILLION,
      "LR", GREEN,
      "LR-M", PINK,
      "RP-LR", ORANGE,
      "GS", GREY,
      "IRG", PURPLE);

  private static final Map<String, Color> LINE_FAMILIES = Map.of(
      "G-RP", SKY_BLUE,
      "GM-MRP", BLACK);

  /** The colour of an estimator: {@code MRP}, {@code lr}, {@code rplr}, {@code RP-LR}, ... */
  public static Color ofEstimator(String estimator) {
    Color c = ESTIMATORS.get(canonicalEstimator(estimator));
    if (c == null) {
      throw new IllegalArgumentException("MethodColors: unknown estimator '" + estimator
          + "'; known: " + ESTIMATORS.keySet());
    }
    return c;
  }

  /** The colour of a policy class (that of the family that trains it). */
  public static Color ofClass(PolicyClass c) {
    return switch (c) {
      case SG -> BLUE;
      case SGM -> VERMILLION;
      case G -> SKY_BLUE;
      case GM -> BLACK;
    };
  }

  /**
   * The colour of a method family such as {@code SG-RP}, {@code SGM-MRP} or {@code SGM-LR-M};
   * a name that is no known family gets a fixed palette colour from its hash.
   */
  public static Color of(String family) {
    return recognise(family).orElseGet(
        () -> PALETTE[Math.floorMod(family.hashCode(), PALETTE.length)]);
  }

  /**
   * The method or class a series name stands for, if any: a family ({@code SGM-MRP},
   * {@code SGM-LR (K=5, M=5)}, {@code sgm/lr}, {@code SGM_3/MRP}), an estimator ({@code mrp},
   * {@code RP-LR}) or a class label ({@code SG}, {@code GM_2 (line)}).
   */
  public static Optional<Color> recognise(String name) {
    Matcher m = NAME.matcher(name.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String cls = m.group(1) == null ? null : m.group(1).toUpperCase(Locale.ROOT);
    String est = m.group(3);
    if (est == null) {
      return cls == null ? Optional.empty() : Optional.of(ofClass(PolicyClass.valueOf(cls)));
    }
    String e = canonicalEstimator(est);
    boolean several = m.group(4) != null || name.contains("M=") && !name.contains("M=1)")
        && !name.contains("M=1,");
    if (e.equals("LR") && several) {
      e = "LR-M";
    }
    if (cls != null) {
      Color line = LINE_FAMILIES.get(cls + "-" + e);
      if (line != null) {
        return Optional.of(line);
      }
    }
    return Optional.ofNullable(ESTIMATORS.get(e));
  }

  // [class[_K]] [-|/] estimator [-M] [anything in parentheses or after a space]
  private static final Pattern NAME = Pattern.compile(
      "(?i)(SGM|SG|GM|G)?(_\\d+)?(?:(?<=\\w)[-/ ])?(RP-LR|RPLR|MRP|LR|RP|GS|IRG)?(-M)?"
          + "(?:[ (].*)?");

  private static String canonicalEstimator(String e) {
    String u = e.toUpperCase(Locale.ROOT);
    return u.equals("RPLR") ? "RP-LR" : u;
  }

  /**
   * Variant {@code i} of a colour, for repeats of one method or class in a figure (K = 2, 3,
   * 5): i = 0 is the colour itself; dark colours are lightened and others darkened by 30% per
   * step.
   */
  public static Color shade(Color c, int i) {
    if (i == 0) {
      return c;
    }
    double luminance = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    if (luminance < 0.25) {
      double t = Math.min(0.8, 0.3 * i);
      return new Color(mix(c.getRed(), t), mix(c.getGreen(), t), mix(c.getBlue(), t));
    }
    double k = Math.pow(0.7, i);
    return new Color((int) (c.getRed() * k), (int) (c.getGreen() * k), (int) (c.getBlue() * k));
  }

  private static int mix(int channel, double towardWhite) {
    return (int) Math.round(channel + (255 - channel) * towardWhite);
  }

  /** Colours for the families of one figure; repeats of a family get successive shades. */
  public static List<Color> forFigure(List<String> families) {
    Map<String, Integer> seen = new HashMap<>();
    List<Color> out = new ArrayList<>();
    for (String f : families) {
      int repeat = seen.merge(f, 1, Integer::sum) - 1;
      out.add(shade(of(f), repeat));
    }
    return out;
  }

  /**
   * Colours for the series of one figure by name: a recognised method or class gets its own
   * colour (repeats shaded), any other name the next palette colour not taken by a recognised
   * one, so rewards or settings never borrow a method's colour.
   */
  public static List<Color> forSeries(List<String> names) {
    List<Color> out = new ArrayList<>();
    List<Color> taken = new ArrayList<>();
    for (String n : names) {
      recognise(n).ifPresent(taken::add);
    }
    Map<Color, Integer> seen = new HashMap<>();
    int next = 0;
    for (String n : names) {
      Optional<Color> c = recognise(n);
      if (c.isPresent()) {
        out.add(shade(c.get(), seen.merge(c.get(), 1, Integer::sum) - 1));
        continue;
      }
      int tries = 0;
      while (taken.contains(PALETTE[next % PALETTE.length]) && tries++ < PALETTE.length) {
        next++;
      }
      out.add(PALETTE[next % PALETTE.length]);
      next++;
    }
    return out;
  }
}
