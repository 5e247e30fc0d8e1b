package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TheoryCommandTest {
  static final String TWO_BUMPS = "bumps:1.0@1.0/0.3,0.8@-1.0/0.3";

  @Test
  void thresholdOfOneBumpIsTwoOverThreeToTheThreeHalvesOnTheLastLine() {
    CliRun.Result r = CliRun.run("theory", "threshold", "--reward", "bumps:1.0@0/0.3");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("alpha_star=(\\S+) bound=(\\S+)").matcher(r.lastLine());
    assertTrue(m.matches(), r.lastLine());
    assertEquals(2 / Math.pow(3, 1.5), Double.parseDouble(m.group(1)), 1e-5);
    assertEquals(0.483941, Double.parseDouble(m.group(2)), 1e-5);
    assertTrue(r.out().lines().count() > 2, "expected an explanation before the result");
  }

  private static String separatedBumps(int n) {
    StringBuilder spec = new StringBuilder("bumps:");
    for (int i = 0; i < n; i++) {
      spec.append(i > 0 ? "," : "").append("1.0@").append(5 * i - 500).append("/0.3");
    }
    return spec.toString();
  }

  @Test
  void thresholdOfTwoHundredSeparatedBumpsIsThatOfOne() {
    // 5 apart, 17 widths: at a bump's optimum (sigma = 0.42) the next is 9.6 s away (e^-46), so
    // alpha* = 2 / 3^1.5 as for one bump
    // (the quadrature search took minutes on 200 bumps; the closed form makes this a unit test)
    CliRun.Result r = CliRun.run("theory", "threshold", "--reward", separatedBumps(200));
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("alpha_star=(\\S+) bound=(\\S+)").matcher(r.lastLine());
    assertTrue(m.matches(), r.lastLine());
    assertEquals(2 / Math.pow(3, 1.5), Double.parseDouble(m.group(1)), 1e-5);
  }

  @Test
  void thresholdRefusesMoreBumpsThanItsBoundBeforeParsing() {
    CliRun.Result r = CliRun.run("theory", "threshold", "--reward",
        separatedBumps(TheoryBounds.MAX_BUMPS + 1));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--reward: at most 1000 bumps, got 1001"), r.err());
  }

  @Test
  void squashedGaussianHasAMaximumAtAlphaHalf() {
    CliRun.Result r = CliRun.run("theory", "optimum", "--reward", TWO_BUMPS, "--policy", "sg", "--alpha", "0.5",
        "--starts", "2");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("J=(\\S+) expected_reward=(\\S+) type=(\\S+)")
        .matcher(r.lastLine());
    assertTrue(m.matches(), r.lastLine());
    assertEquals(0.77431, Double.parseDouble(m.group(1)), 1e-4); // docs/theory.md section 4
    assertEquals(0.4956, Double.parseDouble(m.group(2)), 1e-3);
    assertEquals("maximum", m.group(3));
  }

  @Test
  void gaussianAboveTheThresholdReportsNoMaximumAndTheEscapingScale() {
    CliRun.Result r = CliRun.run("theory", "optimum", "--reward", TWO_BUMPS, "--policy", "g", "--alpha", "0.5",
        "--starts", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lastLine().startsWith("J=nan expected_reward=nan type=none evidence=no local"
        + " maximum from 5 starts: 5 diverged"), r.lastLine());
    assertTrue(r.out().contains("unbounded: 5 of 5 starts diverged"), r.out());
    assertTrue(r.out().contains("log sigma[0]"), r.out());
  }

  @Test
  void aMixtureWithAMaximumReportsItNotTheLargerJOfADivergedStart() {
    // GM_2 at alpha = 0.2: most random starts diverge with J ~ 1.9 at sigma ~ 3000, but the
    // two-bump maximum (J = 0.870) is the answer (issue 12).
    CliRun.Result r = CliRun.run("theory", "optimum", "--reward", TWO_BUMPS, "--policy", "gm",
        "--components", "2", "--alpha", "0.2", "--starts", "2");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("J=(\\S+) expected_reward=(\\S+) type=maximum")
        .matcher(r.lastLine());
    assertTrue(m.matches(), r.lastLine());
    assertEquals(0.870, Double.parseDouble(m.group(1)), 1e-3);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "optimum|--components|0|--components must be in 1..16, got 0",
    "optimum|--components|17|--components must be in 1..16, got 17",
    "optimum|--alpha|NaN|--alpha must be in (0, 1e+06], got NaN",
    "optimum|--alpha|Infinity|--alpha must be in (0, 1e+06], got Infinity",
    "continuation|--alphas|0.2,0.1|alpha[1] = 0.1 is not above alpha[0] = 0.2",
    "continuation|--alphas|0,0.1|alpha[0] = 0.0; every alpha must be finite and > 0",
    "continuation|--alphas|-0.1|alpha[0] = -0.1; every alpha must be finite and > 0",
  })
  void nonsensicalClassesAndAlphaGridsExitTwoNamingTheValue(
      String command, String option, String value, String message) {
    CliRun.Result r = command.equals("optimum")
        ? CliRun.run("theory", "optimum", "--reward", TWO_BUMPS, "--policy", "gm",
            "--components", option.equals("--components") ? value : "2",
            "--alpha", option.equals("--alpha") ? value : "0.2", "--starts", "0")
        : CliRun.run("theory", "continuation", "--reward", TWO_BUMPS, "--policy", "g",
            "--alphas", value, "--starts", "0");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "bumps:1.0@x|g|0.5|1|is malformed",
    "bumps:1.0@0/0.3|g|0|1|--alpha must be in (0, 1e+06]",
    "bumps:1.0@0/0.3|g|-1|1|--alpha must be in (0, 1e+06]",
    "bumps:1.0@0/0.3|gmm|0.5|1|unknown policy class 'gmm'",
    "bumps:1.0@0/0.3|g|0.5|2|--components must be 1 for --policy g",
    "bumps:1.0@0;0/0.3|g|0.5|1|must be 1-D",
  })
  void badInputExitsNonZeroWithAClearMessage(
      String reward, String policy, String alpha, String k, String message) {
    CliRun.Result r = CliRun.run("theory", "optimum", "--reward", reward, "--policy", policy, "--alpha", alpha,
        "--components", k, "--starts", "1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @Test
  void malformedRewardForThresholdFails() {
    CliRun.Result r = CliRun.run("theory", "threshold", "--reward", "gauss:1");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("gauss:1"), r.err());
  }
}
