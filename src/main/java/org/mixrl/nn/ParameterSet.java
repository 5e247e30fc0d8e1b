package org.mixrl.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mixrl.tensor.Tensor;

/**
 * An ordered, name-indexed view of a module's parameters. The tensors are the live ones, so
 * writes through {@link Tensor#data()} change the module.
 */
public final class ParameterSet {
  private final Map<String, Tensor> byName;

  private ParameterSet(Map<String, Tensor> byName) {
    this.byName = byName;
  }

  /** Indexes {@code params}; names must be unique. */
  public static ParameterSet of(List<NamedParameter> params) {
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (NamedParameter p : params) {
      if (m.put(p.name(), p.tensor()) != null) {
        throw new IllegalArgumentException("duplicate parameter name '" + p.name() + "'");
      }
    }
    return new ParameterSet(Collections.unmodifiableMap(m));
  }

  public static ParameterSet of(Module module) {
    return of(module.namedParameters());
  }

  /** The parameter called {@code name}; throws naming the known names if there is none. */
  public Tensor get(String name) {
    Tensor t = byName.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "no parameter named '" + name + "'; known: " + byName.keySet());
    }
    return t;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Names in module order. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** Name → tensor in module order (unmodifiable; tensors live). */
  public Map<String, Tensor> asMap() {
    return byName;
  }

  public int size() {
    return byName.size();
  }

  /**
   * The problems that stop {@code other} from being copied into this set (missing or extra
   * names, shape mismatches), one line each; empty when they match.
   */
  public List<String> mismatches(Map<String, int[]> otherShapes) {
    List<String> problems = new ArrayList<>();
    Set<String> missing = new TreeSet<>(byName.keySet());
    missing.removeAll(otherShapes.keySet());
    Set<String> extra = new TreeSet<>(otherShapes.keySet());
    extra.removeAll(byName.keySet());
    if (!missing.isEmpty()) {
      problems.add("missing parameters " + missing);
    }
    if (!extra.isEmpty()) {
      problems.add("unexpected parameters " + extra);
    }
    for (Map.Entry<String, Tensor> e : byName.entrySet()) {
      int[] found = otherShapes.get(e.getKey());
      int[] expected = e.getValue().shape();
      if (found != null && !Arrays.equals(found, expected)) {
        problems.add(
            "parameter '" + e.getKey() + "' has shape " + Arrays.toString(found) + ", expected "
                + Arrays.toString(expected));
      }
    }
    return problems;
  }

  /** Shapes by name, in module order. */
  public Map<String, int[]> shapes() {
    Map<String, int[]> m = new LinkedHashMap<>();
    byName.forEach((k, v) -> m.put(k, v.shape()));
    return m;
  }

  /** θ ← θ_source for every parameter; validates names and shapes before writing anything. */
  public void copyFrom(ParameterSet source) {
    List<String> problems = mismatches(source.shapes());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "copyFrom: source parameters do not match: " + String.join("; ", problems));
    }
    for (Map.Entry<String, Tensor> e : byName.entrySet()) {
      double[] src = source.byName.get(e.getKey()).data();
      System.arraycopy(src, 0, e.getValue().data(), 0, src.length);
    }
  }
}
