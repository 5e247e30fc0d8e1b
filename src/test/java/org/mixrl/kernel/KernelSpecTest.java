package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.cli.Main;

class KernelSpecTest {
  @TempDir Path tmp;

  @Test
  void kernelJsonHasArgvDisplayNameLanguageAndMessageInterrupts() {
    String json = KernelSpec.kernelJson(KernelSpec.argv("/jdk/bin/java", "/a b/x.jar:/c/lib/*"));
    assertTrue(
        json.contains(
            "\"argv\": [\"/jdk/bin/java\", \"-cp\", \"/a b/x.jar:/c/lib/*\", \"org.mixrl.cli.Main\","
                + " \"kernel\", \"run\", \"{connection_file}\"]"),
        json);
    assertTrue(json.contains("\"display_name\": \"Java (mixrl)\""), json);
    assertTrue(json.contains("\"language\": \"java\""), json);
    assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
  }

  @Test
  void stringsAreJsonEscaped() {
    String json = KernelSpec.kernelJson(List.of("C:\\jdk\\\"java\"", "tab\there"));
    assertTrue(json.contains("\"C:\\\\jdk\\\\\\\"java\\\"\""), json);
    assertTrue(json.contains("\"tab\\there\""), json);
  }

  @Test
  void userDirFollowsJupytersSearchOrder() {
    assertEquals(Path.of("/j/kernels/mixrl"), KernelSpec.userDir(Map.of("JUPYTER_DATA_DIR", "/j")));
    assertEquals(Path.of("/x/jupyter/kernels/mixrl"), KernelSpec.userDir(Map.of("XDG_DATA_HOME", "/x")));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".local/share/jupyter/kernels/mixrl"),
        KernelSpec.userDir(Map.of()));
  }

  @Test
  void installWritesKernelJsonUnderThePrefixAndUninstallRemovesIt() throws Exception {
    Result r = run("kernel", "install", "--prefix", tmp.toString());
    Path dir = tmp.resolve("share/jupyter/kernels/mixrl");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(dir.toString()), r.out());
    String json = Files.readString(dir.resolve("kernel.json"));
    assertTrue(json.contains("\"" + Path.of(System.getProperty("java.home"), "bin", "java") + "\""), json);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only kernel.json, no temp files left");
    }

    assertEquals(0, run("kernel", "install", "--prefix", tmp.toString()).code(), "reinstall replaces");

    r = run("kernel", "uninstall", "--prefix", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(dir));
    assertTrue(run("kernel", "uninstall", "--prefix", tmp.toString()).out().contains("no kernelspec"));
  }

  @Test
  void anUnwritablePrefixExitsTwoWithTheDirectoryInTheMessage() throws Exception {
    // A regular file where a directory must go fails even for root, unlike permissions.
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Result r = run("kernel", "install", "--prefix", file.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("cannot write the kernelspec to " + file), r.err());
  }

  @Test
  void uninstallRefusesADirectoryWithoutKernelJson() throws Exception {
    Path dir = Files.createDirectories(KernelSpec.prefixDir(tmp));
    assertThrows(IllegalArgumentException.class, () -> KernelSpec.uninstall(dir));
    assertTrue(Files.isDirectory(dir));
  }

  @Test
  void userAndPrefixAreExclusiveAndRunNeedsAnExistingFile() {
    assertEquals(2, run("kernel", "install", "--user", "--prefix", tmp.toString()).code());
    Result r = run("kernel", "run", tmp.resolve("missing.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertEquals(2, run("kernel").code());
  }

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
