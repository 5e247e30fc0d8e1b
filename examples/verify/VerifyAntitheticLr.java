import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.VerificationReport;
import org.mixrl.verify.VerifyConfig;

/** Verifies AntitheticLr with the kit and prints the report; exits 1 if a check failed. */
public class VerifyAntitheticLr {
  public static void main(String[] args) {
    VerifyConfig config = args.length > 0 && args[0].equals("--quick")
        ? VerifyConfig.quick() : VerifyConfig.defaults();
    VerificationReport report = EstimatorVerifier.verify(new AntitheticLr(), config);
    System.out.print(report.table());
    System.exit(report.passed() ? 0 : 1);
  }
}
