package org.mixrl.kernel;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs the kernel on the sockets named by a Jupyter connection file until it is shut down. */
public final class KernelServer {
  private KernelServer() {}

  /**
   * Starts the JShell session, binds the sockets of {@code connectionFile} and serves until a
   * shutdown request; returns then (the caller exits the JVM, ending any threads cells left).
   *
   * @throws IllegalArgumentException if the connection file is missing or malformed, has an
   *     empty key without saying {@code "signature_scheme": "none"}, or a port cannot be bound
   */
  public static void run(Path connectionFile, String version) {
    ConnectionInfo info = ConnectionInfo.read(connectionFile);
    // The JVM's own stderr, held now: while a cell runs, System.err goes to the notebook.
    PrintStream err = System.err;
    if (info.unsigned()) {
      err.println("mixrl kernel: WARNING: " + connectionFile + " turns message signing off"
          + " (\"signature_scheme\": \"none\"); any process that reaches the ports can run code");
    }
    if (info.bindsEverywhere()) {
      err.println("mixrl kernel: WARNING: binding to " + info.ip() + " (every interface): other"
          + " machines can reach the kernel's ports; only the key keeps them out");
    }
    // Exit code 1 (failed after it started, as README's policy says). Halt, not exit: with
    // JeroMQ's I/O thread gone (a full heap, most likely) shutdown hooks and the sockets'
    // linger could only delay the end Jupyter needs to see.
    KernelChannels channels = new KernelChannels(info, err, () -> Runtime.getRuntime().halt(1));
    // JShell and the imports first (about a second), so the first cell is not the slow one.
    MixrlKernel kernel = new MixrlKernel(CellEvaluator.onJvmClassPath(), version);
    kernel.onStartup();
    kernel.serveOn(channels);
    channels.start();
    try {
      channels.awaitShutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
