package org.mixrl.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shape of a multilayer perceptron: {@code inputSize → hiddenSizes[0] → … → outputSize}, with
 * {@code activations[i]} after hidden layer i and {@code outputActivation} after the last.
 */
public record MlpConfig(
    int inputSize,
    List<Integer> hiddenSizes,
    List<Activation> activations,
    int outputSize,
    Activation outputActivation) {
  public MlpConfig {
    if (inputSize < 1) {
      throw new IllegalArgumentException("inputSize must be >= 1, got " + inputSize);
    }
    if (outputSize < 1) {
      throw new IllegalArgumentException("outputSize must be >= 1, got " + outputSize);
    }
    if (hiddenSizes == null || activations == null || outputActivation == null) {
      throw new IllegalArgumentException(
          "hiddenSizes, activations and outputActivation must not be null");
    }
    for (int i = 0; i < hiddenSizes.size(); i++) {
      Integer h = hiddenSizes.get(i);
      if (h == null || h < 1) {
        throw new IllegalArgumentException(
            "hiddenSizes[" + i + "] must be >= 1, got " + h + " (in " + hiddenSizes + ")");
      }
    }
    if (activations.size() != hiddenSizes.size()) {
      throw new IllegalArgumentException(
          "activations must have one entry per hidden layer (" + hiddenSizes.size() + "), got "
              + activations.size());
    }
    for (int i = 0; i < activations.size(); i++) {
      if (activations.get(i) == null) {
        throw new IllegalArgumentException("activations[" + i + "] must not be null");
      }
    }
    hiddenSizes = Collections.unmodifiableList(new ArrayList<>(hiddenSizes));
    activations = Collections.unmodifiableList(new ArrayList<>(activations));
  }

  /** The same {@code activation} after every hidden layer and a linear output. */
  public static MlpConfig of(
      int inputSize, List<Integer> hiddenSizes, Activation activation, int outputSize) {
    return new MlpConfig(
        inputSize,
        hiddenSizes,
        Collections.nCopies(hiddenSizes.size(), activation),
        outputSize,
        Activation.IDENTITY);
  }
}
