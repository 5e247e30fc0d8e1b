package org.mixrl.verify;

import java.util.List;

/**
 * The finiteness, cost and determinism checks alone (no exact gradient needed), as {@link
 * EstimatorVerifier#checkProperties} returns them.
 *
 * @param results one result per check per case
 * @param counterexamples one shrunk failing case per failing check
 */
public record PropertyReport(List<CheckResult> results, List<Counterexample> counterexamples) {
  public PropertyReport {
    results = List.copyOf(results);
    counterexamples = List.copyOf(counterexamples);
  }

  /** Every check passed on every case. */
  public boolean passed() {
    return counterexamples.isEmpty() && results.stream().allMatch(CheckResult::passed);
  }

  /** The failing results, one per line (empty when all passed). */
  public String failures() {
    StringBuilder sb = new StringBuilder();
    results.stream().filter(r -> !r.passed()).forEach(r -> sb.append(r.check().label())
        .append(" on ").append(r.caseSpec()).append(": ").append(r.detail()).append('\n'));
    counterexamples.forEach(c -> sb.append(c.summary()).append('\n'));
    return sb.toString();
  }
}
