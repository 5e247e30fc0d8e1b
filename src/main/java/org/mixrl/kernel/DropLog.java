package org.mixrl.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One stderr line per message the kernel drops, naming the channel, the sender's ZeroMQ
 * identity and the reason; Jupyter shows the kernel's stderr in its own log, not in a cell.
 */
final class DropLog {
  private static final int MAX_IDENTITY_BYTES = 32;

  private final PrintStream err;

  /** Writes to {@code err}: the JVM's own stderr, held before cells can redirect System.err. */
  DropLog(PrintStream err) {
    this.err = err;
  }

  void dropped(String channel, List<byte[]> frames, String reason) {
    err.println("mixrl kernel: dropped a message on " + channel + " from " + sender(frames) + ": " + reason);
  }

  void failed(String channel, String msgType, Throwable e) {
    err.println("mixrl kernel: " + msgType + " on " + channel + " failed and was skipped: " + e);
  }

  /** ZeroMQ's I/O thread {@code thread} ended with {@code e}; written without building strings first. */
  void ioFailed(String thread, Throwable e) {
    // The heap may be full (the usual cause): print the pieces, each already a string.
    err.print("mixrl kernel: ZeroMQ's I/O thread ");
    err.print(thread);
    err.print(" ended with ");
    err.print(e.getClass().getName());
    err.println("; no channel can be served any more, so the kernel exits");
  }

  /**
   * The sender: the first frame, which the ROUTER socket sets to the peer's identity (jupyter_client
   * uses its session id; an anonymous peer gets a few random bytes), readable and bounded.
   */
  static String sender(List<byte[]> frames) {
    return frames.isEmpty() ? "an unknown sender" : "identity " + printable(frames.get(0));
  }

  private static String printable(byte[] frame) {
    byte[] head = Arrays.copyOf(frame, Math.min(frame.length, MAX_IDENTITY_BYTES));
    String more = frame.length > head.length ? "..." : "";
    for (byte b : head) {
      if (b < 0x21 || b > 0x7e) {
        return "0x" + HexFormat.of().formatHex(head) + more;
      }
    }
    return new String(head, StandardCharsets.US_ASCII) + more;
  }
}
