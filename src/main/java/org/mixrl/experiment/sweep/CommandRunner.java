package org.mixrl.experiment.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a mixrl command line for a sweep and returns its exit code. */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code args} (the subcommand first), sending its standard output and error to
   * {@code log} (replaced); returns the exit code.
   */
  int run(List<String> args, Path log) throws IOException;
}
