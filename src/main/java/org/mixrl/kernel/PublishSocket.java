package org.mixrl.kernel;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The iopub socket (ZeroMQ PUB): outputs, displays and status. A jjava {@link IOPubChannel} in
 * type, for the reply environment and the comm manager; it only sends, through
 * {@link WireCodec}, and any thread may send (cells print from their own threads).
 */
final class PublishSocket extends IOPubChannel {
  private final WireCodec codec;

  PublishSocket(ZMQ.Context ctx, WireCodec codec) {
    super(ctx, HMACGenerator.NO_AUTH_INSTANCE);
    this.codec = codec;
  }

  @Override
  public synchronized void sendMessage(Message<?> message) {
    if (!closed) {
      Frames.send(this, codec.encode(message));
    }
  }

  @Override
  public Message<?> readMessage() {
    throw new UnsupportedOperationException("iopub only publishes");
  }

  @Override
  public void bind(KernelConnectionProperties properties) {
    throw new UnsupportedOperationException("KernelChannels binds the sockets");
  }
}
