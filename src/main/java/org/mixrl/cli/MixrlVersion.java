package org.mixrl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The mixrl version, as written by Maven into {@code version.properties}.
 *
 * <p>Read from a filtered resource rather than the jar manifest so that it is also known when
 * running from {@code target/classes} (tests, IDEs).
 */
public final class MixrlVersion implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    try (InputStream in = MixrlVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource org/mixrl/cli/" + RESOURCE + " is missing; rebuild with mvn package");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isBlank() || v.startsWith("${")) {
        throw new IllegalStateException(
            "resource org/mixrl/cli/" + RESOURCE + " was not filtered by Maven: version=" + v);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"mixrl " + get()};
  }
}
