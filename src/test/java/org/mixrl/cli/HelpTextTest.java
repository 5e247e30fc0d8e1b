package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mixrl.estimator.EstimatorSpec;
import org.mixrl.policy.PolicyClass;
import picocli.CommandLine;

/** Every command's --help renders cleanly (picocli warns on stderr about unescaped '%'). */
class HelpTextTest {
  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.newCommandLine(), all);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine cl : all) {
        String usage = cl.getUsageMessage();
        assertFalse(usage.isBlank(), cl.getCommandName());
      }
    } finally {
      System.setErr(original);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }

  /**
   * The first line of a command's description is what `mixrl --help` lists: it must be a whole
   * sentence (end with '.') rather than stop mid-sentence.
   */
  @Test
  void everyCommandsFirstDescriptionLineIsAWholeSentence() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.newCommandLine(), all);
    for (CommandLine cl : all) {
      String[] d = cl.getCommandSpec().usageMessage().description();
      if (d.length > 0) {
        assertTrue(d[0].strip().endsWith("."), cl.getCommandSpec().qualifiedName() + ": " + d[0]);
      }
    }
  }

  /** No description puts "~/." or "e.g." where picocli's wrapping splits it across lines. */
  @Test
  void noDescriptionUsesAbbreviationsThatWrapOddly() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.newCommandLine(), all);
    for (CommandLine cl : all) {
      String usage = cl.getUsageMessage();
      assertFalse(usage.contains("~/."), cl.getCommandName() + usage);
      assertFalse(usage.matches("(?s).*\\(e\\.\\s*\\n.*"), cl.getCommandName() + usage);
    }
  }

  @Test
  void optionHelpStatesTheDefaults() {
    assertTrue(CliRun.run("variance", "--help").out().contains("(default 0.5)"));
    String bench = CliRun.run("bench", "--help").out().replaceAll("\\s+", " ");
    assertTrue(bench.contains("(default 7;"), bench);
  }

  @Test
  void envRolloutExampleFitsTheEnvironments() {
    String help = CliRun.run("env", "rollout", "--help").out();
    assertFalse(help.contains("0.5;-1,0;0"), help);
    assertTrue(help.contains("0.5,-1,2"), help);
  }

  /** theory optimum and train default to the same K for a mixture (EstimatorSpec's default). */
  @Test
  void theoryOptimumDefaultComponentsAgreeWithTrain() {
    int k = EstimatorSpec.defaultComponents(PolicyClass.parse("sgm"));
    String help = CliRun.run("theory", "optimum", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("default " + k + " for gm and sgm"), help);
  }

  private static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      collect(sub, out);
    }
  }
}
