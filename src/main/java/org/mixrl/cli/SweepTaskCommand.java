package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mixrl.experiment.sweep.CommandRunner;
import org.mixrl.experiment.sweep.RunOutcome;
import org.mixrl.experiment.sweep.SlurmArray;
import org.mixrl.experiment.sweep.Sweep;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixrl sweep task DIR (--index I [--list FILE] | --run ID)}: one run, once, in this JVM.
 * What every Slurm array task and every local worker process executes. The command runs in
 * this same process, so the process that holds the run's lock is the one writing the run:
 * killing it (scancel, kill -9) stops the writing and releases the lock together.
 */
@Command(name = "task",
    description = "Run one run of a sweep unless it is done or running elsewhere: resume it if it"
        + " has a checkpoint, record done or failed. Exit 0 unless the run failed.")
final class SweepTaskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.SweepDir dir;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--index", paramLabel = "I",
        description = "Array task index: line I (0-based) of the run list.")
    Integer index;

    @Option(names = "--run", paramLabel = "ID", description = "Run id.")
    String run;
  }

  @Option(names = "--list", paramLabel = "FILE",
      description = "Run list written at submission (default: the sweep's newest).")
  Path list;

  @Option(names = "--exit-with-parent", hidden = true,
      description = "Stop (checkpoint, then exit) when the parent process dies; `sweep run`"
          + " passes it to its workers so that killing the pool leaves no orphan.")
  boolean exitWithParent;

  /** How often a worker checks that its parent is alive. */
  static final long PARENT_POLL_MILLIS = 500;

  /** Runs the command line in this JVM, all its output into the log. */
  static final CommandRunner IN_PROCESS = (args, log) -> {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      return Main.run(w, w, args.toArray(String[]::new));
    }
  };

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (exitWithParent) {
      watchParent();
    }
    Sweep sweep = Sweep.at(dir.dir);
    String id = which.run != null ? which.run
        : SlurmArray.runForTask(list != null ? list : SlurmArray.newestList(sweep), which.index);
    PrintWriter o = spec.commandLine().getOut();
    if (which.index != null && !sweep.ids().contains(id)) {
      // an array submitted before `sweep forget` or a re-plan removed the run: nothing to do
      o.println(id + ": no longer planned (forgotten or replaced since submission), skipped");
      o.flush();
      return 0;
    }
    RunOutcome outcome = sweep.attempt(id, SweepKinds::kind, IN_PROCESS);
    o.println(id + ": " + switch (outcome) {
      case FINISHED -> "finished";
      case ALREADY_DONE -> "already done, skipped";
      case BUSY -> "running elsewhere (locked), skipped";
      case INTERRUPTED -> "interrupted; its checkpoint is kept and the next sweep run resumes"
          + " it";
      case FAILED -> "failed: " + sweep.status(id, SweepKinds::kind).detail() + " (see "
          + sweep.runDir(id).resolve(Sweep.FAILED_FILE) + ")";
    });
    o.flush();
    return switch (outcome) {
      case FAILED -> 1;
      case INTERRUPTED -> TrainCommand.INTERRUPTED;
      default -> 0;
    };
  }

  /**
   * Exits (through the shutdown hooks, so a running train saves a checkpoint first) once the
   * parent dies: a `sweep run` killed with SIGKILL cannot stop its workers itself, and an
   * orphan would keep the run's lock and compete with the next `sweep run`.
   */
  private static void watchParent() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent == null) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        while (parent.isAlive()) {
          Thread.sleep(PARENT_POLL_MILLIS);
        }
        System.exit(TrainCommand.INTERRUPTED);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mixrl-parent-watch");
    t.setDaemon(true);
    t.start();
  }
}
