package org.mixrl.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mixrl.random.RandomStream;

/**
 * A dense, row-major tensor of {@code double}s that records the operations applied to it, so
 * that {@link #backward()} can compute gradients by reverse-mode differentiation.
 *
 * <p>Ops never modify their inputs; the only writes go through {@link #data()} (the live
 * backing array, used by optimizers) and {@link #grad()} (a live view of the gradient). Ops read like PyTorch's: {@code x.matmul(w).add(b)
 * .relu().sum().backward()}. Each op lives in a small class beside this one ({@link Elementwise},
 * {@link Reductions}, {@link ShapeOps}, {@link Indexing}, {@link MatMulOp}) with its forward value
 * and backward rule side by side; the methods here are the fluent front door.
 */
public final class Tensor {
  final double[] data;
  final int[] shape;
  private final String op;
  private final Tensor[] parents;
  private final Backward backwardRule;
  private boolean requiresGrad;
  private double[] grad;
  // backward's bookkeeping: the sweep that last reached this node and its index in that
  // sweep's order. Graphs that share nodes must therefore not run backward() concurrently
  // (as before: their leaves' gradients would race anyway).
  private long mark;
  private int slot;

  /** Numbers backward sweeps, so that marks left by an earlier sweep never count. */
  private static final AtomicLong SWEEPS = new AtomicLong();

  /** A leaf tensor; shares {@code data}. */
  Tensor(double[] data, int[] shape) {
    this(data, shape, null, null, null);
  }

  private Tensor(double[] data, int[] shape, String op, Tensor[] parents, Backward rule) {
    if (data.length != Shapes.numel(shape)) {
      throw new IllegalArgumentException(
          "data length " + data.length + " does not match shape " + Shapes.str(shape));
    }
    this.data = data;
    this.shape = shape;
    this.op = op;
    this.parents = parents;
    this.backwardRule = rule;
    this.requiresGrad = rule != null;
  }

  /**
   * The result of an op: records {@code rule} only when grad mode is on and some input needs a
   * gradient, so inference under {@link GradMode#noGrad()} builds no graph at all.
   */
  static Tensor result(String op, double[] data, int[] shape, Backward rule, Tensor... inputs) {
    if (GradMode.isEnabled()) {
      for (Tensor t : inputs) {
        if (t != null && t.requiresGrad) {
          return new Tensor(data, shape, op, inputs, rule);
        }
      }
    }
    return new Tensor(data, shape);
  }

  // ---------------------------------------------------------------- creation

  /** A tensor holding a copy of {@code values} with the given shape. */
  public static Tensor of(double[] values, int... shape) {
    int[] s = Shapes.checked("Tensor.of", shape);
    if (values.length != Shapes.numel(s)) {
      throw new IllegalArgumentException(
          "Tensor.of: " + values.length + " values do not fill shape " + Shapes.str(s) + " ("
              + Shapes.numel(s) + " elements)");
    }
    return new Tensor(values.clone(), s);
  }

  /** A 1-D tensor holding a copy of {@code values}. */
  public static Tensor vector(double... values) {
    return new Tensor(values.clone(), new int[] {values.length});
  }

  /** A 2-D tensor from rows of equal length. */
  public static Tensor matrix(double[][] rows) {
    int m = rows.length;
    int n = m == 0 ? 0 : rows[0].length;
    double[] d = new double[m * n];
    for (int i = 0; i < m; i++) {
      if (rows[i].length != n) {
        throw new IllegalArgumentException(
            "Tensor.matrix: row " + i + " has length " + rows[i].length + ", row 0 has " + n);
      }
      System.arraycopy(rows[i], 0, d, i * n, n);
    }
    return new Tensor(d, new int[] {m, n});
  }

  /** A 0-dimensional tensor. */
  public static Tensor scalar(double value) {
    return new Tensor(new double[] {value}, new int[0]);
  }

  public static Tensor zeros(int... shape) {
    int[] s = Shapes.checked("zeros", shape);
    return new Tensor(new double[Shapes.numel(s)], s);
  }

  public static Tensor ones(int... shape) {
    return full(1.0, shape);
  }

  public static Tensor full(double value, int... shape) {
    int[] s = Shapes.checked("full", shape);
    double[] d = new double[Shapes.numel(s)];
    Arrays.fill(d, value);
    return new Tensor(d, s);
  }

  /** Zeros shaped like {@code t}. */
  public static Tensor zerosLike(Tensor t) {
    return zeros(t.shape);
  }

  /** Values start, start + step, ... strictly before end (like {@code torch.arange}). */
  public static Tensor arange(double start, double end, double step) {
    if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(end)) {
      throw new IllegalArgumentException(
          "arange: need finite start/end and finite non-zero step, got start=" + start + " end="
              + end + " step=" + step);
    }
    int n = (int) Math.max(0, Math.ceil((end - start) / step));
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = start + i * step;
    }
    return new Tensor(d, new int[] {n});
  }

  /** 0, 1, ..., n-1. */
  public static Tensor arange(int n) {
    return arange(0, n, 1);
  }

  /** {@code n} evenly spaced values from start to end inclusive. */
  public static Tensor linspace(double start, double end, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("linspace: n must be >= 0, got " + n);
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      // computed from both ends so that the last value is exactly `end`
      d[i] = n == 1 ? start : start + (end - start) * i / (n - 1);
    }
    if (n > 1) {
      d[n - 1] = end;
    }
    return new Tensor(d, new int[] {n});
  }

  /** The n×n identity. */
  public static Tensor eye(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("eye: n must be >= 0, got " + n);
    }
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = 1;
    }
    return new Tensor(d, new int[] {n, n});
  }

  /** Standard normal draws from {@code rng}. */
  public static Tensor randn(RandomStream rng, int... shape) {
    int[] s = Shapes.checked("randn", shape);
    double[] d = new double[Shapes.numel(s)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextGaussian();
    }
    return new Tensor(d, s);
  }

  /** Uniform draws in [lo, hi) from {@code rng}. */
  public static Tensor uniform(RandomStream rng, double lo, double hi, int... shape) {
    int[] s = Shapes.checked("uniform", shape);
    double[] d = new double[Shapes.numel(s)];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.uniform(lo, hi);
    }
    return new Tensor(d, s);
  }

  /** Uniform draws in [0, 1). */
  public static Tensor rand(RandomStream rng, int... shape) {
    return uniform(rng, 0, 1, shape);
  }

  // ---------------------------------------------------------------- inspection

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code axis} (negative counts from the end). */
  public int size(int axis) {
    return shape[Shapes.axis("size", axis, shape.length)];
  }

  public int rank() {
    return shape.length;
  }

  public int numel() {
    return data.length;
  }

  /** The live backing array, row-major. Writing to it changes this tensor (and its views). */
  public double[] data() {
    return data;
  }

  /** A copy of the values. */
  public double[] toArray() {
    return data.clone();
  }

  /** The value of a one-element tensor. */
  public double item() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "item() needs a one-element tensor, got shape " + Shapes.str(shape));
    }
    return data[0];
  }

  /** The element at a full multi-index. */
  public double get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "get: index of length " + index.length + " for shape " + Shapes.str(shape));
    }
    int pos = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "get: index " + index[i] + " out of range for axis " + i + " of size " + shape[i]);
      }
      pos = pos * shape[i] + index[i];
    }
    return data[pos];
  }

  /** Name of the op that produced this tensor, or null for a leaf. */
  public String op() {
    return op;
  }

  @Override
  public String toString() {
    return TensorFormat.format(this);
  }

  // ---------------------------------------------------------------- autodiff

  /** Whether gradients flow to (leaf) or through (op result) this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** Marks a leaf as a parameter whose gradient {@link #backward()} accumulates. Returns this. */
  public Tensor requiresGrad(boolean value) {
    if (backwardRule != null) {
      throw new IllegalStateException(
          "requiresGrad can only be set on leaf tensors; this one is the result of " + op
              + " (use detach() first)");
    }
    requiresGrad = value;
    return this;
  }

  /**
   * Accumulated gradient of a leaf, or null if none has been computed. The result is a live
   * view of the accumulation buffer (as in PyTorch): a later backward() adds into it, and
   * optimizers and gradient clipping write through it.
   */
  public Tensor grad() {
    return grad == null ? null : new Tensor(grad, shape);
  }

  /** Clears the accumulated gradient. */
  public void zeroGrad() {
    grad = null;
  }

  /** The same values, cut from the graph (stop-gradient). Shares data. */
  public Tensor detach() {
    return new Tensor(data, shape);
  }

  /** Backpropagates from a one-element tensor, accumulating d(this)/d(leaf) into leaves. */
  public void backward() {
    if (data.length != 1) {
      throw new IllegalStateException(
          "backward() without an upstream gradient needs a one-element tensor, got shape "
              + Shapes.str(shape) + "; call backward(upstream) instead");
    }
    backward(Tensor.ones(shape));
  }

  /** Backpropagates with {@code upstream} = d(loss)/d(this), which must have this shape. */
  public void backward(Tensor upstream) {
    if (!Arrays.equals(upstream.shape, shape)) {
      throw new IllegalArgumentException(
          "backward: upstream gradient shape " + Shapes.str(upstream.shape)
              + " does not match tensor shape " + Shapes.str(shape));
    }
    if (!requiresGrad) {
      throw new IllegalStateException(
          "backward: this tensor does not require grad (no input of its graph requires grad, or"
              + " it was computed under GradMode.noGrad())");
    }
    long sweep = SWEEPS.incrementAndGet();
    Tensor[] order = topologicalOrder(this, sweep);
    // one gradient buffer per node, found through the node's slot in this sweep's order: no
    // hash map, no boxing (the bookkeeping had cost as much as the arithmetic on small graphs)
    double[][] buffers = new double[order.length][];
    buffers[slot] = upstream.data.clone();
    Backward.Grads grads =
        t -> {
          if (!t.requiresGrad) {
            return null;
          }
          if (t.mark != sweep) {
            throw new IllegalStateException(
                "backward: a rule asked for the gradient of a tensor outside its graph");
          }
          double[] b = buffers[t.slot];
          if (b == null) {
            b = new double[t.data.length];
            buffers[t.slot] = b;
          }
          return b;
        };
    // reverse topological order: every consumer runs before its producer
    for (int i = order.length - 1; i >= 0; i--) {
      Tensor t = order[i];
      double[] g = buffers[i];
      buffers[i] = null;
      if (g == null) {
        continue;
      }
      if (t.backwardRule == null) {
        if (t.grad == null) {
          t.grad = g;
        } else {
          double[] acc = t.grad;
          for (int j = 0; j < acc.length; j++) {
            acc[j] += g[j];
          }
        }
      } else {
        t.backwardRule.apply(g, grads);
      }
    }
  }

  /**
   * Iterative post-order DFS (a recursive one overflows the stack on long graphs). Marks each
   * node it reaches with {@code sweep} and writes the node's index in the returned order to
   * {@link #slot}.
   */
  private static Tensor[] topologicalOrder(Tensor root, long sweep) {
    Tensor[] order = new Tensor[32];
    int size = 0;
    Tensor[] stack = new Tensor[32];
    int[] next = new int[32];
    int depth = 1;
    stack[0] = root;
    root.mark = sweep;
    while (depth > 0) {
      int top = depth - 1;
      Tensor t = stack[top];
      int i = next[top];
      Tensor[] ps = t.parents;
      if (ps != null && i < ps.length) {
        next[top] = i + 1;
        Tensor p = ps[i];
        if (p != null && p.requiresGrad && p.mark != sweep) {
          p.mark = sweep;
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, 2 * depth);
            next = Arrays.copyOf(next, 2 * depth);
          }
          stack[depth] = p;
          next[depth] = 0;
          depth++;
        }
      } else {
        if (size == order.length) {
          order = Arrays.copyOf(order, 2 * size);
        }
        t.slot = size;
        order[size++] = t;
        stack[top] = null;
        depth--;
      }
    }
    return Arrays.copyOf(order, size);
  }

  // ---------------------------------------------------------------- elementwise (binary)

  public Tensor add(Tensor other) {
    return Elementwise.add(this, other);
  }

  public Tensor sub(Tensor other) {
    return Elementwise.sub(this, other);
  }

  public Tensor mul(Tensor other) {
    return Elementwise.mul(this, other);
  }

  public Tensor div(Tensor other) {
    return Elementwise.div(this, other);
  }

  public Tensor pow(Tensor exponent) {
    return Elementwise.pow(this, exponent);
  }

  /** Elementwise maximum; at ties the gradient is split equally. */
  public Tensor maximum(Tensor other) {
    return Elementwise.maximum(this, other);
  }

  /** Elementwise minimum; at ties the gradient is split equally. */
  public Tensor minimum(Tensor other) {
    return Elementwise.minimum(this, other);
  }

  public Tensor add(double c) {
    return Elementwise.addScalar(this, c);
  }

  public Tensor sub(double c) {
    return Elementwise.addScalar(this, -c);
  }

  public Tensor mul(double c) {
    return Elementwise.mulScalar(this, c);
  }

  public Tensor div(double c) {
    return Elementwise.divScalar(this, c);
  }

  /** c - this. */
  public Tensor rsub(double c) {
    return Elementwise.addScalar(Elementwise.mulScalar(this, -1), c);
  }

  public Tensor pow(double p) {
    return Elementwise.powScalar(this, p);
  }

  /** Selects {@code a} where {@code condition} is non-zero, else {@code b} (broadcasting). */
  public static Tensor where(Tensor condition, Tensor a, Tensor b) {
    return Elementwise.where(condition, a, b);
  }

  // ---------------------------------------------------------------- elementwise (unary)

  public Tensor neg() {
    return Elementwise.mulScalar(this, -1);
  }

  public Tensor exp() {
    return Elementwise.exp(this);
  }

  public Tensor log() {
    return Elementwise.log(this);
  }

  public Tensor log1p() {
    return Elementwise.log1p(this);
  }

  public Tensor expm1() {
    return Elementwise.expm1(this);
  }

  public Tensor sqrt() {
    return Elementwise.sqrt(this);
  }

  /** |x|; the subgradient at 0 is 0. */
  public Tensor abs() {
    return Elementwise.abs(this);
  }

  public Tensor square() {
    return Elementwise.square(this);
  }

  public Tensor tanh() {
    return Elementwise.tanh(this);
  }

  public Tensor sigmoid() {
    return Elementwise.sigmoid(this);
  }

  /** log(1 + e^x), computed without overflow. */
  public Tensor softplus() {
    return Elementwise.softplus(this);
  }

  /** max(x, 0); the subgradient at 0 is 0 (as in PyTorch). */
  public Tensor relu() {
    return Elementwise.relu(this);
  }

  /** x for x > 0, e^x - 1 otherwise (alpha = 1). */
  public Tensor elu() {
    return Elementwise.elu(this);
  }

  /** Clamps to [lo, hi]; the gradient passes where lo ≤ x ≤ hi (boundaries included). */
  public Tensor clamp(double lo, double hi) {
    return Elementwise.clamp(this, lo, hi);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements (a 0-d tensor). */
  public Tensor sum() {
    return Reductions.sumAll(this);
  }

  public Tensor sum(int axis, boolean keepDim) {
    return Reductions.sum(this, axis, keepDim);
  }

  public Tensor mean() {
    return Elementwise.divScalar(Reductions.sumAll(this), data.length);
  }

  public Tensor mean(int axis, boolean keepDim) {
    int a = Shapes.axis("mean", axis, shape.length);
    return Elementwise.divScalar(Reductions.sum(this, a, keepDim), shape[a]);
  }

  /** Maximum along an axis; ties share the gradient equally. */
  public Tensor max(int axis, boolean keepDim) {
    return Reductions.extreme(this, axis, keepDim, true);
  }

  /** Minimum along an axis; ties share the gradient equally. */
  public Tensor min(int axis, boolean keepDim) {
    return Reductions.extreme(this, axis, keepDim, false);
  }

  /** Maximum of all elements. */
  public Tensor max() {
    return Reductions.extreme(reshape(data.length), 0, false, true);
  }

  /** Minimum of all elements. */
  public Tensor min() {
    return Reductions.extreme(reshape(data.length), 0, false, false);
  }

  /** log(sum(exp(x))) along an axis, shifted by the maximum so it never overflows. */
  public Tensor logsumexp(int axis, boolean keepDim) {
    return Reductions.logsumexp(this, axis, keepDim);
  }

  /** Variance along an axis with Bessel's correction (divides by n - 1), like PyTorch. */
  public Tensor var(int axis, boolean keepDim) {
    return var(axis, keepDim, 1);
  }

  /** Variance along an axis dividing by n - correction. */
  public Tensor var(int axis, boolean keepDim, int correction) {
    int a = Shapes.axis("var", axis, shape.length);
    int n = shape[a];
    if (n - correction <= 0) {
      throw new IllegalArgumentException(
          "var: axis " + axis + " has " + n + " elements, need more than correction="
              + correction);
    }
    Tensor centred = sub(mean(a, true));
    return Elementwise.divScalar(centred.square().sum(a, keepDim), n - correction);
  }

  public Tensor softmax(int axis) {
    return Reductions.softmax(this, axis);
  }

  public Tensor logSoftmax(int axis) {
    return Reductions.logSoftmax(this, axis);
  }

  /** Indices of the maxima along an axis (first one at ties), as a tensor of whole numbers. */
  public Tensor argmax(int axis, boolean keepDim) {
    return Reductions.argmax(this, axis, keepDim);
  }

  // ---------------------------------------------------------------- shape

  /** Same data, new shape (one dimension may be -1). Shares data with this tensor. */
  public Tensor reshape(int... newShape) {
    return ShapeOps.reshape(this, newShape);
  }

  /** Alias of {@link #reshape}, as in PyTorch. */
  public Tensor view(int... newShape) {
    return ShapeOps.reshape(this, newShape);
  }

  public Tensor transpose(int axis0, int axis1) {
    return ShapeOps.transpose(this, axis0, axis1);
  }

  /** Transpose of a 2-D tensor. */
  public Tensor t() {
    if (shape.length != 2) {
      throw new IllegalArgumentException("t(): needs a 2-D tensor, got shape " + Shapes.str(shape));
    }
    return ShapeOps.transpose(this, 0, 1);
  }

  public Tensor permute(int... axes) {
    return ShapeOps.permute(this, axes);
  }

  /** Elements start..end-1 along an axis. */
  public Tensor slice(int axis, int start, int end) {
    return ShapeOps.slice(this, axis, start, end);
  }

  /** {@code length} elements from {@code start} along an axis. */
  public Tensor narrow(int axis, int start, int length) {
    return ShapeOps.slice(this, axis, start, start + length);
  }

  public Tensor squeeze(int axis) {
    return ShapeOps.squeeze(this, axis);
  }

  public Tensor unsqueeze(int axis) {
    return ShapeOps.unsqueeze(this, axis);
  }

  /** Broadcasts to {@code newShape} (NumPy rules). */
  public Tensor expand(int... newShape) {
    return ShapeOps.expand(this, newShape);
  }

  public static Tensor cat(int axis, Tensor... parts) {
    return ShapeOps.cat(axis, parts);
  }

  public static Tensor stack(int axis, Tensor... parts) {
    return ShapeOps.stack(axis, parts);
  }

  /** Splits along an axis into pieces of the given sizes (which must add up to its size). */
  public List<Tensor> split(int axis, int... sizes) {
    return ShapeOps.split(this, axis, sizes);
  }

  // ---------------------------------------------------------------- indexing

  /** Rows (or slices) {@code indices} along an axis, like {@code torch.index_select}. */
  public Tensor indexSelect(int axis, int... indices) {
    return Indexing.indexSelect(this, axis, indices);
  }

  /** out[i][j] = this[index[i][j]][j] for axis 0 (and so on), like {@code torch.gather}. */
  public Tensor gather(int axis, Tensor index) {
    return Indexing.gather(this, axis, index);
  }

  /** A copy of this tensor with {@code src} added at {@code index} along an axis. */
  public Tensor scatterAdd(int axis, Tensor index, Tensor src) {
    return Indexing.scatterAdd(this, axis, index, src);
  }

  // ---------------------------------------------------------------- linear algebra

  /** Matrix product: 2-D × 2-D, or batched 3-D with the batch axis broadcast. */
  public Tensor matmul(Tensor other) {
    return MatMulOp.matmul(this, other);
  }
}
