package org.mixrl.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Ops that move elements without changing their values: reshape, permute, slice, cat, ... */
final class ShapeOps {
  private ShapeOps() {}

  static Tensor reshape(Tensor a, int[] newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException(
              "reshape: only one dimension may be -1, got " + Shapes.str(newShape));
        }
        infer = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension in " + Shapes.str(newShape));
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || a.data.length % known != 0) {
        throw new IllegalArgumentException(
            "reshape: cannot infer -1 in " + Shapes.str(newShape) + " for shape "
                + Shapes.str(a.shape));
      }
      s[infer] = (int) (a.data.length / known);
      known *= s[infer];
    }
    if (known != a.data.length) {
      throw new IllegalArgumentException(
          "reshape: shape " + Shapes.str(a.shape) + " (" + a.data.length
              + " elements) cannot become " + Shapes.str(newShape));
    }
    // Same row-major order: the data array is shared and the gradient passes unchanged.
    return Tensor.result(
        "reshape",
        a.data,
        s,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            for (int i = 0; i < g.length; i++) {
              ga[i] += g[i];
            }
          }
        },
        a);
  }

  static Tensor squeeze(Tensor a, int axis) {
    int ax = Shapes.axis("squeeze", axis, a.shape.length);
    if (a.shape[ax] != 1) {
      throw new IllegalArgumentException(
          "squeeze: axis " + axis + " of shape " + Shapes.str(a.shape) + " has size "
              + a.shape[ax] + ", need 1");
    }
    return reshape(a, Shapes.reduced(a.shape, ax, false));
  }

  static Tensor unsqueeze(Tensor a, int axis) {
    int rank = a.shape.length + 1;
    int ax = Shapes.axis("unsqueeze", axis, rank);
    int[] s = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      s[i] = i == ax ? 1 : a.shape[j++];
    }
    return reshape(a, s);
  }

  static Tensor transpose(Tensor a, int axis0, int axis1) {
    int r = a.shape.length;
    int a0 = Shapes.axis("transpose", axis0, r);
    int a1 = Shapes.axis("transpose", axis1, r);
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    perm[a0] = a1;
    perm[a1] = a0;
    return permute(a, perm);
  }

  static Tensor permute(Tensor a, int[] axes) {
    int r = a.shape.length;
    if (axes.length != r) {
      throw new IllegalArgumentException(
          "permute: " + axes.length + " axes given for shape " + Shapes.str(a.shape));
    }
    boolean[] seen = new boolean[r];
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      int ax = Shapes.axis("permute", axes[i], r);
      if (seen[ax]) {
        throw new IllegalArgumentException("permute: axis repeated in " + Arrays.toString(axes));
      }
      seen[ax] = true;
      perm[i] = ax;
    }
    int[] outShape = new int[r];
    for (int i = 0; i < r; i++) {
      outShape[i] = a.shape[perm[i]];
    }
    // map[i] = linear index in `a` of output element i
    int[] inStrides = Shapes.strides(a.shape);
    int[] permStrides = new int[r];
    for (int i = 0; i < r; i++) {
      permStrides[i] = inStrides[perm[i]];
    }
    int n = a.data.length;
    int[] map = new int[n];
    int[] idx = new int[r];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      map[i] = pos;
      for (int d = r - 1; d >= 0; d--) {
        idx[d]++;
        pos += permStrides[d];
        if (idx[d] < outShape[d]) {
          break;
        }
        pos -= permStrides[d] * idx[d];
        idx[d] = 0;
      }
    }
    double[] x = a.data;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[map[i]];
    }
    return Tensor.result(
        "permute",
        y,
        outShape,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            for (int i = 0; i < n; i++) {
              ga[map[i]] += g[i];
            }
          }
        },
        a);
  }

  static Tensor slice(Tensor a, int axis, int start, int end) {
    int ax = Shapes.axis("slice", axis, a.shape.length);
    int size = a.shape[ax];
    if (start < 0 || end > size || start > end) {
      throw new IndexOutOfBoundsException(
          "slice: range [" + start + ", " + end + ") invalid for axis " + axis + " of size " + size
              + " (shape " + Shapes.str(a.shape) + ")");
    }
    int outer = Shapes.outer(a.shape, ax);
    int inner = Shapes.inner(a.shape, ax);
    int len = end - start;
    int[] s = a.shape.clone();
    s[ax] = len;
    double[] x = a.data;
    double[] y = new double[outer * len * inner];
    for (int o = 0; o < outer; o++) {
      System.arraycopy(x, (o * size + start) * inner, y, o * len * inner, len * inner);
    }
    return Tensor.result(
        "slice",
        y,
        s,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga == null) {
            return;
          }
          for (int o = 0; o < outer; o++) {
            int src = o * len * inner;
            int dst = (o * size + start) * inner;
            for (int i = 0; i < len * inner; i++) {
              ga[dst + i] += g[src + i];
            }
          }
        },
        a);
  }

  static Tensor expand(Tensor a, int[] newShape) {
    int[] target = Shapes.checked("expand", newShape);
    int[] b = Shapes.broadcast("expand", a.shape, target);
    if (!Arrays.equals(b, target)) {
      throw new IllegalArgumentException(
          "expand: shape " + Shapes.str(a.shape) + " cannot expand to " + Shapes.str(newShape));
    }
    int n = Shapes.numel(target);
    Broadcast map = Broadcast.of(a.shape, target);
    double[] y = map == null ? a.data.clone() : Broadcast.expand(a.data, map, n);
    return Tensor.result(
        "expand",
        y,
        target,
        (g, grads) -> {
          double[] ga = grads.of(a);
          if (ga != null) {
            Broadcast.accumulate(ga, g, map);
          }
        },
        a);
  }

  static Tensor cat(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("cat: need at least one tensor");
    }
    int[] first = parts[0].shape;
    int ax = Shapes.axis("cat", axis, first.length);
    int sum = 0;
    for (Tensor p : parts) {
      if (p.shape.length != first.length) {
        throw new IllegalArgumentException(
            "cat: shapes " + Shapes.str(first) + " and " + Shapes.str(p.shape) + " differ in rank");
      }
      for (int d = 0; d < first.length; d++) {
        if (d != ax && p.shape[d] != first[d]) {
          throw new IllegalArgumentException(
              "cat: shapes " + Shapes.str(first) + " and " + Shapes.str(p.shape)
                  + " differ outside axis " + axis);
        }
      }
      sum += p.shape[ax];
    }
    final int total = sum;
    int outer = Shapes.outer(first, ax);
    int inner = Shapes.inner(first, ax);
    int[] s = first.clone();
    s[ax] = total;
    double[] y = new double[outer * total * inner];
    int[] offsets = new int[parts.length];
    int off = 0;
    for (int k = 0; k < parts.length; k++) {
      offsets[k] = off;
      int len = parts[k].shape[ax];
      for (int o = 0; o < outer; o++) {
        System.arraycopy(parts[k].data, o * len * inner, y, (o * total + off) * inner, len * inner);
      }
      off += len;
    }
    Tensor[] inputs = parts.clone();
    return Tensor.result(
        "cat",
        y,
        s,
        (g, grads) -> {
          for (int k = 0; k < inputs.length; k++) {
            double[] gk = grads.of(inputs[k]);
            if (gk == null) {
              continue;
            }
            int len = inputs[k].shape[ax];
            for (int o = 0; o < outer; o++) {
              int src = (o * total + offsets[k]) * inner;
              int dst = o * len * inner;
              for (int i = 0; i < len * inner; i++) {
                gk[dst + i] += g[src + i];
              }
            }
          }
        },
        inputs);
  }

  static Tensor stack(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("stack: need at least one tensor");
    }
    int ax = Shapes.axis("stack", axis, parts[0].shape.length + 1);
    Tensor[] expanded = new Tensor[parts.length];
    for (int k = 0; k < parts.length; k++) {
      if (!Arrays.equals(parts[k].shape, parts[0].shape)) {
        throw new IllegalArgumentException(
            "stack: shapes " + Shapes.str(parts[0].shape) + " and " + Shapes.str(parts[k].shape)
                + " differ");
      }
      expanded[k] = unsqueeze(parts[k], ax);
    }
    return cat(ax, expanded);
  }

  static List<Tensor> split(Tensor a, int axis, int[] sizes) {
    int ax = Shapes.axis("split", axis, a.shape.length);
    int total = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("split: negative size in " + Arrays.toString(sizes));
      }
      total += s;
    }
    if (total != a.shape[ax]) {
      throw new IllegalArgumentException(
          "split: sizes " + Arrays.toString(sizes) + " add up to " + total + " but axis " + axis
              + " has size " + a.shape[ax]);
    }
    List<Tensor> out = new ArrayList<>(sizes.length);
    int start = 0;
    for (int s : sizes) {
      out.add(slice(a, ax, start, start + s));
      start += s;
    }
    return out;
  }
}
