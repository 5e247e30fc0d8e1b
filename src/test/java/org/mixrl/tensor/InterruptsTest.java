package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptsTest {
  @AfterEach
  void clearInterruptFlag() {
    Thread.interrupted(); // the tests set it on the test thread; later tests must not see it
  }

  @Test
  void aRunningThreadPassesWithoutBuildingTheMessage() {
    Interrupts.check(() -> {
      throw new AssertionError("message built although the thread was not interrupted");
    });
  }

  @Test
  void anInterruptedThreadGetsACancellationSayingWhereAndKeepsItsFlag() {
    Thread.currentThread().interrupt();
    CancellationException e =
        assertThrows(CancellationException.class, () -> Interrupts.check(() -> "at step 3 of 7 of x"));
    assertEquals("interrupted at step 3 of 7 of x", e.getMessage());
    e = assertThrows(CancellationException.class, () -> Interrupts.check(() -> "in y"));
    assertEquals("interrupted in y", e.getMessage());
    assertTrue(Thread.currentThread().isInterrupted(), "the check must not clear the flag");
  }
}
