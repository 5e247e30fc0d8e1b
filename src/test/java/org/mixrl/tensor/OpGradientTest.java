package org.mixrl.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixrl.autodiff.GradCheck;
import org.mixrl.random.RandomStream;

/** Every differentiable op's backward rule agrees with central differences. */
class OpGradientTest {
  private static final RandomStream RNG = RandomStream.of(7);

  private static Tensor r(int... shape) {
    return Tensor.randn(RNG, shape);
  }

  private static Tensor pos(int... shape) {
    return Tensor.uniform(RNG, 0.5, 2.0, shape);
  }

  private static Arguments c(String name, Function<Tensor[], Tensor> f, Tensor... in) {
    return Arguments.of(Named.of(name, f), in);
  }

  static Stream<Arguments> cases() {
    Tensor idx = Tensor.of(new double[] {2, 0, 1, 1, 0, 2}, 2, 3);
    return Stream.of(
        c("add broadcast", t -> t[0].add(t[1]).square().sum(), r(2, 3), r(3)),
        c("sub broadcast col", t -> t[0].sub(t[1]).square().sum(), r(2, 3), r(2, 1)),
        c("mul broadcast 3d", t -> t[0].mul(t[1]).sum(), r(2, 1, 3), r(4, 1)),
        c("div", t -> t[0].div(t[1]).sum(), r(2, 3), pos(2, 3)),
        c("pow tensor", t -> t[0].pow(t[1]).sum(), pos(3), r(3)),
        c("pow scalar", t -> t[0].pow(3.0).sum(), r(4)),
        c("maximum", t -> t[0].maximum(t[1]).square().sum(), r(5), r(5)),
        c("minimum", t -> t[0].minimum(t[1]).square().sum(), r(5), r(1)),
        c("exp", t -> t[0].exp().sum(), r(4)),
        c("log", t -> t[0].log().sum(), pos(4)),
        c("log1p", t -> t[0].log1p().sum(), pos(4)),
        c("expm1", t -> t[0].expm1().sum(), r(4)),
        c("sqrt", t -> t[0].sqrt().sum(), pos(4)),
        c("abs", t -> t[0].abs().square().sum(), r(4)),
        c("tanh", t -> t[0].tanh().sum(), r(4)),
        c("sigmoid", t -> t[0].sigmoid().sum(), r(4)),
        c("softplus", t -> t[0].softplus().sum(), r(4)),
        c("relu", t -> t[0].relu().square().sum(), r(4)),
        c("elu", t -> t[0].elu().sum(), r(4)),
        c("clamp", t -> t[0].clamp(-0.5, 0.5).square().sum(), r(6)),
        c("where", t -> Tensor.where(Tensor.vector(1, 0, 1), t[0], t[1]).square().sum(), r(2, 3),
            r(3)),
        c("sum axis", t -> t[0].sum(1, false).square().sum(), r(2, 3, 4)),
        c("mean axis keep", t -> t[0].mean(0, true).square().sum(), r(3, 2)),
        c("max axis", t -> t[0].max(1, false).square().sum(), r(3, 4)),
        c("min all", t -> t[0].min().square(), r(3, 4)),
        c("logsumexp", t -> t[0].logsumexp(-1, false).square().sum(), r(3, 4)),
        c("var", t -> t[0].var(0, false).sum(), r(5, 2)),
        c("softmax", t -> t[0].softmax(1).mul(t[1]).sum(), r(2, 3, 2), r(2, 3, 2)),
        c("logSoftmax", t -> t[0].logSoftmax(0).mul(t[1]).sum(), r(3, 2), r(3, 2)),
        c("reshape", t -> t[0].reshape(3, -1).matmul(t[1]).sum(), r(2, 3), r(2, 2)),
        c("permute", t -> t[0].permute(2, 0, 1).mul(t[1]).sum(), r(2, 3, 4), r(4, 2, 3)),
        c("transpose", t -> t[0].transpose(0, 1).mul(t[1]).sum(), r(2, 3), r(3, 2)),
        c("slice", t -> t[0].slice(1, 1, 3).square().sum(), r(2, 4)),
        c("expand", t -> t[0].expand(3, 2, 4).mul(t[1]).sum(), r(2, 1), r(3, 2, 4)),
        c("cat", t -> Tensor.cat(1, t[0], t[1]).square().sum(), r(2, 2), r(2, 3)),
        c("stack", t -> Tensor.stack(0, t[0], t[1]).mul(t[2]).sum(), r(3), r(3), r(2, 3)),
        c("split", t -> t[0].split(0, 1, 2).get(1).square().sum(), r(3, 2)),
        c("indexSelect", t -> t[0].indexSelect(0, 2, 2, 0).square().sum(), r(3, 2)),
        c("gather", t -> t[0].gather(0, idx).square().sum(), r(3, 3)),
        c("scatterAdd", t -> t[0].scatterAdd(0, idx, t[1]).square().sum(), r(3, 3), r(2, 3)),
        c("scatterAdd small index", t -> t[0].scatterAdd(1, Tensor.of(new double[] {2, 0, 1, 1}, 2,
            2), t[1]).square().sum(), r(3, 3), r(3, 4)),
        c("matmul 2d", t -> t[0].matmul(t[1]).square().sum(), r(3, 4), r(4, 2)),
        c("matmul batched", t -> t[0].matmul(t[1]).square().sum(), r(2, 3, 4), r(2, 4, 5)),
        c("matmul broadcast", t -> t[0].matmul(t[1]).square().sum(), r(2, 3, 4), r(4, 5)),
        c("matmul broadcast b1", t -> t[0].matmul(t[1]).square().sum(), r(1, 3, 4), r(3, 4, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backwardMatchesCentralDifferences(Function<Tensor[], Tensor> f, Tensor[] inputs) {
    GradCheck.Result res = GradCheck.check(f, inputs);
    assertTrue(res.passed(1e-6), res.toString());
  }
}
