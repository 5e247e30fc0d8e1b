package org.mixrl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.nn.Activation;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.nn.MLP;
import org.mixrl.nn.MlpConfig;
import org.mixrl.nn.ParameterIO;
import org.mixrl.nn.RecordFileException;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

class OptimizerStateIOTest {
  @TempDir Path dir;

  @Test
  void parametersAndAdamStateShareOneCheckpointFrame() throws IOException {
    MLP net = new MLP(MlpConfig.of(2, List.of(4), Activation.TANH, 1), RandomStream.of(1));
    Adam adam = new Adam(net, AdamConfig.of(0.01));
    Tensor x = Tensor.randn(RandomStream.of(2), 8, 2);
    for (int t = 0; t < 3; t++) {
      adam.zeroGrad();
      net.forward(x).square().mean().backward();
      adam.step();
    }
    Path f = dir.resolve("ckpt.bin");
    BinaryRecordWriter.writeAtomically(f, "MIXRLC", 1, out -> {
      ParameterIO.writeParameters(out, net.parameterSet());
      OptimizerStateIO.write(out, adam.exportState());
    });

    BinaryRecordReader in = BinaryRecordReader.open(f, "MIXRLC", "mixrl checkpoint", 1);
    var params = ParameterIO.readParameters(in);
    OptimizerState state = OptimizerStateIO.read(in);
    in.expectEnd();

    assertArrayEquals(
        net.parameterSet().get("layers.1.weight").toArray(),
        params.get("layers.1.weight").toArray(), 0);
    OptimizerState original = adam.exportState();
    assertEquals(original.optimizer(), state.optimizer());
    assertEquals(original.parameters().keySet(), state.parameters().keySet());
    for (String name : original.parameters().keySet()) {
      assertEquals(3, state.parameters().get(name).step());
      for (String b : List.of("exp_avg", "exp_avg_sq")) {
        assertArrayEquals(
            original.parameters().get(name).buffer(b), state.parameters().get(name).buffer(b), 0);
      }
    }
    // and a parameter file is not mistaken for a checkpoint
    Path p = dir.resolve("net.params");
    ParameterIO.save(p, net);
    var e = assertThrows(RecordFileException.class,
        () -> BinaryRecordReader.open(p, "MIXRLC", "mixrl checkpoint", 1));
    assertTrue(e.getMessage().contains("not a mixrl checkpoint"), e.getMessage());
  }
}
