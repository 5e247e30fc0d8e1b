package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mixrl.experiment.RunOptions;
import org.mixrl.experiment.sweep.CommandKind;
import org.mixrl.experiment.sweep.PlannedRun;
import org.mixrl.experiment.sweep.RunState;
import org.mixrl.experiment.sweep.RunStatus;
import org.mixrl.experiment.sweep.Sweep;
import org.mixrl.experiment.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixrl sweep}: plan, run (locally or on Slurm), watch and collect a grid of runs. */
@Command(
    name = "sweep",
    description = "Seeds × settings: plan run directories from a JSON spec, run them on a local"
        + " process pool or a Slurm job array, and collect the comparison (docs/sweeps.md).",
    subcommands = {
      SweepCommand.PlanCommand.class,
      SweepCommand.StatusCommand.class,
      SweepCommand.ForgetCommand.class,
      SweepRunCommand.class,
      SweepSlurmCommand.class,
      SweepTaskCommand.class,
      SweepCollectCommand.class,
    })
final class SweepCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing required subcommand (plan, status, forget, run, slurm, task or collect)");
  }

  /** {@code mixrl sweep plan SPEC --out DIR}. */
  @Command(name = "plan",
      description = "Expand SPEC's grid into DIR/runs/<id>/config.json. Every run's options are"
          + " checked as `train` checks them; a bad value refuses the spec and plans nothing."
          + " Idempotent: planning again adds only new runs; a fixed spec replaces the failed or"
          + " never-started runs of the cells it changes. Combinations of policy and estimator"
          + " that cannot run are listed and skipped.")
  static final class PlanCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (JSON).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Sweep directory.")
    Path out;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      OutputPaths.checkInputFile("SPEC", specFile);
      OutputPaths.checkDirectory("--out", out);
      SweepSpec s = SweepSpec.parse(Files.readString(specFile, StandardCharsets.UTF_8));
      CommandKind kind = SweepKinds.require(s.command());
      Sweep.PlanResult r = Sweep.at(out).plan(s, kind);
      for (Sweep.Invalid inv : r.invalid()) {
        List<String> words = new ArrayList<>();
        for (String k : s.grid().keySet()) {
          words.add(k + "=" + inv.options().get(k));
        }
        o.println("skipped " + String.join(" ", words) + ": " + inv.reason());
      }
      for (PlannedRun run : r.added()) {
        o.println("planned " + run.id());
      }
      for (Sweep.Replaced rep : r.replaced()) {
        o.println("replaced " + rep.old().id() + " (" + rep.state() + ") by " + rep.by().id()
            + ": " + changes(rep.old(), rep.by()));
      }
      for (Sweep.Kept k : r.kept()) {
        o.println("kept " + k.old().id() + " although the spec now plans " + k.cellRun().id()
            + " for its grid cell: " + k.why());
      }
      o.printf("%s: %d runs added, %d already planned, %d invalid combinations skipped,"
              + " %d replaced%n", Sweep.at(out).dir(), r.added().size(), r.existing().size(),
          r.invalid().size(), r.replaced().size());
      o.flush();
      return 0;
    }
  }

  /** The options that differ between two runs, "key: old → new", for the plan's report. */
  static String changes(PlannedRun old, PlannedRun now) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>(old.options().keySet());
    keys.addAll(now.options().keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      Object a = old.options().get(k);
      Object b = now.options().get(k);
      if (!java.util.Objects.equals(a, b)) {
        out.add(k + " " + (a == null ? "(default)" : RunOptions.shown(a)) + " -> "
            + (b == null ? "(default)" : RunOptions.shown(b)));
      }
    }
    return String.join(", ", out);
  }

  /** {@code mixrl sweep forget DIR RUN_ID...}. */
  @Command(name = "forget",
      description = "Remove runs from the sweep (their directories, output included): failed or"
          + " pending ones; a done run only with --delete-results. A running run is never"
          + " removed: stop its process first.")
  static final class ForgetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SharedOptions.SweepDir dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RUN_ID",
        description = "Runs to remove (ids as `sweep status` lists them).")
    List<String> ids;

    @Option(names = "--delete-results", description = "Also remove done runs, deleting their"
        + " results (metrics, checkpoints); without it a done run is refused.")
    boolean deleteResults;

    @Override
    public Integer call() throws IOException {
      Sweep sweep = Sweep.at(dir.dir);
      List<String> planned = sweep.ids();
      // every id checked before anything is removed: a typo removes nothing
      for (String id : ids) {
        if (!planned.contains(id)) {
          throw new IllegalArgumentException("no run '" + id + "' in " + sweep.dir()
              + " (see `mixrl sweep status " + dir.dir + "`); nothing was removed");
        }
        RunStatus st = sweep.status(id, SweepKinds::kind);
        if (st.state() == RunState.DONE && !deleteResults) {
          throw new IllegalArgumentException("run " + id + " is done; forgetting it deletes its"
              + " results: pass --delete-results to do that; nothing was removed");
        }
        if (st.state() == RunState.RUNNING) {
          throw new IllegalArgumentException("run " + id + " is running; stop its process"
              + " first; nothing was removed");
        }
      }
      PrintWriter o = spec.commandLine().getOut();
      for (String id : new java.util.LinkedHashSet<>(ids)) {
        RunState was = sweep.forget(id, SweepKinds::kind, deleteResults);
        o.println("forgot " + id + " (" + was.label() + ")");
      }
      o.flush();
      return 0;
    }
  }

  /** {@code mixrl sweep status DIR}. */
  @Command(name = "status",
      description = "Counts of pending, running, done and failed runs, and which runs they are"
          + " (done ones with --all).")
  static final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SharedOptions.SweepDir dir;

    @Option(names = "--all", description = "Also list the done runs.")
    boolean all;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      List<RunStatus> runs = Sweep.at(dir.dir).status(SweepKinds::kind);
      Map<RunState, List<RunStatus>> by = new EnumMap<>(RunState.class);
      for (RunState s : RunState.values()) {
        by.put(s, new ArrayList<>());
      }
      runs.forEach(r -> by.get(r.state()).add(r));
      o.printf("%d runs: %d pending, %d running, %d done, %d failed%n", runs.size(),
          by.get(RunState.PENDING).size(), by.get(RunState.RUNNING).size(),
          by.get(RunState.DONE).size(), by.get(RunState.FAILED).size());
      for (RunState s : RunState.values()) {
        if (s == RunState.DONE && !all) {
          continue;
        }
        for (RunStatus r : by.get(s)) {
          o.printf("%-8s %s%s%s%n", s.label(), r.id(),
              r.resumable() && s != RunState.DONE ? " (resumable)" : "",
              r.detail().isEmpty() ? "" : "  " + r.detail());
        }
      }
      o.flush();
      return 0;
    }
  }
}
