package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The user's path through the verification kit, from the built jar: compile the example
 * estimator under examples/verify against target/mixrl-VERSION.jar (and target/lib for the
 * JUnit API), then verify it with {@code mixrl verify-estimator} in a child JVM (exit 0) and
 * through the JUnit adapter on the JUnit Platform (every dynamic test passes).
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

  /** Exit code and output of {@code mixrl verify-estimator ARGS} in a child JVM. */
  static CliRun.Result verify(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp",
        mainJar + File.pathSeparator + libGlob, "org.mixrl.cli.Main", "verify-estimator"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "verify-estimator did not finish");
    return new CliRun.Result(p.exitValue(), out, "");
  }

  @Test
  void theCommandVerifiesTheExampleAndExitsZero() throws Exception {
    CliRun.Result r = verify("--class", "AntitheticLr", "--classpath", classes.toString(),
        "--quick");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().strip().endsWith("PASS: every check passed"), r.out());
    assertTrue(r.out().contains("estimator lr-antithetic (AntitheticLr)"), r.out());
  }

  @Test
  void theCommandFailsTheBiasedVariantWithAReproductionThatFailsAgain() throws Exception {
    CliRun.Result r = verify("--class", "PairBaselineLr", "--classpath", classes.toString(),
        "--quick");
    assertEquals(1, r.code(), r.out());
    String last = r.lastLine();
    String prefix = "reproduce: mixrl verify-estimator --class PairBaselineLr --classpath '"
        + classes + "' --quick --seed 1 --case '";
    assertTrue(last.startsWith(prefix), last);
    String spec = last.substring(prefix.length(), last.length() - 1);
    CliRun.Result again = verify("--class", "PairBaselineLr", "--classpath", classes.toString(),
        "--quick", "--case", spec);
    assertEquals(1, again.code(), again.out());
  }

  @Test
  void theJUnitPlatformRunsTheExamplesTestClassAndEveryDynamicTestPasses() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      // the example's test class as a user's build runs it: discovered by the Jupiter engine
      // (package-private class, @TestFactory method), not called by reflection
      Class<?> test = Class.forName("AntitheticLrTest", true, loader);
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(DiscoverySelectors.selectClass(test)).build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(request, listener);
      TestExecutionSummary s = listener.getSummary();
      StringWriter failures = new StringWriter();
      s.printFailuresTo(new PrintWriter(failures), 5);
      assertEquals(0, s.getTotalFailureCount(), failures.toString());
      // 1 applicability test + 10 ordinary cases x 4 checks + 12 extreme cases x 3 checks
      assertEquals(1 + 10 * 4 + 12 * 3, s.getTestsFoundCount());
      assertEquals(s.getTestsFoundCount(), s.getTestsSucceededCount());
    }
  }
}
