package org.mixrl.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.LogStdBounds;
import org.mixrl.policy.PolicyClass;
import org.mixrl.policy.PolicyLayout;

/**
 * A trained actor, ready to act: the network (observation → policy parameters), how the head
 * reads its outputs (policy class, K, log-std bounds) and the action box. Immutable: one
 * instance can be shared by any number of threads, each computing actions through its own
 * {@link PolicySession} ({@link #newSession()}).
 *
 * <p>Loading reads and verifies the whole file (magic, format version, checksum, every size)
 * before a policy exists, so a bad file never yields a half-loaded policy. After loading nothing
 * touches files, starts threads or uses reflection; this class holds no static mutable state.
 */
public final class DeployedPolicy {
  private final PolicyMetadata metadata;
  private final PolicyClass policyClass;
  private final int components;
  private final LogStdBounds logStdBounds;
  private final ActionBox box;
  private final List<DenseLayer> layers;
  private final int obsDim;
  private final int actionDim;
  private final int maxWidth;

  private DeployedPolicy(PolicyMetadata metadata, PolicyClass policyClass, int components,
      LogStdBounds logStdBounds, ActionBox box, List<DenseLayer> layers) {
    this.metadata = metadata;
    this.policyClass = policyClass;
    this.components = components;
    this.logStdBounds = logStdBounds;
    this.box = box;
    this.layers = layers;
    this.obsDim = layers.get(0).in();
    this.actionDim = box.dim();
    int w = 0;
    for (DenseLayer l : layers) {
      w = Math.max(w, l.out());
    }
    this.maxWidth = w;
  }

  /**
   * A policy from its parts (what {@code mixrl export} assembles from a trained actor).
   *
   * @param box the action box: actions are clipped into it, and squashed classes map tanh's
   *     (-1, 1) onto it
   * @param layers the network, input side first; the last layer has {@link #outputSize} outputs
   * @throws IllegalArgumentException naming the part that does not fit
   */
  public static DeployedPolicy of(PolicyMetadata metadata, PolicyClass policyClass,
      int components, LogStdBounds logStdBounds, ActionBox box, List<DenseLayer> layers) {
    if (metadata == null || policyClass == null || logStdBounds == null || box == null) {
      throw new IllegalArgumentException(
          "DeployedPolicy: metadata, policyClass, logStdBounds and box must not be null");
    }
    if (policyClass.mixture() ? components < 1 : components != 1) {
      throw new IllegalArgumentException(
          "DeployedPolicy: components must be " + (policyClass.mixture() ? ">= 1" : "1")
              + " for policy class " + policyClass.shortName() + ", got " + components);
    }
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("DeployedPolicy: the network needs at least one layer");
    }
    List<DenseLayer> copy = Collections.unmodifiableList(new ArrayList<>(layers));
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        throw new IllegalArgumentException("DeployedPolicy: layers[" + i + "] is null");
      }
      if (i > 0 && copy.get(i).in() != copy.get(i - 1).out()) {
        throw new IllegalArgumentException(
            "DeployedPolicy: layers[" + i + "] takes " + copy.get(i).in() + " inputs but layers["
                + (i - 1) + "] gives " + copy.get(i - 1).out());
      }
    }
    int expected = outputSize(policyClass, components, box.dim());
    int last = copy.get(copy.size() - 1).out();
    if (last != expected) {
      throw new IllegalArgumentException(
          "DeployedPolicy: a " + policyClass.shortName() + " head with K=" + components + " and "
              + box.dim() + " action dimension(s) reads " + expected
              + " network outputs, but the last layer gives " + last);
    }
    return new DeployedPolicy(metadata, policyClass, components, logStdBounds, box, copy);
  }

  /**
   * Network outputs a head reads: for a Gaussian, d means then d raw log-stds; for a
   * K-component mixture, K logits, then K·d means (component-major), then K·d raw log-stds.
   */
  public static int outputSize(PolicyClass policyClass, int components, int actionDim) {
    return new PolicyLayout(policyClass, components, actionDim).count();
  }

  /**
   * Loads the policy file at {@code file}, which must hold exactly one policy.
   *
   * @throws PolicyFormatException if the file is not a policy file, has an unsupported version,
   *     is truncated, corrupt, or has bytes after its checksum
   * @throws IOException if the file cannot be read
   */
  public static DeployedPolicy load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      DeployedPolicy p = PolicyFile.read(in, file.toString());
      if (in.read() != -1) {
        throw new PolicyFormatException(
            file + ": corrupt: bytes follow the policy's checksum (the file was modified or"
                + " appended to)");
      }
      return p;
    }
  }

  /**
   * Loads one policy from {@code in} (for example a resource inside another jar); reads exactly
   * the policy's bytes and does not close the stream.
   *
   * @throws PolicyFormatException as for {@link #load(Path)}
   */
  public static DeployedPolicy load(InputStream in) throws IOException {
    if (in == null) {
      throw new IllegalArgumentException("DeployedPolicy.load: the input stream must not be null");
    }
    return PolicyFile.read(in, "policy stream");
  }

  /** The policy file's bytes: what {@link #load} reads back into an equal policy. */
  public byte[] toBytes() {
    return PolicyFile.write(this);
  }

  /** A new workspace for one thread's calls to act and sample. */
  public PolicySession newSession() {
    return new PolicySession(this);
  }

  public PolicyMetadata metadata() {
    return metadata;
  }

  public PolicyClass policyClass() {
    return policyClass;
  }

  /** Mixture components K (1 for g and sg). */
  public int components() {
    return components;
  }

  public LogStdBounds logStdBounds() {
    return logStdBounds;
  }

  public ActionBox actionBox() {
    return box;
  }

  /** Observation length the policy takes. */
  public int obsDim() {
    return obsDim;
  }

  /** Action length the policy writes. */
  public int actionDim() {
    return actionDim;
  }

  /** The network's layers, input side first. */
  public List<DenseLayer> layers() {
    return layers;
  }

  int maxWidth() {
    return maxWidth;
  }

  @Override
  public String toString() {
    StringBuilder net = new StringBuilder().append(obsDim);
    for (DenseLayer l : layers) {
      net.append("-").append(l.out());
    }
    return "DeployedPolicy(" + policyClass.shortName()
        + (policyClass.mixture() ? " K=" + components : "") + ", net " + net + ", run "
        + metadata.runId() + ", " + metadata.envId() + ")";
  }
}
