package org.mixrl.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * The stdin socket (ZeroMQ ROUTER): a cell that reads {@code System.in} sends an
 * {@code input_request} and waits here for the {@code input_reply}. Anything else that arrives
 * meanwhile (forged, malformed, stale, another type) is dropped and logged, and the wait goes on.
 * A jjava {@link StdinChannel} only in type, for BaseKernel's reply environment.
 */
final class InputSocket extends StdinChannel {
  private static final long POLL_MS = 100;

  private final WireCodec codec;
  private final DropLog log;

  InputSocket(ZMQ.Context ctx, WireCodec codec, DropLog log) {
    super(ctx, HMACGenerator.NO_AUTH_INSTANCE);
    this.codec = codec;
    this.log = log;
  }

  @Override
  public synchronized void sendMessage(Message<?> message) {
    if (!closed) {
      Frames.send(this, codec.encode(message));
    }
  }

  /**
   * Asks the frontend for a line of input on behalf of the request {@code context}; returns it
   * with a line separator, as {@code System.in} readers expect.
   *
   * @throws IllegalStateException if the cell is interrupted or the kernel shuts down meanwhile
   */
  @Override
  public synchronized String getInput(MessageContext context, String prompt, boolean password) {
    sendMessage(new Message<>(context, MessageType.INPUT_REQUEST, new InputRequest(prompt, password)));
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    try {
      while (!closed) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted while waiting for input");
        }
        if (poller.poll(POLL_MS) <= 0) {
          continue;
        }
        List<byte[]> frames = Frames.receive(this);
        try {
          Message<?> reply = codec.decode(frames);
          if (reply.getContent() instanceof InputReply input) {
            return input.getValue() + System.lineSeparator();
          }
          throw new RejectedMessage(reply.getHeader().getType().getName() + " is not an input_reply with a value");
        } catch (RejectedMessage e) {
          log.dropped("stdin", frames, e.getMessage());
        }
      }
      throw new IllegalStateException("the kernel is shutting down");
    } finally {
      poller.close();
    }
  }

  @Override
  public Message<?> readMessage() {
    throw new UnsupportedOperationException("input replies are read by getInput, which verifies them");
  }

  @Override
  public void bind(KernelConnectionProperties properties) {
    throw new UnsupportedOperationException("KernelChannels binds the sockets");
  }
}
