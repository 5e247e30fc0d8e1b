package org.mixrl.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed pool of daemon threads that runs numbered, independent tasks for the kernels.
 *
 * <p>The caller thread takes part, so {@code threads} workers means {@code threads - 1} pool
 * threads. Tasks are claimed dynamically from a shared counter; which thread runs a task never
 * changes what the task computes, which is what keeps kernel results independent of the
 * thread count.
 */
final class KernelThreads {
  private static final Object LOCK = new Object();
  private static volatile int threads = 1;
  private static ExecutorService pool; // guarded by LOCK; created lazily, sized threads - 1

  private KernelThreads() {}

  static void set(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + n);
    }
    synchronized (LOCK) {
      if (n == threads) {
        return;
      }
      if (pool != null) {
        pool.shutdown(); // running tasks finish; their callers still get their results
        pool = null;
      }
      threads = n;
    }
  }

  static int get() {
    return threads;
  }

  /** Runs {@code task.accept(t)} for every {@code t} in {@code [0, count)}, then returns. */
  static void run(int count, IntConsumer task) {
    int workers = Math.min(threads, count);
    if (workers <= 1) {
      for (int t = 0; t < count; t++) {
        task.accept(t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable loop =
        () -> {
          for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
            task.accept(t);
          }
        };
    ExecutorService executor = executor();
    List<Future<?>> helpers = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      helpers.add(executor.submit(loop));
    }
    RuntimeException failure = null;
    try {
      loop.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : helpers) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers write into the caller's arrays: wait for them anyway
        } catch (ExecutionException e) {
          if (failure == null) {
            Throwable cause = e.getCause();
            failure =
                cause instanceof RuntimeException
                    ? (RuntimeException) cause
                    : new IllegalStateException("kernel worker failed", cause);
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static ExecutorService executor() {
    synchronized (LOCK) {
      if (pool == null) {
        AtomicInteger id = new AtomicInteger();
        pool =
            Executors.newFixedThreadPool(
                Math.max(1, threads - 1),
                r -> {
                  Thread t = new Thread(r, "mixrl-kernel-" + id.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
      }
      return pool;
    }
  }
}
