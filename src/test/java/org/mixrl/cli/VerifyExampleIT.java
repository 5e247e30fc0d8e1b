package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path through the verification kit, from the built jar: compile the example
 * estimator under examples/verify against target/mixrl-VERSION.jar (and target/lib for the
 * JUnit API), then verify it with {@code mixrl verify-estimator} in a child JVM (exit 0) and
 * through the JUnit adapter (every dynamic test passes).
 */
class VerifyExampleIT {
  @TempDir static Path classes;
  static Path mainJar;
  static String libGlob;

  @BeforeAll
  static void compileTheExample() throws Exception {
    mainJar = Path.of(System.getProperty("mixrl.mainJar"));
    assertTrue(Files.isRegularFile(mainJar), "main jar not built: " + mainJar);
    Path lib = mainJar.getParent().resolve("lib");
    libGlob = lib + File.separator + "*";
    List<String> cp = new ArrayList<>(List.of(mainJar.toString()));
    try (Stream<Path> jars = Files.list(lib)) {
      jars.map(Path::toString).filter(n -> n.endsWith(".jar")).forEach(cp::add);
    }
    Path examples = Path.of(System.getProperty("mixrl.examplesDir"), "verify");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        String.join(File.pathSeparator, cp), "-Xlint:all,-try", "-Werror"));
    try (Stream<Path> sources = Files.list(examples)) {
      sources.map(Path::toString).filter(n -> n.endsWith(".java")).sorted().forEach(args::add);
    }
    int code = ToolProvider.getSystemJavaCompiler().run(null, null, null,
        args.toArray(new String[0]));
    assertEquals(0, code, "javac " + args);
  }

  @Test
  void theCommandVerifiesTheExampleAndExitsZero() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", mainJar + File.pathSeparator + libGlob,
        "org.mixrl.cli.Main", "verify-estimator", "--class", "AntitheticLr", "--classpath",
        classes.toString(), "--quick").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "verify-estimator did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.strip().endsWith("PASS: every check passed"), out);
    assertTrue(out.contains("estimator lr-antithetic (AntitheticLr)"), out);
  }

  @Test
  void theJUnitAdapterRunsTheExamplesTestFactoryAndEveryTestPasses() throws Throwable {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Class<?> test = Class.forName("AntitheticLrTest", true, loader);
      var ctor = test.getDeclaredConstructor();
      ctor.setAccessible(true);
      Method factory = test.getDeclaredMethod("antitheticLrIsVerified");
      factory.setAccessible(true);
      @SuppressWarnings("unchecked")
      Stream<DynamicTest> tests = (Stream<DynamicTest>) factory.invoke(ctor.newInstance());
      int run = 0;
      for (DynamicTest t : (Iterable<DynamicTest>) tests::iterator) {
        t.getExecutable().execute();
        run++;
      }
      // 1 applicability test + 8 ordinary cases x 4 checks + 12 extreme cases x 3 checks
      assertEquals(1 + 8 + 3 * 20, run);
    }
  }
}
