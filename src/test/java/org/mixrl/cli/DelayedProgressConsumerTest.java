package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** A bar that appears only after its task has taken a moment. */
class DelayedProgressConsumerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(0);

  private DelayedProgressConsumer consumer() {
    return new DelayedProgressConsumer(new ConsoleProgressBarConsumer(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), 40), 1_000, now::get);
  }

  @Test
  void aTaskThatEndsWithinTheDelayLeavesNothingBehind() {
    DelayedProgressConsumer c = consumer();
    now.set(400_000_000L);
    c.accept("task 50%");
    now.set(900_000_000L);
    c.accept("task 100%");
    c.close();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aSlowTaskShowsItsFramesAfterTheDelayAndEndsItsLine() {
    DelayedProgressConsumer c = consumer();
    now.set(500_000_000L);
    c.accept("task 10%");
    now.set(1_200_000_000L);
    c.accept("task 60%");
    c.accept("task 100%");
    c.close();
    assertEquals("\rtask 60%\rtask 100%" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
