package org.mixrl.experiment;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code metrics.csv}, appended one flushed row at a time. On resume the file is cut back to
 * the rows the checkpoint knew about (rows written after it are produced again, identically),
 * by an atomic replace.
 */
public final class MetricsLog implements AutoCloseable {
  private final Path file;
  private final FileOutputStream stream;
  private final BufferedWriter writer;
  private long rows;

  private MetricsLog(Path file, long rows) throws IOException {
    this.file = file;
    this.rows = rows;
    this.stream = new FileOutputStream(file.toFile(), true);
    this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  /** Creates {@code file} holding only the header; fails if it exists. */
  public static MetricsLog create(Path file) throws IOException {
    Files.writeString(file, MetricsRow.HEADER + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
    return new MetricsLog(file, 0);
  }

  /**
   * Checks that {@code file} has our header and at least {@code rows} complete rows; does not
   * change the file. Returns its lines.
   */
  static List<String> checkForResume(Path file, long rows) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new RunDirectoryException(file + ": missing; the checkpoint needs its first " + rows + " rows");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = List.of(text.split("\n", -1));
    // the element after the last '\n' is a partial row (or empty): never a complete one
    long complete = lines.size() - 2;
    if (lines.isEmpty() || !lines.get(0).equals(MetricsRow.HEADER)) {
      throw new RunDirectoryException(file + ": not a mixrl metrics file (unexpected header)");
    }
    if (complete < rows) {
      throw new RunDirectoryException(file + ": holds " + Math.max(complete, 0) + " complete rows but the"
          + " checkpoint was written after row " + rows + "; the metrics file does not belong to"
          + " this checkpoint");
    }
    return lines;
  }

  /** Cuts {@code file} back to header + {@code rows} rows (atomically) and opens it for appending. */
  static MetricsLog resume(Path file, long rows, List<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= rows; i++) {
      sb.append(lines.get(i)).append('\n');
    }
    AtomicFiles.write(file, sb.toString());
    return new MetricsLog(file, rows);
  }

  /** Appends and flushes one row. */
  public void append(MetricsRow row) throws IOException {
    writer.write(row.toCsv());
    writer.write('\n');
    writer.flush();
    rows++;
  }

  /** Rows written so far (header excluded). */
  public long rows() {
    return rows;
  }

  /** Forces the rows to disk, so a checkpoint never refers to rows that a crash could lose. */
  public void sync() throws IOException {
    writer.flush();
    stream.getFD().sync();
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
