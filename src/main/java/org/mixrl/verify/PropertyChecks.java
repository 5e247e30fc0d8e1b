package org.mixrl.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mixrl.estimator.Estimator;

/**
 * The cheap checks, one or two batches per case: finiteness, cost and determinism. Each
 * returns a failure description or null, so the same code judges a case and its shrunk
 * candidates.
 */
final class PropertyChecks {
  private PropertyChecks() {}

  /** Batches per case for finiteness (each from its own stream position). */
  static final int FINITENESS_BATCHES = 2;

  record Outcome(List<CheckResult> results, List<Counterexample> counterexamples) {}

  static Outcome run(Estimator e, List<VerifyCase> cases, VerifyConfig cfg) {
    List<CheckResult> results = new ArrayList<>();
    List<Counterexample> found = new ArrayList<>();
    for (Check check : List.of(Check.FINITENESS, Check.COST, Check.DETERMINISM)) {
      Counterexample first = null;
      for (VerifyCase c : cases) {
        String failure = failure(check, e, c, cfg.seed());
        results.add(new CheckResult(check, c.spec(), failure == null,
            failure == null ? "ok" : failure));
        if (failure != null && first == null) {
          first = Shrinker.counterexample(check,
              cand -> supported(e, cand) ? failure(check, e, cand, cfg.seed()) : null, c, failure,
              cfg);
        }
      }
      if (first != null) {
        found.add(first);
      }
    }
    return new Outcome(results, found);
  }

  static boolean supported(Estimator e, VerifyCase c) {
    try {
      return e.supports(c.policy());
    } catch (RuntimeException ex) {
      return false;
    }
  }

  /** What is wrong with {@code e} on {@code c} for {@code check}, or null. */
  static String failure(Check check, Estimator e, VerifyCase c, long seed) {
    try {
      return switch (check) {
        case FINITENESS -> finiteness(e, c, seed);
        case COST -> cost(e, c, seed);
        case DETERMINISM -> determinism(e, c, seed);
        default -> throw new IllegalArgumentException("not a property check: " + check);
      };
    } catch (RuntimeException ex) {
      return Streams.thrown(ex);
    }
  }

  private static String finiteness(Estimator e, VerifyCase c, long seed) {
    var rng = Streams.of(seed, Check.FINITENESS, c);
    for (int b = 0; b < FINITENESS_BATCHES; b++) {
      SurrogateProbe p = SurrogateProbe.run(e, c, rng);
      if (!p.finite()) {
        return "batch " + b + ": objective " + p.objective() + ", entropy "
            + Arrays.toString(p.entropy()) + ", gradient " + Arrays.toString(p.gradient());
      }
    }
    return null;
  }

  private static String cost(Estimator e, VerifyCase c, long seed) {
    SurrogateProbe p = SurrogateProbe.run(e, c, Streams.of(seed, Check.COST, c));
    if (p.costConsistent()) {
      return null;
    }
    return String.format(Locale.ROOT,
        "declares %d critic evaluations per state for K=%d, its surrogate reports %d, the critic"
            + " counted %s per state%s",
        p.declaredPerState(), c.components(), p.reportedPerState(),
        trim(p.countedPerState()), p.batchShapeOk() ? "" : " (a call was not [B, N, d])");
  }

  private static String determinism(Estimator e, VerifyCase c, long seed) {
    SurrogateProbe a = SurrogateProbe.run(e, c, Streams.of(seed, Check.DETERMINISM, c));
    SurrogateProbe b = SurrogateProbe.run(e, c, Streams.of(seed, Check.DETERMINISM, c));
    boolean same = Double.doubleToLongBits(a.objective()) == Double.doubleToLongBits(b.objective())
        && Arrays.equals(a.gradient(), b.gradient());
    if (same) {
      return null;
    }
    return "two runs from the same seed differ: gradients " + Arrays.toString(a.gradient())
        + " and " + Arrays.toString(b.gradient());
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
