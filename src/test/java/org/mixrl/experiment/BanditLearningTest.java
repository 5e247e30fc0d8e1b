package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.bandit.BumpsReward;
import org.mixrl.bandit.Reward;
import org.mixrl.policy.PolicyClass;
import org.mixrl.experiment.BanditLearning.Config;
import org.mixrl.experiment.BanditLearning.CriticKind;
import org.mixrl.random.RandomStream;
import org.mixrl.theory.ExactObjective;

class BanditLearningTest {
  static final Reward TWO_BUMPS = BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");

  @ParameterizedTest
  @CsvSource({
    "sg, 1, rp, TRUE_REWARD", "sgm, 3, mrp, TRUE_REWARD", "sgm, 3, lr, TRUE_REWARD",
    "sgm, 3, rplr, TRUE_REWARD", "sgm, 3, gs, TRUE_REWARD", "sgm, 2, mrp, LEARNED",
  })
  void everyEstimatorImprovesTheExactObjective(String c, int k, String est, CriticKind critic) {
    Config cfg = Config.of(TWO_BUMPS, PolicyClass.parse(c), k, est, critic, 0.2).withSteps(150);
    BanditLearning.Curve cv = BanditLearning.run(cfg, 3);
    assertEquals(0, cv.steps()[0]);
    assertEquals(150, cv.steps()[cv.steps().length - 1]);
    // the starts sit between the bumps (J about 0.27-0.28); the optima are 0.66 (SG), 0.73 (SGM)
    assertTrue(cv.finalObjective() > cv.objective()[0] + 0.2,
        cfg.label() + ": " + Arrays.toString(cv.objective()));
    // the curve's last point is the exact J of the returned parameters
    assertEquals(new ExactObjective(TWO_BUMPS, PolicyClass.parse(c), k, 0.2).value(cv.theta()),
        cv.finalObjective(), 1e-12);
  }

  @Test
  void sameSeedGivesIdenticalCurvesAndOtherSeedsDiffer() {
    Config cfg = Config.of(TWO_BUMPS, PolicyClass.SGM, 2, "lr", CriticKind.LEARNED, 0.2)
        .withSteps(20).withEvalEvery(5);
    BanditLearning.Curve a = BanditLearning.run(cfg, 11);
    BanditLearning.Curve b = BanditLearning.run(cfg, 11);
    BanditLearning.Curve c = BanditLearning.run(cfg, 12);
    assertArrayEquals(a.objective(), b.objective());
    assertArrayEquals(a.theta(), b.theta());
    assertFalse(Arrays.equals(a.objective(), c.objective()));
  }

  @Test
  void aggregateBracketsTheMeanAtEveryStep() {
    Config cfg = Config.of(TWO_BUMPS, PolicyClass.SG, 1, "rp", CriticKind.TRUE_REWARD, 0.2)
        .withSteps(30);
    List<BanditLearning.Curve> curves = BanditLearning.runSeeds(cfg, new long[] {1, 2, 3, 4});
    BanditLearning.Aggregate agg = BanditLearning.aggregate(curves, RandomStream.of(0));
    assertArrayEquals(new int[] {0, 10, 20, 30}, agg.steps());
    for (int i = 0; i < agg.steps().length; i++) {
      double mean = 0;
      for (BanditLearning.Curve cv : curves) {
        mean += cv.objective()[i] / curves.size();
      }
      assertEquals(mean, agg.objective()[i].mean(), 1e-12);
      assertTrue(agg.objective()[i].lower() <= mean && mean <= agg.objective()[i].upper());
    }
  }

  @Test
  void configRejectsBadValuesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.of(TWO_BUMPS, PolicyClass.SG, 1, "rp", CriticKind.TRUE_REWARD, 0));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Config.of(TWO_BUMPS, PolicyClass.SGM, 2, "bogus", CriticKind.TRUE_REWARD, 0.1));
    assertTrue(e.getMessage().contains("bogus"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BanditLearning.run(
        Config.of(TWO_BUMPS, PolicyClass.SG, 1, "mrp", CriticKind.TRUE_REWARD, 0.1), 1));
    assertTrue(e.getMessage().contains("mrp"), e.getMessage());
  }
}
