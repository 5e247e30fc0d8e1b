package org.mixrl.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.mixrl.estimator.Estimator;
import org.mixrl.verify.Check;
import org.mixrl.verify.CheckResult;
import org.mixrl.verify.Counterexample;
import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.VerificationReport;
import org.mixrl.verify.VerifyCase;
import org.mixrl.verify.VerifyConfig;

/**
 * The verification kit as JUnit 5 dynamic tests: one test per check per case, named
 * "check: case", whose failure message carries what the kit saw and, for the failing check,
 * the shrunk case with its reproduction options.
 *
 * <pre>{@code
 * class MyEstimatorTest {
 *   @TestFactory
 *   Stream<DynamicTest> myEstimatorIsVerified() {
 *     return EstimatorVerification.tests(new MyEstimator());
 *   }
 * }
 * }</pre>
 *
 * <p>The kit runs once, when this method is called; the tests then only report. Needs
 * junit-jupiter-api on the class path (an optional dependency of mixrl).
 */
public final class EstimatorVerification {
  private EstimatorVerification() {}

  /** The kit at its default budget ({@link VerifyConfig#defaults()}). */
  public static Stream<DynamicTest> tests(Estimator estimator) {
    return tests(estimator, VerifyConfig.defaults());
  }

  /** The kit at the given budget. */
  public static Stream<DynamicTest> tests(Estimator estimator, VerifyConfig config) {
    return tests(EstimatorVerifier.verify(estimator, config));
  }

  /** The kit on one case (a reproduction), e.g. from a counterexample's spec. */
  public static Stream<DynamicTest> tests(Estimator estimator, VerifyCase c, VerifyConfig config) {
    return tests(EstimatorVerifier.verifyCase(estimator, c, config));
  }

  /** Tests that report an existing report. */
  public static Stream<DynamicTest> tests(VerificationReport report) {
    List<DynamicTest> out = new ArrayList<>();
    out.add(DynamicTest.dynamicTest("the estimator applies to at least one ordinary case",
        () -> Assertions.assertFalse(report.ordinaryCases().isEmpty(),
            report.estimator() + " supports none of the kit's ordinary cases")));
    for (CheckResult r : report.checks()) {
      String name = r.check().label() + ": " + r.caseSpec();
      out.add(DynamicTest.dynamicTest(name, () -> {
        if (!r.passed()) {
          Assertions.fail(r.check().label() + " fails on " + r.caseSpec() + ": " + r.detail()
              + counterexampleNote(report, r.check()));
        }
      }));
    }
    return out.stream();
  }

  private static String counterexampleNote(VerificationReport report, Check check) {
    return report.counterexample(check).map(c -> note(c, report.estimatorClass())).orElse("");
  }

  private static String note(Counterexample c, String estimatorClass) {
    // the class path the user's build used is not known here: "..." stands for it
    return "\nshrunk to " + c.shrunk().spec() + " after " + c.shrinkSteps() + " step(s): "
        + c.detail() + "\nreproduce: mixrl verify-estimator --class " + estimatorClass
        + " --classpath ... "
        + c.reproductionOptions()
        + "\nor EstimatorVerification.tests(estimator, VerifyCase.parse(\"" + c.shrunk().spec()
        + "\"), config with seed " + c.seed() + ")";
  }
}
