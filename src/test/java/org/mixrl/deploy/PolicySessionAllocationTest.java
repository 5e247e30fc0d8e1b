package org.mixrl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.random.RandomStream;

/**
 * act and sample allocate nothing per call once a session exists, measured with the thread's
 * allocation counter ({@code com.sun.management.ThreadMXBean}, HotSpot).
 *
 * <p>What is excluded, and why: the very first call initialises classes (a few KB, once), and
 * on HotSpot 17 the thread is charged a few hundred bytes once when C2 installs its compiled
 * code (measured: 328-552 bytes in one round, with or without escape analysis; none with C1
 * alone or in the interpreter, where every call after the first allocates 0 bytes). Neither
 * depends on the number of calls. So the test requires (a) three consecutive rounds of 20,000
 * calls at exactly zero bytes and (b) under 2 KB in total over every round it ran (up to
 * 200,000 calls): any allocation per call, even 16 bytes once every 1,000 calls, fails both.
 */
class PolicySessionAllocationTest {
  private static final int ROUND = 20_000;
  private static final int MAX_ROUNDS = 10;
  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void allocationCounter() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocations");
    threads.setThreadAllocatedMemoryEnabled(true);
    // the counter itself must read 0 for no work, or the test below could not fail honestly
    long a = allocated();
    long b = allocated();
    assertEquals(0, b - a, "reading the counter allocates");
  }

  private static long allocated() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @ParameterizedTest(name = "{0} K={1} hidden {2}x{2}")
  @CsvSource({"sg, 1, 64", "sgm, 5, 64", "g, 1, 256", "gm, 5, 256", "sgm, 5, 256"})
  void actAndSampleAllocateNothingPerCall(String cls, int k, int width) {
    DeployedPolicy policy =
        Agents.export(Agents.pendulumAgent(cls, k, List.of(width, width), 3));
    PolicySession session = policy.newSession();
    double[][] obs = Agents.observations(64, 3, 2.0, 4);
    double[] out = new double[1];
    RandomStream rng = RandomStream.of(7);
    double sink = calls(session, obs, rng, out, 1); // the first call: class initialisation

    long total = 0;
    int zeroRounds = 0;
    int rounds = 0;
    while (zeroRounds < 3 && rounds < MAX_ROUNDS) {
      long before = allocated();
      sink += calls(session, obs, rng, out, ROUND);
      long bytes = allocated() - before;
      total += bytes;
      zeroRounds = bytes == 0 ? zeroRounds + 1 : 0;
      rounds++;
    }
    assertTrue(Double.isFinite(sink));
    assertEquals(3, zeroRounds, "no three consecutive rounds of " + ROUND + " calls without"
        + " allocation in " + rounds + " rounds (" + total + " bytes in all)");
    assertTrue(total < 2048, total + " bytes allocated over " + rounds * ROUND
        + " act+sample calls");
  }

  private static double calls(
      PolicySession session, double[][] obs, RandomStream rng, double[] out, int n) {
    double sink = 0;
    for (int i = 0; i < n; i++) {
      double[] o = obs[i & 63];
      session.act(o, out);
      sink += out[0];
      session.sample(o, rng, out);
      sink += out[0];
    }
    return sink;
  }
}
