package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.env.Envs;

/**
 * Everything that determines a training run (with the seed, the whole run): what {@code
 * config.json} holds.
 *
 * @param env environment id (see {@link Envs#ids()})
 * @param seed the run's seed; all random streams derive from it
 * @param steps environment steps to train for, >= 1
 * @param evalEvery evaluate after every this many steps (0: never)
 * @param evalEpisodes episodes per evaluation, for each of stochastic and deterministic, >= 1
 * @param checkpointEvery checkpoint after every this many steps (0: only at the end)
 * @param sac the agent's hyperparameters
 */
public record RunConfig(
    String env,
    long seed,
    long steps,
    long evalEvery,
    int evalEpisodes,
    long checkpointEvery,
    SacConfig sac) {

  public RunConfig {
    checkEnv(env);
    checkSteps(steps);
    checkEvalEvery(evalEvery);
    checkEvalEpisodes(evalEpisodes);
    checkCheckpointEvery(checkpointEvery);
    if (sac == null) {
      throw new IllegalArgumentException("sac must not be null");
    }
  }

  /**
   * The run's own settings, one row each, in {@code config.json} order; {@link #toJson},
   * {@link #fromJson}, {@link RunOptions} and {@code mixrl train}'s options read them.
   */
  public static final List<RunField> FIELDS = List.of(
      new RunField("env", "env", RunField.Kind.STRING, null,
          "Environment id (see `mixrl env list`); required for a new run.",
          v -> checkEnv((String) v), RunConfig::env),
      new RunField("seed", "seed", RunField.Kind.LONG, 1L, "Run seed", v -> { },
          RunConfig::seed),
      new RunField("steps", "steps", RunField.Kind.LONG, null,
          "Environment steps; required for a new run. With --resume, a larger value extends a"
              + " run (finished or not).",
          v -> checkSteps((Long) v), RunConfig::steps),
      new RunField("eval-every", "eval_every", RunField.Kind.LONG, 1000L,
          "Evaluate every N steps, 0 = never", v -> checkEvalEvery((Long) v),
          RunConfig::evalEvery),
      new RunField("eval-episodes", "eval_episodes", RunField.Kind.INT, 5,
          "Episodes per evaluation, each of stochastic and deterministic",
          v -> checkEvalEpisodes((Integer) v), RunConfig::evalEpisodes),
      new RunField("checkpoint-every", "checkpoint_every", RunField.Kind.LONG, 5000L,
          "Checkpoint every N steps, 0 = only at the end", v -> checkCheckpointEvery((Long) v),
          RunConfig::checkpointEvery));

  /**
   * A config from the run's settings by option name ({@link RunField#option()}), each typed
   * as its row's kind, and the agent's settings.
   */
  static RunConfig of(Map<String, Object> run, SacConfig sac) {
    return new RunConfig((String) run.get("env"), (Long) run.get("seed"),
        (Long) run.get("steps"), (Long) run.get("eval-every"),
        (Integer) run.get("eval-episodes"), (Long) run.get("checkpoint-every"), sac);
  }

  // One rule per field, also used by RunOptions to name the option a bad value came from.

  static void checkEnv(String env) {
    if (env == null || !Envs.ids().contains(env)) {
      throw new IllegalArgumentException(
          "env: unknown id '" + env + "'; known ids: " + String.join(", ", Envs.ids()));
    }
  }

  static void checkSteps(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
  }

  static void checkEvalEvery(long evalEvery) {
    if (evalEvery < 0) {
      throw new IllegalArgumentException("evalEvery must be >= 0 (0: never), got " + evalEvery);
    }
  }

  static void checkEvalEpisodes(long evalEpisodes) {
    if (evalEpisodes < 1) {
      throw new IllegalArgumentException("evalEpisodes must be >= 1, got " + evalEpisodes);
    }
  }

  static void checkCheckpointEvery(long checkpointEvery) {
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "checkpointEvery must be >= 0 (0: only at the end), got " + checkpointEvery);
    }
  }

  /**
   * The config as a JSON object tree: the run's fields, then one entry per row of {@link
   * SacConfig#FIELDS} under "sac" (NaN, the "-dim(A)" target entropy, is written as null;
   * settings added after format 1 only when they differ from their default).
   */
  public Map<String, Object> toJson() {
    return toJson(false);
  }

  /** {@link #toJson()}, or with every row of the table when {@code everyRow}. */
  private Map<String, Object> toJson(boolean everyRow) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (SacField f : SacConfig.FIELDS) {
      Object v = f.get().apply(sac);
      if (!everyRow && !f.writtenWhenDefault() && v.equals(f.defaultValue())) {
        continue;
      }
      if (v instanceof Double d && d.isNaN()) {
        v = null;
      } else if (v instanceof List<?> list) {
        v = new ArrayList<Object>(list);
      }
      s.put(f.key(), v);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "mixrl-run-config/1");
    for (RunField f : FIELDS) {
      m.put(f.key(), f.get().apply(this));
    }
    m.put("sac", s);
    return m;
  }

  /** Canonical JSON text; two configs are the same run iff these strings are equal. */
  public String toJsonString() {
    return Json.write(toJson());
  }

  /**
   * Reads a config written by {@link #toJsonString()}.
   *
   * @throws IllegalArgumentException naming a missing, unknown or ill-typed field
   */
  public static RunConfig fromJson(String text) {
    Map<String, Object> m = object(Json.parse(text), "config");
    Set<String> keys = new HashSet<>(Set.of("format", "sac"));
    FIELDS.forEach(f -> keys.add(f.key()));
    known(m, "config", keys);
    if (!"mixrl-run-config/1".equals(m.get("format"))) {
      throw new IllegalArgumentException(
          "config: format must be \"mixrl-run-config/1\", got " + m.get("format"));
    }
    Map<String, Object> s = object(m.get("sac"), "sac");
    SacConfig.Builder b = SacConfig.builder();
    for (SacField f : SacConfig.FIELDS) {
      if (!s.containsKey(f.key())) {
        if (f.writtenWhenDefault()) {
          throw new IllegalArgumentException("sac: missing field \"" + f.key() + "\"");
        }
        continue;
      }
      b.set(f, sacValue(s, f));
    }
    for (String k : s.keySet()) {
      if (SacConfig.FIELDS.stream().noneMatch(f -> f.key().equals(k))) {
        throw new IllegalArgumentException("sac: unknown field \"" + k + "\"");
      }
    }
    SacConfig sac = b.build();
    Map<String, Object> run = new HashMap<>();
    for (RunField f : FIELDS) {
      run.put(f.option(), switch (f.kind()) {
        case STRING -> str(m, f.key());
        case LONG -> lng(m, f.key());
        case INT -> integer(m, f.key());
      });
    }
    return of(run, sac);
  }

  /** This config with {@code steps} replaced. */
  public RunConfig withSteps(long newSteps) {
    return new RunConfig(env, seed, newSteps, evalEvery, evalEpisodes, checkpointEvery, sac);
  }

  /**
   * Field-by-field differences from {@code other}, "name: this vs other", for messages. Every
   * row of the table is compared, also those config.json leaves out at their default.
   */
  public List<String> differencesFrom(RunConfig other) {
    List<String> out = new ArrayList<>();
    diff("", toJson(true), other.toJson(true), out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void diff(String prefix, Map<String, Object> a, Map<String, Object> b,
      List<String> out) {
    for (String k : a.keySet()) {
      Object x = a.get(k);
      Object y = b.get(k);
      if (x instanceof Map && y instanceof Map) {
        diff(prefix + k + ".", (Map<String, Object>) x, (Map<String, Object>) y, out);
      } else if (!java.util.Objects.equals(x, y)) {
        out.add(prefix + k + ": " + x + " vs " + y);
      }
    }
  }

  /** The JSON value of row {@code f}, checked against the row's kind. */
  private static Object sacValue(Map<String, Object> s, SacField f) {
    return switch (f.kind()) {
      case INT -> integer(s, f.key());
      case DOUBLE -> s.get(f.key()) == null ? Double.NaN : num(s, f.key());
      case BOOLEAN -> bool(s, f.key());
      case STRING -> str(s, f.key());
      case INT_LIST -> intList(s, f.key());
    };
  }

  private static List<Integer> intList(Map<String, Object> s, String k) {
    List<Integer> out = new ArrayList<>();
    Object h = s.get(k);
    if (!(h instanceof List<?> hl)) {
      throw new IllegalArgumentException("sac." + k + " must be a list of widths, got " + h);
    }
    for (Object w : hl) {
      if (!(w instanceof Long lw)) {
        throw new IllegalArgumentException("sac." + k + " must hold integers, got " + w);
      }
      out.add(Math.toIntExact(lw));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(what + " must be a JSON object, got " + o);
    }
    return (Map<String, Object>) o;
  }

  private static void known(Map<String, Object> m, String what, Set<String> keys) {
    for (String k : keys) {
      if (!m.containsKey(k)) {
        throw new IllegalArgumentException(what + ": missing field \"" + k + "\"");
      }
    }
    for (String k : m.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(what + ": unknown field \"" + k + "\"");
      }
    }
  }

  /** Field {@code k} of {@code m} as a {@code type}, or an error saying it must be {@code what}. */
  private static <T> T field(Map<String, Object> m, String k, Class<T> type, String what) {
    Object v = m.get(k);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("field \"" + k + "\" must be " + what + ", got " + v);
    }
    return type.cast(v);
  }

  private static double num(Map<String, Object> m, String k) {
    return field(m, k, Number.class, "a number").doubleValue();
  }

  private static long lng(Map<String, Object> m, String k) {
    return field(m, k, Long.class, "an integer");
  }

  private static int integer(Map<String, Object> m, String k) {
    long v = lng(m, k);
    if (v != (int) v) {
      throw new IllegalArgumentException("field \"" + k + "\" is out of int range: " + v);
    }
    return (int) v;
  }

  private static boolean bool(Map<String, Object> m, String k) {
    return field(m, k, Boolean.class, "true or false");
  }

  private static String str(Map<String, Object> m, String k) {
    return field(m, k, String.class, "a string");
  }
}
