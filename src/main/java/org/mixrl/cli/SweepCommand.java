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
import org.mixrl.experiment.sweep.CommandKind;
import org.mixrl.experiment.sweep.PlannedRun;
import org.mixrl.experiment.sweep.RunState;
import org.mixrl.experiment.sweep.RunStatus;
import org.mixrl.experiment.sweep.Sweep;
import org.mixrl.experiment.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixrl sweep}: plan, run (locally or on Slurm), watch and collect a grid of runs. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    description = "Seeds × settings: plan run directories from a JSON spec, run them on a local"
        + " process pool or a Slurm job array, and collect the comparison (docs/sweeps.md).",
    subcommands = {
      SweepCommand.PlanCommand.class,
      SweepCommand.StatusCommand.class,
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
        "Missing required subcommand (plan, status, run, slurm, task or collect)");
  }

  /** {@code mixrl sweep plan SPEC --out DIR}. */
  @Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = MixrlVersion.class,
      description = "Expand SPEC's grid into DIR/runs/<id>/config.json. Idempotent: planning"
          + " again (or an edited spec) adds only new runs. Invalid combinations are listed and"
          + " skipped.")
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
      o.printf("%s: %d runs added, %d already planned, %d invalid combinations skipped%n",
          Sweep.at(out).dir(), r.added().size(), r.existing().size(), r.invalid().size());
      o.flush();
      return 0;
    }
  }

  /** {@code mixrl sweep status DIR}. */
  @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = MixrlVersion.class,
      description = "Counts of pending, running, done and failed runs, and which runs they are"
          + " (done ones with --all).")
  static final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory.")
    Path dir;

    @Option(names = "--all", description = "Also list the done runs.")
    boolean all;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      List<RunStatus> runs = Sweep.at(dir).status(SweepKinds::kind);
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
