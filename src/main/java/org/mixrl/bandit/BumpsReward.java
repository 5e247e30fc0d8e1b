package org.mixrl.bandit;

import java.util.Arrays;
import org.mixrl.tensor.Tensor;

/**
 * A sum of Gaussian bumps, r(a) = sum_i H_i exp(-|a - C_i|^2 / (2 W_i^2)).
 *
 * <p>Spec syntax (the CLI contract): {@code bumps:H@C/W,H@C/W,...}, for example {@code
 * bumps:1.0@1.0/0.3,0.8@-1.0/0.3}. In d dimensions the centre's coordinates are separated by
 * semicolons: {@code bumps:1.0@0.5;-0.2/0.3,0.6@-1;1/0.5} (every bump must have the same d).
 * Widths must be positive, heights non-zero.
 *
 * <p>Bounds: with all heights positive r_min = 0 (the infimum, approached far away) and r_max
 * is the largest local maximum found by the fixed-point (mean-shift) iteration from every
 * centre; that iteration is a minorize-maximize ascent for positive heights (each term is a
 * convex decreasing function of |a - C_i|^2, so its tangent is a minorant). With mixed signs
 * the bounds are the conservative sums of the negative and of the positive heights.
 */
public final class BumpsReward implements Reward {
  private static final String FORM =
      "expected bumps:H@C/W,H@C/W,... with H a non-zero height, C a centre (coordinates"
          + " separated by ';' in d-D) and W > 0 a width, e.g. bumps:1.0@1.0/0.3,0.8@-1.0/0.3"
          + " or bumps:1.0@0.5;-0.2/0.3";

  private final double[] heights;
  private final double[][] centres;
  private final double[] widths;
  private final int dim;
  private final double lower;
  private final double upper;

  /** Bumps with heights H_i, centres C_i (each of length d) and widths W_i > 0. */
  public BumpsReward(double[] heights, double[][] centres, double[] widths) {
    int n = heights.length;
    if (n == 0 || centres.length != n || widths.length != n) {
      throw new IllegalArgumentException(
          "BumpsReward: need at least one bump and equally many heights, centres, widths; got "
              + n + ", " + centres.length + ", " + widths.length);
    }
    this.dim = centres[0].length;
    if (dim == 0) {
      throw new IllegalArgumentException("BumpsReward: centres must have at least 1 coordinate");
    }
    this.heights = heights.clone();
    this.widths = widths.clone();
    this.centres = new double[n][];
    for (int i = 0; i < n; i++) {
      if (centres[i].length != dim) {
        throw new IllegalArgumentException(
            "BumpsReward: bump " + i + " has a " + centres[i].length + "-D centre, bump 0 a "
                + dim + "-D one");
      }
      for (double c : centres[i]) {
        requireFinite("centre of bump " + i, c);
      }
      requireFinite("height of bump " + i, heights[i]);
      requireFinite("width of bump " + i, widths[i]);
      if (heights[i] == 0) {
        throw new IllegalArgumentException("BumpsReward: height of bump " + i + " is 0");
      }
      if (!(widths[i] > 0)) {
        throw new IllegalArgumentException(
            "BumpsReward: width of bump " + i + " must be > 0, got " + widths[i]);
      }
      this.centres[i] = centres[i].clone();
    }
    double[] b = bounds();
    this.lower = b[0];
    this.upper = b[1];
  }

  /** A 1-D reward from (height, centre, width) triples. */
  public static BumpsReward oneDimensional(double... heightCentreWidth) {
    if (heightCentreWidth.length == 0 || heightCentreWidth.length % 3 != 0) {
      throw new IllegalArgumentException(
          "BumpsReward.oneDimensional: need (height, centre, width) triples, got "
              + heightCentreWidth.length + " numbers");
    }
    int n = heightCentreWidth.length / 3;
    double[] h = new double[n];
    double[][] c = new double[n][1];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = heightCentreWidth[3 * i];
      c[i][0] = heightCentreWidth[3 * i + 1];
      w[i] = heightCentreWidth[3 * i + 2];
    }
    return new BumpsReward(h, c, w);
  }

  /** Parses {@code bumps:H@C/W,...} (see the class comment). */
  public static BumpsReward parse(String spec) {
    if (spec == null || !spec.trim().startsWith("bumps:")) {
      throw new IllegalArgumentException("bumps spec '" + spec + "' must start with 'bumps:'; "
          + FORM);
    }
    String body = spec.trim().substring("bumps:".length());
    String[] pieces = body.split(",", -1);
    double[] h = new double[pieces.length];
    double[][] c = new double[pieces.length][];
    double[] w = new double[pieces.length];
    for (int i = 0; i < pieces.length; i++) {
      String p = pieces[i].trim();
      int at = p.indexOf('@');
      int slash = p.lastIndexOf('/');
      if (at <= 0 || slash <= at + 1 || slash == p.length() - 1) {
        throw new IllegalArgumentException(
            "bumps spec piece " + (i + 1) + " '" + p + "' is malformed; " + FORM);
      }
      h[i] = number(p.substring(0, at), "height", i, p);
      String[] coords = p.substring(at + 1, slash).split(";", -1);
      c[i] = new double[coords.length];
      for (int j = 0; j < coords.length; j++) {
        c[i][j] = number(coords[j], "centre coordinate", i, p);
      }
      w[i] = number(p.substring(slash + 1), "width", i, p);
      if (!(w[i] > 0)) {
        throw new IllegalArgumentException(
            "bumps spec piece " + (i + 1) + " '" + p + "': width W must be > 0, got " + w[i]
                + "; " + FORM);
      }
      if (h[i] == 0) {
        throw new IllegalArgumentException(
            "bumps spec piece " + (i + 1) + " '" + p + "': height H must be non-zero; " + FORM);
      }
      if (i > 0 && c[i].length != c[0].length) {
        throw new IllegalArgumentException(
            "bumps spec piece " + (i + 1) + " '" + p + "' has a " + c[i].length
                + "-D centre but piece 1 has a " + c[0].length + "-D one; " + FORM);
      }
    }
    return new BumpsReward(h, c, w);
  }

  private static double number(String s, String what, int piece, String p) {
    try {
      double v = Double.parseDouble(s.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "bumps spec piece " + (piece + 1) + " '" + p + "': " + what + " '" + s
            + "' is not a finite number; " + FORM);
  }

  private static void requireFinite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("BumpsReward: " + what + " must be finite, got " + v);
    }
  }

  /** The spec string that parses back to this reward. */
  public String spec() {
    StringBuilder sb = new StringBuilder("bumps:");
    for (int i = 0; i < heights.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(heights[i]).append('@');
      for (int j = 0; j < dim; j++) {
        sb.append(j > 0 ? ";" : "").append(centres[i][j]);
      }
      sb.append('/').append(widths[i]);
    }
    return sb.toString();
  }

  @Override
  public Tensor evaluate(Tensor actions) {
    Tensor a = Actions.asMatrix("BumpsReward", actions, dim); // [N, d]
    Tensor total = null;
    for (int i = 0; i < heights.length; i++) {
      Tensor sq = a.sub(Tensor.of(centres[i], 1, dim)).square().sum(1, false); // [N]
      Tensor bump = sq.mul(-0.5 / (widths[i] * widths[i])).exp().mul(heights[i]);
      total = total == null ? bump : total.add(bump);
    }
    return total;
  }

  @Override
  public double value(double... a) {
    Actions.checkLength("BumpsReward", a, dim);
    double r = 0;
    for (int i = 0; i < heights.length; i++) {
      r += heights[i] * Math.exp(-0.5 * dist2(a, centres[i]) / (widths[i] * widths[i]));
    }
    return r;
  }

  /**
   * S(mu, sigma) = E[r(mu + sigma e)(e^2 - 1)], e ~ N(0, 1), in closed form for a 1-D reward.
   * Per bump, E[r(mu + sigma e)] = H W / s exp(-d^2 / (2 s^2)) with s^2 = W^2 + sigma^2 and
   * d = mu - C (a Gaussian convolved with a Gaussian), and by Stein's lemma S = sigma dE/dsigma
   * = E (sigma^2 / s^2)(d^2 / s^2 - 1). Costs one exp per bump, where quadrature costs one per
   * bump and node; s is formed by hypot so that no square overflows.
   *
   * @throws IllegalArgumentException if the reward is not 1-D, or sigma is not finite and
   *     positive, or mu is not finite
   */
  public double logSigmaScore(double mu, double sigma) {
    if (dim != 1) {
      throw new IllegalArgumentException(
          "BumpsReward.logSigmaScore: the reward must be 1-D, got dim " + dim);
    }
    if (!(sigma > 0) || !Double.isFinite(sigma) || !Double.isFinite(mu)) {
      throw new IllegalArgumentException("BumpsReward.logSigmaScore: need finite mu and sigma"
          + " > 0, got mu=" + mu + " sigma=" + sigma);
    }
    double score = 0;
    for (int i = 0; i < heights.length; i++) {
      double s = Math.hypot(widths[i], sigma);
      double z = (mu - centres[i][0]) / s;
      double z2 = z * z;
      if (z2 < 1500) { // beyond, exp underflows to 0 (and z^2 may be infinite)
        double sigmaOverS = sigma / s;
        score += heights[i] * (widths[i] / s) * Math.exp(-0.5 * z2)
            * sigmaOverS * sigmaOverS * (z2 - 1);
      }
    }
    return score;
  }

  private static double dist2(double[] a, double[] c) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - c[j];
      s += d * d;
    }
    return s;
  }

  private double[] bounds() {
    boolean allPositive = true;
    boolean allNegative = true;
    double pos = 0;
    double neg = 0;
    for (double h : heights) {
      allPositive &= h > 0;
      allNegative &= h < 0;
      pos += Math.max(h, 0);
      neg += Math.min(h, 0);
    }
    if (allPositive) {
      return new double[] {0.0, Math.min(pos, largestLocalMaximum(1))};
    }
    if (allNegative) {
      return new double[] {Math.max(neg, -largestLocalMaximum(-1)), 0.0};
    }
    return new double[] {neg, pos};
  }

  /** max over starts at every centre of the mean-shift fixed point of sign * r. */
  private double largestLocalMaximum(double sign) {
    double best = 0;
    for (double[] start : centres) {
      double[] a = start.clone();
      for (int iter = 0; iter < 10_000; iter++) {
        double[] num = new double[dim];
        double den = 0;
        for (int i = 0; i < heights.length; i++) {
          double w2 = widths[i] * widths[i];
          double wt = sign * heights[i] * Math.exp(-0.5 * dist2(a, centres[i]) / w2) / w2;
          den += wt;
          for (int j = 0; j < dim; j++) {
            num[j] += wt * centres[i][j];
          }
        }
        double moved = 0;
        for (int j = 0; j < dim; j++) {
          double next = num[j] / den;
          moved = Math.max(moved, Math.abs(next - a[j]));
          a[j] = next;
        }
        if (!(moved > 1e-13)) {
          break;
        }
      }
      best = Math.max(best, sign * value(a));
    }
    return best;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public double lowerBound() {
    return lower;
  }

  @Override
  public double upperBound() {
    return upper;
  }

  /** The narrowest bump width. */
  @Override
  public double featureScale() {
    return Arrays.stream(widths).min().orElseThrow();
  }

  /** Every centre coordinate +- 8 widths (beyond, a bump is below e^-32 of its height). */
  @Override
  public double[] focusRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < heights.length; i++) {
      for (double c : centres[i]) {
        lo = Math.min(lo, c - 8 * widths[i]);
        hi = Math.max(hi, c + 8 * widths[i]);
      }
    }
    return new double[] {lo, hi};
  }

  public int bumps() {
    return heights.length;
  }

  public double height(int i) {
    return heights[i];
  }

  public double[] centre(int i) {
    return centres[i].clone();
  }

  public double width(int i) {
    return widths[i];
  }

  @Override
  public String toString() {
    return spec();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BumpsReward b && spec().equals(b.spec());
  }

  @Override
  public int hashCode() {
    return spec().hashCode();
  }
}
