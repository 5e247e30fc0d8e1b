package org.mixrl.deploy;

/**
 * Where a policy file came from.
 *
 * @param runId the training run's id (the name of its run directory)
 * @param configHash SHA-256 (hex) of the run's canonical {@code config.json} text: two files with
 *     the same hash were trained from the same config and seed
 * @param envId the environment the policy was trained on, e.g. {@code Pendulum-v1}
 * @param trainedSteps environment steps the run trained for
 */
public record PolicyMetadata(String runId, String configHash, String envId, long trainedSteps) {
  /** Longest string field a policy file may hold, in UTF-8 bytes. */
  static final int MAX_STRING_BYTES = 4096;

  public PolicyMetadata {
    check("runId", runId);
    check("configHash", configHash);
    check("envId", envId);
    if (trainedSteps < 0) {
      throw new IllegalArgumentException("trainedSteps must be >= 0, got " + trainedSteps);
    }
  }

  private static void check(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          name + " must be at most " + MAX_STRING_BYTES + " UTF-8 bytes, got " + bytes);
    }
  }
}
