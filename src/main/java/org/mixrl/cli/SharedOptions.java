package org.mixrl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mixrl.experiment.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Options that several commands share, each declared once as a picocli mixin
 * ({@code @Mixin SharedOptions.Quiet quiet;}), so their names, help lines and defaults agree.
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code --quiet}: no progress bar. */
  static final class Quiet {
    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;
  }

  /** {@code --seed}, default 1. */
  static final class Seed {
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
    long seed;
  }

  /** {@code --no-figures}: CSV files only. */
  static final class NoFigures {
    @Option(names = "--no-figures", description = "Write the CSV files only.")
    boolean noFigures;
  }

  /** {@code --run}: a run directory to read. */
  static final class RunDir {
    @Option(names = "--run", required = true,
        description = "Run directory written by `mixrl train`.")
    Path run;
  }

  /** The sweep directory, the first positional parameter of the sweep subcommands. */
  static final class SweepDir {
    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory.")
    Path dir;
  }

  /** {@code --policy}: the policy class by its short name. */
  static final class PolicyName {
    @Option(names = "--policy", required = true, description = "g, sg, gm or sgm.")
    String policy;
  }

  /** {@code --out}: a CSV file, or standard output when not given. */
  static final class CsvOut {
    @Option(names = "--out", description = "CSV file (default: standard output).")
    Path out;

    /** Refuses an --out that cannot be written, before any work. */
    void check() {
      if (out != null) {
        OutputPaths.checkFile("--out", out);
      }
    }

    /** Writes the CSV to --out (atomically) or to the command's standard output. */
    void write(CommandSpec spec, String csv) throws IOException {
      if (out == null) {
        PrintWriter w = spec.commandLine().getOut();
        w.print(csv);
        w.flush();
      } else {
        AtomicFiles.write(out, csv);
      }
    }
  }
}
