package org.mixrl.verify;

/**
 * A failing case and the smallest failing case shrinking found from it.
 *
 * @param check the check that failed
 * @param original the case as first found failing
 * @param shrunk the smallest case found that still fails (may equal the original)
 * @param shrinkSteps how many times a smaller failing case replaced the current one
 * @param detail what the check saw on the shrunk case
 * @param seed the root seed of the run
 * @param quick whether the run used {@link VerifyConfig#quick()}'s budget
 */
public record Counterexample(
    Check check,
    VerifyCase original,
    VerifyCase shrunk,
    int shrinkSteps,
    String detail,
    long seed,
    boolean quick) {
  /**
   * The options of {@code mixrl verify-estimator} that rerun the checks on the shrunk case
   * alone: {@code [--quick] --seed S --case '...'}.
   */
  public String reproductionOptions() {
    return (quick ? "--quick " : "") + "--seed " + seed + " --case '" + shrunk.spec() + "'";
  }

  /** One line: the check, what failed, and how to rerun it. */
  public String summary() {
    return check.label() + " fails on " + shrunk.label() + " (" + detail + "); rerun with "
        + reproductionOptions();
  }
}
