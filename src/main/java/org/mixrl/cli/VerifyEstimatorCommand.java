package org.mixrl.cli;

import java.io.File;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mixrl.estimator.Estimator;
import org.mixrl.verify.Counterexample;
import org.mixrl.verify.EstimatorVerifier;
import org.mixrl.verify.VerificationReport;
import org.mixrl.verify.VerifyCase;
import org.mixrl.verify.VerifyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixrl verify-estimator}: runs the verification kit on a user's estimator class. */
@Command(
    name = "verify-estimator",
    description = {
      "Verify a gradient estimator against exact gradients.",
      // one string per paragraph: picocli wraps them to the help width
      "The estimator is a public class implementing org.mixrl.estimator.Estimator with a"
          + " public no-argument constructor. Checks: unbiasedness (Holm-corrected z-tests),"
          + " variance beside LR, RP-LR, MRP, finiteness at extreme parameters, declared"
          + " critic cost, determinism. Prints a table.",
      "Exit 0: every check passed; 1: a check failed (the last line reproduces the shrunk"
          + " failing case); 2: bad input (class not found, not an Estimator, no public"
          + " no-argument constructor, no such classpath entry, malformed --case)."
    })
final class VerifyEstimatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--class", required = true, paramLabel = "NAME",
      description = "Fully qualified class name of the estimator.")
  String className;

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "Where the class is: directories and jars separated by '${sys:path.separator}'"
          + " (default: mixrl's own class path).")
  String classpath;

  @Option(names = "--quick",
      description = "200 batches per case instead of 600, no reference variances.")
  boolean quick;

  @Option(names = "--seed", defaultValue = "1", description = "Root seed (default 1).")
  long seed;

  @Option(names = "--case", paramLabel = "SPEC",
      description = "Run every check on this one case only (as a failure's last line prints it).")
  String caseSpec;

  @Override
  public Integer call() throws Exception {
    VerifyCase only = caseSpec == null ? null : VerifyCase.parse(caseSpec);
    try (URLClassLoader loader = loaderFor(classpath)) {
      Estimator estimator = instantiate(loader);
      VerifyConfig config = (quick ? VerifyConfig.quick() : VerifyConfig.defaults()).withSeed(seed);
      VerificationReport report = only == null
          ? EstimatorVerifier.verify(estimator, config)
          : EstimatorVerifier.verifyCase(estimator, only, config);
      PrintWriter out = spec.commandLine().getOut();
      out.print(report.table());
      if (!report.passed()) {
        report.counterexamples().stream().findFirst()
            .ifPresent(c -> out.println("reproduce: " + reproduction(c)));
      }
      out.flush();
      return report.passed() ? 0 : 1;
    }
  }

  private String reproduction(Counterexample c) {
    return "mixrl verify-estimator --class " + className
        + (classpath == null ? "" : " --classpath '" + classpath + "'") + " "
        + c.reproductionOptions();
  }

  static URLClassLoader loaderFor(String classpath) {
    List<URL> urls = new ArrayList<>();
    if (classpath != null) {
      if (classpath.isBlank()) {
        throw new IllegalArgumentException("--classpath is empty");
      }
      for (String entry : classpath.split(File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path p = Path.of(entry);
        if (!Files.exists(p)) {
          throw new IllegalArgumentException(
              "--classpath entry '" + entry + "' does not exist (expected a directory or a jar)");
        }
        try {
          urls.add(p.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("--classpath entry '" + entry + "' is not a path", e);
        }
      }
    }
    // parent-first: the user's classes see mixrl's own Estimator, Tensor, ...
    return new URLClassLoader(urls.toArray(new URL[0]),
        VerifyEstimatorCommand.class.getClassLoader());
  }

  private Estimator instantiate(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("--class " + className + " not found"
          + (classpath == null ? " on mixrl's class path" : " on --classpath " + classpath)
          + (e instanceof LinkageError ? " (" + e + ")" : ""));
    }
    if (!Estimator.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("--class " + className
          + " does not implement org.mixrl.estimator.Estimator");
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException("--class " + className
          + " must be a public, non-abstract class");
    }
    Constructor<?> ctor;
    try {
      ctor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("--class " + className
          + " has no public no-argument constructor");
    }
    try {
      return (Estimator) ctor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("--class " + className + ": its constructor threw "
          + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("--class " + className + " could not be constructed: "
          + e);
    }
  }
}
