package org.mixrl.experiment;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row of the run's own settings table ({@link RunConfig#FIELDS}): env, seed, steps and the
 * evaluation and checkpoint cadence, with key, type, default, check and help. {@code config.json},
 * {@link RunOptions} (the options of {@code mixrl train} and the keys of a sweep) and the
 * command's help all read these rows, as the agent's settings read {@code SacConfig.FIELDS}.
 *
 * @param option the {@code mixrl train} option without dashes ("eval-every")
 * @param key the {@code config.json} key ("eval_every")
 * @param kind the value type
 * @param defaultValue the default, or null for a setting a new run must give (env, steps)
 * @param help one line for {@code mixrl train --help}, without the default
 * @param check throws IllegalArgumentException naming the setting for a bad value
 * @param get reads the value back from a config
 */
public record RunField(
    String option,
    String key,
    Kind kind,
    Object defaultValue,
    String help,
    Consumer<Object> check,
    Function<RunConfig, Object> get) {

  /** The value types of the run's settings, as the config holds them. */
  public enum Kind {
    /** A {@code String}. */
    STRING,
    /** A {@code Long}. */
    LONG,
    /** An {@code Integer}. */
    INT
  }

  /** Whether a new run must give this setting (it has no default). */
  public boolean required() {
    return defaultValue == null;
  }

  /** The help line with its default, as {@code mixrl train --help} prints it. */
  public String helpWithDefault() {
    return required() ? help : help + " (default: " + defaultValue + ").";
  }
}
