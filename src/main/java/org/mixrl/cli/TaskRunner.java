package org.mixrl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;

/**
 * Runs independent, individually seeded tasks on a fixed pool and returns their results in
 * submission order, so the output does not depend on the thread count or on timing.
 */
final class TaskRunner implements AutoCloseable {
  private final ExecutorService pool;
  private final ProgressBar bar;
  private final Map<String, Integer> planned;

  /**
   * @param bar advanced once per finished task; its maximum is the sum of {@code planned}
   * @param planned the number of tasks each stage will submit
   */
  TaskRunner(int threads, ProgressBar bar, Map<String, Integer> planned) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mixrl-reproduce");
      t.setDaemon(true); // never keep the JVM alive after the command returns
      return t;
    });
    this.bar = bar;
    this.planned = Map.copyOf(planned);
  }

  /**
   * Runs every task of a stage, advancing the progress bar as each finishes; rethrows the first
   * failure.
   */
  <T> List<T> all(String stage, List<Callable<T>> tasks) throws Exception {
    Integer count = planned.get(stage);
    if (count == null || count != tasks.size()) {
      // the bar's total came from the plan: a stage that submits other work would make it lie
      throw new IllegalStateException("stage '" + stage + "' submits " + tasks.size()
          + " tasks but the plan counted " + count);
    }
    synchronized (bar) {
      bar.setExtraMessage(" " + stage);
    }
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        T result = task.call();
        synchronized (bar) {
          bar.step();
        }
        return result;
      }));
    }
    List<T> out = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
