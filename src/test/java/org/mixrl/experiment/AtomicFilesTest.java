package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void writeReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
    Path f = tmp.resolve("sub").resolve("out.csv");
    AtomicFiles.write(f, "old\n");
    AtomicFiles.write(f, "néw\n");
    assertEquals("néw\n", Files.readString(f, StandardCharsets.UTF_8));
    AtomicFiles.write(f, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
    try (Stream<Path> s = Files.list(f.getParent())) {
      assertEquals(1, s.count());
    }
  }
}
