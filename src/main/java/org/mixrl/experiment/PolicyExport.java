package org.mixrl.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.mixrl.agent.Actor;
import org.mixrl.agent.Sac;
import org.mixrl.deploy.DenseLayer;
import org.mixrl.deploy.DeployedPolicy;
import org.mixrl.deploy.PolicyMetadata;
import org.mixrl.env.Box;
import org.mixrl.nn.Linear;
import org.mixrl.nn.MLP;
import org.mixrl.policy.ActionBox;
import org.mixrl.policy.PolicyHead;

/**
 * Turns a finished training run into a {@link DeployedPolicy} and its file: the actor alone
 * (network, head, action box) plus the run's id and config hash; no critic, optimizer or buffer.
 */
public final class PolicyExport {
  private PolicyExport() {}

  /**
   * The actor of the finished run in {@code runDir}. The run directory is only read.
   *
   * @throws IllegalArgumentException if the run has not trained all its steps
   * @throws IOException if the run is missing, unreadable or corrupt (the message says which)
   */
  public static DeployedPolicy fromRun(Path runDir) throws IOException {
    // Trainer.open words these two for `train --resume`; say them for an export
    if (!Files.isRegularFile(runDir.resolve(Trainer.CONFIG_FILE))) {
      throw new RunDirectoryException(runDir + ": not a run directory of `mixrl train` ("
          + Trainer.CONFIG_FILE + " is missing)");
    }
    if (!Files.isRegularFile(runDir.resolve(Trainer.CHECKPOINT_FILE))) {
      throw new RunDirectoryException(runDir + ": the run has no checkpoint to export ("
          + Trainer.CHECKPOINT_FILE + " is missing: it was stopped before its first"
          + " checkpoint); finish it with `mixrl train ... --resume` and export again");
    }
    try (Trainer t = Trainer.open(runDir)) {
      RunConfig c = t.config();
      if (t.step() != c.steps()) {
        throw new IllegalArgumentException(
            runDir + ": the run is not finished (its last checkpoint is at step " + t.step()
                + " of " + c.steps() + "); finish it with `mixrl train ... --resume` and export"
                + " again");
      }
      Path name = runDir.toAbsolutePath().normalize().getFileName();
      PolicyMetadata meta = new PolicyMetadata(
          name == null ? "" : name.toString(), configHash(c), c.env(), t.step());
      return fromAgent(t.agent(), meta);
    }
  }

  /** Writes the finished run's actor to {@code out} atomically (temporary file, then rename). */
  public static DeployedPolicy export(Path runDir, Path out) throws IOException {
    DeployedPolicy p = fromRun(runDir);
    AtomicFiles.write(out, p.toBytes());
    return p;
  }

  /** The deployable form of {@code sac}'s actor, as it is now. */
  public static DeployedPolicy fromAgent(Sac sac, PolicyMetadata metadata) {
    Actor actor = sac.actor();
    PolicyHead head = actor.head();
    MLP net = actor.network();
    List<DenseLayer> layers = new ArrayList<>();
    List<Linear> linears = net.layers();
    for (int i = 0; i < linears.size(); i++) {
      Linear l = linears.get(i);
      if (l.bias() == null) {
        throw new IllegalArgumentException("PolicyExport: layer " + i + " has no bias");
      }
      var activation = i < linears.size() - 1
          ? net.config().activations().get(i)
          : net.config().outputActivation();
      layers.add(DenseLayer.of(l.inFeatures(), l.outFeatures(), l.weight().data(),
          l.bias().data(), activation));
    }
    Box space = sac.actionSpace();
    return DeployedPolicy.of(metadata, head.policyClass(), head.components(),
        sac.config().logStdBounds(), new ActionBox(space.low(), space.high()), layers);
  }

  /** SHA-256 (hex) of the canonical config JSON: equal for equal configs, seed included. */
  public static String configHash(RunConfig config) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(config.toJsonString().getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : h) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
