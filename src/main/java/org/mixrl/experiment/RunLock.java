package org.mixrl.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on one run directory: an OS file lock ({@link FileChannel#tryLock}, i.e.
 * fcntl/POSIX record locks on Linux) on {@code runs/ID/lock}.
 *
 * <p>Why an OS lock and not a pid file: the kernel (or, on NFS, the lock manager / NFSv4
 * server) releases it when the holding process dies for any reason, including {@code kill -9}
 * and Slurm's job kill, so a killed holder never leaves a stale lock; and it works across hosts
 * on a shared file system, where a pid in a file cannot be checked. A crashed <i>host</i> is
 * released when the NFS server's lease expires (about 90 s by default). File systems mounted
 * without lock support (Lustre without {@code flock}) make {@link #tryAcquire} throw an
 * {@link IOException} saying so, rather than run unlocked. The file keeps the holder's host,
 * pid and start time, for people reading it; that text is never trusted for locking.
 *
 * <p>POSIX locks belong to a process, and closing any descriptor of the file drops all of the
 * process's locks on it. So this JVM never opens a lock file it already holds: it remembers its
 * own locks in {@link #HELD} and answers from there.
 */
public final class RunLock implements AutoCloseable {
  /** Lock file name inside a run directory. */
  public static final String FILE_NAME = "lock";

  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code runDir} if nobody holds it.
   *
   * @return the held lock (close it to release), or empty if another process or thread has it
   * @throws IOException if the file system cannot lock files
   */
  public static Optional<RunLock> tryAcquire(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE_NAME).toAbsolutePath().normalize();
    if (!HELD.add(file)) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (IOException e) {
        throw new IOException(file + ": the file system refused a file lock (" + e.getMessage()
            + "); runs need a file system with POSIX locks (on Lustre mount with flock)", e);
      }
      if (l == null) {
        ch.close();
        HELD.remove(file);
        return Optional.empty();
      }
      String holder = holderText();
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return Optional.of(new RunLock(file, ch, l));
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      HELD.remove(file);
      throw e;
    }
  }

  /**
   * Whether some process (this one included) holds the lock of {@code runDir} now. A moment's
   * answer: the holder may finish right after.
   */
  public static boolean isHeld(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE_NAME).toAbsolutePath().normalize();
    if (HELD.contains(file)) {
      return true;
    }
    if (!java.nio.file.Files.exists(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    }
  }

  private static String holderText() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown-host";
    }
    return "host=" + host + " pid=" + ProcessHandle.current().pid() + " since="
        + Instant.now() + "\n";
  }

  /** Host name of this machine, for status files. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      HELD.remove(file);
    }
  }
}
