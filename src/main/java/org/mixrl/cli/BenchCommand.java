package org.mixrl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mixrl.bench.MatMulBenchmark;
import org.mixrl.bench.MlpBenchmark;
import org.mixrl.bench.SacUpdateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mixrl bench}: the speed measurements recorded in docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = MixrlVersion.class,
    description = {
      "Run a benchmark and print medians with the JDK and CPU.",
      "  matmul: GFLOP/s of MatMul.multiply (default sizes 256,1024; threads 1,2)",
      "  mlp:    forward+backward of a 256-256-256-1 ReLU MLP, batch 256",
      "  sac:    one full SAC update, SG-RP, SGM-MRP and SGM-LR (K=5), 256x256, batch 256"
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "matmul, mlp or sac")
  String which;

  @Option(names = "--sizes", defaultValue = "256,1024", description = "matmul sizes (default 256,1024)")
  String sizes;

  @Option(names = "--threads", defaultValue = "1,2", split = ",",
      description = "thread counts, each measured in turn (default: 1,2)")
  List<Integer> threads;

  @Option(names = "--repeats", defaultValue = "7", description = "timed repeats (default 7; mlp and sac: at least 30 are used)")
  int repeats;

  @Override
  public Integer call() throws java.io.IOException {
    for (int t : threads) {
      if (t < 1) {
        throw new IllegalArgumentException("--threads must be >= 1, got " + t);
      }
    }
    BenchOptions.validate(repeats, sizes);
    switch (which) {
      case "matmul":
        MatMulBenchmark.main(new String[] {sizes, join(threads), Integer.toString(repeats)});
        return 0;
      case "mlp":
        for (int t : threads) {
          MlpBenchmark.main(new String[] {Integer.toString(Math.max(30, repeats)), "30",
              Integer.toString(t)});
        }
        return 0;
      case "sac":
        for (int t : threads) {
          SacUpdateBenchmark.main(new String[] {Integer.toString(Math.max(30, repeats)), "20",
              Integer.toString(t)});
        }
        return 0;
      default:
        throw new IllegalArgumentException(
            "unknown benchmark '" + which + "'; allowed: matmul, mlp, sac");
    }
  }

  private static String join(List<Integer> xs) {
    StringBuilder sb = new StringBuilder();
    for (int x : xs) {
      sb.append(sb.length() == 0 ? "" : ",").append(x);
    }
    return sb.toString();
  }
}
