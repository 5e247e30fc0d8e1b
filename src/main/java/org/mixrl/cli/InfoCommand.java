package org.mixrl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mixrl info}: what this installation runs on, for bug reports and benchmark records. */
@Command(
    name = "info",
    description = "Print the mixrl version, the JDK and the number of available processors.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("mixrl      " + MixrlVersion.get());
    out.println(
        "java       "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.home")
            + ")");
    out.println("processors " + Runtime.getRuntime().availableProcessors());
    out.println("max heap   " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    return 0;
  }
}
