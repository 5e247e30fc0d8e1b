package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;

/**
 * A training run given as options by name ({@code "steps"}, {@code "batch-size"}: the long
 * options of {@code mixrl train} without dashes), turned into a {@link RunConfig}. This is the
 * one place where options become a config: {@code mixrl train} passes the values its command
 * line parser produced, {@code mixrl sweep plan} the values of a JSON spec, so every run a
 * sweep plans is a run {@code train} accepts, and a bad value is refused at plan time with the
 * same rule (and message) {@code train} would use.
 *
 * <p>A value may be typed ({@code Integer}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code String}, a {@code List} of integers) or, for numbers and lists, text as on a command
 * line ({@code "0.99"}, {@code "64,64"}). A value of the wrong kind is refused as the command
 * line refuses it: 100.5 or "many" for an integer, a string or a list for a flag, NaN for a
 * number.
 */
public final class RunOptions {
  /** Defaults of the run's own options, as text (read from {@link RunConfig#FIELDS}). */
  public static final String DEFAULT_SEED = defaultText("seed");
  public static final String DEFAULT_EVAL_EVERY = defaultText("eval-every");
  public static final String DEFAULT_EVAL_EPISODES = defaultText("eval-episodes");
  public static final String DEFAULT_CHECKPOINT_EVERY = defaultText("checkpoint-every");

  private RunOptions() {}

  /**
   * The rows of {@link RunConfig#FIELDS} in option order: the settings a new run must give
   * (env, steps) first, then the others in table order.
   */
  public static List<RunField> runFields() {
    List<RunField> out = new ArrayList<>();
    RunConfig.FIELDS.stream().filter(RunField::required).forEach(out::add);
    RunConfig.FIELDS.stream().filter(f -> !f.required()).forEach(out::add);
    return out;
  }

  /** Every option name a run config takes, the run's own first, then the SAC table's. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (RunField f : runFields()) {
      out.add(f.option());
    }
    for (SacField f : SacConfig.FIELDS) {
      out.add(name(f));
    }
    return out;
  }

  /**
   * The config of a new run: {@code env} and {@code steps} are required, every other option
   * not given takes its default.
   *
   * @throws InvalidOptionException naming the option, for an unknown option or a value it
   *     cannot take on its own
   * @throws IllegalArgumentException for options that do not fit together (e.g. an estimator
   *     the policy class has no use for) or a missing env or steps
   */
  public static RunConfig newRun(Map<String, ?> given) {
    Map<String, Object> v = checkedAll(given);
    Map<String, Object> run = new LinkedHashMap<>();
    for (RunField f : runFields()) {
      if (f.required() && !v.containsKey(f.option())) {
        throw new IllegalArgumentException("--" + f.option() + " is required for a new run"
            + (f.option().equals("env") ? " (see `mixrl env list`)" : ""));
      }
      run.put(f.option(), v.getOrDefault(f.option(), f.defaultValue()));
    }
    SacConfig.Builder b = SacConfig.builder();
    setGiven(b, v);
    return RunConfig.of(run, b.build());
  }

  /**
   * The config a resume asks for: {@code stored} with each given option in its place (no
   * options: the stored config itself). Whether the run accepts it is the trainer's decision
   * (only a larger {@code steps} may differ).
   *
   * @throws InvalidOptionException as for {@link #newRun}
   */
  public static RunConfig resumed(RunConfig stored, Map<String, ?> given) {
    Map<String, Object> v = checkedAll(given);
    Map<String, Object> run = new LinkedHashMap<>();
    for (RunField f : RunConfig.FIELDS) {
      run.put(f.option(), v.containsKey(f.option()) ? v.get(f.option()) : f.get().apply(stored));
    }
    SacConfig.Builder b = stored.sac().toBuilder();
    setGiven(b, v);
    return RunConfig.of(run, b.build());
  }

  /**
   * One option's value, checked on its own (its kind and its own range) and typed as the
   * config holds it ({@code Long} for the run's counts and seed, the table's kinds otherwise).
   *
   * @throws InvalidOptionException naming the option, the value and what is allowed
   */
  public static Object checked(String name, Object value) {
    if (value == null) {
      throw new InvalidOptionException(name, null, "needs a value");
    }
    try {
      for (RunField r : RunConfig.FIELDS) {
        if (r.option().equals(name)) {
          Object typed = switch (r.kind()) {
            case STRING -> string(value);
            case LONG -> lng(value);
            case INT -> integer(value);
          };
          r.check().accept(typed);
          return typed;
        }
      }
      SacField f = field(name);
      Object typed = typed(f, value);
      f.validate(typed);
      return typed;
    } catch (InvalidOptionException e) {
      throw e;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidOptionException(name, value, e.getMessage());
    }
  }

  private static Map<String, Object> checkedAll(Map<String, ?> given) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : given.entrySet()) {
      out.put(e.getKey(), checked(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static String defaultText(String option) {
    for (RunField f : RunConfig.FIELDS) {
      if (f.option().equals(option)) {
        return String.valueOf(f.defaultValue());
      }
    }
    throw new IllegalArgumentException("no run setting " + option);
  }

  private static void setGiven(SacConfig.Builder b, Map<String, Object> v) {
    for (SacField f : SacConfig.FIELDS) {
      if (v.containsKey(name(f))) {
        b.set(f, v.get(name(f)));
      }
    }
  }

  private static String name(SacField f) {
    return f.option().substring(2);
  }

  private static SacField field(String name) {
    for (SacField f : SacConfig.FIELDS) {
      if (name(f).equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no such option; allowed: " + String.join(", ", names()));
  }

  private static Object typed(SacField f, Object value) {
    return switch (f.kind()) {
      case INT -> integer(value);
      case DOUBLE -> dbl(value, f.defaultValue() instanceof Double d && d.isNaN());
      case BOOLEAN -> {
        if (!(value instanceof Boolean b)) {
          throw new IllegalArgumentException("must be true or false, got " + shown(value));
        }
        yield b;
      }
      case STRING -> string(value);
      case INT_LIST -> intList(value);
    };
  }

  private static long lng(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw new IllegalArgumentException("must be an integer, got " + shown(v));
  }

  private static int integer(Object v) {
    long l = lng(v);
    if (l != (int) l) {
      throw new IllegalArgumentException("must be an integer in [" + Integer.MIN_VALUE + ", "
          + Integer.MAX_VALUE + "], got " + shown(v));
    }
    return (int) l;
  }

  /** NaN parses as a number but is no setting (a config would store it as "derived"). */
  private static double dbl(Object v, boolean nanMeansDefault) {
    double d = Double.NaN;
    boolean parsed = false;
    if (v instanceof Double || v instanceof Long || v instanceof Integer) {
      d = ((Number) v).doubleValue();
      parsed = true;
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.trim());
        parsed = true;
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    if (!parsed) {
      throw new IllegalArgumentException("must be a number, got " + shown(v));
    }
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("NaN is not allowed; give a finite number"
          + (nanMeansDefault ? " (leave the option out for the default)" : ""));
    }
    return d;
  }

  private static String string(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Double) {
      return String.valueOf(v); // as the command line would receive it
    }
    throw new IllegalArgumentException("must be a string, got " + shown(v));
  }

  private static List<Integer> intList(Object v) {
    List<?> items;
    if (v instanceof List<?> l) {
      items = l;
    } else if (v instanceof String s) {
      items = List.of(s.split(",", -1));
    } else {
      items = List.of(v);
    }
    List<Integer> out = new ArrayList<>();
    for (Object o : items) {
      try {
        out.add(integer(o));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "must be a list of integers such as 256,256, got " + shown(v));
      }
    }
    return out;
  }

  /** A value as a message quotes it: strings in quotes, lists bracketed. */
  public static String shown(Object v) {
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) {
        parts.add(shown(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(v);
  }
}
