package org.mixrl.tensor;

/** Readable text for tensors: nested brackets for small ones, a summary for large ones. */
final class TensorFormat {
  private static final int MAX_ELEMENTS = 1000;
  private static final int EDGE = 3;

  private TensorFormat() {}

  static String format(Tensor t) {
    StringBuilder sb = new StringBuilder("tensor(");
    if (t.shape.length == 0) {
      sb.append(num(t.data[0]));
    } else {
      boolean summarize = t.data.length > MAX_ELEMENTS;
      append(sb, t, 0, 0, summarize, "       ");
    }
    sb.append(", shape=").append(Shapes.str(t.shape));
    if (t.requiresGrad()) {
      sb.append(t.op() == null ? ", requiresGrad" : ", op=" + t.op());
    }
    return sb.append(')').toString();
  }

  private static void append(
      StringBuilder sb, Tensor t, int axis, int offset, boolean summarize, String indent) {
    int size = t.shape[axis];
    int stride = Shapes.inner(t.shape, axis);
    sb.append('[');
    for (int i = 0; i < size; i++) {
      if (summarize && size > 2 * EDGE && i == EDGE) {
        sb.append("...");
        i = size - EDGE - 1;
        sb.append(axis == t.shape.length - 1 ? ", " : ",\n" + indent + " ");
        continue;
      }
      if (axis == t.shape.length - 1) {
        sb.append(num(t.data[offset + i]));
        if (i < size - 1) {
          sb.append(", ");
        }
      } else {
        append(sb, t, axis + 1, offset + i * stride, summarize, indent + " ");
        if (i < size - 1) {
          sb.append(",\n").append(indent).append(' ');
        }
      }
    }
    sb.append(']');
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e6)) {
      return String.format(java.util.Locale.ROOT, "%.4e", v);
    }
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }
}
