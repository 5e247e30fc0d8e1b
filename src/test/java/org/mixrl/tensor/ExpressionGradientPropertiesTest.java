package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;
import org.mixrl.testing.RandomCases;

/**
 * Reverse-mode gradients of random expression trees agree with central differences.
 *
 * <p>{@link #cases()} generates 2000 trees of ops ({@link Plan}, depth 1-4) and data seeds from
 * {@link RandomCases} with seed {@value #SEED}; {@link Builder}
 * realises it top-down on random shapes of rank 0-3, choosing child shapes so each op's output
 * has the shape its parent asked for (broadcasting, batch broadcasting, reductions with and
 * without keepDim, ...). Valid inputs are built directly: every child is rescaled into a fixed
 * range by a constant, domain-restricted ops get a constant shift (log on [0.5, 2.5]), and kinks
 * (relu, abs, clamp, maximum, max) are moved by a constant at least {@link #MARGIN} away from
 * every value, far more than the difference step moves them.
 */
class ExpressionGradientPropertiesTest {
  static final double MARGIN = 0.02;
  static final double TOLERANCE = 1e-6;
  static final long SEED = 20240611;
  static final int COUNT = 2000;
  /**
   * Every op label must occur at least this often among the {@value #COUNT} cases (the rarest,
   * MATMUL_BATCHED, occurs 20 times with this seed; the commonest, RESHAPE, 217).
   */
  static final int MIN_OCCURRENCES_PER_OP = 15;
  static final AtomicInteger STARTED = new AtomicInteger();
  static final AtomicInteger CHECKED = new AtomicInteger();

  enum Kind {
    // elementwise unary
    EXP, LOG, LOG1P, EXPM1, SQRT, ABS, TANH, SIGMOID, SOFTPLUS, RELU, ELU, SQUARE, CLAMP,
    POW_SCALAR, AFFINE,
    // reductions and normalisers
    SUM, MEAN, MAX, MIN, LOGSUMEXP, VAR, SOFTMAX, LOG_SOFTMAX,
    // shape and index ops
    RESHAPE, TRANSPOSE, PERMUTE, SLICE, NARROW, INDEX_SELECT, GATHER, SPLIT, EXPAND, SQUEEZE,
    UNSQUEEZE,
    // binary
    ADD(2), SUB(2), MUL(2), DIV(2), POW(2), MAXIMUM(2), MINIMUM(2), WHERE(2), SCATTER_ADD(2),
    CAT(2), STACK(2), MATMUL(2);

    final int arity;

    Kind() {
      this(1);
    }

    Kind(int arity) {
      this.arity = arity;
    }
  }

  /** The structure of an expression: which op sits where; shapes and values come later. */
  sealed interface Plan permits Leaf, Op {}

  record Leaf() implements Plan {
    @Override
    public String toString() {
      return "x";
    }
  }

  record Op(Kind kind, List<Plan> children) implements Plan {
    @Override
    public String toString() {
      return kind + children.toString();
    }
  }

  /** One generated case: the op tree, the seed its shapes and values are drawn with. */
  record Case(Plan plan, long dataSeed, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** {@value #COUNT} cases; case i draws from {@code RandomCases.stream(SEED, i)}. */
  static List<Case> cases() {
    return RandomCases.generate(SEED, COUNT, (rng, i) -> {
      Plan plan = opPlan(rng, RandomCases.intIn(rng, 1, 4));
      long dataSeed = rng.nextLong();
      return new Case(plan, dataSeed, RandomCases.id(SEED, i) + " data seed " + dataSeed
          + " " + plan);
    });
  }

  /** An op chosen uniformly among the kinds, with {@code depth - 1} levels below it. */
  private static Plan opPlan(RandomStream rng, int depth) {
    Kind k = Kind.values()[rng.nextInt(Kind.values().length)];
    List<Plan> cs = new ArrayList<>();
    for (int i = 0; i < k.arity; i++) {
      cs.add(subPlan(rng, depth - 1));
    }
    return new Op(k, List.copyOf(cs));
  }

  /** A leaf, or (3 times in 4 while depth remains) another op. */
  private static Plan subPlan(RandomStream rng, int depth) {
    if (depth <= 0 || RandomCases.frequency(rng, 1, 3) == 0) {
      return new Leaf();
    }
    return opPlan(rng, depth);
  }

  /** A case realised: output shape, expression, and the builder that made it. */
  record Realised(int[] shape, Expr expr, Builder builder) {}

  static Realised realise(Case c, RandomStream rng) {
    Builder b = new Builder(rng);
    int[] shape = b.randomShape(rng.nextInt(4));
    return new Realised(shape, b.build(c.plan(), shape), b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientOfRandomExpressionMatchesCentralDifferences(Case c) {
    STARTED.incrementAndGet();
    RandomStream rng = RandomStream.of(c.dataSeed());
    Realised re = realise(c, rng);
    int[] shape = re.shape();
    Expr e = re.expr();
    Builder b = re.builder();
    Tensor w = Tensor.uniform(rng, -1, 1, shape);
    Function<Tensor[], Tensor> loss = t -> e.f.apply(t).mul(w).sum();
    Tensor[] inputs = b.inputs.toArray(new Tensor[0]);

    assertTrue(Arrays.equals(shape, e.value.shape()),
        () -> "builder produced " + Arrays.toString(e.value.shape()) + " for "
            + Arrays.toString(shape) + ": " + e.text);
    GradCheck.Result r = GradCheck.check(loss, inputs);
    CHECKED.incrementAndGet();
    assertTrue(r.passed(TOLERANCE),
        () -> c.label() + "\n" + r + "\nexpression " + e.text + "\nops " + b.ops);
  }

  /**
   * The generator reaches every op: each op label (the kinds, with MATMUL split into 2-D and
   * batched) occurs at least {@value #MIN_OCCURRENCES_PER_OP} times among the cases, and output
   * ranks 0-3 each occur at least 5% of the time.
   */
  @Test
  void generatedCasesCoverEveryOpAndRank() {
    List<Case> cases = cases();
    assertEquals(COUNT, cases.size());
    Map<String, Integer> ops = new TreeMap<>();
    for (Kind k : Kind.values()) {
      if (k == Kind.MATMUL) {
        ops.put("MATMUL_2D", 0);
        ops.put("MATMUL_BATCHED", 0);
      } else {
        ops.put(k.name(), 0);
      }
    }
    int[] ranks = new int[4];
    for (Case c : cases) {
      Realised re = realise(c, RandomStream.of(c.dataSeed()));
      ranks[re.shape().length]++;
      for (String op : re.builder().ops) {
        assertTrue(ops.containsKey(op), "unknown op label " + op);
        ops.merge(op, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> en : ops.entrySet()) {
      assertTrue(en.getValue() >= MIN_OCCURRENCES_PER_OP,
          en.getKey() + " occurs " + en.getValue() + " times; all counts: " + ops);
    }
    for (int r = 0; r < 4; r++) {
      assertTrue(ranks[r] >= COUNT / 20, "output rank " + r + " in " + ranks[r] + " cases; "
          + Arrays.toString(ranks));
    }
  }

  @AfterAll
  static void casesWereRun() {
    // Guards against a silently shortened case list or an aborted case. A rerun of one single
    // case (e.g. from an IDE) trips it; the failing case's own result is what matters then.
    int started = STARTED.get();
    if (started > 0) {
      assertTrue(started >= COUNT && CHECKED.get() >= COUNT,
          "expected " + COUNT + " cases, started " + started + ", checked " + CHECKED.get());
    }
  }

  /** A realised expression: a function of the inputs, its value at them, and readable text. */
  record Expr(Function<Tensor[], Tensor> f, Tensor value, String text) {}

  static final class Builder {
    final RandomStream rng;
    final List<Tensor> inputs = new ArrayList<>();
    final List<String> ops = new ArrayList<>();
    int maxRank;

    Builder(RandomStream rng) {
      this.rng = rng;
    }

    int[] randomShape(int rank) {
      int[] s = new int[rank];
      for (int i = 0; i < rank; i++) {
        s[i] = 1 + rng.nextInt(3);
      }
      return s;
    }

    Expr leaf(int[] shape) {
      maxRank = Math.max(maxRank, shape.length);
      int i = inputs.size();
      Tensor x = Tensor.uniform(rng, -2, 2, shape);
      inputs.add(x);
      return new Expr(t -> t[i], x, "x" + i + Arrays.toString(shape));
    }

    /** Applies {@code g} to {@code e}; the value is computed now, without a graph. */
    Expr map(Expr e, String name, UnaryOperator<Tensor> g) {
      Tensor v;
      try (GradMode s = GradMode.noGrad()) {
        v = g.apply(e.value);
      }
      return new Expr(t -> g.apply(e.f.apply(t)), v, name + "(" + e.text + ")");
    }

    Expr combine(Expr a, Expr b, String name, java.util.function.BinaryOperator<Tensor> g) {
      Tensor v;
      try (GradMode s = GradMode.noGrad()) {
        v = g.apply(a.value, b.value);
      }
      return new Expr(
          t -> g.apply(a.f.apply(t), b.f.apply(t)), v, name + "(" + a.text + ", " + b.text + ")");
    }

    /** Rescales by a constant into [-width, width]. */
    Expr norm(Expr e, double width) {
      double m = 1;
      for (double v : e.value.data) {
        m = Math.max(m, Math.abs(v));
      }
      double c = width / m;
      return map(e, "*" + (float) c, x -> x.mul(c));
    }

    /** A point at least MARGIN from every value, preferably inside their range. */
    double safePoint(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      List<Double> inside = new ArrayList<>();
      for (int i = 0; i + 1 < v.length; i++) {
        if (v[i + 1] - v[i] > 2 * MARGIN + 1e-9) {
          inside.add(0.5 * (v[i] + v[i + 1]));
        }
      }
      if (!inside.isEmpty() && rng.nextInt(5) != 0) {
        return inside.get(rng.nextInt(inside.size()));
      }
      return rng.nextInt(2) == 0 ? v[0] - 0.3 : v[v.length - 1] + 0.3;
    }

    /** Child shapes for a binary op: broadcasting the two gives exactly {@code t}. */
    int[][] broadcastPair(int[] t) {
      int r = t.length;
      int[] a = t.clone();
      int[] b = t.clone();
      for (int i = 0; i < r; i++) {
        switch (rng.nextInt(3)) {
          case 1 -> a[i] = 1;
          case 2 -> b[i] = 1;
          default -> { }
        }
      }
      // only one side may lose leading dims, or the result would lose rank
      return rng.nextInt(2) == 0
          ? new int[][] {dropLeadingOnes(a), b}
          : new int[][] {a, dropLeadingOnes(b)};
    }

    /** A shape that broadcasts to {@code t} (for expand and where's condition). */
    int[] broadcastable(int[] t) {
      int[] a = t.clone();
      for (int i = 0; i < a.length; i++) {
        if (rng.nextInt(2) == 0) {
          a[i] = 1;
        }
      }
      return dropLeadingOnes(a);
    }

    int[] dropLeadingOnes(int[] s) {
      if (rng.nextInt(2) == 0) {
        return s;
      }
      int k = 0;
      while (k < s.length && s[k] == 1) {
        k++;
      }
      int drop = k == 0 ? 0 : rng.nextInt(k + 1);
      return Arrays.copyOfRange(s, drop, s.length);
    }

    static int[] insert(int[] s, int at, int size) {
      int[] r = new int[s.length + 1];
      for (int i = 0, j = 0; i < r.length; i++) {
        r[i] = i == at ? size : s[j++];
      }
      return r;
    }

    static int[] remove(int[] s, int at) {
      int[] r = new int[s.length - 1];
      for (int i = 0, j = 0; i < s.length; i++) {
        if (i != at) {
          r[j++] = s[i];
        }
      }
      return r;
    }

    int negMaybe(int axis, int rank) {
      return rng.nextInt(2) == 0 ? axis : axis - rank;
    }

    Tensor indexTensor(int[] shape, int bound) {
      double[] d = new double[Shapes.numel(shape)];
      for (int i = 0; i < d.length; i++) {
        d[i] = rng.nextInt(bound);
      }
      return Tensor.of(d, shape);
    }

    Expr build(Plan p, int[] t) {
      if (p instanceof Op op) {
        return buildOp(op.kind(), op.children(), t);
      }
      return leaf(t);
    }

    private Expr child(List<Plan> cs, int i, int[] shape) {
      maxRank = Math.max(maxRank, shape.length);
      return build(cs.get(i), shape);
    }

    Expr buildOp(Kind k, List<Plan> cs, int[] t) {
      int r = t.length;
      switch (k) {
        case EXP, EXPM1, TANH, SIGMOID, SOFTPLUS, SQUARE -> {
          ops.add(k.name());
          Expr u = norm(child(cs, 0, t), 2);
          return map(u, k.name(), unary(k));
        }
        case LOG, SQRT, LOG1P -> {
          ops.add(k.name());
          // log, sqrt on [0.5, 2.5]; log1p on [-0.5, 1.5]
          double shift = k == Kind.LOG1P ? 0.5 : 1.5;
          Expr u = map(norm(child(cs, 0, t), 1), "+" + shift, x -> x.add(shift));
          return map(u, k.name(), unary(k));
        }
        case ABS, RELU, ELU -> {
          ops.add(k.name());
          Expr u = norm(child(cs, 0, t), 1);
          double c = safePoint(u.value.data);
          return map(map(u, "-" + c, x -> x.sub(c)), k.name(), unary(k));
        }
        case CLAMP -> {
          ops.add(k.name());
          Expr u = norm(child(cs, 0, t), 1);
          double a = safePoint(u.value.data);
          double b = safePoint(u.value.data);
          double lo = Math.min(a, b);
          double hi = Math.max(a, b);
          return map(u, "clamp" + (float) lo + "," + (float) hi, x -> x.clamp(lo, hi));
        }
        case POW_SCALAR -> {
          ops.add(k.name());
          double[] ps = {0.5, 3, -1.5, 2, 1};
          double e = ps[rng.nextInt(ps.length)];
          Expr u = map(norm(child(cs, 0, t), 1), "+1.5", x -> x.add(1.5));
          return map(u, "pow" + e, x -> x.pow(e));
        }
        case AFFINE -> {
          ops.add(k.name());
          double a = rng.uniform(-2, 2);
          double b = rng.uniform(-1, 1);
          double c = rng.uniform(0.5, 2);
          return map(norm(child(cs, 0, t), 1), "affine",
              x -> x.mul(a).add(b).sub(c).div(c).rsub(b).neg());
        }
        case SUM, MEAN, MAX, MIN, LOGSUMEXP, VAR -> {
          return reduction(k, cs, t);
        }
        case SOFTMAX, LOG_SOFTMAX -> {
          ops.add(k.name());
          if (r == 0) {
            int n = 2 + rng.nextInt(2);
            Expr u = norm(child(cs, 0, new int[] {n}), 2);
            return map(u, k.name(), x -> softmaxLike(k, x, 0).slice(0, 1, 2).reshape());
          }
          int ax = negMaybe(rng.nextInt(r), r);
          Expr u = norm(child(cs, 0, t), 2);
          return map(u, k.name() + ax, x -> softmaxLike(k, x, ax));
        }
        case RESHAPE -> {
          return reshapeFrom(cs, t);
        }
        case TRANSPOSE -> {
          if (r < 2) {
            return reshapeFrom(cs, t);
          }
          ops.add(k.name());
          int a = rng.nextInt(r);
          int b = (a + 1 + rng.nextInt(r - 1)) % r;
          int[] s = t.clone();
          s[a] = t[b];
          s[b] = t[a];
          return map(child(cs, 0, s), "transpose" + a + b, x -> x.transpose(a, negMaybe(b, r)));
        }
        case PERMUTE -> {
          if (r < 2) {
            return reshapeFrom(cs, t);
          }
          ops.add(k.name());
          int[] perm = shuffled(r);
          int[] s = new int[r];
          for (int i = 0; i < r; i++) {
            s[perm[i]] = t[i];
          }
          return map(child(cs, 0, s), "permute" + Arrays.toString(perm), x -> x.permute(perm));
        }
        case SLICE, NARROW, SPLIT -> {
          ops.add(k.name());
          if (r == 0) {
            int m = 1 + rng.nextInt(3);
            int j = rng.nextInt(m);
            return map(child(cs, 0, new int[] {m}), "slice", x -> x.slice(0, j, j + 1).reshape());
          }
          int ax = rng.nextInt(r);
          int extra = 1 + rng.nextInt(2);
          int start = rng.nextInt(extra + 1);
          int[] s = t.clone();
          s[ax] += extra;
          int len = t[ax];
          UnaryOperator<Tensor> g =
              switch (k) {
                case SLICE -> x -> x.slice(ax, start, start + len);
                case NARROW -> x -> x.narrow(negMaybe(ax, r), start, len);
                default -> x -> x.split(ax, start, len, extra - start).get(1);
              };
          return map(child(cs, 0, s), k.name(), g);
        }
        case INDEX_SELECT, GATHER -> {
          if (r == 0) {
            return buildOp(Kind.SLICE, cs, t);
          }
          ops.add(k.name());
          int ax = rng.nextInt(r);
          int m = 1 + rng.nextInt(3);
          int[] s = t.clone();
          s[ax] = m;
          if (k == Kind.INDEX_SELECT) {
            int[] idx = new int[t[ax]];
            for (int i = 0; i < idx.length; i++) {
              idx[i] = rng.nextInt(m);
            }
            return map(child(cs, 0, s), "indexSelect" + Arrays.toString(idx),
                x -> x.indexSelect(ax, idx));
          }
          Tensor index = indexTensor(t, m);
          return map(child(cs, 0, s), "gather", x -> x.gather(negMaybe(ax, r), index));
        }
        case EXPAND -> {
          ops.add(k.name());
          int[] s = broadcastable(t);
          return map(child(cs, 0, s), "expand" + Arrays.toString(t), x -> x.expand(t));
        }
        case SQUEEZE -> {
          if (r > 2) {
            return reshapeFrom(cs, t);
          }
          ops.add(k.name());
          int ax = rng.nextInt(r + 1);
          return map(child(cs, 0, insert(t, ax, 1)), "squeeze" + ax,
              x -> x.squeeze(negMaybe(ax, r + 1)));
        }
        case UNSQUEEZE -> {
          int ax = -1;
          for (int i = 0; i < r; i++) {
            if (t[i] == 1) {
              ax = i;
            }
          }
          if (ax < 0) {
            return buildOp(Kind.SQUEEZE, cs, t);
          }
          ops.add(k.name());
          int a = ax;
          return map(child(cs, 0, remove(t, ax)), "unsqueeze" + ax, x -> x.unsqueeze(a));
        }
        case ADD, SUB, MUL -> {
          ops.add(k.name());
          int[][] s = broadcastPair(t);
          Expr a = norm(child(cs, 0, s[0]), 2);
          Expr b = norm(child(cs, 1, s[1]), 2);
          return combine(a, b, k.name(),
              k == Kind.ADD ? Tensor::add : (k == Kind.SUB ? Tensor::sub : Tensor::mul));
        }
        case DIV -> {
          ops.add(k.name());
          int[][] s = broadcastPair(t);
          Expr a = norm(child(cs, 0, s[0]), 2);
          double sign = rng.nextInt(2) == 0 ? 1 : -1;
          // denominator in [1, 3] or [-3, -1]
          Expr b = map(norm(child(cs, 1, s[1]), 1), "+2", x -> x.add(2).mul(sign));
          return combine(a, b, "div", Tensor::div);
        }
        case POW -> {
          ops.add(k.name());
          int[][] s = broadcastPair(t);
          Expr a = map(norm(child(cs, 0, s[0]), 1), "+1.5", x -> x.add(1.5));
          Expr b = norm(child(cs, 1, s[1]), 1.5);
          return combine(a, b, "pow", Tensor::pow);
        }
        case MAXIMUM, MINIMUM -> {
          ops.add(k.name());
          int[][] s = broadcastPair(t);
          Expr a = norm(child(cs, 0, s[0]), 1);
          Expr b = norm(child(cs, 1, s[1]), 1);
          double c = safePoint(a.value.sub(b.value).data);
          Expr a2 = map(a, "-" + c, x -> x.sub(c));
          return combine(a2, b, k.name(), k == Kind.MAXIMUM ? Tensor::maximum : Tensor::minimum);
        }
        case WHERE -> {
          ops.add(k.name());
          int[][] s = broadcastPair(t);
          Tensor cond = indexTensor(broadcastable(t), 2);
          Expr a = norm(child(cs, 0, s[0]), 2);
          Expr b = norm(child(cs, 1, s[1]), 2);
          return combine(a, b, "where", (x, y) -> Tensor.where(cond, x, y));
        }
        case SCATTER_ADD -> {
          if (r == 0) {
            return buildOp(Kind.ADD, cs, t);
          }
          ops.add(k.name());
          int ax = rng.nextInt(r);
          int[] si = t.clone();
          si[ax] = 1 + rng.nextInt(3);
          Tensor index = indexTensor(si, t[ax]);
          Expr a = norm(child(cs, 0, t), 2);
          Expr src = norm(child(cs, 1, si), 2);
          return combine(a, src, "scatterAdd", (x, y) -> x.scatterAdd(ax, index, y));
        }
        case CAT -> {
          int ax = -1;
          for (int i = 0; i < r; i++) {
            if (t[i] >= 2) {
              ax = i;
            }
          }
          if (ax < 0) {
            return buildOp(Kind.SUB, cs, t);
          }
          ops.add(k.name());
          int n1 = 1 + rng.nextInt(t[ax] - 1);
          int[] s1 = t.clone();
          int[] s2 = t.clone();
          s1[ax] = n1;
          s2[ax] = t[ax] - n1;
          int a = negMaybe(ax, r);
          return combine(child(cs, 0, s1), child(cs, 1, s2), "cat" + a, (x, y) -> Tensor.cat(a, x, y));
        }
        case STACK -> {
          int ax = -1;
          for (int i = 0; i < r; i++) {
            if (t[i] == 2 || t[i] == 3) {
              ax = i;
            }
          }
          if (ax < 0) {
            return buildOp(Kind.MUL, cs, t);
          }
          ops.add(k.name());
          int[] s = remove(t, ax);
          int n = t[ax];
          int a = ax;
          // with three slots the first child is used twice: a shared subexpression
          return combine(child(cs, 0, s), child(cs, 1, s), "stack" + a,
              (x, y) -> n == 2 ? Tensor.stack(a, x, y) : Tensor.stack(a, x, y, x));
        }
        case MATMUL -> {
          return matmul(cs, t);
        }
        default -> throw new AssertionError(k);
      }
    }

    private int[] shuffled(int n) {
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = p[i];
        p[i] = p[j];
        p[j] = tmp;
      }
      return p;
    }

    private static Tensor softmaxLike(Kind k, Tensor x, int axis) {
      return k == Kind.SOFTMAX ? x.softmax(axis) : x.logSoftmax(axis);
    }

    private static UnaryOperator<Tensor> unary(Kind k) {
      return switch (k) {
        case EXP -> Tensor::exp;
        case EXPM1 -> Tensor::expm1;
        case TANH -> Tensor::tanh;
        case SIGMOID -> Tensor::sigmoid;
        case SOFTPLUS -> Tensor::softplus;
        case SQUARE -> Tensor::square;
        case LOG -> Tensor::log;
        case LOG1P -> Tensor::log1p;
        case SQRT -> Tensor::sqrt;
        case ABS -> Tensor::abs;
        case RELU -> Tensor::relu;
        case ELU -> Tensor::elu;
        default -> throw new AssertionError(k);
      };
    }

    private Expr reshapeFrom(List<Plan> cs, int[] t) {
      ops.add("RESHAPE");
      int n = Shapes.numel(t);
      int[] s;
      switch (rng.nextInt(3)) {
        case 0 -> s = new int[] {n};
        case 1 -> {
          s = t.clone();
          for (int i = 0; i < s.length / 2; i++) {
            int tmp = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = tmp;
          }
        }
        default -> s = t.length < 3 ? insert(t, rng.nextInt(t.length + 1), 1) : new int[] {n};
      }
      int[] target = t.clone();
      if (target.length > 0 && rng.nextInt(2) == 0) {
        target[rng.nextInt(target.length)] = -1;
      }
      return map(child(cs, 0, s), "reshape" + Arrays.toString(target), x -> x.reshape(target));
    }

    private Expr reduction(Kind k, List<Plan> cs, int[] t) {
      ops.add(k.name());
      int r = t.length;
      int n = 2 + rng.nextInt(2);
      int[] s;
      UnaryOperator<Tensor> g;
      int mode = r == 0 ? (rng.nextInt(2) == 0 ? 0 : 2) : (r <= 2 && rng.nextInt(2) == 0 ? 0 : 1);
      if (mode == 0) {
        // a new axis that the reduction removes (keepDim = false)
        int ax = rng.nextInt(r + 1);
        s = insert(t, ax, n);
        int a = negMaybe(ax, r + 1);
        g = x -> reduce(k, x, a, false);
      } else if (mode == 1) {
        // an existing axis kept as size 1, then expanded back
        int ax = rng.nextInt(r);
        s = t.clone();
        s[ax] = n;
        g = x -> reduce(k, x, ax, true).expand(t);
      } else {
        // reduction over all elements to a 0-d tensor
        s = randomShape(1 + rng.nextInt(3));
        if (k == Kind.VAR || k == Kind.LOGSUMEXP) {
          s = new int[] {n};
          g = x -> reduce(k, x, 0, false);
        } else {
          g = x -> switch (k) {
            case SUM -> x.sum();
            case MEAN -> x.mean();
            case MAX -> x.max();
            default -> x.min();
          };
        }
      }
      Expr c = child(cs, 0, s);
      if (k == Kind.MAX || k == Kind.MIN) {
        // distinct values 0.5 apart, plus a child within +-0.1: no ties anywhere
        int[] perm = shuffled(Shapes.numel(s));
        double[] d = new double[perm.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = 0.5 * perm[i];
        }
        Tensor sep = Tensor.of(d, s);
        c = map(norm(c, 0.1), "+sep", x -> x.add(sep));
      } else {
        c = norm(c, 2);
      }
      return map(c, k.name(), g);
    }

    private static Tensor reduce(Kind k, Tensor x, int axis, boolean keep) {
      return switch (k) {
        case SUM -> x.sum(axis, keep);
        case MEAN -> x.mean(axis, keep);
        case MAX -> x.max(axis, keep);
        case MIN -> x.min(axis, keep);
        case LOGSUMEXP -> x.logsumexp(axis, keep);
        default -> x.var(axis, keep);
      };
    }

    private Expr matmul(List<Plan> cs, int[] t) {
      int r = t.length;
      int inner = 1 + rng.nextInt(3);
      int m;
      int n;
      int[] sa;
      int[] sb;
      if (r == 3) {
        ops.add("MATMUL_BATCHED");
        int b = t[0];
        m = t[1];
        n = t[2];
        int[] modes = {rng.nextInt(3), rng.nextInt(3)}; // 0: full batch, 1: batch 1, 2: 2-D
        if (b > 1 && modes[0] != 0 && modes[1] != 0) {
          modes[rng.nextInt(2)] = 0;
        }
        if (b == 1 && modes[0] == 2 && modes[1] == 2) {
          modes[0] = 1;
        }
        sa = modes[0] == 2 ? new int[] {m, inner} : new int[] {modes[0] == 0 ? b : 1, m, inner};
        sb = modes[1] == 2 ? new int[] {inner, n} : new int[] {modes[1] == 0 ? b : 1, inner, n};
        return combine(norm(child(cs, 0, sa), 1), norm(child(cs, 1, sb), 1), "matmul",
            Tensor::matmul);
      }
      ops.add("MATMUL_2D");
      m = r == 2 ? t[0] : 1;
      n = r == 2 ? t[1] : (r == 1 ? t[0] : 1);
      sa = new int[] {m, inner};
      sb = new int[] {inner, n};
      return combine(norm(child(cs, 0, sa), 1), norm(child(cs, 1, sb), 1), "matmul",
          (x, y) -> x.matmul(y).reshape(t));
    }
  }
}
