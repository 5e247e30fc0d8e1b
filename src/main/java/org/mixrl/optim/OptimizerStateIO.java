package org.mixrl.optim;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;

/**
 * Writes {@link OptimizerState} as records inside a {@link BinaryRecordWriter} frame, for
 * checkpoints: optimizer name, parameter count, then per parameter its name, step, buffer
 * count and each buffer as name, length, values (exact bits).
 */
public final class OptimizerStateIO {
  private OptimizerStateIO() {}

  public static void write(BinaryRecordWriter out, OptimizerState state) throws IOException {
    out.writeString(state.optimizer());
    out.writeInt(state.parameters().size());
    for (Map.Entry<String, OptimizerState.ParameterState> e : state.parameters().entrySet()) {
      out.writeString(e.getKey());
      out.writeLong(e.getValue().step());
      out.writeInt(e.getValue().buffers().size());
      for (Map.Entry<String, double[]> b : e.getValue().buffers().entrySet()) {
        out.writeString(b.getKey());
        out.writeInt(b.getValue().length);
        out.writeDoubles(b.getValue());
      }
    }
  }

  /** Reads what {@link #write} wrote; validation against an optimizer is its importState's. */
  public static OptimizerState read(BinaryRecordReader in) throws IOException {
    String optimizer = in.readString();
    int count = in.readInt();
    if (count < 0) {
      throw in.error("malformed: negative parameter count " + count);
    }
    Map<String, OptimizerState.ParameterState> params = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readString();
      long step = in.readLong();
      if (step < 0) {
        throw in.error("malformed: parameter '" + name + "' has negative step " + step);
      }
      int nb = in.readInt();
      if (nb < 0) {
        throw in.error("malformed: parameter '" + name + "' has " + nb + " buffers");
      }
      Map<String, double[]> buffers = new LinkedHashMap<>();
      for (int j = 0; j < nb; j++) {
        String bname = in.readString();
        buffers.put(bname, in.readDoubles(in.readInt()));
      }
      if (params.put(name, new OptimizerState.ParameterState(step, buffers)) != null) {
        throw in.error("malformed: parameter '" + name + "' appears twice");
      }
    }
    return new OptimizerState(optimizer, params);
  }
}
