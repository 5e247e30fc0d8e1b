package org.mixrl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mixrl.deploy.DeployedPolicy;
import org.mixrl.experiment.PolicyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl export}: a finished run's actor as a policy file for embedding. */
@Command(
    name = "export",
    sortOptions = false,
    description = {
      "Write the actor of a finished training run (network, policy head, action box, run id"
          + " and config hash) as a small checksummed policy file that"
          + " org.mixrl.deploy.DeployedPolicy loads on a java.base-only JVM.",
      "Exit 2 if the run is unfinished, missing or corrupt; the run directory is only read."
    })
final class ExportCommand implements Callable<Integer> {
  private static final byte[] POLICY_MAGIC = "MIXRLPOL".getBytes(StandardCharsets.US_ASCII);

  @Spec CommandSpec spec;

  @Mixin SharedOptions.RunDir run;

  @Option(names = "--out", required = true, description = "Policy file to write (e.g. policy.mixrl).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter outW = spec.commandLine().getOut();
    try {
      refuseToReplaceOtherFiles(out);
      DeployedPolicy p = PolicyExport.export(run.run, out);
      outW.printf(Locale.ROOT, "%s: %s, %d bytes; run %s, %d steps on %s, config sha256 %s%n",
          out, p, Files.size(out), p.metadata().runId(), p.metadata().trainedSteps(),
          p.metadata().envId(), p.metadata().configHash());
      outW.flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      CliErrors.print(spec, e.getMessage());
      return 2;
    }
  }

  /** An existing --out is replaced only if it is a policy file: nothing else is overwritten. */
  private static void refuseToReplaceOtherFiles(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a directory; give a file name");
    }
    if (Files.exists(out)) {
      byte[] head;
      try (InputStream in = Files.newInputStream(out)) {
        head = in.readNBytes(POLICY_MAGIC.length);
      }
      if (!Arrays.equals(head, POLICY_MAGIC)) {
        throw new IllegalArgumentException("--out " + out + " exists and is not a policy file;"
            + " refusing to replace it");
      }
    }
  }
}
