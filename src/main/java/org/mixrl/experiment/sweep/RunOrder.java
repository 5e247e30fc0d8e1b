package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which an executor takes a sweep's runs: by the values of some options (numbers
 * numerically, other values as text), then by id. Ordering by {@code seed} finishes every
 * setting's seed 1 before any seed 2, so a sweep stopped early holds whole paired seeds.
 */
public final class RunOrder {
  private RunOrder() {}

  /**
   * {@code ids} of {@code sweep} sorted by the options {@code keys} (a run without an option
   * sorts before the runs that have it), ties by id. No keys: id order.
   */
  public static List<String> by(Sweep sweep, List<String> ids, List<String> keys)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String id : ids) {
      entries.add(new Entry(id, sweep.read(id).options()));
    }
    entries.sort(comparator(keys));
    return entries.stream().map(Entry::id).toList();
  }

  private record Entry(String id, Map<String, Object> options) {}

  private static Comparator<Entry> comparator(List<String> keys) {
    Comparator<Entry> c = (a, b) -> 0;
    for (String key : keys) {
      String k = key.trim().replace('_', '-');
      c = c.thenComparing((a, b) -> compareValues(a.options().get(k), b.options().get(k)));
    }
    return c.thenComparing(Entry::id);
  }

  static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return CommandKind.text(a).compareTo(CommandKind.text(b));
  }
}
