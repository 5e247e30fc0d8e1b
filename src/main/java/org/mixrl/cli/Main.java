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
 * {@code @Command(name = "...", description = "...", mixinStandardHelpOptions = true)} that
 * implements {@code Callable<Integer>} (return the exit code; see {@link InfoCommand}), then
 * add it to the {@code subcommands} list below. That list is the single registry.
 */
@Command(
    name = "mixrl",
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    description = "Entropy-regularized actor-critic with mixture policies.",
    subcommands = {
      // The registry of subcommands: one line per command.
      InfoCommand.class,
      VarianceCommand.class,
      VerifyEstimatorCommand.class,
      BenchCommand.class,
      EnvCommand.class,
      TrainCommand.class,
      ExportCommand.class,
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
    return cl;
  }

  /**
   * Bad input (IllegalArgumentException from any layer) is a user error: print its message,
   * which names the value and what is allowed, and exit 2 without a stack trace. Anything else
   * is a bug: print the trace and exit 1.
   */
  private static int reportError(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof java.nio.file.NoSuchFileException) {
      CliErrors.print(cl.getCommandSpec(), e.getMessage());
      return 2;
    }
    PrintWriter err = cl.getErr();
    e.printStackTrace(err);
    err.flush();
    return 1;
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
