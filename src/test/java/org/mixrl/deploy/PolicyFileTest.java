package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.nn.Activation;

/** Reading policy files: round trips, and every kind of bad file refused with its reason. */
class PolicyFileTest {
  @TempDir Path dir;

  private static DeployedPolicy small() {
    return Agents.export(Agents.pendulumAgent("sgm", 3, List.of(4), 1));
  }

  private static DeployedPolicy load(byte[] bytes) throws IOException {
    return DeployedPolicy.load(new ByteArrayInputStream(bytes));
  }

  private static String refusal(byte[] bytes) {
    return assertThrows(PolicyFormatException.class, () -> load(bytes)).getMessage();
  }

  @Test
  void aPolicyRoundTripsThroughAFileAndKeepsItsMetadata() throws IOException {
    DeployedPolicy p = small();
    Path f = dir.resolve("p.mixrl");
    Files.write(f, p.toBytes());
    DeployedPolicy q = DeployedPolicy.load(f);
    assertEquals(p.metadata(), q.metadata());
    assertEquals(p.policyClass(), q.policyClass());
    assertEquals(3, q.components());
    assertEquals(3, q.obsDim());
    assertEquals(1, q.actionDim());
    assertEquals(p.logStdBounds(), q.logStdBounds());
    assertEquals(p.actionBox(), q.actionBox());
    assertArrayEquals(p.toBytes(), q.toBytes());
  }

  @Test
  void aStreamLoadReadsExactlyOnePolicyAndLeavesTheRest() throws IOException {
    byte[] a = small().toBytes();
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(a);
    both.write("tail".getBytes(StandardCharsets.US_ASCII));
    ByteArrayInputStream in = new ByteArrayInputStream(both.toByteArray());
    DeployedPolicy.load(in);
    assertEquals("tail", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void everyTruncationIsRefusedAsTruncated() {
    byte[] b = small().toBytes();
    for (int n = 0; n < b.length; n++) {
      String m = refusal(Arrays.copyOf(b, n));
      assertTrue(m.contains("truncated"), "cut to " + n + " bytes: " + m);
    }
  }

  @Test
  void everySingleBitFlipIsRefused() {
    byte[] b = small().toBytes();
    for (int i = 0; i < b.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] c = b.clone();
        c[i] ^= (byte) (1 << bit);
        String m = refusal(c);
        int at = i;
        assertTrue(m.contains("corrupt") || m.contains("truncated")
            || (at < 8 && m.contains("not a mixrl policy file")),
            "flip at byte " + i + " bit " + bit + ": " + m);
      }
    }
  }

  @Test
  void aNewerFormatVersionIsRefusedByName() {
    byte[] c = withChecksum(withInt(small().toBytes(), 8, 2));
    String m = refusal(c);
    assertTrue(m.contains("unsupported policy format version 2") && m.contains("newer mixrl"), m);
  }

  @Test
  void foreignFilesAreRefusedAsNotAPolicy() throws IOException {
    for (byte[] foreign : List.of(
        "MIXRLC\0\0\0\1 a checkpoint".getBytes(StandardCharsets.US_ASCII),
        "{\"format\": \"mixrl-run-config/1\"}".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13})) {
      assertTrue(refusal(foreign).contains("not a mixrl policy file"));
    }
  }

  @Test
  void bytesAfterTheChecksumOfAFileAreRefused() throws IOException {
    Path f = dir.resolve("p.mixrl");
    byte[] b = small().toBytes();
    Files.write(f, Arrays.copyOf(b, b.length + 1));
    String m = assertThrows(PolicyFormatException.class, () -> DeployedPolicy.load(f))
        .getMessage();
    assertTrue(m.contains(f.toString()) && m.contains("bytes follow"), m);
  }

  @Test
  void aWellFormedButInconsistentBodyIsRefused() throws IOException {
    // the head of a 1-D sg policy reads 2 outputs; this network gives 3
    DeployedPolicy sg = Agents.export(Agents.pendulumAgent("sg", 1, List.of(4), 1));
    byte[] b = sg.toBytes();
    // rewrite the policy class "sg" -> "gm" (K stays 1, so gm's head reads 1 + 2 = 3 outputs)
    byte[] gm = replaceFirst(b, "\0\0\0\2sg".getBytes(StandardCharsets.US_ASCII),
        "\0\0\0\2gm".getBytes(StandardCharsets.US_ASCII));
    String m = refusal(withChecksum(gm));
    assertTrue(m.contains("inconsistent policy") && m.contains("reads 3 network outputs"), m);
  }

  @Test
  void anUnknownActivationIsRefusedByName() {
    byte[] b = small().toBytes();
    byte[] gelu = replaceFirst(b, "\0\0\0\4relu".getBytes(StandardCharsets.US_ASCII),
        "\0\0\0\4gelu".getBytes(StandardCharsets.US_ASCII));
    String m = refusal(withChecksum(gelu));
    assertTrue(m.contains("unknown activation 'gelu'") && m.contains("relu, tanh, elu, identity"),
        m);
  }

  @Test
  void nonFiniteWeightsAreRefused() {
    double[] w = {1, Double.NaN};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DenseLayer.of(2, 1, w, new double[] {0}, Activation.IDENTITY));
    assertTrue(e.getMessage().contains("weight[0, 1] is NaN"), e.getMessage());
  }

  private static byte[] withInt(byte[] b, int at, int v) {
    byte[] c = b.clone();
    ByteBuffer.wrap(c).putInt(at, v);
    return c;
  }

  /** Recomputes the trailing CRC32, as a deliberate writer of such a file would. */
  private static byte[] withChecksum(byte[] b) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 4);
    return withInt(b, b.length - 4, (int) crc.getValue());
  }

  private static byte[] replaceFirst(byte[] b, byte[] what, byte[] with) {
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      byte[] c = b.clone();
      System.arraycopy(with, 0, c, i, with.length);
      return c;
    }
    throw new AssertionError("pattern not found");
  }
}
