package org.mixrl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mixrl.kernel.KernelServer;
import org.mixrl.kernel.KernelSpec;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixrl kernel install|uninstall|run}: the Jupyter kernel "Java (mixrl)". */
@Command(
    name = "kernel",
    description = "Install, uninstall or run the Jupyter kernel \"Java (mixrl)\".",
    subcommands = {
      KernelCommand.Install.class,
      KernelCommand.Uninstall.class,
      KernelCommand.Run.class,
    })
final class KernelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand: install, uninstall or run");
  }

  /** Where the kernelspec goes: --user (default) or --prefix DIR. */
  static final class Location {
    @Option(
        names = "--user",
        description = "The per-user Jupyter directory, $HOME/.local/share/jupyter/kernels/mixrl"
            + " (the default).")
    boolean user;

    @Option(
        names = "--prefix",
        paramLabel = "DIR",
        description = "An installation prefix such as a virtualenv: DIR/share/jupyter/kernels/mixrl.")
    Path prefix;

    static Path dir(Location l) {
      if (l != null && l.prefix != null) {
        // An empty prefix would resolve against the current directory: refuse it.
        if (l.prefix.toString().isEmpty()) {
          throw new IllegalArgumentException("--prefix: the path is empty; give a directory");
        }
      }
      return l == null || l.prefix == null ? KernelSpec.userDir(System.getenv()) : KernelSpec.prefixDir(l.prefix);
    }
  }

  /** The kernelspec directory of install and uninstall: --user or --prefix DIR, at most one. */
  static final class Target {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Location location;

    Path dir() {
      return Location.dir(location);
    }
  }

  @Command(
      name = "install",
      description = {
        "Write the kernelspec so that Jupyter lists \"Java (mixrl)\".",
        "It starts this JDK's java with this build's jar and lib/; reinstall after moving either."
      })
  static final class Install implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Override
    public Integer call() {
      Path dir = target.dir();
      Path json =
          KernelSpec.install(
              dir, KernelSpec.argv(KernelSpec.currentJava(), KernelSpec.currentClassPath()));
      PrintWriter out = spec.commandLine().getOut();
      out.println("installed kernel \"" + KernelSpec.DISPLAY_NAME + "\" in " + json.getParent());
      return 0;
    }
  }

  @Command(
      name = "uninstall",
      description = "Remove the kernelspec written by install (same options).")
  static final class Uninstall implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Target target;

    @Override
    public Integer call() {
      Path dir = target.dir();
      boolean removed = KernelSpec.uninstall(dir);
      spec.commandLine().getOut().println(removed ? "removed " + dir : "no kernelspec at " + dir);
      return 0;
    }
  }

  @Command(
      name = "run",
      description = "Run the kernel on a Jupyter connection file (Jupyter does this; see install).")
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE", description = "The JSON file Jupyter writes.")
    Path connectionFile;

    @Override
    public Integer call() {
      OutputPaths.checkInputFile("CONNECTION_FILE", connectionFile);
      // Before any AWT or slf4j class loads: charts render off-screen, and jjava's routine
      // logging stays out of Jupyter's console unless something is wrong.
      System.setProperty("java.awt.headless", "true");
      if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      }
      KernelServer.run(connectionFile, MixrlVersion.get());
      return 0;
    }
  }
}
