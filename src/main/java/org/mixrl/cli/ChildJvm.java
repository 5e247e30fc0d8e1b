package org.mixrl.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts this same mixrl in a new JVM: this JVM's java binary and class path
 * (made absolute, so the command works from any directory and on other hosts of a shared
 * file system), then {@code org.mixrl.cli.Main}.
 */
final class ChildJvm {
  private ChildJvm() {}

  static List<String> mainCommand() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e.endsWith("*") ? Path.of(e.substring(0, e.length() - 1))
            .toAbsolutePath().normalize() + File.separator + "*"
            : Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, entries));
    cmd.add(Main.class.getName());
    return cmd;
  }
}
