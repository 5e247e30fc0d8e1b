package org.mixrl.nn;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads a file written by {@link BinaryRecordWriter}. {@link #open} checks magic, version and
 * checksum before the caller reads a single record, so callers never act on a corrupt file;
 * every failure is a {@link RecordFileException} naming the file and the problem.
 */
public final class BinaryRecordReader {
  private static final int CRC_BYTES = 4;

  private final Path file;
  private final int version;
  // over a ByteArrayInputStream, so available() is exactly the number of unread bytes
  private final ByteArrayInputStream bytesIn;
  private final DataInputStream in;

  private BinaryRecordReader(Path file, int version, byte[] bytes, int from, int length) {
    this.file = file;
    this.version = version;
    this.bytesIn = new ByteArrayInputStream(bytes, from, length);
    this.in = new DataInputStream(bytesIn);
  }

  /**
   * Reads and verifies {@code file}: its magic must be {@code magic} (else "not a {@code
   * description}"), its version one of {@code supportedVersions}, its CRC32 must match.
   */
  public static BinaryRecordReader open(
      Path file, String magic, String description, int... supportedVersions) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
    int header = expected.length + Integer.BYTES;
    int prefix = Math.min(bytes.length, expected.length);
    if (!Arrays.equals(bytes, 0, prefix, expected, 0, prefix)) {
      throw new RecordFileException(
          file, "not a " + description + " (it does not start with \"" + magic + "\")");
    }
    if (bytes.length < header + CRC_BYTES) {
      throw new RecordFileException(
          file, "corrupt: truncated to " + bytes.length + " bytes, shorter than any " + description);
    }
    int version = readInt(bytes, expected.length);
    if (Arrays.stream(supportedVersions).noneMatch(v -> v == version)) {
      throw new RecordFileException(
          file,
          "unsupported version " + version + " of the " + description + " format (supported: "
              + joined(supportedVersions) + ")");
    }
    int end = bytes.length - CRC_BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, end);
    int stored = readInt(bytes, end);
    if ((int) crc.getValue() != stored) {
      throw new RecordFileException(
          file,
          String.format(
              "corrupt: checksum mismatch (stored %08x, computed %08x); the file was truncated"
                  + " or modified",
              stored, (int) crc.getValue()));
    }
    return new BinaryRecordReader(file, version, bytes, header, end - header);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static String joined(int[] vs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < vs.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(vs[i]);
    }
    return sb.toString();
  }

  public Path file() {
    return file;
  }

  /** The format version found in the header. */
  public int version() {
    return version;
  }

  /** A {@link RecordFileException} about this file, for callers' own checks. */
  public RecordFileException error(String problem) {
    return new RecordFileException(file, problem);
  }

  public int readInt() throws IOException {
    need(Integer.BYTES);
    return in.readInt();
  }

  public long readLong() throws IOException {
    need(Long.BYTES);
    return in.readLong();
  }

  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** {@code n} doubles, exact bits. */
  public double[] readDoubles(int n) throws IOException {
    // checked before allocating, so a bad count cannot exhaust memory
    if (n < 0 || (long) n * Double.BYTES > remaining()) {
      throw error("malformed: " + n + " values announced, " + remaining() + " bytes left");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Double.longBitsToDouble(in.readLong());
    }
    return out;
  }

  public String readString() throws IOException {
    try {
      return in.readUTF();
    } catch (EOFException | UTFDataFormatException e) {
      throw error("malformed: bad string record (" + e.getMessage() + ")");
    }
  }

  /** A shape written by {@link BinaryRecordWriter#writeShape}; rank at most {@code maxRank}. */
  public int[] readShape(int maxRank) throws IOException {
    int rank = readInt();
    if (rank < 0 || rank > maxRank) {
      throw error("malformed: rank " + rank + " (allowed 0.." + maxRank + ")");
    }
    int[] shape = new int[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = readInt();
      if (shape[i] < 0) {
        throw error("malformed: negative dimension " + shape[i] + " in a shape");
      }
    }
    return shape;
  }

  /** Fails unless every record has been read. */
  public void expectEnd() throws IOException {
    if (remaining() != 0) {
      throw error("malformed: " + remaining() + " unread bytes after the last record");
    }
  }

  /** Bytes not yet read. */
  public int remaining() {
    return bytesIn.available();
  }

  private void need(int bytes) throws IOException {
    if (remaining() < bytes) {
      throw error("malformed: a record ends early (" + remaining() + " bytes left)");
    }
  }
}
