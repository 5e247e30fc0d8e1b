package org.mixrl.nn;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the framing shared by mixrl's binary files: magic bytes (ASCII), a format version
 * (int), the caller's records, then a CRC32 of every byte before it (int). All numbers are
 * big-endian ({@link DataOutputStream}).
 *
 * <p>Parameter files ({@link ParameterIO}, magic {@code MIXRLP}) use it today; later formats
 * (checkpoints with optimizer state, replay buffers) should use it too with their own magic,
 * so that all of them are written atomically and verified the same way by {@link
 * BinaryRecordReader}.
 */
public final class BinaryRecordWriter {
  /** The records of one file, written between the header and the checksum. */
  @FunctionalInterface
  public interface Body {
    void write(BinaryRecordWriter out) throws IOException;
  }

  private final DataOutputStream out;

  private BinaryRecordWriter(DataOutputStream out) {
    this.out = out;
  }

  /**
   * Writes {@code file} as header + {@code body} + CRC32, into a temporary file in the same
   * directory that is fsynced and then atomically renamed over {@code file}: a crash or an
   * exception leaves either the old file or the complete new one, never a partial file.
   */
  public static void writeAtomically(Path file, String magic, int version, Body body)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    // same directory, so the rename never crosses file systems and can be atomic
    Path tmp = SiblingTempFile.create(target);
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        CRC32 crc = new CRC32();
        DataOutputStream checked = new DataOutputStream(new CheckedOutputStream(raw, crc));
        checked.write(magic.getBytes(StandardCharsets.US_ASCII));
        checked.writeInt(version);
        body.write(new BinaryRecordWriter(checked));
        checked.flush();
        DataOutputStream trailer = new DataOutputStream(raw);
        trailer.writeInt((int) crc.getValue());
        trailer.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            target + ": the file system cannot rename atomically, refusing a non-atomic save", e);
      }
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the data is already complete in the renamed file
    }
  }

  public void writeInt(int v) throws IOException {
    out.writeInt(v);
  }

  public void writeLong(long v) throws IOException {
    out.writeLong(v);
  }

  /** Writes the exact bits of {@code v} (NaN payloads and −0.0 survive a round trip). */
  public void writeDouble(double v) throws IOException {
    out.writeLong(Double.doubleToRawLongBits(v));
  }

  /** Writes the values (not their count) with their exact bits. */
  public void writeDoubles(double[] values) throws IOException {
    for (double v : values) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  /** A string in modified UTF-8 with a 2-byte length (at most 65535 bytes). */
  public void writeString(String s) throws IOException {
    out.writeUTF(s);
  }

  /** A shape: rank, then the dimensions. */
  public void writeShape(int[] shape) throws IOException {
    out.writeInt(shape.length);
    for (int d : shape) {
      out.writeInt(d);
    }
  }
}
