import java.nio.file.Path;
import org.mixrl.deploy.DeployedPolicy;
import org.mixrl.deploy.PolicySession;
import org.mixrl.env.Env;
import org.mixrl.env.Envs;
import org.mixrl.env.StepResult;

/** One Pendulum-v1 episode (seed 7) driven by an exported policy: java PendulumPolicy FILE. */
public final class PendulumPolicy {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp mixrl-core.jar:. PendulumPolicy policy.mixrl");
      System.exit(2);
    }
    DeployedPolicy policy = DeployedPolicy.load(Path.of(args[0])); // verifies the checksum
    PolicySession session = policy.newSession(); // one per thread; act() allocates nothing
    Env env = Envs.make("Pendulum-v1");
    double[] obs = env.reset(7);
    double[] action = new double[policy.actionDim()];
    double episodeReturn = 0;
    for (boolean done = false; !done; ) {
      session.act(obs, action); // deterministic; session.sample(obs, rng, action) is stochastic
      StepResult r = env.step(action);
      episodeReturn += r.reward();
      obs = r.observation();
      done = r.done();
    }
    System.out.println(policy);
    System.out.println("return=" + episodeReturn);
  }
}
