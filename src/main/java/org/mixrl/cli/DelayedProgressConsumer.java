package org.mixrl.cli;

import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Passes a bar's frames on only once the bar has existed for a delay, so a task that ends within
 * a moment leaves no bar (and no newline) behind, while a slow one shows its progress.
 */
final class DelayedProgressConsumer implements ProgressBarConsumer {
  private final ProgressBarConsumer inner;
  private final long delayNanos;
  private final LongSupplier clock;
  private final long created;
  private boolean shown;

  DelayedProgressConsumer(ProgressBarConsumer inner, long delayMillis, LongSupplier nanoClock) {
    this.inner = inner;
    this.delayNanos = delayMillis * 1_000_000L;
    this.clock = nanoClock;
    this.created = nanoClock.getAsLong();
  }

  @Override
  public int getMaxRenderedLength() {
    return inner.getMaxRenderedLength();
  }

  @Override
  public void accept(String rendered) {
    if (!shown && clock.getAsLong() - created < delayNanos) {
      return;
    }
    shown = true;
    inner.accept(rendered);
  }

  @Override
  public void clear() {
    if (shown) {
      inner.clear();
    }
  }

  @Override
  public void close() {
    if (shown) {
      inner.close();
    }
  }
}
