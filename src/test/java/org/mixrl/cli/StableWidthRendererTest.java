package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar's formatting without a terminal: frames are captured at a fixed width. */
class StableWidthRendererTest {
  private static final int WIDTH = 90;

  /** Collects every frame the bar renders. */
  private static final class Frames implements ProgressBarConsumer {
    final List<String> frames = new ArrayList<>();
    final int width;

    Frames() {
      this(WIDTH);
    }

    Frames(int width) {
      this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public synchronized void accept(String rendered) {
      frames.add(rendered);
    }

    @Override
    public void close() {}

    synchronized List<String> copy() {
      return new ArrayList<>(frames);
    }
  }

  private static ProgressBar bar(Frames frames, long total, int extraWidth) {
    return ProgressBars.builder("reproduce", total, "tasks", extraWidth)
        .setUpdateIntervalMillis(3_600_000) // frames only when the test asks (refresh)
        .setConsumer(frames)
        .build();
  }

  /** Column of the bar's closing bracket: the bar's right end. */
  private static int barEnd(String frame) {
    return frame.indexOf(']', frame.indexOf('[') + 1);
  }

  @Test
  void theBarKeepsItsWidthAsTheCountsAndTheStageNameGrow() throws Exception {
    Frames frames = new Frames();
    String[] stages = {" a", " threshold curve", " entropy robustness"};
    try (ProgressBar bar = bar(frames, 1_000, " entropy robustness".length())) {
      for (int i = 1; i <= 1_000; i += 37) {
        bar.setExtraMessage(stages[i % 3]);
        bar.stepTo(i);
        bar.refresh();
      }
    }
    List<String> seen = frames.copy();
    assertTrue(seen.size() > 20, "frames: " + seen.size());
    int end = barEnd(seen.get(seen.size() - 1));
    for (String f : seen) {
      assertEquals(end, barEnd(f), "the bar ends in the same column:\n" + String.join("\n", seen));
      assertEquals(WIDTH, f.length(), "every frame fills the width, so none leaves debris: " + f);
    }
    // the full stage name is shown, not trimmed
    assertTrue(seen.stream().anyMatch(f -> f.contains(" entropy robustness")), seen.toString());
  }

  @Test
  void withoutTheReserveTheSameFramesWouldMoveTheBar() throws Exception {
    // the test above can fail: a reserve of 0 lets the bar end move as the suffix grows
    Frames frames = new Frames();
    try (ProgressBar bar = ProgressBars.builder("reproduce", 1_000, "tasks", 0)
        .setUpdateIntervalMillis(3_600_000).setConsumer(frames).build()) {
      bar.setExtraMessage(" a");
      bar.stepTo(1);
      bar.refresh();
      bar.setExtraMessage(" a stage name much longer than the reserved width allows");
      bar.stepTo(2);
      bar.refresh();
    }
    List<String> seen = frames.copy();
    assertFalse(seen.stream().mapToInt(StableWidthRendererTest::barEnd).distinct().count() == 1,
        String.join("\n", seen));
  }

  @Test
  void theReserveOnlyGrows() throws Exception {
    StableWidthRenderer r = new StableWidthRenderer(" tasks", java.time.temporal.ChronoUnit.SECONDS,
        10);
    Frames frames = new Frames();
    try (ProgressBar bar = ProgressBars.builder("x", 100, "tasks", 0).setRenderer(r)
        .setUpdateIntervalMillis(3_600_000).setConsumer(frames).build()) {
      bar.setExtraMessage(" a long stage name");
      bar.stepTo(1);
      bar.refresh();
      int grown = r.reserved();
      assertTrue(grown > 10, "the reserve grew to the suffix: " + grown);
      bar.setExtraMessage("");
      bar.stepTo(2);
      bar.refresh();
      assertEquals(grown, r.reserved());
    }
  }

  @Test
  void onANarrowTerminalTheTextIsKeptAndThePaddingGoes() throws Exception {
    // 80 columns hold "train  99% [" (12), a bar of 1 and the 65-character suffix below, but
    // not the reserve of 72
    Frames frames = new Frames(80);
    try (ProgressBar bar = ProgressBars.builder("train", 600, "steps", 21)
        .setUpdateIntervalMillis(3_600_000).setConsumer(frames).build()) {
      bar.setExtraMessage(" last return -1597.5");
      bar.stepTo(599);
      bar.refresh();
    }
    boolean checked = false;
    for (String f : frames.copy()) {
      assertTrue(f.length() <= 80, f);
      if (f.contains("599/600")) {
        assertTrue(f.stripTrailing().endsWith(" last return -1597.5"), "cut: '" + f + "'");
        checked = true;
      }
    }
    assertTrue(checked, frames.copy().toString());
  }

  @Test
  void aClosedBarOnATerminalEndsItsLineBeforeTheNextMessage() {
    // a bar closed at once is the hard case: the library skips the consumer's close (and its
    // newline) when close() comes before the first update; repeated, as the race is timing
    for (int i = 0; i < 20; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      try (ProgressBar bar = ProgressBars.build(ProgressBars.builder("train", 10, "steps", 0),
          new ConsoleProgressBarConsumer(err, WIDTH))) {
        bar.stepTo(10);
      }
      err.print("summary");
      String text = bytes.toString(StandardCharsets.UTF_8);
      String[] lines = text.split(System.lineSeparator(), -1);
      assertEquals("summary", lines[lines.length - 1], "round " + i + ": " + text);
      assertTrue(lines[lines.length - 2].contains("100%"), text);
    }
  }
}
