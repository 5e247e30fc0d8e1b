package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixrl.experiment.sweep.SlurmArray;
import org.mixrl.experiment.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixrl sweep slurm DIR}: one job array over the runs that are not done. */
@Command(name = "slurm",
    description = "Write an sbatch script for a job array over the runs that are not done and"
        + " submit it (or print it with --dry-run). Each task runs `mixrl sweep task DIR --index"
        + " $SLURM_ARRAY_TASK_ID`. Resubmit the same command to retry what did not finish.")
final class SweepSlurmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory (on a file system"
      + " every node mounts at the same path).")
  Path dir;

  @Option(names = "--partition", paramLabel = "P", description = "Slurm partition.")
  String partition;

  @Option(names = "--time", paramLabel = "T", description = "Time limit per task in a Slurm format: minutes, HH:MM:SS or D-HH:MM:SS"
      + " (e.g. 04:00:00).")
  String time;

  @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs per task.")
  Integer cpusPerTask;

  @Option(names = "--max-parallel", paramLabel = "M", description = "At most M tasks at once.")
  Integer maxParallel;

  @Option(names = "--job-name", paramLabel = "NAME", description = "Job name (default: mixrl-sweep).")
  String jobName;

  @Option(names = "--dry-run", description = "Write and print the script; do not submit.")
  boolean dryRun;

  @Option(names = "--sbatch", paramLabel = "CMD", defaultValue = "sbatch",
      description = "The sbatch program (default: ${DEFAULT-VALUE}).")
  String sbatch;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SlurmOptions.validate(partition, time, jobName, cpusPerTask, maxParallel);
    Sweep sweep = Sweep.at(dir);
    List<String> todo = sweep.notDone();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (todo.isEmpty()) {
      o.println(sweep.dir() + ": every run is done; nothing to submit");
      o.flush();
      return 0;
    }
    SlurmArray array = SlurmArray.write(sweep, todo,
        new SlurmArray.Options(partition, time, cpusPerTask, maxParallel, jobName),
        ChildJvm.mainCommand());
    if (dryRun) {
      o.print(array.text());
      o.println("# (dry run) script: " + array.script() + "; not submitted");
      o.flush();
      return 0;
    }
    Process p;
    try {
      p = new ProcessBuilder(sbatch, "--parsable", array.script().toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot run '" + sbatch + "' (" + e.getMessage()
          + "); is this a Slurm login node? --dry-run writes the script without submitting");
    }
    String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int code = p.waitFor();
    if (code != 0) {
      CliErrors.print(spec, "sbatch failed (exit " + code + "): " + reply);
      return 1;
    }
    // --parsable prints "jobid" or "jobid;cluster"
    String jobId = reply.lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
    Files.writeString(sweep.dir().resolve(SlurmArray.SLURM_DIR).resolve("submissions.log"),
        Instant.now() + " job=" + jobId + " tasks=" + array.size() + " list="
            + array.list().getFileName() + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    o.println(jobId);
    err.println("submitted job array " + jobId + " with " + array.size() + " tasks ("
        + array.script() + ")");
    o.flush();
    err.flush();
    return 0;
  }
}
