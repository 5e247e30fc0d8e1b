package org.mixrl.experiment;

import java.io.IOException;
import java.nio.file.Path;
import org.mixrl.env.EnvState;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.random.RandomStream;

/**
 * The checkpoint file: every piece of a {@link Trainer}'s state, in the checksummed framing of
 * {@link BinaryRecordWriter} (magic {@code MIXRLC}), replaced atomically.
 *
 * <p>Layout, version 1: the run's canonical config JSON; counters; the running episode; the
 * update-statistics accumulators; the current observation; the training env's state; the
 * action, update and evaluation random streams; the agent (networks, log alpha, optimizers);
 * the replay buffer.
 */
final class Checkpoint {
  static final String MAGIC = "MIXRLC";
  static final int VERSION = 1;
  static final String DESCRIPTION = "mixrl checkpoint";
  static final String FILE_NAME = "checkpoint.bin";

  private Checkpoint() {}

  static void write(Path file, Trainer t) throws IOException {
    BinaryRecordWriter.writeAtomically(file, MAGIC, VERSION, out -> {
      out.writeString(t.config.toJsonString());
      out.writeLong(t.step);
      out.writeLong(t.episodes);
      out.writeLong(t.evaluations);
      out.writeLong(t.metrics.rows());
      out.writeDouble(t.elapsedSeconds());
      out.writeDouble(t.lastReturn);
      out.writeDouble(t.lastDeterministic);
      out.writeDouble(t.lastStochastic);
      out.writeDouble(t.episodeReturn);
      out.writeLong(t.episodeLength);
      out.writeLong(t.updatesSinceRow);
      out.writeDoubles(t.statSums);
      out.writeInt(t.obs.length);
      out.writeDoubles(t.obs);
      writeEnv(out, t.env.saveState());
      writeStream(out, t.actionRng);
      writeStream(out, t.updateRng);
      writeStream(out, t.evalRng);
      t.sac.writeState(out);
      t.buffer.write(out);
    });
  }

  /**
   * Loads {@code file} into {@code t}, a trainer freshly built from the same config. Magic,
   * version and checksum are verified before anything is read, then the embedded config must
   * equal {@code t}'s.
   */
  static void read(Path file, Trainer t) throws IOException {
    BinaryRecordReader in = BinaryRecordReader.open(file, MAGIC, DESCRIPTION, VERSION);
    String stored = in.readString();
    String expected = t.config.toJsonString();
    if (!stored.equals(expected)) {
      String diff;
      try {
        diff = String.join("; ", RunConfig.fromJson(stored).differencesFrom(t.config));
      } catch (IllegalArgumentException e) {
        diff = "unreadable config (" + e.getMessage() + ")";
      }
      throw in.error("was written by a run with another config (checkpoint vs config.json: "
          + diff + ")");
    }
    t.step = in.readLong();
    t.episodes = in.readLong();
    t.evaluations = in.readLong();
    t.checkpointRows = in.readLong();
    t.elapsedBefore = in.readDouble();
    t.lastReturn = in.readDouble();
    t.lastDeterministic = in.readDouble();
    t.lastStochastic = in.readDouble();
    t.episodeReturn = in.readDouble();
    t.episodeLength = in.readLong();
    t.updatesSinceRow = in.readLong();
    double[] sums = in.readDoubles(t.statSums.length);
    System.arraycopy(sums, 0, t.statSums, 0, sums.length);
    int n = in.readInt();
    if (n != t.obs.length) {
      throw in.error("observation has " + n + " values, this env has " + t.obs.length);
    }
    t.obs = in.readDoubles(n);
    try {
      t.env.restoreState(readEnv(in));
    } catch (IllegalArgumentException e) {
      throw in.error("env state does not fit: " + e.getMessage());
    }
    t.actionRng = readStream(in);
    t.updateRng = readStream(in);
    t.evalRng = readStream(in);
    t.sac.readState(in);
    t.buffer.readInto(in);
    in.expectEnd();
    if (t.step < 0 || t.step > t.config.steps() || t.checkpointRows < 0) {
      throw in.error("malformed counters (step " + t.step + ", rows " + t.checkpointRows + ")");
    }
  }

  private static void writeEnv(BinaryRecordWriter out, EnvState s) throws IOException {
    out.writeString(s.envId());
    double[] dyn = s.dynamics();
    out.writeInt(dyn.length);
    out.writeDoubles(dyn);
    out.writeInt(s.stepCount());
    out.writeInt(s.phase().ordinal());
    long[] r = s.random();
    out.writeInt(r.length);
    for (long v : r) {
      out.writeLong(v);
    }
  }

  private static EnvState readEnv(BinaryRecordReader in) throws IOException {
    String id = in.readString();
    double[] dyn = in.readDoubles(in.readInt());
    int steps = in.readInt();
    int phase = in.readInt();
    EnvState.Phase[] phases = EnvState.Phase.values();
    if (phase < 0 || phase >= phases.length || steps < 0) {
      throw in.error("malformed env state (phase " + phase + ", steps " + steps + ")");
    }
    int rn = in.readInt();
    if (rn < 0 || rn > 64) {
      throw in.error("malformed env random state length " + rn);
    }
    long[] r = new long[rn];
    for (int i = 0; i < rn; i++) {
      r[i] = in.readLong();
    }
    return new EnvState(id, dyn, steps, phases[phase], r);
  }

  private static void writeStream(BinaryRecordWriter out, RandomStream s) throws IOException {
    for (long v : s.state()) {
      out.writeLong(v);
    }
  }

  private static RandomStream readStream(BinaryRecordReader in) throws IOException {
    long[] s = new long[4];
    for (int i = 0; i < 4; i++) {
      s[i] = in.readLong();
    }
    try {
      return RandomStream.fromState(s);
    } catch (IllegalArgumentException e) {
      throw in.error("malformed random stream state: " + e.getMessage());
    }
  }
}
