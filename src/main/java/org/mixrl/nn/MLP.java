package org.mixrl.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * A multilayer perceptron: Linear, activation, …, Linear, output activation. Parameters are
 * named {@code layers.i.weight} and {@code layers.i.bias} for the i-th Linear.
 */
public final class MLP implements Module {
  private final MlpConfig config;
  private final List<Linear> layers;

  /** An MLP with PyTorch's default initialisation in every layer. */
  public MLP(MlpConfig config, RandomStream rng) {
    this(config, Init.pytorchDefault(), Init.pytorchDefault(), rng);
  }

  /**
   * An MLP whose hidden layers use {@code hiddenInit} and whose output layer uses {@code
   * outputInit}; layers draw from {@code rng} in order.
   */
  public MLP(MlpConfig config, Init hiddenInit, Init outputInit, RandomStream rng) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    this.config = config;
    List<Linear> ls = new ArrayList<>();
    int in = config.inputSize();
    for (int h : config.hiddenSizes()) {
      ls.add(new Linear(in, h, true, hiddenInit, rng));
      in = h;
    }
    ls.add(new Linear(in, config.outputSize(), true, outputInit, rng));
    this.layers = Collections.unmodifiableList(ls);
  }

  /** x [B, in] → [B, out]. */
  public Tensor forward(Tensor x) {
    if (x.rank() != 2 || x.size(1) != config.inputSize()) {
      throw new IllegalArgumentException(
          "MLP.forward: expected input [B, " + config.inputSize() + "], got "
              + java.util.Arrays.toString(x.shape()));
    }
    Tensor h = x;
    int last = layers.size() - 1;
    for (int i = 0; i < last; i++) {
      h = layers.get(i).forward(h, config.activations().get(i));
    }
    return layers.get(last).forward(h, config.outputActivation());
  }

  public MlpConfig config() {
    return config;
  }

  /** The Linear layers, input side first. */
  public List<Linear> layers() {
    return layers;
  }

  @Override
  public List<NamedParameter> namedParameters() {
    List<NamedParameter> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      out.addAll(Module.prefixed("layers." + i, layers.get(i)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "MLP" + config;
  }
}
