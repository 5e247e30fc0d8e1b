package org.mixrl.nn;

import java.io.IOException;
import java.nio.file.Path;

/** A mixrl binary file that cannot be used: wrong kind, unsupported version, corrupt, mismatched. */
public final class RecordFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public RecordFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** The file the problem was found in. */
  public Path file() {
    return file;
  }
}
