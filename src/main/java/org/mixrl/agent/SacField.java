package org.mixrl.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row of the SAC configuration table ({@link SacConfig#FIELDS}): a flat setting with its
 * name, type, default, check and help. The builder, {@code config.json} and the options of
 * {@code mixrl train} all read these rows, so a setting is described once.
 *
 * <p>Values are flat: {@link Kind} says which Java type ({@code Integer}, {@code Double},
 * {@code Boolean}, {@code String} or {@code List<Integer>}); composite settings (policy class,
 * estimator spec, log-std bounds) are assembled from their rows by {@link SacConfig.Builder}.
 *
 * @param name the builder's name for the setting, used in error messages ("batchSize")
 * @param key the {@code config.json} key ("batch_size")
 * @param option the {@code mixrl train} option ("--batch-size")
 * @param kind the value type
 * @param defaultValue the default, or null when it is derived from other settings
 * @param defaultText the default as help shows it
 * @param help one line for {@code mixrl train --help}, without the default
 * @param check throws IllegalArgumentException naming the setting for a bad non-null value
 * @param get reads the flat value back from a config
 * @param writtenWhenDefault false for settings added after config.json format 1: they are
 *     written only when they differ from the default, so older runs keep their canonical JSON
 *     (and their sweep run ids)
 */
public record SacField(
    String name,
    String key,
    String option,
    Kind kind,
    Object defaultValue,
    String defaultText,
    String help,
    Consumer<Object> check,
    Function<SacConfig, Object> get,
    boolean writtenWhenDefault) {

  /** The flat value types a setting can have. */
  public enum Kind {
    INT,
    DOUBLE,
    BOOLEAN,
    STRING,
    INT_LIST;

    /** Parses command-line or sweep text ("5", "0.99", "true", "tanh", "256,256"). */
    public Object parse(String text, String what) {
      String t = text.trim();
      try {
        return switch (this) {
          case INT -> Integer.valueOf(t);
          case DOUBLE -> Double.valueOf(t);
          case BOOLEAN -> parseBoolean(t, what);
          case STRING -> t;
          case INT_LIST -> parseList(t);
        };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            what + " must be " + describe() + ", got '" + text + "'");
      }
    }

    private static Boolean parseBoolean(String t, String what) {
      String s = t.toLowerCase(Locale.ROOT);
      if (!s.equals("true") && !s.equals("false")) {
        throw new IllegalArgumentException(what + " must be true or false, got '" + t + "'");
      }
      return Boolean.valueOf(s);
    }

    private static List<Integer> parseList(String t) {
      List<Integer> out = new ArrayList<>();
      for (String part : t.replace("[", "").replace("]", "").split(",")) {
        out.add(Integer.valueOf(part.trim()));
      }
      return out;
    }

    private String describe() {
      return switch (this) {
        case INT -> "an integer";
        case DOUBLE -> "a number";
        case BOOLEAN -> "true or false";
        case STRING -> "a string";
        case INT_LIST -> "a comma-separated list of integers";
      };
    }
  }

  /** Checks {@code value} (null means "derived", always allowed). */
  public void validate(Object value) {
    if (value != null) {
      check.accept(value);
    }
  }

  /** The help line with its default, as {@code mixrl train --help} prints it. */
  public String helpWithDefault() {
    return help + " (default: " + defaultText + ").";
  }
}
