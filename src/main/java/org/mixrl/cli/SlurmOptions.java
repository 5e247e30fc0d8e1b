package org.mixrl.cli;

import java.util.regex.Pattern;

/**
 * Checks of {@code mixrl sweep slurm}'s options before they are written into {@code #SBATCH}
 * lines: a value that is not what Slurm accepts, or that carries spaces or shell
 * metacharacters into the script, is refused with the option and the allowed form.
 */
final class SlurmOptions {
  private SlurmOptions() {}

  /**
   * Slurm's --time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours,
   * days-hours:minutes, days-hours:minutes:seconds, or UNLIMITED/INFINITE.
   */
  private static final Pattern TIME = Pattern.compile(
      "\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}|UNLIMITED|INFINITE");

  /** A partition name, or a comma-separated list of them; letters, digits, '_', '.', '-'. */
  private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");

  /** A job name without spaces or shell metacharacters. */
  private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

  static void validate(String partition, String time, String jobName, Integer cpusPerTask,
      Integer maxParallel) {
    if (time != null && !TIME.matcher(time).matches()) {
      throw new IllegalArgumentException("--time: '" + time + "' is not a Slurm time; use"
          + " minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 04:00:00)");
    }
    if (partition != null && !PARTITION.matcher(partition).matches()) {
      throw new IllegalArgumentException("--partition: '" + partition + "' is not a partition"
          + " name; use letters, digits, '_', '.', '-' (several separated by ',')");
    }
    if (jobName != null && !JOB_NAME.matcher(jobName).matches()) {
      throw new IllegalArgumentException("--job-name: '" + jobName + "' must be letters,"
          + " digits, '_', '.', '+', '-' (no spaces or shell characters)");
    }
    if (cpusPerTask != null && cpusPerTask < 1) {
      throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
    }
    if (maxParallel != null && maxParallel < 1) {
      throw new IllegalArgumentException("--max-parallel must be >= 1, got " + maxParallel);
    }
  }
}
