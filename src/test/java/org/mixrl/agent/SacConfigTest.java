package org.mixrl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.policy.PolicyClass;

class SacConfigTest {
  @Test
  void defaultsAreCleanRlsSacDefaults() {
    SacConfig c = SacConfig.defaults();
    assertEquals(0.99, c.gamma());
    assertEquals(0.005, c.tau());
    assertEquals(256, c.batchSize());
    assertEquals(1_000_000, c.bufferSize());
    assertEquals(5000, c.learningStarts());
    assertEquals(3e-4, c.actorLr());
    assertEquals(1e-3, c.criticLr());
    assertEquals(1e-3, c.alphaLr());
    assertEquals(List.of(256, 256), c.hidden());
    assertTrue(c.autotune());
    assertEquals(1.0, c.initialAlpha());
    assertEquals(-3.0, c.targetEntropyFor(3));
    assertEquals(0.2, SacConfig.builder().autotune(false).build().initialAlpha());
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("gamma", b -> b.gamma(1.5)),
        bad("tau", b -> b.tau(-0.1)),
        bad("batchSize", b -> b.batchSize(0)),
        bad("bufferSize", b -> b.bufferSize(-1)),
        bad("learningStarts", b -> b.learningStarts(-5)),
        bad("actorLr", b -> b.actorLr(0)),
        bad("criticLr", b -> b.criticLr(Double.NaN)),
        bad("alphaLr", b -> b.alphaLr(Double.POSITIVE_INFINITY)),
        bad("hidden", b -> b.hidden(List.of(256, 0))),
        bad("initialAlpha", b -> b.initialAlpha(-1)),
        bad("components", b -> b.components(3)),
        bad("components", b -> b.policyClass(PolicyClass.SGM).estimator("mrp").components(0)),
        bad("estimatorSamples", b -> b.estimatorSamples(0)),
        bad("unknown estimator 'foo'", b -> b.estimator("foo")),
        bad("unknown baseline", b -> b.baseline("median")));
  }

  private static Arguments bad(String field, UnaryOperator<SacConfig.Builder> edit) {
    return Arguments.of(field, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFields")
  void invalidFieldIsRefusedNamingIt(String field, UnaryOperator<SacConfig.Builder> edit) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> edit.apply(SacConfig.builder()).build());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"sgm,5,rp", "gm,5,rp", "sg,1,mrp", "g,1,rplr", "sg,1,gs"})
  void estimatorThatDoesNotFitThePolicyIsRefused(String policy, int k, String est) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SacConfig.builder().policyClass(PolicyClass.parse(policy)).components(k)
            .estimator(est).build());
    assertTrue(e.getMessage().contains("estimator '" + est + "' is not valid for policy class '"
        + policy + "'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"sgm,5,mrp", "sgm,5,lr", "gm,2,rplr", "sg,1,lr", "g,1,rp", "sgm,3,irg"})
  void estimatorThatFitsThePolicyIsAccepted(String policy, int k, String est) {
    SacConfig c = SacConfig.builder().policyClass(PolicyClass.parse(policy)).components(k)
        .estimator(est).build();
    assertEquals(est, c.createEstimator().name());
  }
}
