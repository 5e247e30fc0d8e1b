package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mixrl.tensor.Tensor;

/** The evaluator on its own, without Jupyter: one JShell session shared by the tests. */
class CellEvaluatorTest {
  private static CellEvaluator evaluator;

  @BeforeAll
  static void startSession() {
    evaluator = CellEvaluator.onJvmClassPath();
  }

  @AfterAll
  static void closeSession() {
    evaluator.close();
  }

  @Test
  void lastExpressionIsTheCellValue() {
    CellEvaluator.Value v = evaluator.eval("int a = 20;\nint b = 22;\na + b");
    assertEquals(42, v.object());
    assertEquals("42", v.text());
  }

  @Test
  void declarationsAndStatementsHaveNoValue() {
    assertNull(evaluator.eval("int unshown = 1;"));
    assertNull(evaluator.eval("2 + 2; int afterwards = 3;"));
  }

  @Test
  void aBareVariableYieldsTheObjectItself() {
    evaluator.eval("List<Integer> xs = new ArrayList<>(List.of(1, 2));");
    Object xs = evaluator.eval("xs").object();
    assertEquals(List.of(1, 2), xs);
    assertInstanceOf(ArrayList.class, xs);
  }

  @Test
  void mixrlClassesAreImportedAndValuesAreRealObjects() {
    Object t = evaluator.eval("Tensor.vector(1, 2, 3)").object();
    assertInstanceOf(Tensor.class, t);
    assertEquals(3, ((Tensor) t).numel());
  }

  @Test
  void cellOutputGoesToSystemOut() {
    String out = captureOut(() -> evaluator.eval("for (int i = 0; i < 3; i++) System.out.print(i);"));
    assertEquals("012", out);
  }

  @Test
  void compileErrorsNameCellLineColumnAndSource() {
    CellException e =
        assertThrows(CellException.class, () -> evaluator.eval("int ok = 1;\n  Strin s = \"x\";"));
    String report = String.join("\n", e.report());
    assertTrue(report.contains("line 2, column 3: cannot find symbol"), report);
    assertTrue(report.contains("symbol:   class Strin"), report);
    assertTrue(report.contains("      Strin s = \"x\";\n      ^^^^^"), report);
    assertTrue(e.getMessage().startsWith("compilation failed: line 2"), e.getMessage());
  }

  @Test
  void runtimeErrorsNameTheExceptionAndTheCellLine() {
    evaluator.eval("int divide(int x, int y) {\n  return x / y;\n}");
    CellException e = assertThrows(CellException.class, () -> evaluator.eval("// first\n\ndivide(1, 0)"));
    assertEquals("java.lang.ArithmeticException: / by zero", e.getMessage());
    String report = String.join("\n", e.report());
    assertTrue(report.contains("at divide (earlier cell, snippet #"), report);
    assertTrue(report.contains("at cell (line 3)"), report);
  }

  @Test
  void causesAreReported() {
    CellException e =
        assertThrows(
            CellException.class,
            () -> evaluator.eval("throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));"));
    assertTrue(e.report().contains("Caused by: java.lang.IllegalStateException: inner"), e.report().toString());
  }

  @Test
  void theSessionKeepsWorkingAfterAnError() {
    assertThrows(CellException.class, () -> evaluator.eval("1 / 0"));
    assertEquals(7, evaluator.eval("3 + 4").object());
  }

  @Test
  void laterSnippetsOfAFailedCellDoNotRun() {
    evaluator.eval("int counter = 0;");
    assertThrows(CellException.class, () -> evaluator.eval("counter = 1;\nint boom = 1 / 0;\ncounter = 2;"));
    assertEquals(1, evaluator.eval("counter").object());
  }

  @Test
  void anIncompleteCellIsACompileError() {
    CellException e = assertThrows(CellException.class, () -> evaluator.eval("int z = 1;\nfor (int i = 0; i < 2; i++) {"));
    assertTrue(e.getMessage().contains("reached end of file"), e.getMessage());
  }

  @Test
  void stopEndsABusyLoop() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> stopAfterStart("while (true) { }"));
  }

  /**
   * Jupyter's interrupt can arrive while JShell still compiles the cell, when nothing runs yet
   * that JShell could stop: it must not be lost. Stops land at delays from 0 to 300 ms after the
   * cell starts, so some of them fall inside the compile.
   */
  @Test
  void stopWhileTheCellStillCompilesEndsIt() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int delayMs = 0; delayMs <= 300; delayMs += 10) {
        CompletableFuture<Throwable> outcome =
            evalAsync("while (true) { Thread.onSpinWait(); } // " + delayMs);
        while (!evaluator.isEvaluating()) {
          Thread.onSpinWait();
        }
        Thread.sleep(delayMs);
        evaluator.stop();
        Throwable t = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertInstanceOf(CellException.class, t, "stop after " + delayMs + " ms");
      }
    });
    assertEquals(2, evaluator.eval("1 + 1").object());
  }

  @Test
  void stopEndsASleep() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> stopAfterStart("Thread.sleep(60_000);"));
  }

  /**
   * A cell spending its time inside one mixrl call (bandit learning for a million steps) must
   * end promptly too. On the JDKs without Thread.stop (21 on; CI runs 25) JShell's stop only
   * interrupts the thread, so the library's own check ends the loop and its message reaches
   * the report. (JDK 17's JShell throws ThreadDeath into any code, leaving no such message.)
   */
  @Test
  void stopEndsALongMixrlLoopInsideOneCall() {
    String cell = String.join("\n",
        "var config = org.mixrl.experiment.BanditLearning.Config.of(",
        "    org.mixrl.bandit.BumpsReward.parse(\"bumps:1.0@1.0/0.3,0.8@-1.0/0.3\"),",
        "    org.mixrl.policy.PolicyClass.SGM, 3, \"mrp\",",
        "    org.mixrl.experiment.BanditLearning.CriticKind.TRUE_REWARD, 0.2)",
        "  .withSteps(1_000_000);",
        "{",
        "  System.setProperty(\"mixrl.test.learning\", \"started\");",
        "  org.mixrl.experiment.BanditLearning.run(config, 1);",
        "}");
    System.clearProperty("mixrl.test.learning");
    CellException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      CompletableFuture<Throwable> outcome = evalAsync(cell);
      // The cell runs in this JVM: wait until its last snippet runs (a stop while a snippet
      // compiles ends the cell before the next one), then give it time to enter the loop.
      while (System.getProperty("mixrl.test.learning") == null) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      long stopped = System.nanoTime();
      evaluator.stop();
      Throwable t = outcome.get();
      double seconds = (System.nanoTime() - stopped) / 1e9;
      assertTrue(seconds < 5, "the cell ended " + seconds + " s after stop()");
      return assertInstanceOf(CellException.class, t);
    });
    assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
    if (Runtime.version().feature() >= 21) {
      String report = String.join("\n", e.report());
      assertTrue(report.contains("interrupted at step ")
          && report.contains(" of 1000000 of bandit learning sgm3/mrp/true/alpha=0.200000, seed 1"),
          report);
    }
    assertEquals(2, evaluator.eval("1 + 1").object());
  }

  private static CompletableFuture<Throwable> evalAsync(String cell) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            evaluator.eval(cell);
            return null;
          } catch (Throwable t) {
            return t;
          }
        });
  }

  private static void stopAfterStart(String cell) throws Exception {
    System.clearProperty("mixrl.test.started");
    // One block, so the marker and the cell's code run in the same snippet: a stop that lands
    // while JShell still compiles (slow on a loaded machine) would end the cell before the
    // loop started and leave it running, so stop only once the marker says it runs.
    CompletableFuture<Throwable> outcome = evalAsync(
        "{ System.setProperty(\"mixrl.test.started\", \"yes\"); " + cell + " }"
            + "\nSystem.out.println(\"not reached\");");
    while (System.getProperty("mixrl.test.started") == null) {
      Thread.sleep(20);
    }
    Thread.sleep(100);
    evaluator.stop();
    Throwable t = outcome.get();
    assertInstanceOf(CellException.class, t);
    assertEquals(2, evaluator.eval("1 + 1").object());
  }

  @Test
  void displayHelperReachesTheInstalledSink() {
    List<Object> shown = new ArrayList<>();
    Display.setSink(shown::add);
    try {
      evaluator.eval("display(\"hello\"); display(Tensor.scalar(2));");
    } finally {
      Display.setSink(null);
    }
    assertEquals(2, shown.size());
    assertEquals("hello", shown.get(0));
    assertInstanceOf(Tensor.class, shown.get(1));
  }

  @Test
  void completionOffersNamesInScope() {
    CodeAssist assist = new CodeAssist(evaluator.analysis());
    evaluator.eval("double learningRate = 0.1;");
    String cell = "int q = 1;\nStr";
    CodeAssist.Completion c = assist.complete(cell, cell.length());
    assertTrue(c.matches().contains("String"), c.matches().toString());
    assertEquals(cell.length() - 3, c.start());
    assertEquals(cell.length(), c.end());
    assertTrue(assist.complete("learn", 5).matches().contains("learningRate"));
  }

  @Test
  void isCompleteTellsWhetherToWaitForMoreLines() {
    CodeAssist assist = new CodeAssist(evaluator.analysis());
    assertEquals(CodeAssist.Status.COMPLETE, assist.isComplete("int a = 1;\na + 1"));
    assertEquals(CodeAssist.Status.INCOMPLETE, assist.isComplete("for (int i = 0; i < 3; i++) {"));
  }

  private static String captureOut(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
