package org.mixrl.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The helper threads that run numbered, independent tasks (the tiles of one product) for the
 * kernels.
 *
 * <p>The caller takes part, so {@code threads} workers means {@code threads - 1} helpers. Tasks
 * are claimed dynamically from a shared counter; which thread runs a task never changes what the
 * task computes, which is what keeps kernel results independent of the thread count.
 *
 * <p>Why helpers spin before they sleep: an SAC update at 256×256 hands out about 45 products
 * of a few hundred microseconds each, with a few tens of microseconds of single-threaded work
 * between them. A helper woken from {@code park} for each one arrived after the caller had taken
 * most tiles (an executor hand-off made the second thread worth 0–12 %, docs/benchmarks.md). A
 * helper that just finished therefore waits {@link #SPIN_NANOS} on the next job before it
 * parks; idle programs pay that once, then nothing.
 */
final class KernelThreads {
  /** How long a helper that finished a job polls for the next one before it parks. */
  static final long SPIN_NANOS = 200_000;

  private static final Object LOCK = new Object();
  private static volatile int threads = 1;
  private static Crew crew; // guarded by LOCK; created lazily with threads - 1 helpers

  private KernelThreads() {}

  static void set(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + n);
    }
    synchronized (LOCK) {
      if (n == threads) {
        return;
      }
      if (crew != null) {
        crew.retire(); // a job in progress finishes; its caller still gets its results
        crew = null;
      }
      threads = n;
    }
  }

  static int get() {
    return threads;
  }

  /** Runs {@code task.accept(t)} for every {@code t} in {@code [0, count)}, then returns. */
  static void run(int count, IntConsumer task) {
    if (Math.min(threads, count) <= 1 || !crew().tryRun(count, task)) {
      // one worker, or another thread is using the helpers: the same tasks on the caller
      for (int t = 0; t < count; t++) {
        task.accept(t);
      }
    }
  }

  private static Crew crew() {
    synchronized (LOCK) {
      if (crew == null) {
        crew = new Crew(threads - 1);
      }
      return crew;
    }
  }

  /** One batch of tasks: a claim counter, a completion counter and the first failure. */
  private static final class Job {
    final int count;
    final IntConsumer task;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    volatile Throwable failure;

    Job(int count, IntConsumer task) {
      this.count = count;
      this.task = task;
    }

    /** Claims and runs tasks until none is left; every claimed task counts as completed. */
    void work() {
      for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
        try {
          task.accept(t);
        } catch (Throwable e) {
          if (failure == null) {
            failure = e;
          }
        } finally {
          completed.incrementAndGet();
        }
      }
    }
  }

  /** Daemon helpers that poll for a published job, then park. One caller at a time. */
  private static final class Crew {
    private final ReentrantLock busy = new ReentrantLock();
    private final Thread[] helpers;
    private final AtomicInteger sleepers = new AtomicInteger();
    private volatile Job job;
    private volatile boolean retired;

    Crew(int size) {
      helpers = new Thread[size];
      for (int h = 0; h < size; h++) {
        Thread t = new Thread(this::serve, "mixrl-kernel-" + (h + 1));
        t.setDaemon(true);
        helpers[h] = t;
      }
      for (Thread t : helpers) {
        t.start();
      }
    }

    /** Runs the job with the helpers; false (nothing run) if another caller has them. */
    boolean tryRun(int count, IntConsumer task) {
      if (!busy.tryLock()) {
        return false;
      }
      try {
        Job j = new Job(count, task);
        job = j; // volatile write: helpers that read it see count and task
        if (sleepers.get() > 0) {
          for (Thread t : helpers) {
            LockSupport.unpark(t); // a permit for a helper that is not parked is harmless
          }
        }
        j.work();
        // the claimed tasks still running on helpers; a helper that wakes late finds nothing
        // left to claim and does not delay this
        for (int spins = 0; j.completed.get() < j.count; spins++) {
          if (spins < 1 << 16) {
            Thread.onSpinWait();
          } else {
            Thread.yield(); // a helper lost its core (GC, another process): give it back
          }
        }
        Throwable failure = j.failure;
        if (failure instanceof RuntimeException) {
          throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
          throw (Error) failure;
        }
        if (failure != null) {
          throw new IllegalStateException("kernel worker failed", failure);
        }
        return true;
      } finally {
        busy.unlock();
      }
    }

    void retire() {
      retired = true;
      for (Thread t : helpers) {
        LockSupport.unpark(t);
      }
    }

    private void serve() {
      Job seen = null;
      while (!retired) {
        Job j = job;
        if (j != seen) {
          seen = j;
          j.work();
          continue;
        }
        long since = System.nanoTime();
        while (job == seen && !retired && System.nanoTime() - since < SPIN_NANOS) {
          Thread.onSpinWait();
        }
        if (job == seen && !retired) {
          // announce the sleep before the last look at job: the caller publishes job before it
          // reads sleepers, so one of the two sees the other (no lost wake-up)
          sleepers.incrementAndGet();
          if (job == seen && !retired) {
            LockSupport.park(this);
          }
          sleepers.decrementAndGet();
        }
      }
    }
  }
}
