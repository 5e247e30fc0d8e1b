package org.mixrl.tensor;

/** The local backward rule of one op: adds d(loss)/d(input) into the inputs' buffers. */
@FunctionalInterface
interface Backward {
  /**
   * @param gOut gradient of the loss with respect to this op's output. The sweep hands each op
   *     its own buffer and never reads it again, so a rule may overwrite it as scratch (the
   *     fused affine node does); it must not keep it.
   * @param grads gives the gradient buffer of an input, or null when it needs none
   */
  void apply(double[] gOut, Grads grads);

  /** Gradient buffers of the inputs during one backward sweep. */
  interface Grads {
    /** The accumulation buffer for {@code t}, or null if {@code t} does not need a gradient. */
    double[] of(Tensor t);
  }
}
