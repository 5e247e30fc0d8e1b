package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.mixrl.experiment.AtomicFiles;

/**
 * A Slurm job array over a sweep's unfinished runs: the run list (task index i runs line i,
 * 0-based; written once at submission so later plans or finished runs never shift the mapping)
 * and the sbatch script, both under {@code DIR/slurm/}.
 *
 * @param script the sbatch script
 * @param list the run list the script's tasks index
 * @param size number of array tasks
 * @param text the script's text
 */
public record SlurmArray(Path script, Path list, int size, String text) {
  /** Subdirectory of the sweep holding scripts, lists and task logs. */
  public static final String SLURM_DIR = "slurm";

  /**
   * Scheduler settings; null fields are left to the cluster's defaults.
   *
   * @param partition {@code --partition}
   * @param time {@code --time} (e.g. {@code 04:00:00})
   * @param cpusPerTask {@code --cpus-per-task}
   * @param maxParallel array throttle: at most this many tasks at once ({@code %M})
   * @param jobName {@code --job-name}
   */
  public record Options(
      String partition, String time, Integer cpusPerTask, Integer maxParallel, String jobName) {
    public Options {
      if (cpusPerTask != null && cpusPerTask < 1) {
        throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
      }
      if (maxParallel != null && maxParallel < 1) {
        throw new IllegalArgumentException("--max-parallel must be >= 1, got " + maxParallel);
      }
    }
  }

  /**
   * Writes the run list and the script for {@code ids}.
   *
   * @param taskCommand the command that runs one task, to which {@code sweep task DIR --list
   *     LIST --index $SLURM_ARRAY_TASK_ID} is appended (e.g. java, class path, main class)
   * @throws IllegalArgumentException if {@code ids} is empty
   */
  public static SlurmArray write(Sweep sweep, List<String> ids, Options o,
      List<String> taskCommand) throws IOException {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("every run of " + sweep.dir() + " is done; nothing"
          + " to submit");
    }
    Path slurm = sweep.dir().resolve(SLURM_DIR);
    Files.createDirectories(slurm.resolve("logs"));
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path list = slurm.resolve("array-" + stamp + ".runs");
    Path script = slurm.resolve("array-" + stamp + ".sbatch");
    AtomicFiles.write(list, String.join("\n", ids) + "\n");
    List<String> cmd = new ArrayList<>(taskCommand);
    cmd.addAll(List.of("sweep", "task", sweep.dir().toString(), "--list", list.toString(),
        "--index"));
    StringBuilder sb = new StringBuilder();
    sb.append("#!/bin/bash\n");
    sb.append("#SBATCH --job-name=").append(o.jobName() == null ? "mixrl-sweep" : o.jobName())
        .append('\n');
    sb.append("#SBATCH --array=0-").append(ids.size() - 1);
    if (o.maxParallel() != null) {
      sb.append('%').append(o.maxParallel());
    }
    sb.append('\n');
    sb.append("#SBATCH --output=").append(slurm.resolve("logs")).append("/%A_%a.out\n");
    if (o.partition() != null) {
      sb.append("#SBATCH --partition=").append(o.partition()).append('\n');
    }
    if (o.time() != null) {
      sb.append("#SBATCH --time=").append(o.time()).append('\n');
    }
    if (o.cpusPerTask() != null) {
      sb.append("#SBATCH --cpus-per-task=").append(o.cpusPerTask()).append('\n');
    }
    sb.append("# Written by `mixrl sweep slurm`: ").append(ids.size())
        .append(" runs that were not done at submission.\n");
    sb.append("# Task i runs line i (0-based) of the list below. It is idempotent: a done run is\n");
    sb.append("# skipped, an interrupted one resumes, and the run's lock keeps two tasks apart.\n");
    sb.append("# Resubmit with `mixrl sweep slurm ").append(sweep.dir())
        .append("` to retry what did not finish.\n");
    sb.append("set -eu\n");
    sb.append("exec");
    for (String c : cmd) {
      sb.append(' ').append(shellQuote(c));
    }
    sb.append(" \"$SLURM_ARRAY_TASK_ID\"\n");
    String text = sb.toString();
    AtomicFiles.write(script, text);
    return new SlurmArray(script, list, ids.size(), text);
  }

  /** The run id task {@code index} of the array with run list {@code list} runs. */
  public static String runForTask(Path list, int index) throws IOException {
    List<String> ids = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank()).toList();
    if (index < 0 || index >= ids.size()) {
      throw new IllegalArgumentException("--index must be in [0, " + (ids.size() - 1) + "] for "
          + list + ", got " + index);
    }
    return ids.get(index).strip();
  }

  /** The newest run list of the sweep (for running a task by hand). */
  public static Path newestList(Sweep sweep) throws IOException {
    Path slurm = sweep.dir().resolve(SLURM_DIR);
    if (!Files.isDirectory(slurm)) {
      throw new IllegalArgumentException(sweep.dir() + " has no submitted arrays; pass --list");
    }
    try (var s = Files.list(slurm)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".runs")).sorted()
          .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException(
              sweep.dir() + " has no submitted arrays; pass --list"));
    }
  }

  /** {@code s} in single quotes for bash. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
