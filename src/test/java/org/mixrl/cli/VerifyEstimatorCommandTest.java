package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyEstimatorCommandTest {
  static String testClasses() throws Exception {
    return Path.of(VerifyFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  @Test
  void aCorrectEstimatorPassesWithExitZero() throws Exception {
    CliRun.Result r = CliRun.run("verify-estimator", "--class", VerifyFixtures.Mrp.class.getName(),
        "--classpath", testClasses(), "--quick", "--seed", "3");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.lastLine().startsWith("PASS"), r.out());
    assertTrue(r.out().contains("unbiasedness: Holm over"), r.out());
  }

  @Test
  void aBiasedEstimatorFailsWithAReproductionThatFailsAgain() throws Exception {
    String cls = VerifyFixtures.ScaledMrp.class.getName();
    CliRun.Result r = CliRun.run("verify-estimator", "--class", cls, "--quick");
    assertEquals(1, r.code(), r.out() + r.err());
    String last = r.lastLine();
    assertTrue(last.startsWith("reproduce: mixrl verify-estimator --class " + cls
        + " --quick --seed 1 --case '"), last);
    String spec = last.substring(last.indexOf("--case '") + 8, last.length() - 1);
    CliRun.Result again = CliRun.run("verify-estimator", "--class", cls, "--quick", "--case",
        spec);
    assertEquals(1, again.code(), again.out());
    assertTrue(again.out().contains("FLAGGED"), again.out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "org.mixrl.NoSuchEstimator|.|--class org.mixrl.NoSuchEstimator not found on --classpath .",
    "java.lang.String|.|does not implement org.mixrl.estimator.Estimator",
    "org.mixrl.cli.VerifyFixtures$NeedsArgument|.|has no public no-argument constructor",
    "org.mixrl.cli.VerifyFixtures$Mrp|/no/such/dir|--classpath entry '/no/such/dir' does not exist",
  })
  void badInputExitsTwoNamingTheProblem(String cls, String cp, String message) {
    CliRun.Result r = CliRun.run("verify-estimator", "--class", cls, "--classpath", cp, "--quick");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMalformedCaseExitsTwo() {
    CliRun.Result r = CliRun.run("verify-estimator", "--class", VerifyFixtures.Mrp.class.getName(),
        "--case", "gm K=2 d=1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("misses a field"), r.err());
  }
}
