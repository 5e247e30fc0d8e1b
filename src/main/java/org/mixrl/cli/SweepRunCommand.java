package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import org.mixrl.experiment.sweep.RunOrder;
import org.mixrl.experiment.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mixrl sweep run DIR [--workers N]}: a local pool of worker processes, each running
 * {@code mixrl sweep task DIR --run ID} (so each run is its own JVM, and a crash or kill of one
 * touches no other), with one progress bar over the sweep.
 */
@Command(name = "run",
    description = "Run every run that is not done on a local pool of processes: interrupted runs"
        + " resume, failed runs are retried; a failing run is recorded and does not stop others.")
final class SweepRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions.SweepDir dir;

  @Option(names = "--workers", paramLabel = "N",
      description = "Runs at once (default: the number of cores).")
  Integer workers;

  @Mixin SharedOptions.Quiet quiet;

  @Option(names = "--order-by", paramLabel = "KEY", split = ",",
      description = "Take runs in the order of these options' values, then by id (default: id"
          + " order); e.g. --order-by seed runs every setting's seed 1 before any seed 2.")
  List<String> orderBy = List.of();

  /** Log of a worker process (the JVM's own output) inside the run directory. */
  static final String WORKER_LOG = "worker.log";

  @Override
  public Integer call() throws IOException, InterruptedException {
    int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new IllegalArgumentException("--workers must be >= 1, got " + n);
    }
    Sweep sweep = Sweep.at(dir.dir);
    List<String> todo = RunOrder.by(sweep, sweep.notDone(), orderBy);
    int total = sweep.ids().size();
    PrintWriter o = spec.commandLine().getOut();
    Set<Process> live = ConcurrentHashMap.newKeySet();
    // a pool killed by Ctrl-C or SIGTERM takes its workers with it; their locks die with them
    // (SIGTERM: each worker saves a checkpoint first; wait for them within the grace period)
    Thread reaper = new Thread(() -> {
      live.forEach(Process::destroy);
      for (Process p : live) {
        try {
          p.waitFor(GracefulStop.GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    Runtime.getRuntime().addShutdownHook(reaper);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger interrupted = new AtomicInteger();
    List<String> failedIds = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try (ProgressBar bar = ProgressBars.create("sweep", total, "runs", quiet.quiet)) {
      bar.stepTo(total - todo.size());
      List<Future<?>> futures = new ArrayList<>();
      for (String id : todo) {
        futures.add(pool.submit(() -> {
          String result = runOne(sweep, id, live);
          switch (result) {
            case "done" -> finished.incrementAndGet();
            case "busy" -> busy.incrementAndGet();
            case "interrupted" -> interrupted.incrementAndGet();
            default -> {
              failed.incrementAndGet();
              failedIds.add(id);
            }
          }
          bar.step();
          bar.setExtraMessage(failed.get() == 0 ? "" : failed.get() + " failed");
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("worker thread failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
    o.printf("%s: %d finished, %d failed, %d interrupted, %d running elsewhere, %d were"
            + " already done%n", sweep.dir(), finished.get(), failed.get(), interrupted.get(),
        busy.get(), total - todo.size());
    for (String id : failedIds) {
      o.println("failed " + id + ": " + sweep.status(id, SweepKinds::kind).detail() + " (see "
          + sweep.runDir(id).resolve(Sweep.FAILED_FILE) + ")");
    }
    o.flush();
    return failed.get() == 0 ? 0 : 1;
  }

  /**
   * Runs one worker process for {@code id}; returns done (by this worker), failed, interrupted
   * or busy (another process had it, or finished it meanwhile).
   */
  private static String runOne(Sweep sweep, String id, Set<Process> live)
      throws IOException, InterruptedException {
    Path rd = sweep.runDir(id);
    List<String> cmd = new ArrayList<>(ChildJvm.mainCommand());
    cmd.addAll(List.of("sweep", "task", sweep.dir().toString(), "--run", id,
        "--exit-with-parent"));
    Path log = rd.resolve(WORKER_LOG);
    // slack for file systems that keep modification times in whole seconds
    FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 2000);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    live.add(p);
    int code;
    try {
      code = p.waitFor();
    } finally {
      live.remove(p);
    }
    if (Files.exists(rd.resolve(Sweep.DONE_FILE))) {
      return finishedBy(rd.resolve(Sweep.DONE_FILE)) == p.pid() ? "done" : "busy";
    }
    Path failedFile = rd.resolve(Sweep.FAILED_FILE);
    if (Files.exists(failedFile)
        && Files.getLastModifiedTime(failedFile).compareTo(started) >= 0) {
      return "failed";
    }
    if (Sweep.INTERRUPTED_CODES.contains(code)) {
      return "interrupted";
    }
    if (code != 0) {
      // the worker died without recording it (a signal, a JVM crash): record it here
      sweep.recordDeath(id, code, Sweep.tail(log, Sweep.ERROR_TAIL_LINES));
      return "failed";
    }
    return "busy";
  }

  /** The pid recorded in done.json, -1 if it has none (written before pids were recorded). */
  private static long finishedBy(Path done) throws IOException {
    try {
      Object o = org.mixrl.experiment.Json.parse(Files.readString(done));
      if (o instanceof java.util.Map<?, ?> m && m.get("pid") instanceof Long pid) {
        return pid;
      }
    } catch (IllegalArgumentException e) {
      // unreadable: not ours to claim
    }
    return -1;
  }
}
