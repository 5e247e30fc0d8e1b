package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mixrl.experiment.AtomicFiles;
import org.mixrl.experiment.InvalidOptionException;
import org.mixrl.experiment.Json;
import org.mixrl.experiment.RunLock;
import org.mixrl.experiment.RunOptions;

/**
 * A sweep directory: {@code spec.json} (the last spec planned) and {@code runs/ID/} per run,
 * holding {@code config.json} (command and options), {@code out/} (the command's own output
 * directory), {@code lock}, {@code attempt.log} (output of the latest attempt),
 * {@code attempts.log} (one line per attempt), and {@code done.json} or {@code failed.json}
 * (the exit code, the error line and the output's tail of the last failed attempt).
 *
 * <p>Every state change is a file written atomically by the holder of the run's lock, so any
 * number of processes on any number of hosts sharing the directory see consistent states.
 */
public final class Sweep {
  public static final String SPEC_FILE = "spec.json";
  public static final String RUNS_DIR = "runs";
  public static final String CONFIG_FILE = "config.json";
  public static final String OUT_DIR = "out";
  public static final String DONE_FILE = "done.json";
  public static final String FAILED_FILE = "failed.json";
  public static final String LOG_FILE = "attempt.log";
  public static final String HISTORY_FILE = "attempts.log";
  /**
   * Exit codes of a command stopped by SIGINT (130) or SIGTERM (143) that saved its state
   * first (mixrl train does); such a run is interrupted, not failed.
   */
  public static final java.util.Set<Integer> INTERRUPTED_CODES = java.util.Set.of(130, 143);

  /** Lines of an attempt's output kept in {@code failed.json}. */
  public static final int ERROR_TAIL_LINES = 20;

  // A status probe holds the lock for microseconds; retrying briefly keeps such a probe from
  // making a task skip a run that nobody is running.
  private static final int LOCK_TRIES = 10;
  private static final long LOCK_RETRY_MILLIS = 100;

  private final Path dir;

  private Sweep(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The sweep in {@code dir} (which need not exist yet). */
  public static Sweep at(Path dir) {
    return new Sweep(dir);
  }

  public Path dir() {
    return dir;
  }

  public Path runDir(String id) {
    return dir.resolve(RUNS_DIR).resolve(id);
  }

  /**
   * What a plan did.
   *
   * @param added runs created now
   * @param existing runs that were already planned
   * @param invalid combinations skipped, with the reason
   * @param replaced earlier runs removed because the spec now plans other options for their
   *     grid cell
   * @param kept earlier runs of such a cell left in place, with the reason (running, or a
   *     checkpoint that removing would lose)
   */
  public record PlanResult(List<PlannedRun> added, List<PlannedRun> existing,
      List<Invalid> invalid, List<Replaced> replaced, List<Kept> kept) {}

  /** A skipped combination and why it cannot run. */
  public record Invalid(Map<String, Object> options, String reason) {}

  /**
   * An earlier run removed by a plan, the run of its grid cell that the spec plans now, and
   * what state it was in ({@code failed}, or never ran with options the command refuses).
   */
  public record Replaced(PlannedRun old, PlannedRun by, String state) {}

  /** An earlier run of a re-planned grid cell that a plan kept, and why. */
  public record Kept(PlannedRun old, PlannedRun cellRun, String why) {}

  /**
   * Expands {@code spec} into run directories. Every run's options are checked first, with
   * the command's own rules ({@link CommandKind#check}): a value the command would refuse
   * refuses the whole spec, naming the grid cell, the key, the value and what is allowed, and
   * nothing is written. A combination the command cannot run (an estimator the policy has no
   * use for) is skipped and listed.
   *
   * <p>Idempotent: a run whose directory exists is left alone (its id is a hash of its config,
   * so an existing directory is the same run), and an edited spec adds only new runs, with one
   * exception that fixes a bad spec: when the spec plans other options for a grid cell (the
   * same value of every grid key) than an earlier run of that cell has, and that earlier run
   * failed, or never ran and has options the command refuses (planned before plan-time
   * checks, or edited), the earlier run is replaced (removed). Done runs are never removed;
   * running ones and ones with a checkpoint are kept and listed; valid runs that never ran are
   * kept (several specs may share a sweep).
   *
   * @throws IllegalArgumentException for an unknown option, a missing required one, a value
   *     the command refuses, or a spec with no valid combination
   */
  public PlanResult plan(SweepSpec spec, CommandKind kind) throws IOException {
    return new SweepPlanner(this).plan(spec, kind);
  }

  /** What {@link #remove} answers for a done run it keeps. */
  static final String DONE_REASON = "done";

  /**
   * Removes run {@code id} from the sweep (its whole directory, output included): {@code sweep
   * forget}. Under the run's lock, so a run that a process runs is never removed; the directory
   * leaves {@code runs/} in one atomic rename before it is deleted, so no process sees half a
   * run.
   *
   * @param deleteDone also remove a done run (and its results)
   * @return the state it had: pending, failed or done
   * @throws IllegalArgumentException if there is no such run, it is running, or it is done and
   *     {@code deleteDone} is false
   */
  public RunState forget(String id, Function<String, Optional<CommandKind>> kinds,
      boolean deleteDone) throws IOException {
    PlannedRun run = read(id);
    RunState state = Files.exists(runDir(id).resolve(DONE_FILE)) ? RunState.DONE
        : Files.exists(runDir(id).resolve(FAILED_FILE)) ? RunState.FAILED : RunState.PENDING;
    Optional<String> refused = remove(id, kinds.apply(run.command()).orElse(null), deleteDone,
        true);
    if (refused.isPresent()) {
      throw new IllegalArgumentException("run " + id + " is " + refused.get()
          + (refused.get().equals(DONE_REASON) ? "; forgetting it deletes its results: pass"
              + " --delete-results to do that" : "; stop that process first"));
    }
    return state;
  }

  /**
   * Removes a run under its lock unless it is running, done (unless {@code allowDone}) or has
   * a checkpoint (unless {@code allowCheckpoint}); returns why not, if it was kept.
   */
  Optional<String> remove(String id, CommandKind kind, boolean allowDone,
      boolean allowCheckpoint) throws IOException {
    Path rd = runDir(id);
    Optional<RunLock> lock = RunLock.tryAcquire(rd);
    if (lock.isEmpty()) {
      return Optional.of("running (another process holds " + rd.resolve(RunLock.FILE_NAME)
          + ")");
    }
    try (RunLock held = lock.get()) {
      if (!allowDone && Files.exists(rd.resolve(DONE_FILE))) {
        return Optional.of(DONE_REASON);
      }
      if (!allowCheckpoint && kind != null && kind.canResume(rd.resolve(OUT_DIR))) {
        return Optional.of("resumable from its checkpoint, which replacing it would lose; `mixrl"
            + " sweep forget " + dir + " " + id + "` removes it");
      }
      Path gone = dir.resolve(".forgotten-" + id + "-" + ProcessHandle.current().pid());
      Files.move(rd, gone, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(gone);
    }
    return Optional.empty();
  }

  /** Ids of all planned runs, sorted. */
  public List<String> ids() throws IOException {
    Path runs = dir.resolve(RUNS_DIR);
    if (!Files.isDirectory(runs)) {
      throw new IllegalArgumentException(dir + " is not a planned sweep (no " + RUNS_DIR
          + "/ directory); run `mixrl sweep plan SPEC --out " + dir + "` first");
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(CONFIG_FILE)))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** The planned run {@code id}. */
  public PlannedRun read(String id) throws IOException {
    Path config = runDir(id).resolve(CONFIG_FILE);
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("no run '" + id + "' in " + dir);
    }
    return PlannedRun.fromJson(id, Files.readString(config, StandardCharsets.UTF_8));
  }

  /** The state of every run, in id order. */
  public List<RunStatus> status(Function<String, Optional<CommandKind>> kinds)
      throws IOException {
    List<RunStatus> out = new ArrayList<>();
    for (String id : ids()) {
      out.add(status(id, kinds));
    }
    return out;
  }

  /** The state of run {@code id}. */
  public RunStatus status(String id, Function<String, Optional<CommandKind>> kinds)
      throws IOException {
    Path rd = runDir(id);
    PlannedRun run = read(id);
    boolean resumable = kinds.apply(run.command())
        .map(k -> k.canResume(rd.resolve(OUT_DIR))).orElse(false);
    if (Files.exists(rd.resolve(DONE_FILE))) {
      return new RunStatus(id, RunState.DONE, false, "");
    }
    if (RunLock.isHeld(rd)) {
      return new RunStatus(id, RunState.RUNNING, resumable, "");
    }
    Path failed = rd.resolve(FAILED_FILE);
    if (Files.exists(failed)) {
      return new RunStatus(id, RunState.FAILED, resumable, failureSummary(failed));
    }
    return new RunStatus(id, RunState.PENDING, resumable, "");
  }

  private static String failureSummary(Path failed) {
    try {
      Object o = Json.parse(Files.readString(failed, StandardCharsets.UTF_8));
      if (o instanceof Map<?, ?> m) {
        // files written before "error" existed: the best guess from the output's tail
        String error = m.get("error") instanceof String e ? e
            : errorLine(String.valueOf(m.get("error_tail")));
        return "exit " + m.get("exit_code") + (error.isEmpty() ? "" : ": " + error);
      }
    } catch (IOException | IllegalArgumentException e) {
      return "unreadable " + FAILED_FILE + ": " + e.getMessage();
    }
    return "";
  }

  /** Ids of the runs that are not done, in id order (what an executor has to do). */
  public List<String> notDone() throws IOException {
    List<String> out = new ArrayList<>();
    for (String id : ids()) {
      if (!Files.exists(runDir(id).resolve(DONE_FILE))) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Runs {@code id} once if it is not done and nobody else runs it: under its lock, resuming
   * its output when the command left a checkpoint, else starting it afresh (a partial output
   * without a checkpoint holds nothing to keep). Exit code 0 writes {@code done.json}; anything
   * else writes {@code failed.json} with the code and the tail of the output, and returns
   * {@link RunOutcome#FAILED} rather than throwing, so one failure never stops a sweep.
   */
  public RunOutcome attempt(String id, Function<String, Optional<CommandKind>> kinds,
      CommandRunner runner) throws IOException, InterruptedException {
    Path rd = runDir(id);
    PlannedRun run = read(id);
    CommandKind kind = kinds.apply(run.command()).orElseThrow(() -> new IllegalArgumentException(
        "run " + id + ": sweeps cannot run command '" + run.command() + "'"));
    Optional<RunLock> lock = Optional.empty();
    for (int i = 0; i < LOCK_TRIES && lock.isEmpty(); i++) {
      if (i > 0) {
        Thread.sleep(LOCK_RETRY_MILLIS);
      }
      lock = RunLock.tryAcquire(rd);
    }
    if (lock.isEmpty()) {
      return RunOutcome.BUSY;
    }
    try (RunLock held = lock.get()) {
      if (Files.exists(rd.resolve(DONE_FILE))) {
        return RunOutcome.ALREADY_DONE;
      }
      Path out = rd.resolve(OUT_DIR);
      boolean resume = kind.canResume(out);
      if (!resume) {
        deleteTree(out);
      }
      Instant start = Instant.now();
      history(rd, start + " start host=" + RunLock.hostName() + " pid="
          + ProcessHandle.current().pid() + (resume ? " resume" : " fresh"));
      Path log = rd.resolve(LOG_FILE);
      int code;
      String error = "";
      try {
        code = runner.run(kind.arguments(run.options(), out, resume), log);
      } catch (IOException | RuntimeException e) {
        code = -1;
        error = e.getMessage() != null ? e.getMessage() : e.toString();
      }
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      if (code == 0) {
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("id", id);
        done.put("host", RunLock.hostName());
        done.put("finished", Instant.now().toString());
        done.put("seconds", seconds);
        done.put("resumed", resume);
        // lets a parent tell "my worker finished it" from "someone else did meanwhile"
        done.put("pid", ProcessHandle.current().pid());
        AtomicFiles.write(rd.resolve(DONE_FILE), Json.write(done));
        Files.deleteIfExists(rd.resolve(FAILED_FILE));
        history(rd, Instant.now() + " done seconds=" + seconds);
        return RunOutcome.FINISHED;
      }
      if (INTERRUPTED_CODES.contains(code)) {
        // stopped on request with a checkpoint: pending again, not failed
        Files.deleteIfExists(rd.resolve(FAILED_FILE));
        history(rd, Instant.now() + " interrupted exit=" + code);
        return RunOutcome.INTERRUPTED;
      }
      String tail = tail(log, ERROR_TAIL_LINES) + (error.isEmpty() ? "" : "\n" + error);
      writeFailure(rd, code, error.isEmpty() ? errorLine(tail(log, Integer.MAX_VALUE)) : error,
          tail, resume);
      history(rd, Instant.now() + " failed exit=" + code);
      return RunOutcome.FAILED;
    }
  }

  /**
   * Records that a process running {@code id} died (exit code {@code code}) without saying so
   * itself, e.g. killed by a signal. Does nothing if the run is done, gone (forgotten) or someone
   * holds its lock.
   */
  public void recordDeath(String id, int code, String outputTail) throws IOException {
    Path rd = runDir(id);
    if (!Files.isRegularFile(rd.resolve(CONFIG_FILE))) {
      return; // forgotten (or replaced by a plan) meanwhile
    }
    Optional<RunLock> lock = RunLock.tryAcquire(rd);
    if (lock.isEmpty()) {
      return;
    }
    try (RunLock held = lock.get()) {
      if (!Files.exists(rd.resolve(DONE_FILE))) {
        String line = errorLine(outputTail);
        writeFailure(rd, code, line.isEmpty() ? "the worker process ended with exit code " + code
            + " without recording a result (killed by a signal, or the JVM crashed)" : line,
            outputTail, false);
        history(rd, Instant.now() + " died exit=" + code);
      }
    }
  }

  private static void writeFailure(Path rd, int code, String error, String tail,
      boolean resumed) throws IOException {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("exit_code", (long) code);
    f.put("error", error);
    f.put("host", RunLock.hostName());
    f.put("time", Instant.now().toString());
    f.put("resumed", resumed);
    f.put("error_tail", tail);
    AtomicFiles.write(rd.resolve(FAILED_FILE), Json.write(f));
  }

  private static void history(Path rd, String line) throws IOException {
    Files.writeString(rd.resolve(HISTORY_FILE), line + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * The line of a command's output that says why it failed: the first line in mixrl's error
   * format ({@code mixrl <command>: error: <message>}), not the help pointer or stack trace
   * that may follow it; else the last non-blank line; "" for no output.
   */
  public static String errorLine(String output) {
    String last = "";
    for (String line : output.split("\n")) {
      if (line.contains(": error: ")) {
        return line.strip();
      }
      if (!line.isBlank()) {
        last = line.strip();
      }
    }
    return last;
  }

  /** The last {@code n} lines of a text file ("" if it is missing). */
  public static String tail(Path file, int n) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    // progress bars redraw with '\r'; keep what the terminal would show last
    List<String> lines = new ArrayList<>();
    for (String l : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
      String shown = l.substring(l.lastIndexOf('\r') + 1);
      lines.add(shown);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
