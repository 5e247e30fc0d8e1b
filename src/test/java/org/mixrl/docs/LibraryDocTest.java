package org.mixrl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixrl.estimator.ActionValue;
import org.mixrl.experiment.RunSummary;
import org.mixrl.tensor.Tensor;

/** docs/library.md quotes {@link LibrarySnippets} exactly, and every snippet runs. */
class LibraryDocTest {
  @TempDir Path tmp;

  private static String snippet(String source, String name) {
    Matcher m = Pattern.compile("// snippet " + name + "\\n(.*?)\\n\\s*// end " + name,
        Pattern.DOTALL).matcher(source);
    assertTrue(m.find(), "no snippet " + name);
    List<String> lines = List.of(m.group(1).split("\n"));
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", out);
  }

  @Test
  void theDocQuotesEverySnippetVerbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/org/mixrl/docs/LibrarySnippets.java"));
    String doc = Files.readString(Path.of("docs/library.md"));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertEquals(List.of(snippet(source, "policy"), snippet(source, "gradient"),
        snippet(source, "sac")), blocks);
  }

  @Test
  void thePolicySnippetSamplesFiniteLogDensities() {
    Tensor logProbs = LibrarySnippets.buildAndSample();
    assertEquals(List.of(1, 1000), List.of(logProbs.shape()[0], logProbs.shape()[1]));
    for (double v : logProbs.data()) {
      assertTrue(Double.isFinite(v), "log-density " + v);
    }
  }

  /**
   * The snippet's single estimate lies within 5 standard deviations of the exact gradient in
   * every coordinate; the standard deviation of one estimate comes from 30 more seeds.
   */
  @Test
  void theGradientSnippetsEstimateIsNearTheExactGradient() {
    double[][] r = LibrarySnippets.mrpGradientAndExact();
    double[] estimate = r[0];
    double[] exact = r[1];
    assertEquals(exact.length, estimate.length);
    var layout = new org.mixrl.policy.PolicyLayout(org.mixrl.policy.PolicyClass.GM, 2, 1);
    var reward = org.mixrl.bandit.BumpsReward.parse("bumps:1.0@1.0/0.3,0.8@-1.0/0.3");
    double[] theta = layout.pack(new double[] {0, 0}, new double[] {-1, 1},
        new double[] {-0.5, -0.5});
    var rows = org.mixrl.estimator.VarianceStudy.measure(
        org.mixrl.estimator.EstimatorSpec.of("mrp").create(),
        th -> layout.policy(th, 4096), theta, layout.names(), exact, org.mixrl.bandit.RewardCritic.of(reward), 0.2, 30,
        org.mixrl.random.RandomStream.of(99), null);
    for (int j = 0; j < exact.length; j++) {
      double sd = Math.sqrt(rows.get(j).variance());
      assertTrue(Math.abs(estimate[j] - exact[j]) <= 5 * sd + 1e-12,
          layout.names()[j] + ": estimate " + estimate[j] + ", exact " + exact[j] + ", sd " + sd);
    }
  }

  @Test
  void theSacSnippetTrainsToTheEnd() throws IOException {
    RunSummary s = LibrarySnippets.trainSac(tmp.resolve("run"));
    assertTrue(s.finished());
    assertEquals(400, s.step());
  }

  @Test
  void aCriticOfTheWrongShapeIsNamedByTheContractAndNanFailsFastWhenAskedTo() {
    Tensor actions = Tensor.ones(2, 3, 1);
    ActionValue flat = a -> Tensor.ones(6);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> flat.valuesOf(actions));
    assertTrue(e.getMessage().contains("[B, N, d] to values [B, N]")
        && e.getMessage().contains("expected [2, 3]"), e.getMessage());
    ActionValue nan = a -> Tensor.full(Double.NaN, 2, 3);
    ArithmeticException n = org.junit.jupiter.api.Assertions.assertThrows(
        ArithmeticException.class, () -> ActionValue.failingOnNaN(nan).valuesOf(actions));
    assertTrue(n.getMessage().contains("NaN at [b=0, n=0]"), n.getMessage());
  }

  @Test
  void aSingleGaussiansWeightsAreOneColumnOfOnes() {
    var pi = org.mixrl.policy.Policies.gaussian(Tensor.ones(3, 2), Tensor.ones(3, 2));
    assertEquals(List.of(3, 1), List.of(pi.weights().shape()[0], pi.weights().shape()[1]));
    assertEquals(3.0, pi.weights().sum().item());
  }
}
