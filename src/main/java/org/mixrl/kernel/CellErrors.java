package org.mixrl.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/** Turns JShell's diagnostics and exceptions into readable {@link CellException}s. */
final class CellErrors {
  private CellErrors() {}

  /** Where one snippet of the current cell starts, to map its positions to cell lines. */
  record SnippetPlace(int start, String source) {}

  /**
   * A compile error: each diagnostic with its cell line and column, the source line and a
   * caret marker under the offending span.
   */
  static CellException compileError(List<Diag> diags, SnippetPlace place, String cell) {
    List<String> lines = new ArrayList<>();
    String summary = null;
    for (Diag d : diags) {
      if (!d.isError()) {
        continue;
      }
      String message = cleanMessage(d.getMessage(Locale.ROOT));
      int from = place.start() + (int) Math.max(0, d.getStartPosition());
      int to = place.start() + (int) Math.max(d.getStartPosition(), d.getEndPosition());
      from = Math.min(from, cell.length());
      to = Math.min(Math.max(to, from + 1), Math.max(cell.length(), from + 1));
      int line = lineOf(cell, from);
      int lineStart = cell.lastIndexOf('\n', from - 1) + 1;
      int lineEnd = cell.indexOf('\n', lineStart);
      String sourceLine = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
      int column = from - lineStart + 1;
      int width = Math.max(1, Math.min(to, lineStart + sourceLine.length()) - from);
      lines.add("error: line " + line + ", column " + column + ": " + message.lines().findFirst().orElse(""));
      message.lines().skip(1).forEach(l -> lines.add("  " + l.strip()));
      lines.add("    " + sourceLine);
      lines.add("    " + " ".repeat(column - 1) + "^".repeat(width));
      if (summary == null) {
        summary = "line " + line + ": " + message.lines().findFirst().orElse("");
      }
    }
    if (summary == null) {
      int line = lineOf(cell, firstCode(place.source()) + place.start());
      summary = "line " + line + ": JShell rejected this snippet without a diagnostic";
      lines.add("error: " + summary);
    }
    return new CellException("compilation failed: " + summary, lines);
  }

  /**
   * A runtime exception: its class and message, then the frames, snippet frames labelled with
   * the cell line they come from; causes follow as in a Java stack trace.
   *
   * @param places snippets of the current cell by JShell snippet id
   * @param unresolved what a definition still lacks, for an {@link UnresolvedReferenceException}
   */
  static CellException runtimeError(
      JShellException e, Map<String, SnippetPlace> places, String cell, List<String> unresolved) {
    List<String> lines = new ArrayList<>();
    String summary = describe(e, unresolved);
    lines.add(summary);
    Throwable t = e;
    boolean first = true;
    while (t != null) {
      if (!first) {
        lines.add("Caused by: " + describe(t, List.of()));
      }
      for (StackTraceElement f : t.getStackTrace()) {
        lines.add("    at " + frame(f, places, cell));
      }
      first = false;
      t = t.getCause();
    }
    return new CellException(summary, lines);
  }

  /**
   * The cell was interrupted (Kernel > Interrupt) before it finished.
   *
   * @param where what the library said it stopped (a mixrl loop's CancellationException
   *     message), or null
   */
  static CellException interrupted(String where) {
    String msg = "interrupted: the cell was stopped before it finished";
    if (where == null) {
      return new CellException(msg, List.of(msg));
    }
    return new CellException(msg, List.of(msg, "  " + where.replace('\n', ' ')));
  }

  private static String describe(Throwable t, List<String> unresolved) {
    if (t instanceof EvalException ee) {
      return ee.getExceptionClassName() + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
    }
    if (t instanceof UnresolvedReferenceException ure) {
      return ure.getSnippet().name()
          + " cannot be used until this is declared: "
          + String.join(", ", unresolved);
    }
    return t.toString();
  }

  // JShell names snippet frames after the snippet ("#12") with an empty class name.
  private static String frame(StackTraceElement f, Map<String, SnippetPlace> places, String cell) {
    String file = f.getFileName();
    if (f.getClassName().isEmpty() && file != null && file.startsWith("#")) {
      String method = f.getMethodName().isEmpty() ? "cell" : f.getMethodName();
      SnippetPlace place = places.get(file.substring(1));
      if (place == null) {
        return method + " (earlier cell, snippet " + file + ", line " + f.getLineNumber() + ")";
      }
      // Frame lines count from the snippet's first non-blank line (JShell strips leading
      // whitespace but keeps comments).
      int codeStart = place.start() + firstNonBlank(place.source());
      int line = lineOf(cell, codeStart) + Math.max(0, f.getLineNumber() - 1);
      return method + " (line " + line + ")";
    }
    return f.toString();
  }

  /** JShell's messages name the synthetic wrapper class as "class " with an empty name. */
  private static String cleanMessage(String message) {
    StringBuilder sb = new StringBuilder();
    for (String l : message.split("\n")) {
      if (l.strip().equals("location: class")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l);
    }
    return sb.toString();
  }

  /** 1-based line of {@code offset} in {@code text}. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Offset of the first character that is not whitespace. */
  static int firstNonBlank(String source) {
    int i = 0;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Offset of the first character that is neither whitespace nor inside a comment. */
  static int firstCode(String source) {
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (source.startsWith("//", i)) {
        int nl = source.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return i;
      }
    }
    return n;
  }
}
