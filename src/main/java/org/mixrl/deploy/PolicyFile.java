package org.mixrl.deploy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.mixrl.nn.Activation;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;

/**
 * The policy file format (big-endian throughout).
 *
 * <pre>
 * header   magic "MIXRLPOL" (8 bytes), format version (int32), body length N (int32)
 * body     N bytes, laid out by the version (version 1 below)
 * trailer  CRC32 of header and body (int32)
 * </pre>
 *
 * The header and trailer are the same in every version; only the body changes, and any change
 * to it takes a new version number. A reader checks magic, length and checksum first, so a
 * corrupt file is reported as corrupt, then the version, so a file from a newer mixrl is
 * reported as such rather than misread.
 *
 * <p>Body, version 1: run id, config hash, env id (strings: int32 byte count + UTF-8), trained
 * steps (int64); policy class short name (string), K (int32); log-std mode name (string), min,
 * max (float64); action dimension d (int32), box low[d], high[d] (float64); layer count L
 * (int32), then per layer: in, out (int32), activation name (string), weight [out, in] row-major
 * and bias [out] (float64).
 */
final class PolicyFile {
  private static final byte[] MAGIC = "MIXRLPOL".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int HEADER_BYTES = MAGIC.length + 2 * Integer.BYTES;
  private static final int CRC_BYTES = Integer.BYTES;
  /** Bodies above this are refused before reading them: no actor mixrl trains is near it. */
  static final int MAX_BODY_BYTES = 1 << 30;
  private static final int MAX_LAYERS = 64;

  private PolicyFile() {}

  static byte[] write(DeployedPolicy p) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      PolicyMetadata m = p.metadata();
      writeString(out, m.runId());
      writeString(out, m.configHash());
      writeString(out, m.envId());
      out.writeLong(m.trainedSteps());
      writeString(out, p.policyClass().shortName());
      out.writeInt(p.components());
      writeString(out, p.logStdBounds().mode().name().toLowerCase(Locale.ROOT));
      out.writeDouble(p.logStdBounds().min());
      out.writeDouble(p.logStdBounds().max());
      out.writeInt(p.actionDim());
      for (double v : p.actionBox().low()) {
        out.writeDouble(v);
      }
      for (double v : p.actionBox().high()) {
        out.writeDouble(v);
      }
      out.writeInt(p.layers().size());
      for (DenseLayer l : p.layers()) {
        out.writeInt(l.in());
        out.writeInt(l.out());
        writeString(out, l.activation().name().toLowerCase(Locale.ROOT));
        for (double v : l.weight()) {
          out.writeDouble(v);
        }
        for (double v : l.bias()) {
          out.writeDouble(v);
        }
      }
      out.flush();
      byte[] b = body.toByteArray();
      ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + b.length + CRC_BYTES);
      file.put(MAGIC).putInt(VERSION).putInt(b.length).put(b);
      CRC32 crc = new CRC32();
      crc.update(file.array(), 0, HEADER_BYTES + b.length);
      file.putInt((int) crc.getValue());
      return file.array();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  static DeployedPolicy read(InputStream in, String source) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    int prefix = Math.min(header.length, MAGIC.length);
    if (!Arrays.equals(header, 0, prefix, MAGIC, 0, prefix)) {
      throw problem(source, "not a mixrl policy file (it does not start with \"MIXRLPOL\")");
    }
    if (header.length < HEADER_BYTES) {
      throw problem(source, "truncated: " + header.length + " bytes, shorter than the "
          + HEADER_BYTES + "-byte header of a policy file");
    }
    ByteBuffer h = ByteBuffer.wrap(header);
    h.position(MAGIC.length);
    int version = h.getInt();
    int length = h.getInt();
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw problem(source, "corrupt: body length " + length + " is outside [0, "
          + MAX_BODY_BYTES + "]");
    }
    byte[] rest = in.readNBytes(length + CRC_BYTES);
    if (rest.length < length + CRC_BYTES) {
      throw problem(source, "truncated: the header announces " + (HEADER_BYTES + length
          + CRC_BYTES) + " bytes, only " + (HEADER_BYTES + rest.length) + " are there");
    }
    CRC32 crc = new CRC32();
    crc.update(header);
    crc.update(rest, 0, length);
    int stored = ByteBuffer.wrap(rest, length, CRC_BYTES).getInt();
    if ((int) crc.getValue() != stored) {
      throw problem(source, String.format(Locale.ROOT,
          "corrupt: checksum mismatch (stored %08x, computed %08x); the file was damaged or"
              + " modified", stored, (int) crc.getValue()));
    }
    if (version != VERSION) {
      throw problem(source, "unsupported policy format version " + version + " (this mixrl"
          + " reads version " + VERSION + (version > VERSION ? "; the file was written by a"
          + " newer mixrl" : "") + ")");
    }
    ByteBuffer body = ByteBuffer.wrap(rest, 0, length);
    try {
      DeployedPolicy p = readBodyV1(body, source);
      if (body.hasRemaining()) {
        throw problem(source, "corrupt: " + body.remaining() + " unread bytes at the end of the"
            + " body");
      }
      return p;
    } catch (BufferUnderflowException e) {
      throw problem(source, "corrupt: the body ends in the middle of a field");
    } catch (IllegalArgumentException e) {
      throw problem(source, "inconsistent policy: " + e.getMessage());
    }
  }

  private static DeployedPolicy readBodyV1(ByteBuffer b, String source)
      throws PolicyFormatException {
    PolicyMetadata meta =
        new PolicyMetadata(readString(b, source), readString(b, source), readString(b, source),
            b.getLong());
    PolicyClass cls = PolicyClass.parse(readString(b, source));
    int k = b.getInt();
    LogStdBounds.Mode mode = parseEnum(LogStdBounds.Mode.values(), "log-std mode",
        readString(b, source));
    LogStdBounds bounds = new LogStdBounds(b.getDouble(), b.getDouble(), mode);
    int d = b.getInt();
    if (d < 1 || (long) d * 2 * Double.BYTES > b.remaining()) {
      throw problem(source, "corrupt: action dimension " + d + " does not fit the file");
    }
    double[] low = readDoubles(b, d);
    double[] high = readDoubles(b, d);
    ActionBox box = new ActionBox(low, high);
    int n = b.getInt();
    if (n < 1 || n > MAX_LAYERS) {
      throw problem(source, "corrupt: layer count " + n + " is outside [1, " + MAX_LAYERS + "]");
    }
    List<DenseLayer> layers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int in = b.getInt();
      int out = b.getInt();
      Activation act = parseEnum(Activation.values(), "activation", readString(b, source));
      long values = (long) in * out + out;
      if (in < 1 || out < 1 || values * Double.BYTES > b.remaining()) {
        throw problem(source, "corrupt: layer " + i + " of size " + in + " -> " + out
            + " does not fit the file");
      }
      double[] w = readDoubles(b, in * out);
      double[] bias = readDoubles(b, out);
      layers.add(DenseLayer.of(in, out, w, bias, act));
    }
    return DeployedPolicy.of(meta, cls, k, bounds, box, layers);
  }

  /**
   * The constant of {@code values} named {@code name} (any case). Takes the array from the
   * enum's {@code values()} rather than a {@code Class}: {@code Class.getEnumConstants} reaches
   * {@code values()} by reflection, and loading must not reflect.
   */
  private static <E extends Enum<E>> E parseEnum(E[] values, String kind, String name) {
    for (E e : values) {
      if (e.name().equalsIgnoreCase(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + kind + " '" + name + "'; allowed: "
            + Arrays.toString(values).toLowerCase(Locale.ROOT));
  }

  private static double[] readDoubles(ByteBuffer b, int n) {
    double[] v = new double[n];
    b.asDoubleBuffer().get(v);
    b.position(b.position() + n * Double.BYTES);
    return v;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(ByteBuffer b, String source) throws PolicyFormatException {
    int n = b.getInt();
    if (n < 0 || n > PolicyMetadata.MAX_STRING_BYTES || n > b.remaining()) {
      throw problem(source, "corrupt: a string of " + n + " bytes does not fit the file");
    }
    byte[] bytes = new byte[n];
    b.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static PolicyFormatException problem(String source, String what) {
    return new PolicyFormatException(source + ": " + what);
  }
}
