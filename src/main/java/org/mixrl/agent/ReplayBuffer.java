package org.mixrl.agent;

import java.io.IOException;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Tensor;

/**
 * A ring buffer of transitions (s, a, r, s', terminated) in preallocated {@code double[]}
 * arrays; once full, each new transition overwrites the oldest. Only {@code terminated} is
 * stored, not truncation: SAC bootstraps through time-limit cut-offs.
 */
public final class ReplayBuffer {
  private final int capacity;
  private final int obsDim;
  private final int actionDim;
  private final double[] obs; // [capacity, obsDim]
  private final double[] actions; // [capacity, actionDim]
  private final double[] rewards; // [capacity]
  private final double[] nextObs; // [capacity, obsDim]
  private final double[] terminated; // [capacity], 1.0 or 0.0
  private int next;
  private int size;

  /** One sampled minibatch: obs [B, o], actions [B, d], rewards [B], nextObs [B, o], terminated [B]. */
  public record Batch(
      Tensor obs, Tensor actions, Tensor rewards, Tensor nextObs, Tensor terminated) {
    public int size() {
      return rewards.numel();
    }
  }

  public ReplayBuffer(int capacity, int obsDim, int actionDim) {
    if (capacity < 1 || obsDim < 1 || actionDim < 1) {
      throw new IllegalArgumentException(
          "ReplayBuffer: capacity, obsDim and actionDim must be >= 1, got " + capacity + ", "
              + obsDim + ", " + actionDim);
    }
    this.capacity = capacity;
    this.obsDim = obsDim;
    this.actionDim = actionDim;
    this.obs = new double[Math.multiplyExact(capacity, obsDim)];
    this.actions = new double[Math.multiplyExact(capacity, actionDim)];
    this.rewards = new double[capacity];
    this.nextObs = new double[Math.multiplyExact(capacity, obsDim)];
    this.terminated = new double[capacity];
  }

  /** Stores one transition (the arrays are copied). */
  public void add(double[] s, double[] a, double r, double[] s2, boolean term) {
    if (s.length != obsDim || s2.length != obsDim || a.length != actionDim) {
      throw new IllegalArgumentException(
          "ReplayBuffer.add: need obs of length " + obsDim + " and action of length "
              + actionDim + ", got " + s.length + ", " + s2.length + " and " + a.length);
    }
    System.arraycopy(s, 0, obs, next * obsDim, obsDim);
    System.arraycopy(a, 0, actions, next * actionDim, actionDim);
    rewards[next] = r;
    System.arraycopy(s2, 0, nextObs, next * obsDim, obsDim);
    terminated[next] = term ? 1.0 : 0.0;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  /** {@code n} transitions drawn uniformly with replacement (as CleanRL and SB3 do). */
  public Batch sample(int n, RandomStream rng) {
    if (size == 0) {
      throw new IllegalStateException("ReplayBuffer.sample: the buffer is empty");
    }
    if (n < 1) {
      throw new IllegalArgumentException("ReplayBuffer.sample: n must be >= 1, got " + n);
    }
    double[] o = new double[n * obsDim];
    double[] a = new double[n * actionDim];
    double[] r = new double[n];
    double[] o2 = new double[n * obsDim];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      int j = rng.nextInt(size);
      System.arraycopy(obs, j * obsDim, o, i * obsDim, obsDim);
      System.arraycopy(actions, j * actionDim, a, i * actionDim, actionDim);
      r[i] = rewards[j];
      System.arraycopy(nextObs, j * obsDim, o2, i * obsDim, obsDim);
      t[i] = terminated[j];
    }
    return new Batch(
        Tensor.of(o, n, obsDim), Tensor.of(a, n, actionDim), Tensor.of(r, n),
        Tensor.of(o2, n, obsDim), Tensor.of(t, n));
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  public int obsDim() {
    return obsDim;
  }

  public int actionDim() {
    return actionDim;
  }

  /** Writes capacity, dims, cursor, size and the filled part of every array (exact bits). */
  public void write(BinaryRecordWriter out) throws IOException {
    out.writeInt(capacity);
    out.writeInt(obsDim);
    out.writeInt(actionDim);
    out.writeInt(next);
    out.writeInt(size);
    writePrefix(out, obs, size * obsDim);
    writePrefix(out, actions, size * actionDim);
    writePrefix(out, rewards, size);
    writePrefix(out, nextObs, size * obsDim);
    writePrefix(out, terminated, size);
  }

  private static void writePrefix(BinaryRecordWriter out, double[] a, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      out.writeDouble(a[i]);
    }
  }

  /**
   * Replaces this buffer's contents with what {@link #write} wrote; capacity and dimensions
   * must match. Everything is read and checked before this buffer changes.
   */
  public void readInto(BinaryRecordReader in) throws IOException {
    int cap = in.readInt();
    int od = in.readInt();
    int ad = in.readInt();
    if (cap != capacity || od != obsDim || ad != actionDim) {
      throw in.error("replay buffer has capacity " + cap + ", obs dim " + od + ", action dim "
          + ad + "; this run needs " + capacity + ", " + obsDim + ", " + actionDim);
    }
    int nx = in.readInt();
    int sz = in.readInt();
    if (sz < 0 || sz > capacity || nx < 0 || nx >= capacity || (sz < capacity && nx != sz)) {
      throw in.error("malformed replay buffer cursor (next " + nx + ", size " + sz + ")");
    }
    double[] o = in.readDoubles(sz * obsDim);
    double[] a = in.readDoubles(sz * actionDim);
    double[] r = in.readDoubles(sz);
    double[] o2 = in.readDoubles(sz * obsDim);
    double[] t = in.readDoubles(sz);
    System.arraycopy(o, 0, obs, 0, o.length);
    System.arraycopy(a, 0, actions, 0, a.length);
    System.arraycopy(r, 0, rewards, 0, r.length);
    System.arraycopy(o2, 0, nextObs, 0, o2.length);
    System.arraycopy(t, 0, terminated, 0, t.length);
    next = nx;
    size = sz;
  }

  /**
   * A copy with room for {@code newCapacity} transitions, for a run extended past the length
   * its ring was sized for. Only a buffer that never overwrote a transition can grow: then the
   * copy holds the same transitions in the same slots, and draws the same batches, as a buffer
   * built with {@code newCapacity} from the start.
   */
  public ReplayBuffer grownTo(int newCapacity) {
    if (newCapacity < capacity) {
      throw new IllegalArgumentException("ReplayBuffer: cannot shrink from " + capacity + " to "
          + newCapacity);
    }
    if (size == capacity && newCapacity > capacity && next != 0) {
      throw new IllegalStateException("ReplayBuffer: a ring that wrapped cannot grow");
    }
    ReplayBuffer b = new ReplayBuffer(newCapacity, obsDim, actionDim);
    System.arraycopy(obs, 0, b.obs, 0, size * obsDim);
    System.arraycopy(actions, 0, b.actions, 0, size * actionDim);
    System.arraycopy(rewards, 0, b.rewards, 0, size);
    System.arraycopy(nextObs, 0, b.nextObs, 0, size * obsDim);
    System.arraycopy(terminated, 0, b.terminated, 0, size);
    b.size = size;
    b.next = size % newCapacity;
    return b;
  }
}
