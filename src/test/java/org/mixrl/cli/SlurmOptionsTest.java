package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sweep slurm} refuses values that are not Slurm's or would inject into #SBATCH lines. */
class SlurmOptionsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--time|banana|'banana' is not a Slurm time",
    "--time|4h|'4h' is not a Slurm time",
    "--time|04:00:00;echo hi|is not a Slurm time",
    "--partition|a b;rm -rf /|is not a partition name",
    "--partition|gpu$(id)|is not a partition name",
    "--job-name|x y|--job-name: 'x y' must be",
    "--cpus-per-task|0|--cpus-per-task must be >= 1, got 0",
    "--max-parallel|-1|--max-parallel must be >= 1, got -1",
  })
  void badOptionsAreRefusedBeforeTheSweepIsRead(String option, String value, String message,
      @TempDir Path dir) {
    // DIR is not a sweep: the option check comes first, so its message is the one printed
    CliRun.Result r = CliRun.run("sweep", "slurm", dir.toString(), "--dry-run", option, value);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("mixrl sweep slurm: error: " + option), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "30:00", "04:00:00", "2-00", "2-12:30", "1-00:00:00", "UNLIMITED"})
  void slurmTimeFormatsAreAccepted(String time) {
    SlurmOptions.validate("gpu,cpu", time, "mixrl-sweep", 2, 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpu", "long_q", "a.b-c", "gpu,cpu"})
  void partitionNamesAreAccepted(String partition) {
    SlurmOptions.validate(partition, null, null, null, null);
    assertFalse(partition.contains(" "));
  }
}
