package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mixrl.agent.SacConfig;
import org.mixrl.agent.SacField;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import org.mixrl.tensor.Precision;

/** config.json is written and read through SacConfig's table of settings. */
class RunConfigTableTest {
  /** A config.json written by the build before the table existed (`mixrl train`, sgm, seed 3). */
  private static String formatOneFile() throws IOException {
    try (InputStream in = RunConfigTableTest.class.getResourceAsStream("config-format1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void fileWrittenBeforeTheTableReadsBackAndWritesTheSameText() throws IOException {
    String old = formatOneFile();
    RunConfig c = RunConfig.fromJson(old);
    assertEquals(PolicyClass.SGM, c.sac().policyClass());
    assertEquals(5, c.sac().components());
    assertEquals("mrp", c.sac().estimator().name());
    assertEquals(old.strip(), c.toJsonString().strip());
  }

  @Test
  void settingsAddedAfterFormatOneAreWrittenOnlyWhenNotDefault() throws IOException {
    RunConfig c = RunConfig.fromJson(formatOneFile());
    assertFalse(c.toJsonString().contains("shared_noise"));
    assertFalse(c.toJsonString().contains("gs_temperature"));
    SacConfig s = c.sac().toBuilder()
        .estimator(c.sac().estimator().withSharedNoise(true).withTemperature(0.25)).build();
    RunConfig d = new RunConfig(c.env(), c.seed(), c.steps(), c.evalEvery(), c.evalEpisodes(),
        c.checkpointEvery(), s);
    String json = d.toJsonString();
    assertTrue(json.contains("\"shared_noise\": true"), json);
    assertTrue(json.contains("\"gs_temperature\": 0.25"), json);
    RunConfig back = RunConfig.fromJson(json);
    assertEquals(d, back);
    assertTrue(back.sac().estimator().options().sharedNoise());
    assertEquals(0.25, back.sac().estimator().options().temperature());
  }

  @Test
  void precisionIsWrittenOnlyWhenF32AndAFileWithoutItReadsAsF64() throws IOException {
    RunConfig old = RunConfig.fromJson(formatOneFile());
    assertEquals(Precision.F64, old.sac().precision());
    assertFalse(old.toJsonString().contains("precision"));
    RunConfig f32 = new RunConfig(old.env(), old.seed(), old.steps(), old.evalEvery(),
        old.evalEpisodes(), old.checkpointEvery(),
        old.sac().toBuilder().precision(Precision.F32).build());
    String json = f32.toJsonString();
    assertTrue(json.contains("\"precision\": \"f32\""), json);
    assertEquals(Precision.F32, RunConfig.fromJson(json).sac().precision());
    assertEquals(f32, RunConfig.fromJson(json));
    assertEquals(java.util.List.of("sac.precision: f32 vs f64"), f32.differencesFrom(old));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> RunConfig.fromJson(json.replace("\"f32\"", "\"f16\"")));
    assertEquals("precision must be f64 or f32, got 'f16'", e.getMessage());
  }

  @Test
  void everyRowHasAKeyAnOptionAndHelp() {
    for (SacField f : SacConfig.FIELDS) {
      assertTrue(f.option().startsWith("--"), f.name());
      assertFalse(f.key().isBlank(), f.name());
      assertFalse(f.help().isBlank(), f.name());
    }
  }

  @Test
  void unsetComponentsAndEstimatorFollowThePolicyClass() {
    SacConfig c = SacConfig.builder().policyClass(PolicyClass.GM).build();
    assertEquals(EstimatorSpec.defaultComponents(PolicyClass.GM), c.components());
    assertEquals(EstimatorSpec.defaultFor(PolicyClass.GM).name(), c.estimator().name());
  }
}
