package org.mixrl.nn;

import java.util.List;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Affine;
import org.mixrl.tensor.Tensor;

/** A dense layer y = x Wᵀ + b with W [out, in] and b [out] (PyTorch layout and names). */
public final class Linear implements Module {
  private final int inFeatures;
  private final int outFeatures;
  private final Tensor weight;
  private final Tensor bias;

  /** A layer with bias and PyTorch's default initialisation. */
  public Linear(int inFeatures, int outFeatures, RandomStream rng) {
    this(inFeatures, outFeatures, true, Init.pytorchDefault(), rng);
  }

  /** A layer initialised by {@code init} from {@code rng}; {@code bias=false} drops b. */
  public Linear(int inFeatures, int outFeatures, boolean bias, Init init, RandomStream rng) {
    if (inFeatures < 1) {
      throw new IllegalArgumentException("inFeatures must be >= 1, got " + inFeatures);
    }
    if (outFeatures < 1) {
      throw new IllegalArgumentException("outFeatures must be >= 1, got " + outFeatures);
    }
    if (init == null || rng == null) {
      throw new IllegalArgumentException("init and rng must not be null");
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = Tensor.zeros(outFeatures, inFeatures);
    this.bias = bias ? Tensor.zeros(outFeatures) : null;
    init.initialize(
        weight.data(), bias ? this.bias.data() : null, inFeatures, outFeatures, rng);
    weight.requiresGrad(true);
    if (bias) {
      this.bias.requiresGrad(true);
    }
  }

  /** x [B, in] → [B, out]. */
  public Tensor forward(Tensor x) {
    return Affine.affine(x, weight, bias);
  }

  /**
   * act(x Wᵀ + b); ReLU and tanh are fused into the layer's graph node (same values and
   * gradients as applying {@code act} to {@link #forward(Tensor)}, one node fewer).
   */
  public Tensor forward(Tensor x, Activation act) {
    switch (act) {
      case RELU:
        return Affine.affine(x, weight, bias, Affine.Epilogue.RELU);
      case TANH:
        return Affine.affine(x, weight, bias, Affine.Epilogue.TANH);
      default:
        return act.apply(forward(x));
    }
  }

  public Tensor weight() {
    return weight;
  }

  /** The bias, or null for a layer without one. */
  public Tensor bias() {
    return bias;
  }

  public int inFeatures() {
    return inFeatures;
  }

  public int outFeatures() {
    return outFeatures;
  }

  @Override
  public List<NamedParameter> namedParameters() {
    return bias == null
        ? List.of(new NamedParameter("weight", weight))
        : List.of(new NamedParameter("weight", weight), new NamedParameter("bias", bias));
  }

  @Override
  public String toString() {
    return "Linear(" + inFeatures + " -> " + outFeatures + (bias == null ? ", no bias)" : ")");
  }
}
