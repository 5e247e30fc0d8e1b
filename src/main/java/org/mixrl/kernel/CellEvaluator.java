package org.mixrl.kernel;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * Evaluates notebook cells with JShell, in this JVM.
 *
 * <p>A cell is split into snippets by JShell's completeness analysis and evaluated in order;
 * the first failing snippet ends the cell with a {@link CellException}. The value of the last
 * snippet, when it is an expression, is the cell's value. Execution is local (not JShell's
 * default remote JVM) so values are real objects that can be rendered, and so that
 * {@code System.out} in a cell is the stream the kernel redirects.
 */
public final class CellEvaluator implements AutoCloseable {
  /** Imports every session starts with: JShell's usual set, the display helper, mixrl basics. */
  public static final List<String> DEFAULT_IMPORTS =
      List.of(
          "import java.io.*;",
          "import java.math.*;",
          "import java.nio.file.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.regex.*;",
          "import java.util.stream.*;",
          "import org.knowm.xchart.*;",
          "import org.mixrl.tensor.Tensor;",
          "import org.mixrl.random.RandomStream;",
          "import static org.mixrl.kernel.Display.display;");

  /** The value of a cell's last expression: the object, and JShell's text for it. */
  public record Value(Object object, String text) {}

  private final JShell jshell;
  private volatile boolean stopRequested;
  private volatile boolean evaluating;

  /**
   * A session whose code compiles against {@code classPath} (the kernel's own class path, so
   * cells see mixrl and its libraries) and starts with {@code imports} evaluated.
   *
   * @throws IllegalStateException if an import does not compile (a class path problem)
   */
  public CellEvaluator(List<String> classPath, List<String> imports) {
    jshell =
        JShell.builder()
            .executionEngine(new LocalExecutionControlProvider(), Map.of())
            .build();
    for (String entry : classPath) {
      jshell.addToClasspath(entry);
    }
    for (String imp : imports) {
      try {
        eval(imp);
      } catch (CellException e) {
        close();
        throw new IllegalStateException(
            "startup import failed: " + imp + ": " + e.getMessage() + " (class path: " + classPath + ")",
            e);
      }
    }
  }

  /** A session on this JVM's class path with {@link #DEFAULT_IMPORTS}. */
  public static CellEvaluator onJvmClassPath() {
    return new CellEvaluator(
        List.of(System.getProperty("java.class.path").split(File.pathSeparator)),
        DEFAULT_IMPORTS);
  }

  /**
   * Evaluates {@code cell}; returns the value of its last snippet when that is an expression,
   * otherwise {@code null}. Output of the cell goes to {@code System.out}/{@code System.err}.
   *
   * @throws CellException if a snippet does not compile, throws, or the cell is stopped
   */
  public Value eval(String cell) {
    stopRequested = false; // before evaluating: a stop repeater never sees this cell as stopped
    evaluating = true;
    try {
      return evalSnippets(cell);
    } finally {
      evaluating = false;
    }
  }

  /** True while {@link #eval} runs (for tests that must stop a cell mid-compile). */
  boolean isEvaluating() {
    return evaluating;
  }

  private Value evalSnippets(String cell) {
    SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
    Map<String, CellErrors.SnippetPlace> places = new HashMap<>();
    String rest = cell;
    int offset = 0;
    Value last = null;
    while (true) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        return last;
      }
      checkStop();
      // An incomplete or unparsable tail goes to the compiler whole, which says what is wrong.
      boolean complete = info.completeness().isComplete();
      String source = complete ? info.source() : rest;
      String remaining = complete ? info.remaining() : "";
      CellErrors.SnippetPlace place = new CellErrors.SnippetPlace(offset, source);
      offset += rest.length() - remaining.length();
      rest = remaining;
      last = evalSnippet(place, cell, places);
    }
  }

  private Value evalSnippet(
      CellErrors.SnippetPlace place, String cell, Map<String, CellErrors.SnippetPlace> places) {
    Value value = null;
    for (SnippetEvent event : jshell.eval(place.source())) {
      if (event.causeSnippet() != null) {
        continue; // a dependent definition was updated; not this snippet's own outcome
      }
      Snippet snippet = event.snippet();
      places.put(snippet.id(), place);
      if (event.status() == Snippet.Status.REJECTED) {
        throw CellErrors.compileError(jshell.diagnostics(snippet).toList(), place, cell);
      }
      checkStop(event.exception());
      if (event.exception() != null) {
        List<String> missing = List.of();
        if (event.exception() instanceof jdk.jshell.UnresolvedReferenceException ure) {
          missing = jshell.unresolvedDependencies(ure.getSnippet()).toList();
        }
        throw CellErrors.runtimeError(event.exception(), places, cell, missing);
      }
      if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
          || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        warnUnresolved((DeclarationSnippet) snippet);
      }
      String name = valueName(snippet);
      if (name != null) {
        value = new Value(capture(name), event.value());
      }
    }
    return value;
  }

  /** The variable holding an expression snippet's value, or null if it is not an expression. */
  private static String valueName(Snippet snippet) {
    if (snippet instanceof VarSnippet v
        && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
      return v.name();
    }
    if (snippet instanceof ExpressionSnippet e) {
      return e.name(); // a bare variable or an assignment: the variable it reads or writes
    }
    return null;
  }

  /** Reads the object behind a JShell variable through {@link CellValue}. */
  private Object capture(String name) {
    CellValue.clear();
    jshell.eval(CellValue.class.getName() + ".set(" + name + ");");
    Object v = CellValue.isPresent() ? CellValue.get() : null;
    CellValue.clear();
    return v;
  }

  private void warnUnresolved(DeclarationSnippet snippet) {
    List<String> missing = jshell.unresolvedDependencies(snippet).toList();
    System.err.println(
        "note: "
            + snippet.name()
            + " is defined but cannot be used until this is declared: "
            + String.join(", ", missing));
  }

  private void checkStop() {
    checkStop(null);
  }

  /** Ends the cell if it was stopped; {@code outcome} is what its last snippet threw, if any. */
  private void checkStop(JShellException outcome) {
    if (stopRequested) {
      // mixrl's loops say where they stopped (and how to resume a run): keep that for the user
      String where = outcome instanceof EvalException ee
              && CancellationException.class.getName().equals(ee.getExceptionClassName())
          ? ee.getMessage()
          : null;
      throw CellErrors.interrupted(where);
    }
  }

  /**
   * Stops the running cell, from another thread: a loop in cell code stops at once, a blocking
   * call such as {@code Thread.sleep} is interrupted, and no further snippet of the cell runs.
   * mixrl's long computations (training, bandit learning, theory searches, variance studies)
   * check the interrupt once per step or iteration and stop too, saying where in the report;
   * other library code that neither loops in cell code nor checks interrupts runs to its end.
   */
  public void stop() {
    stopRequested = true;
    jshell.stop();
    // A stop that lands while JShell still analyses or compiles a snippet finds nothing running,
    // and the snippet would then run unchecked: repeat it until the cell has ended.
    Thread repeater = new Thread(this::repeatStopUntilTheCellEnds, "mixrl-cell-stop");
    repeater.setDaemon(true);
    repeater.start();
  }

  private void repeatStopUntilTheCellEnds() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (evaluating && stopRequested && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
      if (evaluating && stopRequested) {
        jshell.stop();
      }
    }
  }

  /** Completion and is-complete analysis of this session. */
  SourceCodeAnalysis analysis() {
    return jshell.sourceCodeAnalysis();
  }

  @Override
  public void close() {
    jshell.close();
  }
}
