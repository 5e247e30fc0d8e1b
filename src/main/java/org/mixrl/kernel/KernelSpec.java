package org.mixrl.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernelspec that tells Jupyter how to start the kernel: a directory {@code mixrl}
 * holding {@code kernel.json}. Writing it needs no Jupyter installation.
 */
public final class KernelSpec {
  /** The kernel's name in Jupyter (the directory name). */
  public static final String NAME = "mixrl";

  /** What Jupyter shows in its kernel list. */
  public static final String DISPLAY_NAME = "Java (mixrl)";

  private KernelSpec() {}

  /**
   * The per-user kernel directory, where Jupyter looks: {@code $JUPYTER_DATA_DIR/kernels/mixrl}
   * when that is set, else {@code $XDG_DATA_HOME/jupyter/...}, else
   * {@code ~/.local/share/jupyter/kernels/mixrl}.
   */
  public static Path userDir(Map<String, String> env) {
    String data = env.get("JUPYTER_DATA_DIR");
    Path base;
    if (data != null && !data.isBlank()) {
      base = Path.of(data);
    } else if (env.get("XDG_DATA_HOME") != null && !env.get("XDG_DATA_HOME").isBlank()) {
      base = Path.of(env.get("XDG_DATA_HOME"), "jupyter");
    } else {
      base = Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }
    return base.resolve("kernels").resolve(NAME).toAbsolutePath();
  }

  /** The kernel directory under an installation prefix: {@code PREFIX/share/jupyter/kernels/mixrl}. */
  public static Path prefixDir(Path prefix) {
    return prefix.resolve("share").resolve("jupyter").resolve("kernels").resolve(NAME).toAbsolutePath();
  }

  /**
   * The command Jupyter runs: this JVM's {@code java}, the class path mixrl runs from now, and
   * {@code mixrl kernel run {connection_file}}.
   */
  public static List<String> argv(String java, String classPath) {
    return List.of(java, "-cp", classPath, "org.mixrl.cli.Main", "kernel", "run", "{connection_file}");
  }

  /** The {@code java} launcher of the running JVM, so the kernel runs on the same JDK. */
  public static String currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The absolute class path mixrl runs from: its jar plus {@code lib/*} beside it (the layout
   * {@code mvn package} writes), or else this JVM's class path entries made absolute.
   */
  public static String currentClassPath() {
    Path self = codeSource();
    if (self != null && Files.isRegularFile(self) && Files.isDirectory(self.resolveSibling("lib"))) {
      return self + File.pathSeparator + self.resolveSibling("lib").resolve("*");
    }
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path codeSource() {
    try {
      return Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** The text of {@code kernel.json} for {@code argv} (written by mixrl's one JSON writer). */
  public static String kernelJson(List<String> argv) {
    java.util.Map<String, Object> spec = new java.util.LinkedHashMap<>();
    spec.put("argv", argv);
    spec.put("display_name", DISPLAY_NAME);
    spec.put("language", "java");
    // Interrupts arrive as messages; the default (SIGINT) would end the JVM, not the cell.
    spec.put("interrupt_mode", "message");
    spec.put("metadata", java.util.Map.of("debugger", false));
    return org.mixrl.experiment.Json.write(spec);
  }

  /**
   * Writes {@code dir/kernel.json} (creating {@code dir}), replacing an earlier one atomically.
   *
   * @throws IllegalArgumentException if {@code dir} cannot be created or written
   */
  public static Path install(Path dir, List<String> argv) {
    Path json = dir.resolve("kernel.json");
    try {
      Files.createDirectories(dir);
      // created like any new file: a shared --prefix install must stay readable (umask)
      Path tmp = org.mixrl.nn.SiblingTempFile.create(json);
      Files.writeString(tmp, kernelJson(argv), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot write the kernelspec to " + dir + ": " + describe(e), e);
    }
    return json;
  }

  /**
   * Removes the kernelspec directory {@code dir} and what it contains.
   *
   * @return false if there was nothing to remove
   * @throws IllegalArgumentException if {@code dir} exists but is not a mixrl kernelspec, or
   *     cannot be removed
   */
  public static boolean uninstall(Path dir) {
    if (!Files.exists(dir)) {
      return false;
    }
    if (!dir.getFileName().toString().equals(NAME) || !Files.isRegularFile(dir.resolve("kernel.json"))) {
      throw new IllegalArgumentException(dir + " is not a mixrl kernelspec (no kernel.json); not removing it");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("cannot remove the kernelspec " + dir + ": " + describe(e), e);
    }
    return true;
  }

  private static String describe(Exception e) {
    // NIO messages are often just the path; say what kind of failure it was too.
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
