package org.mixrl.kernel;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/** Whole multipart messages in and out of a ZeroMQ socket. */
final class Frames {
  private Frames() {}

  /**
   * All frames of the next message on {@code socket}, which the caller has polled as readable.
   * Reads exactly one message, so a malformed one can never swallow the frames of the next.
   */
  static List<byte[]> receive(ZMQ.Socket socket) {
    List<byte[]> frames = new ArrayList<>();
    do {
      byte[] frame = socket.recv(0);
      if (frame == null) {
        break; // the context is closing
      }
      frames.add(frame);
    } while (socket.hasReceiveMore());
    return frames;
  }

  /** Sends {@code frames} as one message. */
  static void send(ZMQ.Socket socket, List<byte[]> frames) {
    int last = frames.size() - 1;
    for (int i = 0; i < last; i++) {
      socket.sendMore(frames.get(i));
    }
    socket.send(frames.get(last), 0);
  }
}
