package org.mixrl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mixrl} command.
 *
 * <p>This package is the only place in mixrl that prints to the console or calls
 * {@link System#exit}; the core returns values and throws exceptions.
 *
 * <p><b>Adding a subcommand:</b> write a class in {@code org.mixrl.cli} annotated with
 * {@code @Command(name = "...", description = "...")} that implements
 * {@code Callable<Integer>} (return the exit code; see {@link InfoCommand}), then add it to the
 * {@code subcommands} list below. That list is the single registry. Every command, to any
 * depth, inherits {@code --help} and {@code --version} (with {@link MixrlVersion}) from this
 * one ({@code scope = INHERIT}).
 */
@Command(
    name = "mixrl",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    description = "Entropy-regularized actor-critic with mixture policies.",
    subcommands = {
      // The registry of subcommands: one line per command.
      InfoCommand.class,
      VarianceCommand.class,
      VarianceMapCommand.class,
      VerifyEstimatorCommand.class,
      BenchCommand.class,
      EnvCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      DensityCommand.class,
      KernelCommand.class,
      SweepCommand.class,
      TheoryCommand.class,
      ReproduceCommand.class,
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /** Entry point: runs the command line and exits with its code. */
  public static void main(String[] args) {
    GracefulStop.install();
    int code = newCommandLine().execute(args);
    GracefulStop.finished();
    System.exit(code);
  }

  /**
   * A fully configured command line; tests call {@code execute} on it with their own writers
   * instead of {@link #main}, which exits the JVM.
   */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::reportError);
    cl.setParameterExceptionHandler(Main::reportUsageError);
    return cl;
  }

  /**
   * A malformed command line (unknown option, missing or unparseable value) is bad input: one
   * error line in the common format, a pointer to the help, exit 2.
   */
  private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    CliErrors.print(cl.getCommandSpec(), e.getMessage());
    PrintWriter err = cl.getErr();
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return 2;
  }

  /**
   * The exit-code policy (README, "Exit codes"; {@link CliErrors#isBadInput} says which
   * failures are bad input, exit 2), 1 when the run failed after it started (an I/O failure, a
   * bug). Every case prints one line in the common format; a bug also prints its stack trace.
   */
  private static int reportError(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (CliErrors.isBadInput(e)) {
      CliErrors.print(cl.getCommandSpec(), message(e));
      return 2;
    }
    if (e instanceof java.io.IOException) {
      CliErrors.print(cl.getCommandSpec(), message(e));
      return 1;
    }
    CliErrors.print(cl.getCommandSpec(), "internal error (" + e + "); please report it with"
        + " the stack trace below");
    PrintWriter err = cl.getErr();
    e.printStackTrace(err);
    err.flush();
    return 1;
  }

  /** The exception's message; for file-system errors, which path and why. */
  private static String message(Exception e) {
    Throwable t = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
    if (t instanceof java.nio.file.FileSystemException fs) {
      String why = t instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
          : t instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : t instanceof java.nio.file.NotDirectoryException ? "not a directory"
          : t instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
          : fs.getReason() != null ? fs.getReason() : t.getClass().getSimpleName();
      return fs.getFile() + ": " + why;
    }
    return e.getMessage();
  }

  /** Runs {@code args} with output captured in {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = newCommandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    // A bare `mixrl` is a usage error (exit 2), like an unknown option, not a silent success.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
