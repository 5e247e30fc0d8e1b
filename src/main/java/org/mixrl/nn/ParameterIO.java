package org.mixrl.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixrl.tensor.Tensor;

/**
 * Saves and loads a module's parameters by name.
 *
 * <p>Format version 1, big-endian, framed by {@link BinaryRecordWriter}: {@code "MIXRLP"},
 * version (int), count (int), then per parameter its name (modified UTF-8), rank (int), dims
 * (ints) and values (raw IEEE-754 bits, row-major), then a CRC32 of all preceding bytes.
 * {@link #writeParameters}/{@link #readParameters} write and read the section after the header
 * so a checkpoint format can embed parameters among its own records.
 */
public final class ParameterIO {
  /** Magic bytes at the start of every parameter file. */
  public static final String MAGIC = "MIXRLP";
  /** The format version written by {@link #save}. */
  public static final int VERSION = 1;

  private static final String DESCRIPTION = "mixrl parameter file";
  private static final int MAX_RANK = 8;

  private ParameterIO() {}

  /** Writes {@code module}'s parameters to {@code file} atomically (old file kept on failure). */
  public static void save(Path file, Module module) throws IOException {
    ParameterSet params = module.parameterSet();
    BinaryRecordWriter.writeAtomically(file, MAGIC, VERSION, out -> writeParameters(out, params));
  }

  /**
   * Overwrites {@code module}'s parameters with those in {@code file}. Magic, version,
   * checksum, names and shapes are all verified before any parameter changes.
   *
   * @throws RecordFileException naming the file and what is wrong with it
   */
  public static void load(Path file, Module module) throws IOException {
    Map<String, Tensor> stored = read(file);
    ParameterSet target = module.parameterSet();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    stored.forEach((k, v) -> shapes.put(k, v.shape()));
    List<String> problems = target.mismatches(shapes);
    if (!problems.isEmpty()) {
      throw new RecordFileException(
          file, "does not match the module: " + String.join("; ", problems));
    }
    for (Map.Entry<String, Tensor> e : target.asMap().entrySet()) {
      double[] src = stored.get(e.getKey()).data();
      System.arraycopy(src, 0, e.getValue().data(), 0, src.length);
    }
  }

  /** The parameters stored in {@code file}, in file order, as new leaf tensors. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    BinaryRecordReader in = BinaryRecordReader.open(file, MAGIC, DESCRIPTION, VERSION);
    Map<String, Tensor> out = readParameters(in);
    in.expectEnd();
    return out;
  }

  /** Writes count, then name, shape and values of each parameter. */
  public static void writeParameters(BinaryRecordWriter out, ParameterSet params)
      throws IOException {
    out.writeInt(params.size());
    for (Map.Entry<String, Tensor> e : params.asMap().entrySet()) {
      out.writeString(e.getKey());
      out.writeShape(e.getValue().shape());
      out.writeDoubles(e.getValue().data());
    }
  }

  /** Reads what {@link #writeParameters} wrote. */
  public static Map<String, Tensor> readParameters(BinaryRecordReader in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw in.error("malformed: negative parameter count " + count);
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readString();
      int[] shape = in.readShape(MAX_RANK);
      long numel = 1;
      for (int d : shape) {
        numel *= d;
        if (numel > Integer.MAX_VALUE) {
          throw in.error("malformed: parameter '" + name + "' shape " + Arrays.toString(shape)
              + " is too large");
        }
      }
      double[] values = in.readDoubles((int) numel);
      if (out.put(name, Tensor.of(values, shape)) != null) {
        throw in.error("malformed: parameter '" + name + "' appears twice");
      }
    }
    return out;
  }
}
