package org.mixrl.experiment;

import java.util.Locale;
import org.mixrl.env.Env;
import org.mixrl.env.Envs;

/**
 * Refuses, before anything is allocated or written, a run whose replay buffer and one update's
 * activations cannot fit in the heap: otherwise the OutOfMemoryError comes mid-run and leaves
 * a run directory with no checkpoint (issue 16).
 *
 * <p>The estimate is a lower bound (the buffer's arrays, plus one double per hidden unit per
 * batch row for each of the actor and the two critics, forward pass only), so it never refuses a
 * run that would fit; it catches sizes that are off by orders of magnitude, not marginal ones.
 */
final class MemoryCheck {
  private MemoryCheck() {}

  static void check(RunConfig config) {
    check(config, Runtime.getRuntime().maxMemory());
  }

  /** As {@link #check(RunConfig)} against a heap of {@code maxHeapBytes}. */
  static void check(RunConfig config, long maxHeapBytes) {
    Env env = Envs.make(config.env());
    int obsDim = env.observationSpace().dim();
    int actDim = env.actionSpace().dim();
    double perTransition = 8.0 * (2.0 * obsDim + actDim + 2);
    double capacity = Math.min(config.sac().bufferSize(), config.steps());
    double bufferBytes = capacity * perTransition;
    double widths = 0;
    for (int w : config.sac().hidden()) {
      widths += w;
    }
    double batchBytes = config.sac().batchSize() * (perTransition + 8.0 * 3 * widths);
    double needed = bufferBytes + batchBytes;
    if (needed > maxHeapBytes) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "this run needs at least %s of heap (replay buffer %s for min(buffer_size %d, steps"
              + " %d) transitions, one update with batch_size %d and hidden %s %s) but the JVM"
              + " may use at most %s; lower --batch-size / --buffer-size / --hidden, or give"
              + " java a larger -Xmx",
          size(needed), size(bufferBytes), config.sac().bufferSize(), config.steps(),
          config.sac().batchSize(), config.sac().hidden(), size(batchBytes),
          size(maxHeapBytes)));
    }
  }

  private static String size(double bytes) {
    return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
