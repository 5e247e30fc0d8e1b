package org.mixrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the {@code core} classifier jar to the dependency rule: only core packages, and nothing
 * but {@code java.base} referenced. Runs under failsafe, after {@code package} built the jar.
 */
class CoreJarIT {
  /** Keep in step with the core-jar includes in pom.xml and docs/architecture.md. */
  static final List<String> CORE_PACKAGES =
      List.of(
          "tensor", "autodiff", "random", "nn", "optim", "policy", "estimator", "bandit", "theory",
          "env", "agent", "experiment", "verify", "deploy");

  static final List<String> FRONT_END_PACKAGES = List.of("cli", "plot", "kernel", "bench", "junit");

  static Path coreJar;
  static List<String> classEntries;

  @BeforeAll
  static void findCoreJar() throws IOException {
    String prop = System.getProperty("mixrl.coreJar");
    assertTrue(prop != null, "system property mixrl.coreJar is not set (set by failsafe in pom.xml)");
    coreJar = Path.of(prop);
    assertTrue(Files.isRegularFile(coreJar), "core jar not found at " + coreJar);
    try (JarFile jar = new JarFile(coreJar.toFile())) {
      classEntries =
          jar.stream()
              .map(JarEntry::getName)
              .filter(n -> n.endsWith(".class"))
              .collect(Collectors.toList());
    }
  }

  @Test
  void containsAtLeastOneCoreClass() {
    assertTrue(
        classEntries.stream().anyMatch(n -> n.startsWith("org/mixrl/random/")),
        "no core class in " + coreJar + ": " + classEntries);
  }

  @Test
  void containsOnlyCorePackages() {
    for (String name : classEntries) {
      for (String fe : FRONT_END_PACKAGES) {
        assertFalse(
            name.startsWith("org/mixrl/" + fe + "/"), "front-end class in core jar: " + name);
      }
      assertTrue(
          CORE_PACKAGES.stream().anyMatch(p -> name.startsWith("org/mixrl/" + p + "/")),
          "class outside the core packages in core jar: " + name);
    }
  }

  @Test
  void dependsOnJavaBaseOnly() {
    // No --ignore-missing-deps: a reference to any class outside the JDK must fail here.
    Jdeps r = jdeps("--print-module-deps", coreJar.toString());
    assertEquals(0, r.code(), "jdeps failed:\n" + r.err() + r.out());
    assertEquals("java.base", r.out().strip(), "core jar needs more than java.base:\n" + r.err());
  }

  @Test
  void jdepsAnalyzedEveryCoreClass() {
    // Guards against a vacuous pass: jdeps must really have seen the jar's classes.
    Jdeps r = jdeps("-verbose:class", coreJar.toString());
    assertEquals(0, r.code(), "jdeps failed:\n" + r.err() + r.out());
    Set<String> seen = new TreeSet<>();
    for (String line : r.out().split("\\R")) {
      String t = line.strip();
      // package-info appears only when its package has annotations; it carries no code
      if (t.startsWith("org.mixrl.") && t.contains("->") && !t.contains("package-info")) {
        seen.add(t.substring(0, t.indexOf(' ')));
      }
    }
    assertTrue(seen.size() > 0, "jdeps saw no classes:\n" + r.out());
    assertFalse(r.out().contains("not found"), "unresolved references:\n" + r.out());
    Set<String> expected = new TreeSet<>();
    for (String n : classEntries) {
      if (!n.endsWith("module-info.class") && !n.endsWith("package-info.class")) {
        expected.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
      }
    }
    // A class that references nothing (impossible: everything extends Object) would be missing.
    assertEquals(expected, seen);
  }

  record Jdeps(int code, String out, String err) {}

  static Jdeps jdeps(String... args) {
    ToolProvider tool =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps not available: run the build on a JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Jdeps(code, out.toString(), err.toString());
  }
}
