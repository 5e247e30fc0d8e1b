package org.mixrl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the mixrl command line in-process and captures what it printed, for CLI tests. */
final class CliRun {
  private CliRun() {}

  /** Exit code, standard output and standard error of one invocation. */
  record Result(int code, String out, String err) {
    /** The last line of standard output (commands put their machine-readable line there). */
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
