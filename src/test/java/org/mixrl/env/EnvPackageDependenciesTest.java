package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnvPackageDependenciesTest {

  @Test
  void coreEnvPackageImportsOnlyJavaAndMixrlRandom() throws IOException {
    Path dir = Path.of("src/main/java/org/mixrl/env");
    assertTrue(Files.isDirectory(dir), "run from the project root: " + dir.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        String t = line.trim();
        if (t.startsWith("import ")) {
          assertTrue(t.startsWith("import java.") || t.startsWith("import org.mixrl.random."),
              file.getFileName() + ": " + t);
        }
        assertFalse(t.contains("java.util.Random") || t.contains("Math.random"),
            file.getFileName() + " uses hidden randomness: " + t);
      }
    }
  }
}
