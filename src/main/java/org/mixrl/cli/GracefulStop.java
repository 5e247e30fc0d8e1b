package org.mixrl.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM (Slurm's time limit, preemption, {@code kill}) and SIGINT (Ctrl-C) as a request to
 * stop at the next step boundary with a checkpoint, instead of dying mid-step.
 *
 * <p>A shutdown hook, not a signal handler: hooks are java.base, and they run on SIGTERM, SIGINT
 * and SIGHUP. The hook sets {@link #requested()} and, if a command {@link #arm() armed} it, waits
 * (at most {@link #GRACE_SECONDS}) for the command to save and report; then the JVM exits with
 * the code the signal gives it, 128 + signal number: 143 for SIGTERM, 130 for SIGINT. Slurm
 * sends SIGKILL 30 s after SIGTERM by default (KillWait), and a checkpoint takes well under that.
 */
final class GracefulStop {
  static final int GRACE_SECONDS = 25;

  private static final AtomicBoolean REQUESTED = new AtomicBoolean();
  private static final CountDownLatch FINISHED = new CountDownLatch(1);
  private static volatile boolean armed;

  private GracefulStop() {}

  /** Installs the hook; {@link Main#main} calls it once. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      REQUESTED.set(true);
      if (armed) {
        try {
          FINISHED.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "mixrl-graceful-stop"));
  }

  /** A command that honours {@link #requested()} calls this so the hook waits for it. */
  static void arm() {
    armed = true;
  }

  /** Whether the JVM was asked to stop (a signal, or {@link System#exit} from elsewhere). */
  static boolean requested() {
    return REQUESTED.get();
  }

  /** Called when the command has returned: the hook may let the JVM exit. */
  static void finished() {
    FINISHED.countDown();
  }

  /** For tests: behave as if a signal had arrived. */
  static void requestForTest(boolean on) {
    REQUESTED.set(on);
  }
}
