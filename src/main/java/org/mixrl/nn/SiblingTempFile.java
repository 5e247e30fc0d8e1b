package org.mixrl.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The temporary files of an atomic replace: {@code .NAME.UNIQUE.tmp} in the target's directory,
 * so the final rename never crosses file systems.
 *
 * <p>Created with the permissions of any new file (0666 less the umask), because the rename
 * carries them over to the target: {@link Files#createTempFile} makes 0600 files, which would
 * hide every result from collaborators on a shared cluster directory (issue 16).
 */
public final class SiblingTempFile {
  private static final AtomicLong COUNTER = new AtomicLong();

  private SiblingTempFile() {}

  /** Creates a new, empty temporary file beside {@code target}. */
  public static Path create(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    String prefix = "." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-";
    while (true) {
      Path tmp = abs.resolveSibling(prefix + COUNTER.incrementAndGet() + "-"
          + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // a leftover of an earlier process with the same pid: try the next name
      }
    }
  }

  /**
   * Deletes the temporary files a killed writer left beside {@code target}. Only call it while
   * holding the directory's lock: another live writer's temporary file would go too.
   *
   * @return how many were deleted
   */
  public static int deleteStale(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    String prefix = "." + abs.getFileName() + ".";
    List<Path> stale;
    try (Stream<Path> s = Files.list(abs.getParent())) {
      stale = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(".tmp");
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale.size();
  }
}
