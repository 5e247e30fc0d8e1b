package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress written to a file: plain lines at the interval, the final state, a final newline. */
class LogLineProgressConsumerTest {
  @Test
  void writesOneLinePerIntervalAndTheFinalStateOnClose() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(0);
    LogLineProgressConsumer c = new LogLineProgressConsumer(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), 5_000, now::get);
    for (int i = 1; i <= 40; i++) {
      now.addAndGet(250_000_000L); // a frame every 250 ms for 10 s
      c.accept("\rtask " + i + "/40");
    }
    c.close();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"), text);
    assertTrue(text.endsWith("\n"), text);
    // frames at 5 s and 10 s (i = 20 and 40); the final state is the 10 s line, not repeated
    assertEquals("task 20/40\ntask 40/40\n", text.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aShortTaskStillEndsWithItsFinalLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(0);
    LogLineProgressConsumer c = new LogLineProgressConsumer(
        new PrintStream(bytes, true, StandardCharsets.UTF_8), 5_000, now::get);
    c.accept("\rtask 1/2");
    c.accept("\rtask 2/2");
    c.close();
    assertEquals("task 2/2\n",
        bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }
}
