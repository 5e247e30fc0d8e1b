package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;

class MainTest {
  @Test
  void versionPrintsNameAndFilteredPomVersion() {
    CliRun.Result r = CliRun.run("--version");
    assertEquals(0, r.code());
    assertTrue(
        r.out().strip().matches("mixrl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
        "unexpected --version output: " + r.out());
  }

  @Test
  void helpListsTheInfoSubcommand() {
    CliRun.Result r = CliRun.run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("info"), r.out());
  }

  @Test
  void infoReportsVersionJdkAndProcessors() {
    CliRun.Result r = CliRun.run("info");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("mixrl      " + MixrlVersion.get()), r.out());
    assertTrue(r.out().contains("java       " + Runtime.version()), r.out());
    assertTrue(
        r.out().contains("processors " + Runtime.getRuntime().availableProcessors()), r.out());
  }

  @Test
  void bareCommandIsAUsageError() {
    CliRun.Result r = CliRun.run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Missing required subcommand"), r.err());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CliRun.Result r = CliRun.run("no-such-command");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such-command"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @MethodSource("unknownOptions")
  void unknownOptionsExitWithUsageCodeAndNameTheOption(String option) {
    CliRun.Result r = CliRun.run(option);
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
