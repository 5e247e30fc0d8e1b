package org.mixrl.kernel;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell or the control socket (ZeroMQ ROUTER). It is a jjava {@link ShellChannel} only in
 * type, because BaseKernel's reply environment takes one; binding, reading and the serving loop
 * are {@link KernelChannels}', and writing is {@link WireCodec}'s.
 */
final class RequestSocket extends ShellChannel {
  private final WireCodec codec;

  RequestSocket(ZMQ.Context ctx, boolean control, WireCodec codec) {
    super(ctx, HMACGenerator.NO_AUTH_INSTANCE, control, null);
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
    throw new UnsupportedOperationException("requests are read by KernelChannels, which verifies them");
  }

  @Override
  public void bind(KernelConnectionProperties properties) {
    throw new UnsupportedOperationException("KernelChannels binds the sockets");
  }
}
