package org.mixrl.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Runs the kernel on the sockets named by a Jupyter connection file until it is shut down. */
public final class KernelServer {
  private KernelServer() {}

  /**
   * Starts the JShell session, binds the sockets of {@code connectionFile} and serves until a
   * shutdown request; returns then (the caller exits the JVM, ending any threads cells left).
   *
   * @throws IllegalArgumentException if the connection file is missing or malformed
   */
  public static void run(Path connectionFile, String version) {
    KernelConnectionProperties props = read(connectionFile);
    JupyterConnection connection;
    try {
      connection = new JupyterConnection(props);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "connection file " + connectionFile + ": unusable signature_scheme/key: " + e.getMessage(), e);
    }
    // JShell and the imports first (about a second), so the first cell is not the slow one.
    MixrlKernel kernel = new MixrlKernel(CellEvaluator.onJvmClassPath(), version);
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
  }

  private static KernelConnectionProperties read(Path connectionFile) {
    if (!Files.isRegularFile(connectionFile)) {
      throw new IllegalArgumentException("connection file " + connectionFile + " does not exist");
    }
    try {
      return KernelConnectionProperties.parse(Files.readString(connectionFile));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "connection file " + connectionFile + " cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "connection file " + connectionFile + " is not a Jupyter connection file: " + e.getMessage(), e);
    }
  }
}
