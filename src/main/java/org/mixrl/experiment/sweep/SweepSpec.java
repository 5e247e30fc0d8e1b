package org.mixrl.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixrl.experiment.Json;

/**
 * A sweep spec: the command every run executes, the options all runs share ({@code base}) and
 * the options to vary ({@code grid}, each a non-empty list). Keys are the command's long option
 * names without the leading dashes ({@code "eval-every"}; {@code "eval_every"} is accepted and
 * means the same).
 *
 * <pre>{"command": "train",
 *  "base": {"env": "Pendulum-v1", "steps": 20000},
 *  "grid": {"policy": ["sgm"], "components": [2, 5], "estimator": ["mrp", "lr"], "seed": [1, 2, 3]}}</pre>
 *
 * @param command the mixrl subcommand each run executes
 * @param base options shared by every run, in file order
 * @param grid options to vary and their values, in file order
 */
public record SweepSpec(String command, Map<String, Object> base, Map<String, List<Object>> grid) {

  public SweepSpec {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("sweep spec: \"command\" must be a non-empty string");
    }
    base = normalizeKeys(base, "base");
    Map<String, List<Object>> g = new LinkedHashMap<>();
    for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
      String k = normalizeKey(e.getKey());
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "sweep spec: grid." + e.getKey() + " must be a non-empty list of values");
      }
      if (g.put(k, List.copyOf(e.getValue())) != null) {
        throw new IllegalArgumentException("sweep spec: grid names \"" + k + "\" twice");
      }
      if (base.containsKey(k)) {
        throw new IllegalArgumentException(
            "sweep spec: \"" + k + "\" is in both base and grid; keep it in one of them");
      }
    }
    grid = java.util.Collections.unmodifiableMap(g);
  }

  /** Option key in canonical form: underscores become dashes, leading dashes are dropped. */
  public static String normalizeKey(String key) {
    String k = key.trim().replace('_', '-');
    while (k.startsWith("-")) {
      k = k.substring(1);
    }
    if (k.isEmpty()) {
      throw new IllegalArgumentException("sweep spec: empty option name '" + key + "'");
    }
    return k;
  }

  private static Map<String, Object> normalizeKeys(Map<String, Object> m, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String k = normalizeKey(e.getKey());
      checkValue(e.getValue(), where + "." + k);
      if (out.put(k, e.getValue()) != null) {
        throw new IllegalArgumentException("sweep spec: " + where + " names \"" + k + "\" twice");
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static void checkValue(Object v, String where) {
    if (v instanceof Map) {
      throw new IllegalArgumentException(
          "sweep spec: " + where + " must be a string, number, boolean or list, got an object");
    }
    if (v == null) {
      throw new IllegalArgumentException("sweep spec: " + where + " must not be null");
    }
  }

  /**
   * Parses the JSON text of a spec.
   *
   * @throws IllegalArgumentException naming a missing, unknown or ill-typed field
   */
  @SuppressWarnings("unchecked")
  public static SweepSpec parse(String json) {
    Object root = Json.parse(json);
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException("sweep spec must be a JSON object");
    }
    Map<String, Object> m = (Map<String, Object>) root;
    for (String k : m.keySet()) {
      if (!Set.of("command", "base", "grid").contains(k)) {
        throw new IllegalArgumentException(
            "sweep spec: unknown field \"" + k + "\"; allowed: command, base, grid");
      }
    }
    Object command = m.get("command");
    if (!(command instanceof String c)) {
      throw new IllegalArgumentException(
          "sweep spec: \"command\" must be a string such as \"train\", got " + command);
    }
    Object base = m.getOrDefault("base", Map.of());
    if (!(base instanceof Map)) {
      throw new IllegalArgumentException("sweep spec: \"base\" must be an object, got " + base);
    }
    Object grid = m.getOrDefault("grid", Map.of());
    if (!(grid instanceof Map)) {
      throw new IllegalArgumentException("sweep spec: \"grid\" must be an object, got " + grid);
    }
    Map<String, List<Object>> g = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : ((Map<String, Object>) grid).entrySet()) {
      if (!(e.getValue() instanceof List<?> l)) {
        throw new IllegalArgumentException("sweep spec: grid." + e.getKey()
            + " must be a list of values, got " + e.getValue());
      }
      for (Object v : l) {
        checkValue(v, "grid." + e.getKey());
      }
      g.put(e.getKey(), new ArrayList<>(l));
    }
    return new SweepSpec(c, (Map<String, Object>) base, g);
  }

  /**
   * Every combination: base plus one value per grid key, in grid order with the last key
   * varying fastest (so seeds of one setting are neighbours in listings).
   */
  public List<Map<String, Object>> expand() {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(grid.keySet());
    int[] index = new int[keys.size()];
    while (true) {
      Map<String, Object> options = new LinkedHashMap<>(base);
      for (int i = 0; i < keys.size(); i++) {
        options.put(keys.get(i), grid.get(keys.get(i)).get(index[i]));
      }
      out.add(options);
      int i = keys.size() - 1;
      while (i >= 0 && ++index[i] == grid.get(keys.get(i)).size()) {
        index[i] = 0;
        i--;
      }
      if (i < 0) {
        return out;
      }
    }
  }
}
