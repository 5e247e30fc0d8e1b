package org.mixrl.verify;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Greedy shrinking, as property-based testing libraries do it: from a failing case, try the
 * {@link VerifyCase#smaller()} candidates in order; the first that still fails becomes the
 * current case and the search restarts from it. Stops when no candidate fails or the attempt
 * budget is spent, so the result is a local minimum (no single step smaller fails), not
 * necessarily the smallest failing case overall.
 */
final class Shrinker {
  private Shrinker() {}

  /** The shrunk case and how many replacements led to it. */
  record Result(VerifyCase shrunk, int steps) {}

  static Result shrink(VerifyCase failing, Predicate<VerifyCase> stillFails, int attempts) {
    VerifyCase current = failing;
    int steps = 0;
    int tried = 0;
    boolean progress = true;
    while (progress && tried < attempts) {
      progress = false;
      for (VerifyCase candidate : current.smaller()) {
        if (tried >= attempts) {
          break;
        }
        tried++;
        if (stillFails.test(candidate)) {
          current = candidate;
          steps++;
          progress = true;
          break;
        }
      }
    }
    return new Result(current, steps);
  }

  /**
   * Shrinks a case that fails {@code check}; {@code failure} describes the failure on a case,
   * or returns null when the case passes. The counterexample carries the description seen on
   * the shrunk case.
   */
  static Counterexample counterexample(Check check, Function<VerifyCase, String> failure,
      VerifyCase c, String originalDetail, VerifyConfig cfg) {
    String[] last = {originalDetail};
    Result r = shrink(c, cand -> {
      String d = failure.apply(cand);
      if (d != null) {
        last[0] = d;
      }
      return d != null;
    }, cfg.shrinkAttempts());
    return new Counterexample(check, c, r.shrunk(), r.steps(), last[0], cfg.seed(),
        cfg.isQuick());
  }
}
