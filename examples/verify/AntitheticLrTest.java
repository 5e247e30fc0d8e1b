import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mixrl.junit.EstimatorVerification;
import org.mixrl.verify.VerifyConfig;

/** AntitheticLr verified in a user's JUnit 5 suite: one dynamic test per check and case. */
class AntitheticLrTest {
  @TestFactory
  Stream<DynamicTest> antitheticLrIsVerified() {
    return EstimatorVerification.tests(new AntitheticLr(), VerifyConfig.quick());
  }
}
