package org.mixrl.tensor;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Lets the long loops of the library (training steps, searches, scans) stop when their thread
 * is interrupted, e.g. by Kernel &gt; Interrupt in a notebook or {@code Future.cancel(true)}.
 *
 * <p>Each loop calls {@link #check} once per unit of work (an environment step, an optimizer
 * iteration, a grid row). The check reads the thread's interrupt flag without clearing it, so
 * callers further up, and any blocking call they make, still see that the thread was
 * interrupted. It lives in {@code tensor} because every computing package already depends on
 * it and the core may depend on nothing but {@code java.*}.
 */
public final class Interrupts {
  private Interrupts() {}

  /**
   * Throws if the current thread has been interrupted. The message is built only then, so a
   * hot loop pays one flag read per unit of work.
   *
   * @param where what was stopped and where, completing "interrupted ..." (e.g. "at step 12 of
   *     300 of ...")
   * @throws CancellationException with the message "interrupted " + {@code where.get()}
   */
  public static void check(Supplier<String> where) {
    if (Thread.currentThread().isInterrupted()) {
      throw cancelled(where.get());
    }
  }

  /** The exception {@link #check} throws, for callers that detect the interrupt otherwise. */
  public static CancellationException cancelled(String where) {
    return new CancellationException("interrupted " + where);
  }
}
