package org.mixrl.experiment;

/**
 * A value one option cannot take, found by {@link RunOptions}: which option (its name without
 * dashes, as sweep specs write it), the value as given, and what is wrong or allowed.
 */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;
  private final transient Object value;
  private final String reason;

  public InvalidOptionException(String option, Object value, String reason) {
    super("--" + option + ": " + reason);
    this.option = option;
    this.value = value;
    this.reason = reason;
  }

  /** The option's name without dashes, e.g. {@code batch-size}. */
  public String option() {
    return option;
  }

  /** The value as it was given (typed, or text). */
  public Object value() {
    return value;
  }

  /** What is wrong with the value and what is allowed, e.g. "gamma must be in [0, 1], got 5.0". */
  public String reason() {
    return reason;
  }
}
