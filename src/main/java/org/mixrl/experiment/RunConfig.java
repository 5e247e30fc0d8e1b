package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;
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
    if (env == null || !Envs.ids().contains(env)) {
      throw new IllegalArgumentException(
          "env: unknown id '" + env + "'; known ids: " + String.join(", ", Envs.ids()));
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (evalEvery < 0) {
      throw new IllegalArgumentException("evalEvery must be >= 0 (0: never), got " + evalEvery);
    }
    if (evalEpisodes < 1) {
      throw new IllegalArgumentException("evalEpisodes must be >= 1, got " + evalEpisodes);
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException(
          "checkpointEvery must be >= 0 (0: only at the end), got " + checkpointEvery);
    }
    if (sac == null) {
      throw new IllegalArgumentException("sac must not be null");
    }
  }

  /** The config as a JSON object tree (NaN target entropy is written as null: "-dim(A)"). */
  public Map<String, Object> toJson() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("policy", sac.policyClass().shortName());
    s.put("components", sac.components());
    s.put("estimator", sac.estimator());
    s.put("baseline", sac.baseline());
    s.put("estimator_samples", sac.estimatorSamples());
    s.put("gamma", sac.gamma());
    s.put("tau", sac.tau());
    s.put("batch_size", sac.batchSize());
    s.put("buffer_size", sac.bufferSize());
    s.put("learning_starts", sac.learningStarts());
    s.put("actor_lr", sac.actorLr());
    s.put("critic_lr", sac.criticLr());
    s.put("alpha_lr", sac.alphaLr());
    s.put("hidden", new ArrayList<Object>(sac.hidden()));
    s.put("autotune", sac.autotune());
    s.put("initial_alpha", sac.initialAlpha());
    s.put("target_entropy", Double.isNaN(sac.targetEntropy()) ? null : sac.targetEntropy());
    s.put("log_std_min", sac.logStdBounds().min());
    s.put("log_std_max", sac.logStdBounds().max());
    s.put("log_std_mode", sac.logStdBounds().mode().name().toLowerCase(java.util.Locale.ROOT));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "mixrl-run-config/1");
    m.put("env", env);
    m.put("seed", seed);
    m.put("steps", steps);
    m.put("eval_every", evalEvery);
    m.put("eval_episodes", evalEpisodes);
    m.put("checkpoint_every", checkpointEvery);
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
    known(m, "config", Set.of("format", "env", "seed", "steps", "eval_every", "eval_episodes",
        "checkpoint_every", "sac"));
    if (!"mixrl-run-config/1".equals(m.get("format"))) {
      throw new IllegalArgumentException(
          "config: format must be \"mixrl-run-config/1\", got " + m.get("format"));
    }
    Map<String, Object> s = object(m.get("sac"), "sac");
    known(s, "sac", Set.of("policy", "components", "estimator", "baseline", "estimator_samples",
        "gamma", "tau", "batch_size", "buffer_size", "learning_starts", "actor_lr", "critic_lr",
        "alpha_lr", "hidden", "autotune", "initial_alpha", "target_entropy", "log_std_min",
        "log_std_max", "log_std_mode"));
    List<Integer> hidden = new ArrayList<>();
    Object h = s.get("hidden");
    if (!(h instanceof List<?> hl)) {
      throw new IllegalArgumentException("sac.hidden must be a list of widths, got " + h);
    }
    for (Object w : hl) {
      if (!(w instanceof Long lw)) {
        throw new IllegalArgumentException("sac.hidden must hold integers, got " + w);
      }
      hidden.add(Math.toIntExact(lw));
    }
    Object te = s.get("target_entropy");
    SacConfig sac =
        new SacConfig(
            num(s, "gamma"),
            num(s, "tau"),
            integer(s, "batch_size"),
            integer(s, "buffer_size"),
            integer(s, "learning_starts"),
            num(s, "actor_lr"),
            num(s, "critic_lr"),
            num(s, "alpha_lr"),
            hidden,
            bool(s, "autotune"),
            num(s, "initial_alpha"),
            te == null ? Double.NaN : num(s, "target_entropy"),
            new LogStdBounds(num(s, "log_std_min"), num(s, "log_std_max"),
                LogStdBounds.Mode.valueOf(str(s, "log_std_mode").toUpperCase(java.util.Locale.ROOT))),
            PolicyClass.parse(str(s, "policy")),
            integer(s, "components"),
            str(s, "estimator"),
            str(s, "baseline"),
            integer(s, "estimator_samples"));
    return new RunConfig(str(m, "env"), lng(m, "seed"), lng(m, "steps"), lng(m, "eval_every"),
        integer(m, "eval_episodes"), lng(m, "checkpoint_every"), sac);
  }

  /** Field-by-field differences from {@code other}, "name: this vs other", for messages. */
  public List<String> differencesFrom(RunConfig other) {
    List<String> out = new ArrayList<>();
    diff("", toJson(), other.toJson(), out);
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

  private static double num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("field \"" + k + "\" must be a number, got " + v);
    }
    return n.doubleValue();
  }

  private static long lng(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Long n)) {
      throw new IllegalArgumentException("field \"" + k + "\" must be an integer, got " + v);
    }
    return n;
  }

  private static int integer(Map<String, Object> m, String k) {
    long v = lng(m, k);
    if (v != (int) v) {
      throw new IllegalArgumentException("field \"" + k + "\" is out of int range: " + v);
    }
    return (int) v;
  }

  private static boolean bool(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException("field \"" + k + "\" must be true or false, got " + v);
    }
    return b;
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field \"" + k + "\" must be a string, got " + v);
    }
    return s;
  }
}
