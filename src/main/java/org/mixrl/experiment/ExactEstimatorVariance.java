package org.mixrl.experiment;

import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;

/**
 * The exact total variance (sum over parameters) of one batch's LR and MRP gradient estimates
 * for a fixed 1-D Gaussian-mixture policy on a known reward, by quadrature: the ground truth the
 * variance map's Monte-Carlo cells are checked against, and the source of its alpha^2 law.
 *
 * <p><b>LR</b> with N independent draws a_i and the leave-one-out baseline b_i = mean of f over
 * the other N - 1 draws estimates grad J by (1/N) sum_i s(a_i) (f(a_i) - b_i), s = grad log pi,
 * f = r - alpha log pi. Splitting b_i - E f off, the two parts are uncorrelated and, per
 * parameter j,
 *
 * <pre>Var = (E[s_j^2 (f - Ef)^2] - g_j^2) / N + (E[s_j^2] Var f + g_j^2) / (N (N - 1)),</pre>
 *
 * with g_j = E[s_j f] the exact gradient. Since f is linear in alpha the total is a quadratic
 * c0 + c1 alpha + c2 alpha^2 whose alpha^2 coefficient is built from Var[log pi] weighted by the
 * squared score: LR's variance grows like alpha^2 Var[log pi].
 *
 * <p><b>MRP</b> with one independent eps_k per component and B states is (1/B) sum_states
 * sum_k h_k(eps_k), h_k(eps) = grad [w_k f(mu_k + sigma_k eps)] (the gradient through the
 * weights, through the sample into r and log pi, and through log pi's parameters). Its variance
 * is (1/B) sum_k Var_eps[h_k] per parameter, computed here with the derivatives of log pi written
 * out and r' by a central difference.
 *
 * <p>Expectations over eps ~ N(0, 1) use the trapezoid rule on [-12, 12] with a step that
 * resolves the reward's feature scale relative to each sigma_k (spectrally accurate for these
 * smooth, Gaussian-decaying integrands). Parameters are indexed by {@link PolicyLayout} (GM_K,
 * d = 1): logits[K], means[K], logStds[K].
 */
public final class ExactEstimatorVariance {
  private static final double HALF_WIDTH = 12.0;

  /** c0 + c1 alpha + c2 alpha^2. */
  public record Quadratic(double c0, double c1, double c2) {
    public double at(double alpha) {
      return c0 + alpha * (c1 + alpha * c2);
    }
  }

  private final Reward reward;
  private final int k;
  private final PolicyLayout layout; // GM_K on the line: where each parameter's terms go
  private final double[] w;
  private final double[] mu;
  private final double[] sigma;
  private final double[][] nodes; // [component][i] standard-normal nodes
  private final double[][] weights; // [component][i] normalised Gaussian weights

  /** The policy with logits, means and log-stds (each of length K) on {@code reward}. */
  public ExactEstimatorVariance(Reward reward, double[] logits, double[] means,
      double[] logStds) {
    if (reward.dim() != 1) {
      throw new IllegalArgumentException(
          "ExactEstimatorVariance: the reward must be 1-D, got dim " + reward.dim());
    }
    this.k = means.length;
    if (k < 1 || logits.length != k || logStds.length != k) {
      throw new IllegalArgumentException("ExactEstimatorVariance: need K >= 1 logits, means and"
          + " log-stds, got " + logits.length + ", " + means.length + ", " + logStds.length);
    }
    this.reward = reward;
    this.layout = new PolicyLayout(PolicyClass.GM, k, 1);
    this.mu = means.clone();
    this.sigma = new double[k];
    this.w = softmax(logits);
    this.nodes = new double[k][];
    this.weights = new double[k][];
    for (int c = 0; c < k; c++) {
      sigma[c] = Math.exp(logStds[c]);
      double step = Math.min(0.05, reward.featureScale() / sigma[c] / 16);
      int n = (int) Math.ceil(2 * HALF_WIDTH / step) + 1;
      double h = 2 * HALF_WIDTH / (n - 1);
      nodes[c] = new double[n];
      weights[c] = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double x = -HALF_WIDTH + i * h;
        nodes[c][i] = x;
        weights[c][i] = Math.exp(-0.5 * x * x);
        total += weights[c][i];
      }
      for (int i = 0; i < n; i++) {
        weights[c][i] /= total;
      }
    }
  }

  /** Number of parameters, 3K. */
  public int parameterCount() {
    return layout.count();
  }

  /**
   * LR's total variance with N = batch * samples independent draws and the leave-one-out
   * baseline over the other N - 1 draws, as a quadratic in alpha. Needs N >= 2.
   */
  public Quadratic likelihoodRatio(int draws) {
    if (draws < 2) {
      throw new IllegalArgumentException(
          "ExactEstimatorVariance: the leave-one-out baseline needs >= 2 draws, got " + draws);
    }
    int p = parameterCount();
    // first pass: E[r], E[log pi]
    double er = 0;
    double el = 0;
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < nodes[c].length; i++) {
        double a = mu[c] + sigma[c] * nodes[c][i];
        double q = w[c] * weights[c][i];
        er += q * reward.value(a);
        el += q * logDensity(a);
      }
    }
    double[] arr = new double[p];
    double[] arl = new double[p];
    double[] all = new double[p];
    double[] s2 = new double[p];
    double[] gr = new double[p];
    double[] gl = new double[p];
    double vr = 0;
    double crl = 0;
    double vl = 0;
    double[] s = new double[p];
    double[] rho = new double[k];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < nodes[c].length; i++) {
        double a = mu[c] + sigma[c] * nodes[c][i];
        double q = w[c] * weights[c][i];
        double pr = reward.value(a) - er;
        double pl = responsibilities(a, rho) - el;
        score(a, rho, s);
        vr += q * pr * pr;
        crl += q * pr * pl;
        vl += q * pl * pl;
        for (int j = 0; j < p; j++) {
          double sj2 = s[j] * s[j];
          arr[j] += q * sj2 * pr * pr;
          arl[j] += q * sj2 * pr * pl;
          all[j] += q * sj2 * pl * pl;
          s2[j] += q * sj2;
          // E[s] = 0, so E[s r] = E[s (r - Er)]: the centred form loses less to cancellation
          gr[j] += q * s[j] * pr;
          gl[j] += q * s[j] * pl;
        }
      }
    }
    double n = draws;
    double pair = n * (n - 1);
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    for (int j = 0; j < p; j++) {
      // f = r - alpha l: A(alpha) = E[s^2 (f - Ef)^2], g(alpha) = g_r - alpha g_l
      c0 += (arr[j] - gr[j] * gr[j]) / n + (s2[j] * vr + gr[j] * gr[j]) / pair;
      c1 += (-2 * arl[j] + 2 * gr[j] * gl[j]) / n + (-2 * s2[j] * crl - 2 * gr[j] * gl[j]) / pair;
      c2 += (all[j] - gl[j] * gl[j]) / n + (s2[j] * vl + gl[j] * gl[j]) / pair;
    }
    return new Quadratic(c0, c1, c2);
  }

  /**
   * E[|grad log pi|^2] Var[log pi] under pi: the leading factor of LR's alpha^2 coefficient
   * when the score's size and log pi are roughly independent (per draw, before dividing by N).
   */
  public double scoreWeightedLogDensityVariance() {
    int p = parameterCount();
    double el = 0;
    double el2 = 0;
    double es2 = 0;
    double[] s = new double[p];
    double[] rho = new double[k];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < nodes[c].length; i++) {
        double a = mu[c] + sigma[c] * nodes[c][i];
        double q = w[c] * weights[c][i];
        double l = responsibilities(a, rho);
        score(a, rho, s);
        el += q * l;
        el2 += q * l * l;
        for (int j = 0; j < p; j++) {
          es2 += q * s[j] * s[j];
        }
      }
    }
    return es2 * (el2 - el * el);
  }

  /**
   * MRP's total variance with one draw per component and {@code batch} states (divide by M
   * for M draws per component), as a quadratic in alpha.
   */
  public Quadratic marginalized(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException(
          "ExactEstimatorVariance: batch must be >= 1, got " + batch);
    }
    int p = parameterCount();
    // h_k = hr + alpha * hl per parameter: accumulate E[hr], E[hl] and the second moments
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    double[] hr = new double[p];
    double[] hl = new double[p];
    double[] rho = new double[k];
    double[] s = new double[p];
    for (int c = 0; c < k; c++) {
      double[] mr = new double[p];
      double[] ml = new double[p];
      double[] mrr = new double[p];
      double[] mrl = new double[p];
      double[] mll = new double[p];
      for (int i = 0; i < nodes[c].length; i++) {
        double x = nodes[c][i];
        double a = mu[c] + sigma[c] * x;
        double q = weights[c][i];
        double l = responsibilities(a, rho);
        score(a, rho, s);
        double r = reward.value(a);
        double dr = rewardSlope(a);
        double dl = 0; // d log pi / da
        for (int m = 0; m < k; m++) {
          dl -= rho[m] * (a - mu[m]) / (sigma[m] * sigma[m]);
        }
        java.util.Arrays.fill(hr, 0);
        java.util.Arrays.fill(hl, 0);
        for (int j = 0; j < k; j++) {
          // through the weight w_c: d w_c / d z_j = w_c (delta_jc - w_j)
          double dw = w[c] * ((j == c ? 1 : 0) - w[j]);
          int zj = layout.logitIndex(j);
          int mj = layout.meanIndex(j, 0);
          int sj = layout.logStdIndex(j, 0);
          hr[zj] = dw * r;
          hl[zj] = -dw * l - w[c] * s[zj];
          hl[mj] = -w[c] * s[mj];
          hl[sj] = -w[c] * s[sj];
        }
        // through the sample a_c = mu_c + sigma_c x
        int mc = layout.meanIndex(c, 0);
        int sc = layout.logStdIndex(c, 0);
        hr[mc] += w[c] * dr;
        hl[mc] += -w[c] * dl;
        hr[sc] += w[c] * dr * sigma[c] * x;
        hl[sc] += -w[c] * dl * sigma[c] * x;
        for (int j = 0; j < p; j++) {
          mr[j] += q * hr[j];
          ml[j] += q * hl[j];
          mrr[j] += q * hr[j] * hr[j];
          mrl[j] += q * hr[j] * hl[j];
          mll[j] += q * hl[j] * hl[j];
        }
      }
      for (int j = 0; j < p; j++) {
        c0 += mrr[j] - mr[j] * mr[j];
        c1 += 2 * (mrl[j] - mr[j] * ml[j]);
        c2 += mll[j] - ml[j] * ml[j];
      }
    }
    return new Quadratic(c0 / batch, c1 / batch, c2 / batch);
  }

  /** log pi(a), filling {@code rho} with the responsibilities w_m N(a; m) / pi(a). */
  private double responsibilities(double a, double[] rho) {
    double max = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < k; m++) {
      double z = (a - mu[m]) / sigma[m];
      rho[m] = Math.log(w[m]) - 0.5 * z * z - Math.log(sigma[m]) - 0.5 * Math.log(2 * Math.PI);
      max = Math.max(max, rho[m]);
    }
    double sum = 0;
    for (int m = 0; m < k; m++) {
      rho[m] = Math.exp(rho[m] - max);
      sum += rho[m];
    }
    for (int m = 0; m < k; m++) {
      rho[m] /= sum;
    }
    return max + Math.log(sum);
  }

  private double logDensity(double a) {
    return responsibilities(a, new double[k]);
  }

  /** grad_theta log pi(a) at fixed a, in layout order, from the responsibilities. */
  private void score(double a, double[] rho, double[] s) {
    for (int m = 0; m < k; m++) {
      double z = (a - mu[m]) / sigma[m];
      s[layout.logitIndex(m)] = rho[m] - w[m];
      s[layout.meanIndex(m, 0)] = rho[m] * z / sigma[m];
      s[layout.logStdIndex(m, 0)] = rho[m] * (z * z - 1);
    }
  }

  /** r'(a) by a central difference at a step far below the reward's feature scale. */
  private double rewardSlope(double a) {
    double h = 1e-5 * reward.featureScale();
    return (reward.value(a + h) - reward.value(a - h)) / (2 * h);
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double[] out = new double[z.length];
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < z.length; i++) {
      out[i] /= sum;
    }
    return out;
  }
}
