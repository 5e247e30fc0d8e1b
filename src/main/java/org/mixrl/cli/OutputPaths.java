package org.mixrl.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an output path before a command computes anything, so that a bad {@code --out} costs
 * one line and exit 2 instead of a stack trace after minutes of work. Each check throws
 * IllegalArgumentException naming the option, the path and what is wrong.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** {@code file} will be written as a file: it is not a directory and its directory is writable. */
  static void checkFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          option + ": " + file + " is a directory; give the path of a file");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new IllegalArgumentException(option + ": " + file + " is not writable");
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent != null) {
      checkCreatable(option, parent);
    }
  }

  /** {@code dir} will be a directory written into: not a file, and writable or creatable. */
  static void checkDirectory(String option, Path dir) {
    if (dir.toString().isEmpty()) {
      throw new IllegalArgumentException(option + ": the path is empty; give a directory");
    }
    checkCreatable(option, dir.toAbsolutePath().normalize());
  }

  /** {@code dir} is a writable directory, or the nearest existing ancestor is one. */
  private static void checkCreatable(String option, Path dir) {
    Path p = dir;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      return;
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalArgumentException(option + ": " + p + " is a file, not a directory"
          + (p.equals(dir) ? "" : " (needed for " + dir + ")"));
    }
    if (!Files.isWritable(p)) {
      throw new IllegalArgumentException(option + ": directory " + p + " is not writable");
    }
  }

  /** {@code file} is an existing regular file to read (not a directory). */
  static void checkInputFile(String what, Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(what + ": " + file + " is a directory; give a file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(what + ": " + file + " does not exist");
    }
  }
}
