package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.random.RandomStream;
import org.mixrl.testing.RandomCases;

/**
 * Forward values of the index-moving ops agree with element-by-element definitions written with
 * {@link Tensor#get}: gradient checks cannot catch a forward and backward that are wrong in the
 * same way (e.g. a permutation applied inversely in both).
 *
 * <p>Each property runs 300 cases; case {@code i} of list seed {@code S} computes on
 * {@code RandomStream.of(d)} with the data seed {@code d} drawn from
 * {@link RandomCases#stream(long, int) RandomCases.stream(S, i)}, and all three are in its label.
 */
class ForwardValuePropertiesTest {
  /** The data seed of one case. */
  record Seed(long seed, String label) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static List<Seed> seeds(long listSeed) {
    return RandomCases.generate(listSeed, 300, (rng, i) -> {
      long d = rng.nextLong();
      return new Seed(d, RandomCases.id(listSeed, i) + " data seed " + d);
    });
  }

  static List<Seed> seeds11() {
    return seeds(11);
  }

  static List<Seed> seeds12() {
    return seeds(12);
  }

  static List<Seed> seeds13() {
    return seeds(13);
  }

  static List<Seed> seeds14() {
    return seeds(14);
  }

  private static int[] shape(RandomStream rng, int rank) {
    return RandomCases.shape(rng, rank, 4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds11")
  void batchedMatmulIsThePerBatchTripleLoop(Seed sd) {
    RandomStream rng = RandomStream.of(sd.seed());
    int b = 1 + rng.nextInt(3);
    int m = 1 + rng.nextInt(4);
    int k = 1 + rng.nextInt(4);
    int n = 1 + rng.nextInt(4);
    boolean aBatch = rng.nextInt(2) == 0;
    boolean bBatch = !aBatch || rng.nextInt(2) == 0;
    Tensor a = aBatch ? Tensor.randn(rng, b, m, k) : Tensor.randn(rng, m, k);
    Tensor c = bBatch ? Tensor.randn(rng, b, k, n) : Tensor.randn(rng, k, n);
    Tensor y = a.matmul(c);
    assertArrayEquals(new int[] {b, m, n}, y.shape(), sd.label());
    for (int t = 0; t < b; t++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += (aBatch ? a.get(t, i, p) : a.get(i, p)) * (bBatch ? c.get(t, p, j) : c.get(p, j));
          }
          assertEquals(s, y.get(t, i, j), 1e-12, sd.label());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds12")
  void permuteMovesElementsByTheAxisMap(Seed sd) {
    RandomStream rng = RandomStream.of(sd.seed());
    int[] s = shape(rng, 3);
    Tensor x = Tensor.randn(rng, s);
    int[] perm = {0, 1, 2};
    for (int i = 2; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    Tensor y = x.permute(perm);
    int[] idx = new int[3];
    for (int i = 0; i < s[perm[0]]; i++) {
      for (int j = 0; j < s[perm[1]]; j++) {
        for (int l = 0; l < s[perm[2]]; l++) {
          idx[perm[0]] = i;
          idx[perm[1]] = j;
          idx[perm[2]] = l;
          assertEquals(x.get(idx), y.get(i, j, l), sd.label());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds13")
  void broadcastBinaryReadsTheAlignedElement(Seed sd) {
    RandomStream rng = RandomStream.of(sd.seed());
    int[] out = shape(rng, 3);
    int[] sa = out.clone();
    int[] sb = out.clone();
    for (int d = 0; d < 3; d++) {
      if (rng.nextInt(2) == 0) {
        sa[d] = 1;
      } else if (rng.nextInt(2) == 0) {
        sb[d] = 1;
      }
    }
    int[] sbShort = java.util.Arrays.copyOfRange(sb, sb[0] == 1 ? 1 : 0, 3);
    Tensor a = Tensor.randn(rng, sa);
    Tensor b = Tensor.randn(rng, sbShort);
    Tensor y = a.sub(b);
    for (int i = 0; i < y.size(0); i++) {
      for (int j = 0; j < y.size(1); j++) {
        for (int l = 0; l < y.size(2); l++) {
          double av = a.get(sa[0] == 1 ? 0 : i, sa[1] == 1 ? 0 : j, sa[2] == 1 ? 0 : l);
          int bj = sb[1] == 1 ? 0 : j;
          int bl = sb[2] == 1 ? 0 : l;
          double bv = sbShort.length == 3 ? b.get(sb[0] == 1 ? 0 : i, bj, bl) : b.get(bj, bl);
          assertEquals(av - bv, y.get(i, j, l), sd.label());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds14")
  void reductionsAlongAnAxisMatchLoops(Seed sd) {
    RandomStream rng = RandomStream.of(sd.seed());
    int[] s = shape(rng, 3);
    int ax = rng.nextInt(3);
    Tensor x = Tensor.randn(rng, s);
    Tensor sum = x.sum(ax, true);
    Tensor max = x.max(ax, true);
    Tensor lse = x.logsumexp(ax, true);
    Tensor sm = x.softmax(ax);
    int[] idx = new int[3];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        for (int l = 0; l < s[2]; l++) {
          idx[0] = i;
          idx[1] = j;
          idx[2] = l;
          if (idx[ax] != 0) {
            continue;
          }
          double total = 0;
          double best = Double.NEGATIVE_INFINITY;
          double expSum = 0;
          for (int r = 0; r < s[ax]; r++) {
            idx[ax] = r;
            double v = x.get(idx);
            total += v;
            best = Math.max(best, v);
            expSum += Math.exp(v);
          }
          idx[ax] = 0;
          assertEquals(total, sum.get(idx), 1e-12, sd.label());
          assertEquals(best, max.get(idx), sd.label());
          assertEquals(Math.log(expSum), lse.get(idx), 1e-12, sd.label());
          for (int r = 0; r < s[ax]; r++) {
            idx[ax] = r;
            assertEquals(Math.exp(x.get(idx)) / expSum, sm.get(idx), 1e-12, sd.label());
          }
        }
      }
    }
  }
}
