import org.mixrl.tensor.Tensor;

/**
 * A plausible-looking mistake: AntitheticLr with each state's baseline taken from its own pair.
 * The baseline then depends on the draw it multiplies (u' is a function of u), so the gradient
 * is biased. The verification kit flags it and shrinks the failing case.
 */
public class PairBaselineLr extends AntitheticLr {
  @Override
  public String name() {
    return "lr-antithetic-pair-baseline";
  }

  @Override
  protected Tensor baseline(Tensor f) {
    return f.mean(1, true).detach();
  }
}
