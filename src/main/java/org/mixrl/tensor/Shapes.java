package org.mixrl.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by all ops: sizes, strides, broadcasting, axis normalisation. */
final class Shapes {
  private Shapes() {}

  static int numel(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
    }
    return (int) n;
  }

  static int[] checked(String op, int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(op + ": negative dimension in shape " + str(shape));
      }
    }
    return shape.clone();
  }

  static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  static String str(int[] shape) {
    return Arrays.toString(shape);
  }

  /** NumPy broadcasting: align trailing dims; each pair must be equal or contain a 1. */
  static int[] broadcast(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + str(a) + " and " + str(b) + " are not broadcastable");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  static int axis(String op, int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " out of range for rank " + rank + " (allowed " + (-rank) + ".."
              + (rank - 1) + ")");
    }
    return a;
  }

  static int outer(int[] shape, int axis) {
    int n = 1;
    for (int i = 0; i < axis; i++) {
      n *= shape[i];
    }
    return n;
  }

  static int inner(int[] shape, int axis) {
    int n = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  static int[] reduced(int[] shape, int axis, boolean keepDim) {
    if (keepDim) {
      int[] s = shape.clone();
      s[axis] = 1;
      return s;
    }
    int[] s = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        s[j++] = shape[i];
      }
    }
    return s;
  }
}
