package org.mixrl.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's five Jupyter sockets, bound to the connection file's address and served by one
 * thread each (shell, control, heartbeat; stdin is read by the cell that asks for input; iopub
 * only sends). Every received message is verified by {@link WireCodec} before anything reads
 * it; whatever fails, or has no handler on its channel, is dropped with one line in the
 * {@link DropLog}, and the channel goes on serving. A handler that throws is logged and skipped
 * the same way, so no message can end a channel's thread.
 */
public final class KernelChannels {
  /** What the control channel serves; everything else belongs on shell. */
  private static final Set<MessageType<?>> CONTROL_TYPES =
      Set.of(MessageType.SHUTDOWN_REQUEST, MessageType.INTERRUPT_REQUEST, MessageType.KERNEL_INFO_REQUEST);

  /**
   * The largest frame any of the five sockets accepts; a peer that announces a larger one is
   * disconnected before anything is allocated. JeroMQ allocates a frame's announced size as soon
   * as its length arrives, so without this limit nine bytes from any local process made the
   * kernel allocate up to 2 GiB, and a few such connections ended JeroMQ's I/O thread with an
   * OutOfMemoryError: a kernel alive and deaf on every channel. 16 MiB is twice the 8 MB
   * message the protocol test sends, and far more than a cell's code (one string literal in a
   * class file holds at most 64 KiB).
   */
  static final long MAX_FRAME_BYTES = 16L << 20;

  private static final long POLL_MS = 100;
  private static final int LINGER_MS = 1000;
  private static final long JOIN_MS = 2000;

  private final ConnectionInfo info;
  private final DropLog log;
  private final WireCodec codec;
  private final ZMQ.Context ctx = ZMQ.context(1);
  private final RequestSocket shell;
  private final RequestSocket control;
  private final InputSocket stdin;
  private final PublishSocket iopub;
  private final ZMQ.Socket heartbeat;
  private final Map<MessageType<?>, ShellHandler<?>> handlers = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private volatile boolean closing;

  /** Sockets for {@code info}, not yet bound; {@code log} receives one line per dropped message. */
  public KernelChannels(ConnectionInfo info, java.io.PrintStream log) {
    this(info, log, () -> {});
  }

  /**
   * As {@link #KernelChannels(ConnectionInfo, java.io.PrintStream)}; {@code ioFailed} runs, after
   * one line in {@code log}, if JeroMQ's I/O thread, which moves every byte of all five sockets,
   * ends with an exception or error (an OutOfMemoryError from many connections that each
   * announce a large frame, see {@link #MAX_FRAME_BYTES}). No channel can send or receive after
   * that, so the kernel server ends the process: Jupyter then reports a dead kernel and can
   * restart it, where it would otherwise wait on a process that is alive and deaf.
   */
  public KernelChannels(ConnectionInfo info, java.io.PrintStream log, Runnable ioFailed) {
    this.info = info;
    this.log = new DropLog(log);
    // Before the first socket: the context starts its I/O thread then, with this handler.
    ctx.setUncaughtExceptionHandler((thread, e) -> {
      this.log.ioFailed(thread.getName(), e);
      ioFailed.run();
    });
    this.codec = new WireCodec(MessageSigner.of(info.scheme(), info.key()));
    this.shell = new RequestSocket(ctx, false, codec);
    this.control = new RequestSocket(ctx, true, codec);
    this.stdin = new InputSocket(ctx, codec, this.log);
    this.iopub = new PublishSocket(ctx, codec);
    // A ROUTER that echoes whole messages, identity frame included, as ipykernel's heartbeat
    // does. Not a REP: JeroMQ 0.6.0's REP loses the reply to the next ping after a malformed
    // request from a peer that has already disconnected (its router's rollback leaves the
    // "more" flag set when the peer's pipe is no longer writable), which was the missed beat
    // seen now and then in CI.
    this.heartbeat = ctx.socket(org.zeromq.SocketType.ROUTER);
  }

  /** Registers the handler of {@code type}; call before {@link #start}. */
  public <T> void handle(MessageType<T> type, ShellHandler<T> handler) {
    handlers.put(type, handler);
  }

  /** The iopub socket, for jjava's comm manager. */
  public IOPubChannel iopub() {
    return iopub;
  }

  /**
   * Binds every socket to its port on the connection file's address (and nowhere else), starts
   * the serving threads and publishes the "starting" status.
   *
   * @throws IllegalArgumentException naming the endpoint if a port cannot be bound
   */
  public void start() {
    bind(shell, info.shellPort());
    bind(control, info.controlPort());
    bind(stdin, info.stdinPort());
    bind(iopub, info.iopubPort());
    bind(heartbeat, info.hbPort());
    threads.add(thread("mixrl-shell", () -> serve("shell", shell, false)));
    threads.add(thread("mixrl-control", () -> serve("control", control, true)));
    threads.add(thread("mixrl-heartbeat", this::echoHeartbeats));
    threads.forEach(Thread::start);
    iopub.sendMessage(new Message<>(null, MessageType.PUBLISH_STATUS, PublishStatus.STARTING));
  }

  /** Blocks until a shutdown request has been answered, then closes every socket. */
  public void awaitShutdown() throws InterruptedException {
    shutdown.await();
    closing = true;
    for (Thread t : threads) {
      t.join(JOIN_MS); // a cell still running on shell keeps its thread; the JVM exit ends it
    }
    for (ZMQ.Socket s : List.of(shell, control, stdin, iopub, heartbeat)) {
      s.close();
    }
    ctx.close(); // waits up to the linger time for the shutdown reply to leave
  }

  private void bind(ZMQ.Socket socket, int port) {
    String endpoint = info.endpoint(port);
    socket.setLinger(LINGER_MS);
    socket.setMaxMsgSize(MAX_FRAME_BYTES);
    socket.setIPv6(endpoint.contains("["));
    try {
      socket.bind(endpoint);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot bind " + endpoint + ": " + e.getMessage(), e);
    }
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private void serve(String channel, RequestSocket socket, boolean isControl) {
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(socket, ZMQ.Poller.POLLIN);
    while (!closing) {
      if (poller.poll(POLL_MS) <= 0) {
        continue;
      }
      List<byte[]> frames = List.of();
      String what = "a message";
      try {
        frames = Frames.receive(socket);
        Message<?> request = codec.decode(frames);
        MessageType<?> type = request.getHeader().getType();
        what = type.getName();
        ShellHandler<?> handler = handlers.get(type);
        if (handler == null || (isControl && !CONTROL_TYPES.contains(type))) {
          throw new RejectedMessage(what + " is not served on " + channel);
        }
        dispatch(socket, handler, request);
      } catch (RejectedMessage e) {
        log.dropped(channel, frames, e.getMessage());
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
        // jjava's handlers catch what cells throw; anything reaching here is a bug in the
        // kernel or the library, or a heap too full to copy one message, and letting it end
        // this thread would leave a kernel that never answers again.
        log.failed(channel, what, e);
      }
    }
    poller.close();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void dispatch(RequestSocket socket, ShellHandler handler, Message<?> request) {
    RequestEnvironment env = new RequestEnvironment(socket, stdin, iopub, request);
    try {
      handler.handle(env, request);
    } finally {
      env.resolveDeferrals();
      if (env.isMarkedForShutdown()) {
        shutdown.countDown();
      }
    }
  }

  /**
   * Jupyter's heartbeat: every message comes straight back, frame for frame; the ROUTER's
   * identity frame routes it to its sender, and a message for a peer that has gone is dropped.
   */
  private void echoHeartbeats() {
    ZMQ.Poller poller = ctx.poller(1);
    poller.register(heartbeat, ZMQ.Poller.POLLIN);
    while (!closing) {
      try {
        if (poller.poll(POLL_MS) > 0) {
          List<byte[]> frames = Frames.receive(heartbeat);
          if (!frames.isEmpty()) {
            Frames.send(heartbeat, frames);
          }
        }
      } catch (RuntimeException | OutOfMemoryError e) { // a full heap ends no thread of ours
        log.failed("heartbeat", "an echo", e);
      }
    }
    poller.close();
  }
}
