package org.mixrl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixrl.random.RandomStream;

/**
 * The action values of MultiGoal are multimodal at a state between goals. The test has its own
 * model of the task (written from the definition, not from {@link MultiGoal}; a first test
 * checks the two agree), values each goal exactly for a simple way of reaching it, and looks
 * one step ahead:
 *
 * <p>V_g(s) = max over step lengths c of the discounted return (gamma = 0.99) of moving
 * straight at g with steps of length c until a goal ends the episode; Q(s, a) = r(s, a) +
 * gamma max_g V_g(s') (just r on a goal step). Each V_g is the value of one policy, so Q is a
 * lower bound on the optimal action value, not the optimal value itself.
 *
 * <p>Bimodality is shown without locating the modes exactly: if a line through the action
 * square separates it into two parts and Q on the line stays below Q's maximum in each part,
 * each part holds a local maximum, so Q(s, .) has at least two modes.
 */
class MultiGoalActionValuesTest {
  private static final double GAMMA = 0.99;
  private static final double[][] GOALS = {{5, 0}, {-5, 0}, {0, 5}, {0, -5}};
  private static final int N = 41; // action grid, step 0.05 on each axis

  /** One transition of the model: new x, new y, reward, 1 if the episode ended. */
  private static double[] model(double x, double y, double ax, double ay) {
    double ux = Math.max(-1, Math.min(1, ax));
    double uy = Math.max(-1, Math.min(1, ay));
    double nx = Math.max(-7, Math.min(7, x + ux));
    double ny = Math.max(-7, Math.min(7, y + uy));
    double d2 = Double.POSITIVE_INFINITY;
    for (double[] g : GOALS) {
      d2 = Math.min(d2, (nx - g[0]) * (nx - g[0]) + (ny - g[1]) * (ny - g[1]));
    }
    boolean done = d2 < 1;
    return new double[] {nx, ny, -(ux * ux + uy * uy) - 0.1 * d2 + (done ? 1 : 0), done ? 1 : 0};
  }

  /** The best straight-line, constant-step return to goal g from (x, y). */
  private static double goalValue(double x, double y, double[] g) {
    double dx = g[0] - x;
    double dy = g[1] - y;
    double len = Math.hypot(dx, dy);
    double cx = dx / len;
    double cy = dy / len;
    double longest = 1 / Math.max(Math.abs(cx), Math.abs(cy)); // keeps both components in [-1, 1]
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 1; k <= 28; k++) {
      double c = Math.min(0.05 * k, longest);
      double px = x;
      double py = y;
      double ret = 0;
      double discount = 1;
      for (int t = 0; t < 300; t++) {
        double[] s = model(px, py, c * cx, c * cy);
        ret += discount * s[2];
        discount *= GAMMA;
        px = s[0];
        py = s[1];
        if (s[3] == 1) {
          break;
        }
      }
      best = Math.max(best, ret);
    }
    return best;
  }

  private static double lookahead(double x, double y, double ax, double ay) {
    double[] s = model(x, y, ax, ay);
    if (s[3] == 1) {
      return s[2];
    }
    double v = Double.NEGATIVE_INFINITY;
    for (double[] g : GOALS) {
      v = Math.max(v, goalValue(s[0], s[1], g));
    }
    return s[2] + GAMMA * v;
  }

  private static double[][] grid(double x, double y) {
    double[][] q = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        q[i][j] = lookahead(x, y, action(i), action(j));
      }
    }
    return q;
  }

  private static double action(int i) {
    return -1 + 2.0 * i / (N - 1);
  }

  @Test
  void theTestsModelAgreesWithTheEnv() {
    RandomStream rng = RandomStream.of(17);
    for (int k = 0; k < 500; k++) {
      double x = rng.uniform(-7, 7);
      double y = rng.uniform(-7, 7);
      double ax = rng.uniform(-2, 2);
      double ay = rng.uniform(-2, 2);
      MultiGoal env = new MultiGoal();
      EnvTesting.placeAt(env, x, y);
      StepResult r = env.step(new double[] {ax, ay});
      double[] m = model(x, y, ax, ay);
      assertEquals(m[0], r.observation()[0], 0.0);
      assertEquals(m[1], r.observation()[1], 0.0);
      assertEquals(m[2], r.reward(), 1e-12);
      assertEquals(m[3] == 1, r.terminated());
    }
  }

  @Test
  void betweenTwoGoalsTheActionValuesHaveOneModePerGoal() {
    // (2.5, 2.5): equally far from (5, 0) and (0, 5). The line a_x = a_y keeps s' on the
    // diagonal, so it separates the actions heading for (5, 0) from those heading for (0, 5).
    double[][] q = grid(2.5, 2.5);
    double onLine = Double.NEGATIVE_INFINITY;
    double towardEast = Double.NEGATIVE_INFINITY; // a_x > a_y
    double towardNorth = Double.NEGATIVE_INFINITY; // a_x < a_y
    int[] bestEast = null;
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        if (i == j) {
          onLine = Math.max(onLine, q[i][j]);
        } else if (i > j) {
          if (q[i][j] > towardEast) {
            towardEast = q[i][j];
            bestEast = new int[] {i, j};
          }
        } else {
          towardNorth = Math.max(towardNorth, q[i][j]);
        }
      }
    }
    // the two modes are mirror images and each beats the separating line by a wide margin
    assertEquals(towardEast, towardNorth, 1e-9);
    assertTrue(towardEast > onLine + 0.5, "mode " + towardEast + " vs line " + onLine);
    assertTrue(action(bestEast[0]) > 0 && action(bestEast[1]) < 0,
        "the east mode heads for (5, 0): a = (" + action(bestEast[0]) + ", "
            + action(bestEast[1]) + ")");
  }

  @Test
  void atTheOriginTheActionValuesHaveOneModePerGoal() {
    // The diagonals a_x = +-a_y split the square into four sectors, one per goal.
    double[][] q = grid(0, 0);
    double onDiagonals = Double.NEGATIVE_INFINITY;
    double[] sector = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        double ax = action(i);
        double ay = action(j);
        if (i == j || i == N - 1 - j) {
          onDiagonals = Math.max(onDiagonals, q[i][j]);
          continue;
        }
        int s = Math.abs(ax) > Math.abs(ay) ? (ax > 0 ? 0 : 1) : (ay > 0 ? 2 : 3);
        sector[s] = Math.max(sector[s], q[i][j]);
      }
    }
    for (int s = 0; s < 4; s++) {
      assertEquals(sector[0], sector[s], 1e-9, "sector " + s);
      assertTrue(sector[s] > onDiagonals + 0.5,
          "sector " + s + ": " + sector[s] + " vs diagonals " + onDiagonals);
    }
  }
}
