package org.mixrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mixrl.cli.Main;

/**
 * The embedding path end to end: train briefly, {@code mixrl export}, build a java.base-only
 * runtime image with jlink, compile {@code examples/PendulumPolicy.java} against the core jar
 * alone, run it on the image, and require the same {@code return=} line as on the full JDK.
 * Runs under failsafe, after {@code package} built the core jar.
 */
class EmbeddingIT {
  private static final Path WORK = Path.of("target", "embedding-it");

  @Test
  void theExampleRunsOnAJavaBaseOnlyImageWithTheFullJdksReturn() throws Exception {
    Path coreJar = Path.of(System.getProperty("mixrl.coreJar"));
    assertTrue(Files.isRegularFile(coreJar), "core jar not found at " + coreJar);
    deleteRecursively(WORK);
    Files.createDirectories(WORK);

    // 1. a short training run and its exported policy
    Path run = WORK.resolve("run");
    Path policy = WORK.resolve("policy.mixrl");
    cli("train", "--env", "Pendulum-v1", "--policy", "sgm", "--components", "3", "--steps",
        "300", "--seed", "3", "--hidden", "16,16", "--batch-size", "32", "--learning-starts",
        "100", "--eval-every", "0", "--out", run.toString(), "--no-progress");
    cli("export", "--run", run.toString(), "--out", policy.toString());

    // 2. a runtime image holding java.base and nothing else
    Path image = WORK.resolve("java-base-image");
    tool("jlink", "--add-modules", "java.base", "--strip-debug", "--no-header-files",
        "--no-man-pages", "--output", image.toString());
    Path imageJava = image.resolve("bin").resolve("java");
    assertEquals("java.base", exec(imageJava.toString(), "--list-modules").strip()
        .replaceAll("@.*", ""), "the image holds more than java.base");

    // 3. the example, compiled against the core jar only
    Path classes = WORK.resolve("example-classes");
    Path example = Path.of(System.getProperty("mixrl.examplesDir", "examples"),
        "PendulumPolicy.java");
    assertTrue(Files.isRegularFile(example), "example not found at " + example);
    tool("javac", "--release", "17", "-cp", coreJar.toString(), "-d", classes.toString(),
        example.toString());
    String cp = coreJar + java.io.File.pathSeparator + classes;

    // 4. the same episode on the image and on the full JDK
    String fullJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String onImage = exec(imageJava.toString(), "-cp", cp, "PendulumPolicy", policy.toString());
    String onJdk = exec(fullJava, "-cp", cp, "PendulumPolicy", policy.toString());
    String last = lastLine(onImage);
    assertTrue(last.startsWith("return="), "last line of the example: " + onImage);
    double ret = Double.parseDouble(last.substring("return=".length()));
    // Pendulum's reward per step is in [-16.27, 0] over 200 steps
    assertTrue(ret <= 0 && ret >= -16.3 * 200, "implausible return " + ret);
    assertEquals(lastLine(onJdk), last, "image and full JDK disagree");
  }

  private static void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, code, "mixrl " + String.join(" ", args) + " failed:\n" + err + out);
  }

  private static void tool(String name, String... args) {
    ToolProvider tool = ToolProvider.findFirst(name)
        .orElseThrow(() -> new AssertionError(name + " not available: run the build on a JDK"));
    StringWriter out = new StringWriter();
    int code = tool.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    assertEquals(0, code, name + " " + String.join(" ", args) + " failed:\n" + out);
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
    return out;
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\\R");
    return lines[lines.length - 1];
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
