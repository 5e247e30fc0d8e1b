package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.experiment.RunConfig;
import picocli.CommandLine;

/** `mixrl train` takes one option per row of SacConfig's table, with the row's default. */
class TrainOptionsTest {
  private static RunConfig parse(String... extra) {
    TrainCommand cmd = new TrainCommand();
    String[] base = {"--env", "Pendulum-v1", "--steps", "10", "--out", "unused"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    new CommandLine(cmd).parseArgs(args);
    return cmd.runConfig();
  }

  @Test
  void withoutOptionsTheConfigIsTheBuilderDefault() {
    assertEquals(SacConfig.defaults(), parse().sac());
  }

  @Test
  void everyEstimatorOptionCanBeSet() {
    SacConfig s = parse("--policy", "sgm", "--estimator", "gs", "--gs-temperature", "0.3",
        "--estimator-samples", "2").sac();
    assertEquals("gs", s.estimator().name());
    assertEquals(0.3, s.estimator().options().temperature());
    assertEquals(2, s.estimator().options().samples());
    assertTrue(parse("--policy", "gm", "--shared-noise").sac().estimator().options().sharedNoise());
  }

  @Test
  void helpListsEveryRowWithItsDefault() {
    // help wraps long lines; compare with runs of spaces folded
    String out = CliRun.run("train", "--help").out().replaceAll("\\s+", " ");
    for (SacField f : SacConfig.FIELDS) {
      assertTrue(out.contains(f.option().substring(2)), f.option()); // booleans show as --[no-]x
      assertTrue(out.contains("(default: " + f.defaultText() + ")"), f.option() + ": " + out);
    }
  }

  @Test
  void badValueIsReportedInTheCommonErrorFormat() {
    CliRun.Result r = CliRun.run("train", "--env", "Pendulum-v1", "--steps", "10", "--out",
        "unused-dir", "--gs-temperature", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("mixrl train: error: --gs-temperature: gsTemperature must be > 0, got 0.0"),
        r.err());
  }

  @Test
  void precisionIsAnOptionDefaultingToF64AndABadValueNamesTheAllowedOnes() {
    assertEquals(org.mixrl.tensor.Precision.F64, parse().sac().precision());
    assertEquals(org.mixrl.tensor.Precision.F32, parse("--precision", "f32").sac().precision());
    CliRun.Result r = CliRun.run("train", "--env", "Pendulum-v1", "--steps", "10", "--out",
        "unused-dir", "--precision", "f16");
    assertEquals(2, r.code());
    assertTrue(r.err().contains(
        "mixrl train: error: --precision: precision must be f64 or f32, got 'f16'"), r.err());
  }
}
