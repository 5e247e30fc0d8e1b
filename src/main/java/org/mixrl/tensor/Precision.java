package org.mixrl.tensor;

import java.util.Locale;

/**
 * The arithmetic of matrix products on the current thread: {@link #F64} (the default) or
 * {@link #F32}. Storage stays {@code double} either way; under {@code F32} the three {@link
 * MatMul} entry points compute each product in float arithmetic and add it to C in double (see
 * {@link MatMul}). Everything else (elementwise ops, reductions, optimizers) is unaffected.
 *
 * <p>{@code try (var s = Precision.f32()) {...}} runs a block with float products, like {@link
 * GradMode#noGrad()}: scopes are per thread, nest, and restore the previous precision on close,
 * also when the block throws. It is meant for network training only (an SAC update with {@code
 * --precision f32}); theory, exact objectives, estimator verification and gradient checks run in
 * {@code F64} ({@code GradCheck} enters an {@code F64} scope itself).
 */
public enum Precision {
  /** Products in double arithmetic: the default. */
  F64,
  /** Products in float arithmetic (float32 operands and sums), added to C in double. */
  F32;

  private static final ThreadLocal<Precision> CURRENT = ThreadLocal.withInitial(() -> F64);

  /** The precision matrix products use on this thread now. */
  public static Precision current() {
    return CURRENT.get();
  }

  /** Float products on this thread until the returned scope is closed. */
  public static Scope f32() {
    return F32.use();
  }

  /** Double products on this thread until the returned scope is closed (also inside f32). */
  public static Scope f64() {
    return F64.use();
  }

  /** This precision on this thread until the returned scope is closed. */
  public Scope use() {
    return new Scope(this);
  }

  /** The lower-case name used by options and config.json: "f64" or "f32". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The precision called {@code text} ("f64" or "f32", any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Precision parse(String text) {
    if (text != null) {
      for (Precision p : values()) {
        if (p.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "precision must be f64 or f32, got " + (text == null ? "null" : "'" + text + "'"));
  }

  /** A precision scope; {@link #close()} restores the precision that was current before. */
  public static final class Scope implements AutoCloseable {
    private final Precision previous;
    private final Thread owner;

    private Scope(Precision p) {
      previous = CURRENT.get();
      owner = Thread.currentThread();
      CURRENT.set(p);
    }

    /**
     * Restores the previous precision.
     *
     * @throws IllegalStateException if called on another thread than the one that opened it
     */
    @Override
    public void close() {
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException("a precision scope must be closed on the thread that"
            + " opened it (" + owner.getName() + "), not on " + Thread.currentThread().getName());
      }
      CURRENT.set(previous);
    }
  }
}
