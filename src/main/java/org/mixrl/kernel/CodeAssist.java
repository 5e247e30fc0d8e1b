package org.mixrl.kernel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Tab completion and "is this cell complete?" for a JShell session. */
final class CodeAssist {
  /** Completion candidates and the span {@code [start, end)} of the cell they replace. */
  record Completion(List<String> matches, int start, int end) {}

  /** Whether a console should run the code now or wait for more lines. */
  enum Status {
    COMPLETE,
    INCOMPLETE,
    INVALID
  }

  private final SourceCodeAnalysis analysis;

  CodeAssist(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Names that can continue the code at {@code cursor} (a UTF-16 index into {@code code}),
   * e.g. {@code String} for {@code Str}. Only the snippet the cursor is in is analysed, since
   * JShell completes one snippet, not a whole cell.
   */
  Completion complete(String code, int cursor) {
    String prefix = code.substring(0, cursor);
    int start = snippetStart(prefix);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        analysis.completionSuggestions(prefix.substring(start), cursor - start, anchor);
    Set<String> matches = new LinkedHashSet<>();
    for (SourceCodeAnalysis.Suggestion s : suggestions) {
      matches.add(s.continuation());
    }
    return new Completion(List.copyOf(matches), start + anchor[0], cursor);
  }

  /** Where the snippet containing the end of {@code prefix} begins. */
  private int snippetStart(String prefix) {
    int start = 0;
    while (true) {
      CompletionInfo info = analysis.analyzeCompletion(prefix.substring(start));
      // Stop at the last snippet, complete or not: the cursor is in it.
      if (!info.completeness().isComplete() || info.remaining().isBlank()) {
        return start;
      }
      start = prefix.length() - info.remaining().length();
    }
  }

  /** Whether {@code code} is ready to run: every snippet complete, or one is broken. */
  Status isComplete(String code) {
    String rest = code;
    while (true) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      switch (c) {
        case EMPTY:
          return Status.COMPLETE;
        case COMPLETE:
        case COMPLETE_WITH_SEMI:
          if (info.remaining().isBlank()) {
            return Status.COMPLETE;
          }
          rest = info.remaining();
          break;
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return Status.INCOMPLETE;
        default:
          return Status.INVALID;
      }
    }
  }
}
