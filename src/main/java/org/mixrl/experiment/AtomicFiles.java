package org.mixrl.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mixrl.nn.SiblingTempFile;

/**
 * Files replaced atomically: a temporary file in the target's directory (so the rename never
 * crosses file systems), then a rename over the target. Readers on any host see the old file or
 * the new one, never half of one. The file gets the permissions of any new file (the umask
 * applies), not the 0600 of {@link Files#createTempFile}. Checkpoints need more (fsync,
 * checksum) and use {@link org.mixrl.nn.BinaryRecordWriter#writeAtomically} instead.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code file}, creating its directory if needed. */
  public static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code file}, creating its directory if needed. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = SiblingTempFile.create(file);
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
