package org.mixrl.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The one format of an error line: {@code mixrl <full command name>: error: <message>}. */
final class CliErrors {
  private CliErrors() {}

  /** Prints {@code message} for {@code command} (e.g. "mixrl sweep run") to its error writer. */
  static void print(CommandSpec command, String message) {
    PrintWriter err = command.commandLine().getErr();
    err.println(command.qualifiedName() + ": error: " + message);
    err.flush();
  }
}
