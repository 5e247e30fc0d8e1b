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
}
