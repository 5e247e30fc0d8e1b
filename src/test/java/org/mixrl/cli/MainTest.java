package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;

class MainTest {
  /** Output and exit code of one invocation. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void versionPrintsNameAndFilteredPomVersion() {
    Result r = run("--version");
    assertEquals(0, r.code());
    assertTrue(
        r.out().strip().matches("mixrl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
        "unexpected --version output: " + r.out());
  }

  @Test
  void helpListsTheInfoSubcommand() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("info"), r.out());
  }

  @Test
  void infoReportsVersionJdkAndProcessors() {
    Result r = run("info");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("mixrl      " + MixrlVersion.get()), r.out());
    assertTrue(r.out().contains("java       " + Runtime.version()), r.out());
    assertTrue(
        r.out().contains("processors " + Runtime.getRuntime().availableProcessors()), r.out());
  }

  @Test
  void bareCommandIsAUsageError() {
    Result r = run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Missing required subcommand"), r.err());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Result r = run("no-such-command");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such-command"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @MethodSource("unknownOptions")
  void unknownOptionsExitWithUsageCodeAndNameTheOption(String option) {
    Result r = run(option);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("Unknown option: '" + option + "'"), r.err());
  }

  /** 50 random options, fixed seed; the "--x-" prefix keeps clear of --help and --version. */
  static Stream<String> unknownOptions() {
    RandomStream rng = RandomStream.of(20240611L);
    return Stream.generate(
            () -> {
              StringBuilder sb = new StringBuilder("--x-");
              int length = 1 + rng.nextInt(12);
              for (int i = 0; i < length; i++) {
                sb.append((char) ('a' + rng.nextInt(26)));
              }
              return sb.toString();
            })
        .limit(50);
  }
}
