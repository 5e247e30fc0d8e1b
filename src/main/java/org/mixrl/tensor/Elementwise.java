package org.mixrl.tensor;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise ops. Each unary op is its forward function plus its derivative written beside it;
 * binary ops broadcast with NumPy rules and sum gradients back to each input's shape in one
 * place ({@link Broadcast#accumulate}).
 */
final class Elementwise {
  private Elementwise() {}

  /** Derivative of a unary op given the input x and output y (whichever is cheaper). */
  @FunctionalInterface
  interface Derivative {
    double at(double x, double y);
  }

  static Tensor unary(String op, Tensor a, DoubleUnaryOperator f, Derivative df) {
    double[] x = a.data;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.applyAsDouble(x[i]);
    }
    return Tensor.result(
        op,
        y,
        a.shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int i = 0; i < g.length; i++) {
            ga[i] += g[i] * df.at(x[i], y[i]);
          }
        },
        a);
  }

  /**
   * The unary ops on the hot paths of networks and estimators, each with its own loops: {@link
   * #unary} calls two lambdas per element through shared call sites, which C2 cannot inline
   * once many ops use them. Same expressions as the lambda forms, so the same bits.
   */
  enum Fn { EXP, LOG, SQUARE, TANH, RELU, SOFTPLUS, ADD_SCALAR, MUL_SCALAR, DIV_SCALAR }

  /** A {@link Fn} applied elementwise; {@code c} is the scalar of the *_SCALAR ops. */
  static Tensor pointwise(String op, Fn fn, Tensor a, double c) {
    double[] x = a.data;
    int n = x.length;
    double[] y = new double[n];
    switch (fn) {
      case EXP -> { for (int i = 0; i < n; i++) { y[i] = Math.exp(x[i]); } }
      case LOG -> { for (int i = 0; i < n; i++) { y[i] = Math.log(x[i]); } }
      case SQUARE -> { for (int i = 0; i < n; i++) { y[i] = x[i] * x[i]; } }
      case TANH -> { for (int i = 0; i < n; i++) { y[i] = StrictMath.tanh(x[i]); } }
      case RELU -> { for (int i = 0; i < n; i++) { y[i] = x[i] > 0 ? x[i] : 0.0; } }
      case SOFTPLUS -> { for (int i = 0; i < n; i++) { y[i] = softplus(x[i]); } }
      case ADD_SCALAR -> { for (int i = 0; i < n; i++) { y[i] = x[i] + c; } }
      case MUL_SCALAR -> { for (int i = 0; i < n; i++) { y[i] = x[i] * c; } }
      default -> { for (int i = 0; i < n; i++) { y[i] = x[i] / c; } }
    }
    return Tensor.result(
        op,
        y,
        a.shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          switch (fn) {
            case EXP -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * y[i]; } }
            case LOG -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * (1.0 / x[i]); } }
            case SQUARE -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * (2 * x[i]); } }
            case TANH -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * (1 - y[i] * y[i]); } }
            case RELU -> {
              for (int i = 0; i < n; i++) {
                ga[i] += g[i] * (x[i] > 0 ? 1.0 : 0.0);
              }
            }
            case SOFTPLUS -> {
              for (int i = 0; i < n; i++) {
                ga[i] += g[i] * sigmoid(x[i]);
              }
            }
            case ADD_SCALAR -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * 1.0; } }
            case MUL_SCALAR -> { for (int i = 0; i < n; i++) { ga[i] += g[i] * c; } }
            default -> {
              double d = 1.0 / c;
              for (int i = 0; i < n; i++) {
                ga[i] += g[i] * d;
              }
            }
          }
        },
        a);
  }

  static Tensor exp(Tensor a) {
    return pointwise("exp", Fn.EXP, a, 0);
  }

  static Tensor log(Tensor a) {
    return pointwise("log", Fn.LOG, a, 0);
  }

  static Tensor log1p(Tensor a) {
    return unary("log1p", a, Math::log1p, (x, y) -> 1.0 / (1.0 + x));
  }

  static Tensor expm1(Tensor a) {
    return unary("expm1", a, Math::expm1, (x, y) -> y + 1.0);
  }

  static Tensor sqrt(Tensor a) {
    return unary("sqrt", a, Math::sqrt, (x, y) -> 0.5 / y);
  }

  static Tensor abs(Tensor a) {
    return unary("abs", a, Math::abs, (x, y) -> Math.signum(x));
  }

  static Tensor square(Tensor a) {
    return pointwise("square", Fn.SQUARE, a, 0);
  }

  static Tensor tanh(Tensor a) {
    return pointwise("tanh", Fn.TANH, a, 0);
  }

  static Tensor sigmoid(Tensor a) {
    return unary("sigmoid", a, Elementwise::sigmoid, (x, y) -> y * (1 - y));
  }

  static Tensor softplus(Tensor a) {
    return pointwise("softplus", Fn.SOFTPLUS, a, 0);
  }

  static Tensor relu(Tensor a) {
    return pointwise("relu", Fn.RELU, a, 0);
  }

  static Tensor elu(Tensor a) {
    return unary("elu", a, x -> x > 0 ? x : Math.expm1(x), (x, y) -> x > 0 ? 1.0 : y + 1.0);
  }

  static Tensor clamp(Tensor a, double lo, double hi) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("clamp: need lo <= hi, got lo=" + lo + " hi=" + hi);
    }
    return unary(
        "clamp",
        a,
        x -> x < lo ? lo : (x > hi ? hi : x),
        (x, y) -> (x >= lo && x <= hi) ? 1.0 : 0.0);
  }

  static Tensor addScalar(Tensor a, double c) {
    return pointwise("add", Fn.ADD_SCALAR, a, c);
  }

  static Tensor mulScalar(Tensor a, double c) {
    return pointwise("mul", Fn.MUL_SCALAR, a, c);
  }

  /**
   * x / c. Its own op rather than mulScalar(1 / c): the rounded reciprocal makes 49 * (1/49)
   * = 0.9999999999999999, so mean() of a constant vector was not that constant.
   */
  static Tensor divScalar(Tensor a, double c) {
    return pointwise("div", Fn.DIV_SCALAR, a, c);
  }

  static Tensor powScalar(Tensor a, double p) {
    if (p == 2.0) {
      return square(a);
    }
    return unary("pow", a, x -> Math.pow(x, p), (x, y) -> p == 0 ? 0.0 : p * Math.pow(x, p - 1));
  }

  /** Logistic function without overflow for large |x|. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(1 + e^x) = max(x, 0) + log1p(e^-|x|): exact for all x, never overflows. */
  static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  // ---------------------------------------------------------------- binary

  /** Partial derivatives of a binary op at (x, y) with output z. */
  @FunctionalInterface
  interface Partial {
    double at(double x, double y, double z);
  }

  static Tensor binary(
      String op, Tensor a, Tensor b, DoubleBinaryOperator f, Partial dfa, Partial dfb) {
    int[] shape = Shapes.broadcast(op, a.shape, b.shape);
    int n = Shapes.numel(shape);
    Broadcast ia = Broadcast.of(a.shape, shape);
    Broadcast ib = Broadcast.of(b.shape, shape);
    double[] x = Broadcast.expand(a.data, ia, n);
    double[] y = Broadcast.expand(b.data, ib, n);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = f.applyAsDouble(x[i], y[i]);
    }
    return Tensor.result(
        op,
        z,
        shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
              c[i] = g[i] * dfa.at(x[i], y[i], z[i]);
            }
            Broadcast.accumulate(ga, c, ia);
          }
          double[] gb = grads.of(b);
          if (gb != null) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
              c[i] = g[i] * dfb.at(x[i], y[i], z[i]);
            }
            Broadcast.accumulate(gb, c, ib);
          }
        },
        a,
        b);
  }

  /**
   * The four arithmetic ops, each with its own loops. The generic {@link #binary} calls three
   * lambdas per element, and with every op sharing those call sites C2 cannot inline them; on
   * the small tensors of the estimators that call overhead was the largest single cost. The
   * partial derivatives are the same expressions as the generic form would evaluate, so the
   * numbers are unchanged bit for bit.
   */
  enum Arith { ADD, SUB, MUL, DIV }

  static Tensor add(Tensor a, Tensor b) {
    return arith("add", Arith.ADD, a, b);
  }

  static Tensor sub(Tensor a, Tensor b) {
    return arith("sub", Arith.SUB, a, b);
  }

  static Tensor mul(Tensor a, Tensor b) {
    return arith("mul", Arith.MUL, a, b);
  }

  static Tensor div(Tensor a, Tensor b) {
    return arith("div", Arith.DIV, a, b);
  }

  private static Tensor arith(String op, Arith kind, Tensor a, Tensor b) {
    int[] shape =
        Arrays.equals(a.shape, b.shape) ? a.shape : Shapes.broadcast(op, a.shape, b.shape);
    int n = Shapes.numel(shape);
    Broadcast ia = Broadcast.of(a.shape, shape);
    Broadcast ib = Broadcast.of(b.shape, shape);
    double[] x = Broadcast.expand(a.data, ia, n);
    double[] y = Broadcast.expand(b.data, ib, n);
    double[] z = new double[n];
    switch (kind) {
      case ADD:
        for (int i = 0; i < n; i++) {
          z[i] = x[i] + y[i];
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          z[i] = x[i] - y[i];
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          z[i] = x[i] * y[i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          z[i] = x[i] / y[i];
        }
        break;
    }
    return Tensor.result(
        op,
        z,
        shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            // d/dx: 1, 1, y, 1/y
            switch (kind) {
              case ADD:
              case SUB:
                Broadcast.accumulate(ga, g, ia);
                break;
              case MUL:
                Broadcast.accumulateProduct(ga, g, y, ia);
                break;
              default:
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                  c[i] = g[i] * (1.0 / y[i]);
                }
                Broadcast.accumulate(ga, c, ia);
                break;
            }
          }
          double[] gb = grads.of(b);
          if (gb != null) {
            // d/dy: 1, -1, x, -z/y
            switch (kind) {
              case ADD:
                Broadcast.accumulate(gb, g, ib);
                break;
              case SUB:
                Broadcast.accumulateScaled(gb, g, -1.0, ib);
                break;
              case MUL:
                Broadcast.accumulateProduct(gb, g, x, ib);
                break;
              default:
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                  d[i] = g[i] * (-z[i] / y[i]);
                }
                Broadcast.accumulate(gb, d, ib);
                break;
            }
          }
        },
        a,
        b);
  }

  /**
   * x^y. d/dy = x^y log x is taken as 0 where x <= 0 (real logarithm undefined; this matches
   * the usual use with a constant exponent and keeps gradients finite).
   */
  static Tensor pow(Tensor a, Tensor b) {
    return binary(
        "pow",
        a,
        b,
        Math::pow,
        (x, y, z) -> y == 0 ? 0.0 : y * Math.pow(x, y - 1),
        (x, y, z) -> x > 0 ? z * Math.log(x) : 0.0);
  }

  static Tensor maximum(Tensor a, Tensor b) {
    return binary(
        "maximum",
        a,
        b,
        Math::max,
        (x, y, z) -> x > y ? 1.0 : (x == y ? 0.5 : 0.0),
        (x, y, z) -> y > x ? 1.0 : (x == y ? 0.5 : 0.0));
  }

  static Tensor minimum(Tensor a, Tensor b) {
    return binary(
        "minimum",
        a,
        b,
        Math::min,
        (x, y, z) -> x < y ? 1.0 : (x == y ? 0.5 : 0.0),
        (x, y, z) -> y < x ? 1.0 : (x == y ? 0.5 : 0.0));
  }

  /** cond != 0 ? a : b, broadcasting all three; cond receives no gradient. */
  static Tensor where(Tensor cond, Tensor a, Tensor b) {
    int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape, a.shape), b.shape);
    int n = Shapes.numel(shape);
    Broadcast ic = Broadcast.of(cond.shape, shape);
    Broadcast ia = Broadcast.of(a.shape, shape);
    Broadcast ib = Broadcast.of(b.shape, shape);
    double[] c = Broadcast.expand(cond.data, ic, n);
    double[] x = Broadcast.expand(a.data, ia, n);
    double[] y = Broadcast.expand(b.data, ib, n);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = c[i] != 0 ? x[i] : y[i];
    }
    return Tensor.result(
        "where",
        z,
        shape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            double[] part = new double[n];
            for (int i = 0; i < n; i++) {
              part[i] = c[i] != 0 ? g[i] : 0.0;
            }
            Broadcast.accumulate(ga, part, ia);
          }
          double[] gb = grads.of(b);
          if (gb != null) {
            double[] part = new double[n];
            for (int i = 0; i < n; i++) {
              part[i] = c[i] != 0 ? 0.0 : g[i];
            }
            Broadcast.accumulate(gb, part, ib);
          }
        },
        a,
        b);
  }
}
