package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad input to {@code mixrl bench} is refused before any timing starts. */
class BenchCommandTest {
  @Test
  void unknownBenchmarkNamesTheAllowedOnes() {
    CliRun.Result r = CliRun.run("bench", "conv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'conv'") && r.err().contains("matmul, mlp, sac"), r.err());
  }

  @Test
  void zeroThreadsIsRefused() {
    CliRun.Result r = CliRun.run("bench", "sac", "--threads", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--threads must be >= 1, got 0"), r.err());
  }

  @Test
  void badHiddenSizesBatchAndCasesAreRefusedWithTheirValue() {
    CliRun.Result r = CliRun.run("bench", "sac", "--hidden", "64,x");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'64,x'"), r.err());
    r = CliRun.run("bench", "sac", "--hidden", "64,0");
    assertTrue(r.err().contains("hidden sizes must be >= 1, got 0"), r.err());
    r = CliRun.run("bench", "sac", "--batch", "1");
    assertTrue(r.err().contains("--batch must be >= 2, got 1"), r.err());
    r = CliRun.run("bench", "sac", "--cases", "sg-rp,ppo");
    assertTrue(r.err().contains("'ppo'") && r.err().contains("sg-rp, sgm-mrp, sgm-lr"), r.err());
  }

  @Test
  void badPrecisionAndF32ForADoublePathAreRefused() {
    CliRun.Result r = CliRun.run("bench", "matmul", "--precision", "bf16");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--precision: precision must be f64 or f32, got 'bf16'"), r.err());
    r = CliRun.run("bench", "estimator", "--precision", "f32");
    assertEquals(2, r.code());
    assertTrue(r.err().contains(
        "--precision f32 applies to matmul, mlp and sac only, not to 'estimator'"), r.err());
  }
}
