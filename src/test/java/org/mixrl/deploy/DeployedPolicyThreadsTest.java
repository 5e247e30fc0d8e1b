package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One DeployedPolicy shared by several threads, each with its own session, acts as on one. */
class DeployedPolicyThreadsTest {
  @Test
  void threadsSharingOnePolicyGetTheSingleThreadedActions() throws Exception {
    DeployedPolicy policy = Agents.export(Agents.pendulumAgent("sgm", 5, List.of(64, 64), 41));
    double[][] obs = Agents.observations(2000, 3, 2.0, 42);
    double[] expected = actions(policy, obs);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> actions(policy, obs)));
      }
      for (Future<double[]> f : results) {
        assertArrayEquals(expected, f.get(), 0.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[] actions(DeployedPolicy policy, double[][] obs) {
    PolicySession s = policy.newSession();
    double[] out = new double[1];
    double[] all = new double[obs.length];
    for (int i = 0; i < obs.length; i++) {
      s.act(obs[i], out);
      all[i] = out[0];
    }
    return all;
  }
}
