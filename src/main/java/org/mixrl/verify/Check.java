package org.mixrl.verify;

/** The kinds of check the kit runs. */
public enum Check {
  /** Per-parameter sample mean against the exact gradient, Holm-corrected z-tests. */
  UNBIASEDNESS,
  /** Objective, entropy estimate and gradient are finite, at ordinary and extreme parameters. */
  FINITENESS,
  /** Declared critic evaluations per state equal the surrogate's count and the calls made. */
  COST,
  /** The same seed gives a bitwise-identical gradient. */
  DETERMINISM;

  /** Lower-case name for tables and test names. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
