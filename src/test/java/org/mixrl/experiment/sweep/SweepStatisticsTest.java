package org.mixrl.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.experiment.Bootstrap;
import org.mixrl.random.RandomStream;

/** Curve sources, paired and unpaired comparisons, readable method names. */
class SweepStatisticsTest {
  @TempDir Path tmp;

  @Test
  void aCurveReadsTheNamedRowsAndColumnAndSkipsEmptyValues() throws IOException {
    Path m = tmp.resolve("metrics.csv");
    Files.writeString(m, "kind,step,return,eff_components\n"
        + "train,1000,-10,\n"
        + "eval_stochastic,1000,-7,\n"
        + "eval_deterministic,1000,-6,\n"
        + "train,2000,-4,2.5\n"
        + "eval_stochastic,2000,-3,\n"
        + "eval_deterministic,2000,-2,\n");
    Curve train = Curve.read(m, "train", "return");
    assertEquals("train", train.source());
    assertEquals(List.of(-10.0, -4.0), List.of(train.returns()[0], train.returns()[1]));
    assertEquals(-3.0, Curve.read(m, "eval_stochastic", "return").finalReturn());
    assertEquals("eval_deterministic", Curve.read(m, "auto", "return").source());
    Curve eff = Curve.read(m, "train", "eff_components");
    assertEquals(1, eff.steps().length); // the first train row has no value
    assertEquals(2.5, eff.finalReturn());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Curve.read(m, "eval", "return"));
    assertTrue(e.getMessage().contains("eval_stochastic"), e.getMessage());
    assertThrows(IOException.class, () -> Curve.read(m, "train", "max_weight"));
  }

  /**
   * Method b returns exactly 1 more than method a on every seed, while seeds differ by hundreds:
   * the paired difference is exactly −1 with a zero-width interval (every resample of identical
   * differences has mean −1), and the unpaired interval, which sees the seed spread (sd ≈ 158
   * per method, so a half-width near 1.96·sqrt(2·158²/5) ≈ 196), is far wider.
   */
  @Test
  void pairingBySeedRemovesTheSeedEffectThatTheUnpairedIntervalKeeps() throws Exception {
    Sweep sw = Sweep.at(tmp.resolve("sweep"));
    sw.plan(SweepSpec.parse("{\"command\": \"fake\", \"grid\": {\"policy\": [\"a\", \"b\"],"
        + " \"seed\": [1, 2, 3, 4, 5]}}"), SweepTest.FAKE);
    // a sixth seed for a only: it has no partner and is left out of the pairs
    sw.plan(SweepSpec.parse("{\"command\": \"fake\", \"base\": {\"policy\": \"a\", \"seed\": 6}}"),
        SweepTest.FAKE);
    CommandRunner writes = (args, log) -> {
      Path out = Path.of(args.get(args.indexOf("--out") + 1));
      String policy = args.get(args.indexOf("--policy") + 1);
      long seed = Long.parseLong(args.get(args.indexOf("--seed") + 1));
      double r = 100.0 * seed + (policy.equals("b") ? 1 : 0);
      Files.createDirectories(out);
      // only b logs mixture diagnostics (as only a mixture does)
      String eff = policy.equals("b") ? String.valueOf(seed) : "";
      Files.writeString(out.resolve("metrics.csv"), "kind,step,return,eff_components\n"
          + "train,100," + (r - 50) + "," + eff + "\ntrain,200," + r + "," + eff + "\n");
      return 0;
    };
    for (String id : sw.ids()) {
      assertEquals(RunOutcome.FINISHED, sw.attempt(id, SweepTest::kinds, writes));
    }
    SweepCollection c = SweepCollection.of(sw, SweepTest::kinds, "train");
    List<SweepCollection.Comparison> cs = c.comparisons();
    assertEquals(1, cs.size());
    SweepCollection.Comparison ab = cs.get(0);
    assertEquals("policy=a", ab.a());
    assertEquals(5, ab.pairs());
    assertEquals(-1.0, ab.finalPaired().mean(), 1e-9);
    assertEquals(-1.0, ab.finalPaired().lower(), 1e-9);
    assertEquals(-1.0, ab.finalPaired().upper(), 1e-9);
    // area under (r − 50 → r) is r − 25: the same exact shift
    assertEquals(-1.0, ab.aucPaired().lower(), 1e-9);
    assertEquals(-1.0, ab.aucPaired().upper(), 1e-9);
    // unpaired: a has seeds 1..6 (mean 350), b seeds 1..5 (mean 301)
    assertEquals(350.0 - 301.0, ab.finalUnpaired().mean(), 1e-9);
    assertTrue(ab.finalUnpaired().lower() < -50 && ab.finalUnpaired().upper() > 100,
        "unpaired " + ab.finalUnpaired());
    Map<SweepCollection.Group, SweepCollection.MeanCurve> eff =
        c.trainingColumn(sw, "eff_components");
    assertEquals(1, eff.size());
    SweepCollection.Group b = eff.keySet().iterator().next();
    assertEquals("policy=b", b.label());
    assertEquals(3.0, eff.get(b).values().get(0).mean(), 1e-12); // mean of seeds 1..5
    String csv = c.comparisonsCsv();
    assertTrue(csv.startsWith("env,a,b,n_pairs,final_paired_diff"), csv);
    assertEquals(2, csv.strip().split("\n").length, csv);
  }

  @Test
  void anUnpairedDifferenceOfIdenticalSamplesIsCentredOnZero() {
    double[] a = {1, 5, 2, 8, 3};
    Bootstrap.Interval d = Bootstrap.differenceInterval(a, a.clone(), 0.95, 4000,
        RandomStream.of(7));
    assertEquals(0.0, d.mean());
    assertTrue(d.lower() < 0 && d.upper() > 0, d.toString());
    assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.differenceInterval(a, new double[0], 0.95, 10, RandomStream.of(1)));
  }

  @Test
  void methodNamesSayPolicyEstimatorComponentsAndSamples() {
    Map<String, Object> lrk = new LinkedHashMap<>(Map.of("policy", "sgm", "components", 5L,
        "estimator", "lr", "estimator-samples", 5L, "baseline", "loo", "seed", 1L));
    assertEquals("SGM-LR (K=5, M=5, baseline loo)", MethodLabel.of(lrk, List.of("estimator")));
    assertEquals("SGM-LR-M", MethodLabel.family(lrk));
    Map<String, Object> sg = Map.of("policy", "sg", "components", 1L, "estimator", "rp");
    assertEquals("SG-RP", MethodLabel.of(sg, List.of("policy")));
    assertEquals("SG-RP", MethodLabel.family(sg));
    Map<String, Object> rplr = Map.of("policy", "sgm", "components", 2L, "estimator", "rplr",
        "alpha", 0.1, "env", "X");
    assertEquals("SGM-RP-LR (K=2) alpha=0.1",
        MethodLabel.of(rplr, List.of("alpha", "components", "env")));
    assertEquals("SGM-RP-LR", MethodLabel.family(rplr));
    // no components given: the class's default K (5), and only for the mixture classes
    assertEquals("GM-MRP (K=5)", MethodLabel.of(Map.of("policy", "gm", "estimator", "mrp"),
        List.of()));
    assertEquals("G-LR", MethodLabel.of(Map.of("policy", "g", "estimator", "lr"), List.of()));
    assertEquals("SGM-RP-LR (K=3)", MethodLabel.of(Map.of("policy", "SGM", "components", 3L,
        "estimator", "rp-lr"), List.of()));
  }
}
