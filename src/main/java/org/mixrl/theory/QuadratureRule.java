package org.mixrl.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * A fixed quadrature rule on the line, sum_i w_i f(x_i): what {@link GaussHermite} (weights
 * summing to 1, an expectation under N(0, 1)) and {@link LineRule} (weights summing to the
 * covered length, an integral) share.
 */
public abstract sealed class QuadratureRule permits GaussHermite, LineRule {
  private final double[] nodes;
  private final double[] weights;

  QuadratureRule(double[] nodes, double[] weights) {
    this.nodes = nodes;
    this.weights = weights;
  }

  public int size() {
    return nodes.length;
  }

  /** Copy of the nodes. */
  public double[] nodes() {
    return nodes.clone();
  }

  /** Copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  public double node(int i) {
    return nodes[i];
  }

  public double weight(int i) {
    return weights[i];
  }

  /** sum_i w_i f(x_i). */
  double weightedSum(DoubleUnaryOperator f) {
    double s = 0;
    for (int i = 0; i < nodes.length; i++) {
      s += weights[i] * f.applyAsDouble(nodes[i]);
    }
    return s;
  }
}
