package org.mixrl.tensor;

/**
 * Per-thread switch for graph recording. {@code try (var s = GradMode.noGrad()) {...}} runs a
 * block without recording (like {@code torch.no_grad()}); scopes nest and restore on close.
 */
public final class GradMode implements AutoCloseable {
  private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);
  private final boolean previous;

  private GradMode(boolean enabled) {
    previous = ENABLED.get();
    ENABLED.set(enabled);
  }

  /** Disables graph recording on this thread until the returned scope is closed. */
  public static GradMode noGrad() {
    return new GradMode(false);
  }

  /** Re-enables recording inside an outer no-grad scope. */
  public static GradMode enableGrad() {
    return new GradMode(true);
  }

  /** Whether ops on this thread currently record the graph. */
  public static boolean isEnabled() {
    return ENABLED.get();
  }

  @Override
  public void close() {
    ENABLED.set(previous);
  }
}
