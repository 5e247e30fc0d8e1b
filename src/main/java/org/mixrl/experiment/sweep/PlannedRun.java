package org.mixrl.experiment.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mixrl.experiment.Json;

/**
 * One run of a sweep: its command and full options. The id is a readable slug of a few
 * headline options followed by the first 8 hex digits of the SHA-256 of the canonical config
 * (options sorted by key), so it depends on the config alone: planning the same combination
 * again, from any spec that produces it, finds the same directory.
 *
 * @param id directory name under {@code runs/}
 * @param command the subcommand
 * @param options every option of the run, sorted by key
 */
public record PlannedRun(String id, String command, Map<String, Object> options) {
  /** Format tag written into each run's {@code config.json}. */
  public static final String FORMAT = "mixrl-sweep-run/1";

  public PlannedRun {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** The run for {@code options} of {@code kind}, with its derived id. */
  public static PlannedRun of(CommandKind kind, Map<String, Object> options) {
    PlannedRun draft = new PlannedRun("", kind.name(), options);
    String json = draft.configJson();
    StringBuilder slug = new StringBuilder();
    for (Map.Entry<String, String> e : kind.slugKeys()) {
      Object v = draft.options.get(e.getKey());
      if (v != null) {
        slug.append(e.getValue()).append(CommandKind.text(v)).append('_');
      }
    }
    String clean = slug.toString().replaceAll("[^A-Za-z0-9.=-]+", "_");
    return new PlannedRun(clean + sha256(json).substring(0, 8), kind.name(), options);
  }

  /** The text of {@code config.json}: format, command, options; canonical, so comparable. */
  public String configJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("command", command);
    m.put("options", new LinkedHashMap<>(options));
    return Json.write(m);
  }

  /**
   * Reads a run's {@code config.json}.
   *
   * @throws IllegalArgumentException if it is not a sweep run config
   */
  @SuppressWarnings("unchecked")
  public static PlannedRun fromJson(String id, String text) {
    Object root = Json.parse(text);
    if (!(root instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))
        || !(m.get("command") instanceof String) || !(m.get("options") instanceof Map)) {
      throw new IllegalArgumentException(
          "run " + id + ": config.json is not a " + FORMAT + " file");
    }
    return new PlannedRun(id, (String) m.get("command"), (Map<String, Object>) m.get("options"));
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
