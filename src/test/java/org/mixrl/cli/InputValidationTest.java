package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 16's rows of bad input: each is one line naming the option, exit 2, before any work. */
class InputValidationTest {
  static final String REWARD = "bumps:1.0@1.0/0.3,0.8@-1.0/0.3";

  private static void refused(CliRun.Result r, String... fragments) {
    assertEquals(2, r.code(), r.err());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "missing '" + f + "' in: " + r.err());
    }
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @CsvSource({
    "--repeats, -3, '--repeats must be in 1..10000, got -3'",
    "--repeats, 0, '--repeats must be in 1..10000, got 0'",
    "--sizes, abc, '--sizes: expected comma-separated integers, got ''abc'''",
    "--sizes, '256,x', '--sizes: expected comma-separated integers, got ''x'''",
    "--sizes, 100000, '--sizes: each size must be in 1..'",
    "--sizes, 0, '--sizes: each size must be in 1..'",
  })
  void benchOptionsAreCheckedBeforeTiming(String option, String value, String message) {
    refused(CliRun.run("bench", "matmul", option, value), "mixrl bench: error: " + message);
  }

  @Test
  void matmulSizeLimitFollowsTheHeap() {
    // 3 n^2 doubles in half of 48 MiB: n = sqrt(24 MiB / 24 bytes) = 1024
    assertEquals(1024, BenchOptions.largestSize(48L << 20));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "bumps:1e308@0/0.3 | bump 1 height must be in [-1e+06, 1e+06], got 1.0E308",
    "bumps:1@0/1e308 | bump 1 width must be in [1e-03, 1e+03], got 1.0E308",
    "bumps:1@0/0.3,1@1/1e-300 | bump 2 width must be in [1e-03, 1e+03], got 1.0E-300",
    "bumps:1@1e9/0.3 | bump 1 centre must be in [-1e+03, 1e+03], got 1.0E9",
  })
  void thresholdRewardIsBoundedAndNamesTheOption(String reward, String message) {
    refused(CliRun.run("theory", "threshold", "--reward", reward),
        "mixrl theory threshold: error: --reward: " + message);
  }

  @Test
  void thresholdAtTheEdgeOfTheRangeIsFinite() {
    CliRun.Result r = CliRun.run("theory", "threshold", "--reward", "bumps:1e6@0/0.001");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().toLowerCase().contains("nan"), r.out());
  }

  @ParameterizedTest
  @CsvSource({"1e308", "0", "-1", "NaN", "Infinity"})
  void optimumAlphaIsBounded(String alpha) {
    refused(CliRun.run("theory", "optimum", "--reward", REWARD, "--policy", "g", "--alpha", alpha),
        "mixrl theory optimum: error: --alpha must be in (0, 1e+06], got");
  }

  @Test
  void varianceOutDirectoryIsRefusedBeforeComputing(@TempDir Path dir) {
    long start = System.nanoTime();
    refused(CliRun.run("variance", "--reward", REWARD, "--policy", "g", "--means", "0",
        "--log-stds", "0", "--alpha", "0.1", "--estimators", "rp", "--quiet",
        "--out", dir.toString()), "--out: " + dir + " is a directory");
  }

  @Test
  void reproduceOutFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "keep");
    refused(CliRun.run("reproduce", "--quick", "--quiet", "--out", file.toString()),
        "mixrl reproduce: error: --out: " + file + " is a file, not a directory");
    assertEquals("keep", Files.readString(file));
  }

  @Test
  void reproduceOutUnderAFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "keep");
    refused(CliRun.run("reproduce", "--quick", "--quiet", "--out", file.resolve("sub").toString()),
        "--out: " + file + " is a file, not a directory");
  }

  @Test
  void sweepPlanRefusesADirectorySpecAndAFileOut(@TempDir Path dir) throws Exception {
    refused(CliRun.run("sweep", "plan", dir.toString(), "--out", dir.resolve("s").toString()),
        "mixrl sweep plan: error: SPEC: " + dir + " is a directory");
    Path spec = Files.writeString(dir.resolve("spec.json"), "{}");
    Path file = Files.writeString(dir.resolve("f"), "keep");
    refused(CliRun.run("sweep", "plan", spec.toString(), "--out", file.toString()),
        "mixrl sweep plan: error: --out: " + file + " is a file, not a directory");
  }

  @Test
  void kernelInstallRefusesAnEmptyPrefix() {
    refused(CliRun.run("kernel", "install", "--prefix", ""),
        "mixrl kernel install: error: --prefix: the path is empty");
  }

  @Test
  void unknownOptionUsesTheCommonErrorLine() {
    CliRun.Result r = CliRun.run("theory", "threshold", "--bogus");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("mixrl theory threshold: error: "), r.err());
  }
}
