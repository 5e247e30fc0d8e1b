package org.mixrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarianceCommandTest {
  static final String[] CONTRACT = {
    "variance", "--reward", "bumps:1.0@1.0/0.3,0.8@-1.0/0.3", "--policy", "gm",
    "--logits", "0,0,0", "--means", "-1,0,1", "--log-stds", "-0.5,-0.5,-0.5", "--alpha", "0.2",
    "--estimators", "lr,rplr,mrp,gs,irg", "--batch", "16", "--repeats", "50", "--seed", "1",
    "--quiet"
  };

  @Test
  void contractFormWritesOneRowPerEstimatorAndParameter(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("v.csv");
    String[] args = java.util.Arrays.copyOf(CONTRACT, CONTRACT.length + 2);
    args[CONTRACT.length] = "--out";
    args[CONTRACT.length + 1] = csv.toString();
    CliRun.Result r = CliRun.run(args);
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("estimator,parameter,exact,mean,variance,std_error,z", lines.get(0));
    assertEquals(1 + 5 * 9, lines.size());
    assertTrue(lines.get(1).startsWith("lr,logit[0],"), lines.get(1));
    assertTrue(lines.contains(lines.stream().filter(l -> l.startsWith("irg,log_std[2],"))
        .findFirst().orElseThrow()));
    // the exact gradient column is the same for every estimator
    String exactLr = lines.get(1).split(",")[2];
    String exactMrp = lines.get(1 + 3 * 9).split(",")[2];
    assertEquals(exactLr, exactMrp);
  }

  @Test
  void sameSeedGivesIdenticalOutput() {
    assertEquals(CliRun.run(CONTRACT).out(), CliRun.run(CONTRACT).out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--estimators|foo|unknown estimator 'foo'",
    "--estimators|rp|rp applies to g and sg",
    "--policy|xx|unknown policy class 'xx'",
    "--means|-1,0|--log-stds has 3 values but --means has 2",
    "--batch|0|--batch must be >= 1",
    "--alpha|-1|--alpha must be finite and >= 0",
    "--reward|bumps:1@0/-1|",
  })
  void badInputExitsNonZeroNamingTheProblem(String option, String value, String message) {
    String[] args = CONTRACT.clone();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option)) {
        args[i + 1] = value;
      }
    }
    CliRun.Result r = CliRun.run(args);
    assertEquals(2, r.code(), r.err());
    if (message != null) {
      assertTrue(r.err().contains(message), r.err());
    }
    assertEquals("", r.out());
  }
}
