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

  @Test
  void stopEndsASleep() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> stopAfterStart("Thread.sleep(60_000);"));
  }

  private static void stopAfterStart(String cell) throws Exception {
    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                evaluator.eval(cell + "\nSystem.out.println(\"not reached\");");
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    Thread.sleep(500);
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
