package org.mixrl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.mixrl.bench.ActBenchmark;
import org.mixrl.bench.EstimatorBenchmark;
import org.mixrl.bench.MatMulBenchmark;
import org.mixrl.bench.MlpBenchmark;
import org.mixrl.bench.SacUpdateBenchmark;
import org.mixrl.tensor.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mixrl bench}: the speed measurements recorded in docs/benchmarks.md. */
@Command(
    name = "bench",
    description = {
      "Run a benchmark and print medians with the JDK and CPU.",
      "  matmul: GFLOP/s of MatMul.multiply and of its inner loop alone (256,1024; threads 1,2)",
      "  mlp:    forward+backward of a 256-256-256-1 ReLU MLP, batch 256",
      "  sac:    one full SAC update, SG-RP, SGM-MRP and SGM-LR (K=5); default 256x256, batch 256",
      "  estimator: one MRP and one LR gradient of a K=5 squashed mixture, batch 64 (threads unused)",
      "  act:    latency of one deployed act() call (batch 1), SG and SGM K=5, 64x64 and"
          + " 256x256: median and p99 us"
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "matmul, mlp, sac, estimator or act")
  String which;

  @Option(names = "--sizes", defaultValue = "256,1024", description = "matmul sizes (default 256,1024)")
  String sizes;

  @Option(names = "--threads", defaultValue = "1,2", split = ",",
      description = "thread counts, each measured in turn (default: 1,2)")
  List<Integer> threads;

  @Option(names = "--repeats", defaultValue = "7", description = "timed repeats (default 7; mlp and sac: at least 30 are used)")
  int repeats;

  @Option(names = "--hidden", defaultValue = "256,256",
      description = "sac: hidden layer sizes of actor and critics (default: 256,256)")
  String hidden;

  @Option(names = "--batch", defaultValue = "256", description = "sac: batch size (default: 256)")
  int batch;

  @Option(names = "--cases", defaultValue = "sg-rp,sgm-mrp,sgm-lr",
      description = "sac: cases to run, from sg-rp, sgm-mrp, sgm-lr (default: all three)")
  String cases;

  @Option(names = "--precision", defaultValue = "f64",
      description = "matmul, mlp, sac: arithmetic of the matrix products, f64 or f32 (float"
          + " arithmetic on double storage, as `train --precision f32`; default: f64)")
  String precision;

  @Option(names = "--calls", defaultValue = "200000",
      description = "act: timed calls per case (default: ${DEFAULT-VALUE}; half as many warm up)")
  int calls;

  @Override
  public Integer call() throws java.io.IOException {
    for (int t : threads) {
      if (t < 1) {
        throw new IllegalArgumentException("--threads must be >= 1, got " + t);
      }
    }
    BenchOptions.validate(repeats, sizes);
    Precision p = BenchOptions.precision(precision, which);
    switch (which) {
      case "matmul":
        MatMulBenchmark.main(new String[] {sizes, join(threads), Integer.toString(repeats),
            p.label()});
        return 0;
      case "mlp":
        for (int t : threads) {
          MlpBenchmark.main(new String[] {Integer.toString(Math.max(30, repeats)), "30",
              Integer.toString(t), p.label()});
        }
        return 0;
      case "sac":
        // parsed here so that a bad value fails before any benchmark runs
        SacUpdateBenchmark.parseHidden(hidden);
        SacUpdateBenchmark.parseCases(cases);
        if (batch < 2) {
          throw new IllegalArgumentException("--batch must be >= 2, got " + batch);
        }
        for (int t : threads) {
          SacUpdateBenchmark.main(new String[] {Integer.toString(Math.max(30, repeats)), "20",
              Integer.toString(t), hidden, Integer.toString(batch), cases, p.label()});
        }
        return 0;
      case "estimator":
        EstimatorBenchmark.main(new String[] {Integer.toString(Math.max(15, repeats))});
        return 0;
      case "act":
        ActBenchmark.main(new String[] {Integer.toString(calls), Integer.toString(calls / 2)});
        return 0;
      default:
        throw new IllegalArgumentException(
            "unknown benchmark '" + which + "'; allowed: matmul, mlp, sac, estimator, act");
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
