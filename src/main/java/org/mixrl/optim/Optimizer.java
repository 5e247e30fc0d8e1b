package org.mixrl.optim;

/**
 * Updates parameters from their accumulated gradients. Parameters whose gradient is null (not
 * reached by the last backward) are skipped, as in PyTorch.
 */
public interface Optimizer {
  /** Applies one update using the current gradients; does not clear them. */
  void step();

  /** Clears the gradients of every parameter this optimizer updates. */
  void zeroGrad();

  /** A deep copy of the optimizer's state (per-parameter step counts and buffers). */
  OptimizerState exportState();

  /**
   * Replaces the state with {@code state}, which must come from the same kind of optimizer over
   * parameters with the same names and sizes; validates everything before changing anything.
   */
  void importState(OptimizerState state);
}
