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
import org.mixrl.experiment.VarianceMap;

class VarianceMapCommandTest {
  private static final String[] SMALL = {
    "variance-map", "--quick", "--alphas", "0.1,1", "--width-ratios", "0.5", "--repeats", "20",
    "--quiet"
  };

  @Test
  void writesOneCsvRowPerCellAndTheFigure(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("map.csv");
    Path png = dir.resolve("map.png");
    String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 4);
    args[SMALL.length] = "--out";
    args[SMALL.length + 1] = csv.toString();
    args[SMALL.length + 2] = "--figure";
    args[SMALL.length + 3] = png.toString();
    CliRun.Result r = CliRun.run(args);
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(VarianceMap.CSV_HEADER, lines.get(0));
    assertEquals(1 + 2, lines.size());
    assertTrue(lines.get(1).startsWith("0.5,2.0,3,32,0.1,"), lines.get(1));
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(r.err().contains("2 cells, 20 repeats each"), r.err());
  }

  @Test
  void sameSeedGivesIdenticalCsv() {
    assertEquals(CliRun.run(SMALL).out(), CliRun.run(SMALL).out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--alphas|0.1,-1|alphas: -1.0 is outside the allowed (0, 10]",
    "--alphas|1,0.1|alphas must be strictly increasing, got 1 then 0.1",
    "--alphas|0.1,x|--alphas: 'x' is not a number",
    "--width-ratios|0|width ratios W/sigma: 0.0 is outside",
    "--components|3,1|components K: 1 is outside the allowed 2..16",
    "--batches|32,1.5|--batches: 1.5 is not an integer",
    "--base|0.5,2,3|--base needs 4 values",
    "--base|0.7,2,3,32|base setting W/σ=0.7 sep=2σ K=3 B=32 must take one value of each axis",
    "--design|grid|design 'grid' is not one of star, full",
    "--repeats|5|repeats must be >= 10, got 5",
  })
  void badGridInputExitsTwoNamingTheValue(String option, String value, String message) {
    String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
    args[SMALL.length] = option;
    args[SMALL.length + 1] = value;
    // a repeated option: picocli keeps the last, so drop the earlier one for single-valued ones
    CliRun.Result r = CliRun.run(withoutEarlier(args, option));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("mixrl variance-map: error:"), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals("", r.out());
  }

  private static String[] withoutEarlier(String[] args, String option) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option) && i < args.length - 2) {
        i++;
        continue;
      }
      out.add(args[i]);
    }
    return out.toArray(new String[0]);
  }
}
