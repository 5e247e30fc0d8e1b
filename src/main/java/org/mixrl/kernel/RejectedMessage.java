package org.mixrl.kernel;

/** A received message the kernel drops, with the reason it gives in its log line. */
final class RejectedMessage extends Exception {
  private static final long serialVersionUID = 1L;

  RejectedMessage(String reason) {
    super(reason, null, false, false); // an expected outcome: no stack trace to fill
  }
}
