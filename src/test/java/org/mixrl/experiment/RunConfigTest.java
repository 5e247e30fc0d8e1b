package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.agent.SacConfig;
import org.mixrl.policy.LogStdBounds;

class RunConfigTest {
  @ParameterizedTest
  @CsvSource({"sg,1,rp,NaN,1", "sgm,5,mrp,-2.5,7", "gm,3,lr,0.25,-3", "g,1,rp,NaN,0"})
  void configRoundTripsThroughJson(String policy, int k, String est, double te, long seed) {
    RunConfig c = RunFixtures.tiny(policy, k, est, 1234, seed);
    SacConfig s = c.sac().toBuilder().targetEntropy(te).autotune(seed % 2 == 0)
        .logStdBounds(LogStdBounds.clamp()).initialAlpha(0.3).build();
    RunConfig d = new RunConfig(c.env(), c.seed(), c.steps(), 0, 3, 17, s);
    RunConfig back = RunConfig.fromJson(d.toJsonString());
    assertEquals(d.toJsonString(), back.toJsonString());
    assertEquals(d, back);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"seed\": 1,|\"seed\": \"x\",|field \"seed\" must be an integer",
      "\"gamma\": 0.99,|\"gama\": 0.99,|missing field \"gamma\"",
      "\"env\": \"Pendulum-v1\",|\"env\": \"Pendulum-v9\",|unknown id 'Pendulum-v9'"})
  void badConfigFileIsRefusedNamingTheField(String from, String to, String message) {
    String json = RunFixtures.tiny("sg", 1, "rp", 100, 1).toJsonString();
    assertTrue(json.contains(from), json);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunConfig.fromJson(json.replace(from, to)));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
