package org.mixrl.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.random.RandomStream;

class ParameterIOTest {
  @TempDir Path dir;

  private static MLP net(long seed, int hidden) {
    return new MLP(MlpConfig.of(3, List.of(hidden, 4), Activation.RELU, 2), RandomStream.of(seed));
  }

  private static double[][] snapshot(Module m) {
    return m.parameters().stream().map(t -> t.toArray()).toArray(double[][]::new);
  }

  private static void assertBitwiseEqual(double[][] a, double[][] b) {
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      long[] x = Arrays.stream(a[i]).mapToLong(Double::doubleToRawLongBits).toArray();
      long[] y = Arrays.stream(b[i]).mapToLong(Double::doubleToRawLongBits).toArray();
      assertArrayEquals(x, y, "parameter " + i);
    }
  }

  /** Saves net(1, 5) and returns the file; the loaded-into module must be left as it was. */
  private Path saved() throws IOException {
    Path f = dir.resolve("actor.params");
    ParameterIO.save(f, net(1, 5));
    return f;
  }

  private RecordFileException loadFails(Path f, MLP into) {
    double[][] before = snapshot(into);
    RecordFileException e =
        assertThrows(RecordFileException.class, () -> ParameterIO.load(f, into));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertBitwiseEqual(before, snapshot(into));
    return e;
  }

  @Test
  void roundTripIsBitwiseEqualIncludingSpecialValues() throws IOException {
    MLP a = net(1, 5);
    double[] w = a.layers().get(0).weight().data();
    w[0] = -0.0;
    w[1] = Double.MIN_VALUE;
    w[2] = Double.longBitsToDouble(0x7ff8_0000_0000_1234L); // a NaN with a payload
    w[3] = Double.NEGATIVE_INFINITY;
    Path f = dir.resolve("a.params");
    ParameterIO.save(f, a);
    MLP b = net(2, 5);
    ParameterIO.load(f, b);
    assertBitwiseEqual(snapshot(a), snapshot(b));
    assertEquals(List.copyOf(a.parameterSet().names()), List.copyOf(ParameterIO.read(f).keySet()));
  }

  @Test
  void fileStartsWithMagicAndVersion() throws IOException {
    byte[] bytes = Files.readAllBytes(saved());
    assertEquals("MIXRLP", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
    assertEquals(1, ByteBuffer.wrap(bytes, 6, 4).getInt());
    assertEquals(6, ByteBuffer.wrap(bytes, 10, 4).getInt()); // parameter count
  }

  @Test
  void truncatedFileIsReportedCorrupt() throws IOException {
    Path f = saved();
    byte[] bytes = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(bytes, bytes.length - 9));
    assertTrue(loadFails(f, net(2, 5)).getMessage().contains("corrupt"));
    Files.write(f, Arrays.copyOf(bytes, 8));
    assertTrue(loadFails(f, net(2, 5)).getMessage().contains("corrupt: truncated to 8 bytes"));
  }

  @Test
  void flippedByteIsReportedCorrupt() throws IOException {
    Path f = saved();
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(f, bytes);
    assertTrue(loadFails(f, net(2, 5)).getMessage().contains("corrupt: checksum mismatch"));
  }

  @Test
  void foreignFileIsNotAParameterFile() throws IOException {
    Path f = dir.resolve("notes.txt");
    Files.writeString(f, "hello, these are not parameters");
    assertTrue(
        loadFails(f, net(2, 5)).getMessage().contains("not a mixrl parameter file"));
  }

  @Test
  void otherVersionIsUnsupportedEvenWithAValidChecksum() throws IOException {
    Path f = saved();
    byte[] bytes = Files.readAllBytes(f);
    ByteBuffer.wrap(bytes).putInt(6, 2);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    Files.write(f, bytes);
    assertTrue(
        loadFails(f, net(2, 5)).getMessage().contains("unsupported version 2")
            && loadFails(f, net(2, 5)).getMessage().contains("(supported: 1)"));
  }

  @Test
  void shapeMismatchNamesTheParameterAndBothShapes() throws IOException {
    String msg = loadFails(saved(), net(2, 6)).getMessage();
    assertTrue(
        msg.contains("'layers.0.weight' has shape [5, 3], expected [6, 3]")
            && msg.contains("'layers.1.weight' has shape [4, 5], expected [4, 6]"),
        msg);
  }

  @Test
  void missingAndExtraNamesAreListed() throws IOException {
    Path f = dir.resolve("linear.params");
    ParameterIO.save(f, new Linear(3, 5, RandomStream.of(3)));
    String msg = loadFails(f, net(2, 5)).getMessage();
    assertTrue(msg.contains("missing parameters [layers.0.bias, layers.0.weight, layers.1.bias")
        && msg.contains("unexpected parameters [bias, weight]"), msg);
  }

  @Test
  void saveReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path f = dir.resolve("critic.params");
    ParameterIO.save(f, net(1, 5));
    MLP second = net(7, 5);
    ParameterIO.save(f, second);
    MLP loaded = net(8, 5);
    ParameterIO.load(f, loaded);
    assertBitwiseEqual(snapshot(second), snapshot(loaded));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  @Test
  void failedWriteKeepsTheOldFileIntact() throws IOException {
    Path f = saved();
    byte[] before = Files.readAllBytes(f);
    assertThrows(
        IOException.class,
        () -> BinaryRecordWriter.writeAtomically(f, "MIXRLP", 1, out -> {
          out.writeInt(3);
          out.writeDoubles(new double[1000]);
          throw new IOException("disk full (simulated)");
        }));
    assertArrayEquals(before, Files.readAllBytes(f));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  @Test
  void readerRejectsTrailingBytesAndOversizedCounts() throws IOException {
    Path f = dir.resolve("custom.bin");
    BinaryRecordWriter.writeAtomically(f, "MIXRLP", 1, out -> {
      out.writeInt(1);
      out.writeString("w");
      out.writeShape(new int[] {1000, 1000}); // announces a million values, stores none
    });
    var e = assertThrows(RecordFileException.class, () -> ParameterIO.read(f));
    assertTrue(e.getMessage().contains("malformed: 1000000 values announced"), e.getMessage());
    BinaryRecordWriter.writeAtomically(f, "MIXRLP", 1, out -> {
      out.writeInt(0);
      out.writeLong(42);
    });
    e = assertThrows(RecordFileException.class, () -> ParameterIO.read(f));
    assertTrue(e.getMessage().contains("8 unread bytes"), e.getMessage());
  }
}
