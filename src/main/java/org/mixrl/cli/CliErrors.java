package org.mixrl.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.mixrl.experiment.RunDirectoryException;
import org.mixrl.nn.RecordFileException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one format of an error line, {@code mixrl <full command name>: error: <message>}, and
 * the one exit-code policy (README, "Exit codes"): 2 when the user's input is wrong, 1 when a
 * run failed after it started.
 */
final class CliErrors {
  private CliErrors() {}

  /** Prints {@code message} for {@code command} (e.g. "mixrl sweep run") to its error writer. */
  static void print(CommandSpec command, String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println(command.qualifiedName() + ": error: " + message);
    err.flush();
  }

  /**
   * Whether {@code e} means the user's input is wrong (exit 2): a bad value from any layer
   * (IllegalArgumentException, whose message names the value and what is allowed); a path that
   * does not exist, cannot be written or is the wrong kind; an input file that cannot be read
   * or is corrupt; a run directory that cannot be used as asked (nothing to resume, another
   * config, another process writing it). Anything else is a failed run (exit 1).
   */
  static boolean isBadInput(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
    return e instanceof IllegalArgumentException || e instanceof UncheckedIOException
        || cause instanceof FileSystemException || cause instanceof RunDirectoryException
        || cause instanceof RecordFileException;
  }

  /** The exit code of the policy for a command that failed with {@code e}: 2 or 1. */
  static int exitCode(Throwable e) {
    return isBadInput(e) ? 2 : 1;
  }
}
