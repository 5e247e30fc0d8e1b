package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The serving loops over real sockets, with recording handlers instead of a JShell kernel: a
 * forged message, a handler that throws and a misrouted request must each leave the channel
 * serving the next signed request. (The protocol test does the same through jupyter_client.)
 */
class KernelChannelsTest {
  private static final String KEY = "test-key";
  private static final long WAIT_S = 10;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static List<byte[]> request(String key, String type, String content) {
    MessageSigner signer = MessageSigner.of("hmac-sha256", key);
    String header = "{\"msg_id\": \"" + type + "-" + System.nanoTime() + "\", \"username\": \"t\","
        + " \"session\": \"s\", \"date\": \"2026-01-01T00:00:00.000Z\", \"msg_type\": \"" + type
        + "\", \"version\": \"5.3\"}";
    List<byte[]> parts = new ArrayList<>();
    for (String p : List.of(header, "{}", "{}", content)) {
      parts.add(p.getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> frames = new ArrayList<>(List.of(WireCodec.DELIMITER, signer.sign(parts)));
    frames.addAll(parts);
    return frames;
  }

  /**
   * Does ZeroMQ's handshake (ZMTP 3.0, NULL security) as a DEALER on {@code port}, announces one
   * frame of {@code size} bytes and sends 16 of them; returns the connected socket.
   */
  private static Socket announceFrame(int port, long size) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_S));
    ByteBuffer greeting = ByteBuffer.allocate(64);
    greeting.put((byte) 0xff).put(new byte[8]).put((byte) 0x7f).put((byte) 3).put((byte) 0);
    greeting.put("NULL".getBytes(StandardCharsets.US_ASCII));
    byte[] ready = "\u0005READY\u000bSocket-Type\u0000\u0000\u0000\u0006DEALER".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(64 + 2 + ready.length + 9 + 16);
    out.put(greeting.array()).put((byte) 0x04).put((byte) ready.length).put(ready);
    out.put((byte) 0x02).putLong(size).put(new byte[16]); // a long frame, the last
    s.getOutputStream().write(out.array());
    return s;
  }

  @Test
  void aPeerAnnouncingAFrameOverTheLimitIsDisconnected() throws Exception {
    ConnectionInfo info = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(),
        freePort(), freePort(), KEY, "hmac-sha256");
    // the channel's log (dropped and failed messages), shown if the assertion below fails
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    KernelChannels channels = new KernelChannels(info,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    BlockingQueue<String> handled = new LinkedBlockingQueue<>();
    channels.handle(MessageType.KERNEL_INFO_REQUEST, (env, m) -> handled.add("kernel_info"));
    channels.handle(MessageType.SHUTDOWN_REQUEST, (env, m) -> env.markForShutdown());
    channels.start();
    // One byte over the limit is refused; without the limit JeroMQ would reserve all of it
    // (here 2 GiB - 1) and keep the connection open waiting for the bytes.
    for (long size : new long[] {KernelChannels.MAX_FRAME_BYTES + 1, Integer.MAX_VALUE}) {
      try (Socket s = announceFrame(info.shellPort(), size)) {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
          while (in.read(buf) >= 0) {
            // the kernel's own handshake bytes, then the end of the stream
          }
        } catch (SocketTimeoutException e) {
          fail("a connection announcing a frame of " + size + " bytes was still open after " + WAIT_S + " s");
        } catch (SocketException reset) {
          // closed with our bytes unread: a reset is a disconnect too
        }
      }
    }
    // Up to three fresh client sockets, as for the heartbeat below: JeroMQ as a client sometimes
    // never delivers a fresh socket's first message (here too: in a probe of 20 fresh kernels
    // without any refused peer, 3 first requests never arrived while a second socket's did).
    // What is tested is the server: after the refused peers it still serves a new connection.
    List<ZMQ.Socket> sockets = new ArrayList<>();
    try (ZMQ.Context ctx = ZMQ.context(1)) {
      try {
        String got = null;
        ZMQ.Socket served = null;
        for (int attempt = 0; attempt < 3 && got == null; attempt++) {
          ZMQ.Socket shell = ctx.socket(SocketType.DEALER);
          sockets.add(shell);
          shell.setLinger(0);
          shell.connect(info.endpoint(info.shellPort()));
          Frames.send(shell, request(KEY, "kernel_info_request", "{}"));
          got = handled.poll(WAIT_S / 2, TimeUnit.SECONDS);
          served = shell;
        }
        assertEquals("kernel_info", got, () -> "after refused frames, in three fresh connections;"
            + " the channel's log: " + log.toString(StandardCharsets.UTF_8));
        Frames.send(served, request(KEY, "shutdown_request", "{\"restart\": false}"));
        channels.awaitShutdown();
      } finally {
        for (ZMQ.Socket socket : sockets) {
          socket.setLinger(0);
          socket.close();
        }
      }
    }
  }

  @Test
  void forgedFailingAndMisroutedMessagesLeaveEveryChannelServing() throws Exception {
    ConnectionInfo info = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(),
        freePort(), freePort(), KEY, "hmac-sha256");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    KernelChannels channels = new KernelChannels(info, new PrintStream(err, true, StandardCharsets.UTF_8));
    BlockingQueue<String> handled = new LinkedBlockingQueue<>();
    channels.handle(MessageType.KERNEL_INFO_REQUEST, (env, m) -> handled.add("kernel_info"));
    channels.handle(MessageType.EXECUTE_REQUEST, (env, m) -> {
      handled.add("execute");
      throw new IllegalStateException("handler bug");
    });
    channels.handle(MessageType.SHUTDOWN_REQUEST, (env, m) -> {
      handled.add("shutdown");
      env.markForShutdown();
    });
    channels.start();
    Thread waiter = new Thread(() -> {
      try {
        channels.awaitShutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();

    List<ZMQ.Socket> sockets = new ArrayList<>();
    try (ZMQ.Context ctx = ZMQ.context(1)) {
      // closed in finally: a socket left open makes the context's close wait forever, which
      // would turn any failed assertion below into a hang that hides it
      try {
      ZMQ.Socket shell = ctx.socket(SocketType.DEALER);
      ZMQ.Socket control = ctx.socket(SocketType.DEALER);
      sockets.add(shell);
      sockets.add(control);
      shell.setIdentity("tester".getBytes(StandardCharsets.US_ASCII));
      shell.setLinger(0);
      control.setLinger(0);
      shell.connect(info.endpoint(info.shellPort()));
      control.connect(info.endpoint(info.controlPort()));

      Frames.send(shell, request("wrong-key", "execute_request", "{\"code\": \"1\"}"));
      Frames.send(shell, request(KEY, "kernel_info_request", "{}"));
      assertEquals("kernel_info", handled.poll(WAIT_S, TimeUnit.SECONDS), "after a forged execute_request");

      Frames.send(shell, request(KEY, "execute_request", "{\"code\": \"1\"}"));
      Frames.send(shell, request(KEY, "kernel_info_request", "{}"));
      assertEquals("execute", handled.poll(WAIT_S, TimeUnit.SECONDS));
      assertEquals("kernel_info", handled.poll(WAIT_S, TimeUnit.SECONDS), "after a handler threw");

      Frames.send(control, request(KEY, "execute_request", "{\"code\": \"1\"}"));
      Frames.send(control, request("wrong-key", "shutdown_request", "{\"restart\": false}"));
      Frames.send(control, request(KEY, "kernel_info_request", "{}"));
      assertEquals("kernel_info", handled.poll(WAIT_S, TimeUnit.SECONDS), "control after misrouted and forged");

      // Jupyter clients tolerate a missed beat and send the next one; so does this test (up to
      // three, each on a fresh REQ socket), because JeroMQ as a *client* sometimes never
      // delivers a fresh REQ's first message: 9 of 600 rounds in a probe where the server saw
      // no ping at all, against 0 of 400 with pyzmq (libzmq) as the client. The kernel's own
      // lost echo is tested through pyzmq, as Jupyter connects (kernel_protocol_test.py).
      String echo = null;
      for (int attempt = 0; attempt < 3 && !"ping".equals(echo); attempt++) {
        ZMQ.Socket hb = ctx.socket(SocketType.REQ);
        sockets.add(hb);
        hb.setLinger(0);
        hb.setReceiveTimeOut((int) TimeUnit.SECONDS.toMillis(3));
        hb.connect(info.endpoint(info.hbPort()));
        hb.send("ping");
        echo = hb.recvStr();
      }
      assertEquals("ping", echo, "no heartbeat echo in three tries");

      Frames.send(control, request(KEY, "shutdown_request", "{\"restart\": false}"));
      assertEquals("shutdown", handled.poll(WAIT_S, TimeUnit.SECONDS));
      waiter.join(TimeUnit.SECONDS.toMillis(WAIT_S));
      assertTrue(!waiter.isAlive(), "awaitShutdown did not return after a shutdown request");
      } finally {
        for (ZMQ.Socket socket : sockets) {
          socket.setLinger(0);
          socket.close();
        }
      }
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("dropped a message on shell from identity tester: signature does not verify"), log);
    assertTrue(log.contains("execute_request on shell failed and was skipped: java.lang.IllegalStateException: handler bug"), log);
    assertTrue(log.contains("on control from identity 0x"), log);
    assertTrue(log.contains("execute_request is not served on control"), log);
    assertEquals(4, log.lines().count(), log); // forged on shell, handler bug, misrouted and forged on control
    assertNotNull(channels.iopub());
  }
}
