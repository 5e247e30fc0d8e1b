package org.mixrl.nn;

import org.mixrl.tensor.Tensor;

/** Pointwise nonlinearities between layers. */
public enum Activation {
  /** max(x, 0). */
  RELU,
  /** tanh(x). */
  TANH,
  /** x for x > 0, eˣ − 1 otherwise. */
  ELU,
  /** x. */
  IDENTITY;

  /** This activation applied elementwise to {@code x}. */
  public Tensor apply(Tensor x) {
    switch (this) {
      case RELU:
        return x.relu();
      case TANH:
        return x.tanh();
      case ELU:
        return x.elu();
      default:
        return x;
    }
  }
}
