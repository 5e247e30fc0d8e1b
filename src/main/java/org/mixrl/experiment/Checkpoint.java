package org.mixrl.experiment;

import java.io.IOException;
import java.nio.file.Path;
import org.mixrl.agent.ReplayBuffer;
import org.mixrl.agent.Sac;
import org.mixrl.env.Env;
import org.mixrl.env.EnvState;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.random.RandomStream;

/**
 * The checkpoint file: every piece of a {@link Trainer}'s state ({@link TrainerState}, the
 * agent and the replay buffer), in the checksummed framing of
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

  /**
   * Writes {@code state}, {@code env}'s state, {@code sac} and {@code buffer} under the run's canonical config JSON
   * {@code configJson}, replacing {@code file} atomically.
   */
  static void write(Path file, String configJson, TrainerState state, Env env, Sac sac,
      ReplayBuffer buffer) throws IOException {
    BinaryRecordWriter.writeAtomically(file, MAGIC, VERSION, out -> {
      out.writeString(configJson);
      out.writeLong(state.step());
      out.writeLong(state.episodes());
      out.writeLong(state.evaluations());
      out.writeLong(state.metricsRows());
      out.writeDouble(state.elapsedSeconds());
      out.writeDouble(state.lastReturn());
      out.writeDouble(state.lastDeterministic());
      out.writeDouble(state.lastStochastic());
      out.writeDouble(state.episodeReturn());
      out.writeLong(state.episodeLength());
      out.writeLong(state.stats().updates());
      out.writeDoubles(state.stats().toArray());
      out.writeInt(state.obs().length);
      out.writeDoubles(state.obs());
      writeEnv(out, env.saveState());
      writeStream(out, state.actionRng());
      writeStream(out, state.updateRng());
      writeStream(out, state.evalRng());
      sac.writeState(out);
      buffer.write(out);
    });
  }

  /**
   * Reads {@code file}: restores {@code env}, loads the agent into {@code sac} and the
   * transitions into {@code buffer} (all freshly built from {@code config}) and returns the
   * rest of the state. Magic,
   * version and checksum are verified before anything is read, then the embedded config must
   * equal {@code config} and the observation must have {@code obsDim} values.
   */
  static TrainerState read(Path file, RunConfig config, int obsDim, Env env, Sac sac,
      ReplayBuffer buffer) throws IOException {
    BinaryRecordReader in = BinaryRecordReader.open(file, MAGIC, DESCRIPTION, VERSION);
    String stored = in.readString();
    if (!stored.equals(config.toJsonString())) {
      String diff;
      try {
        diff = String.join("; ", RunConfig.fromJson(stored).differencesFrom(config));
      } catch (IllegalArgumentException e) {
        diff = "unreadable config (" + e.getMessage() + ")";
      }
      throw in.error("was written by a run with another config (checkpoint vs config.json: "
          + diff + ")");
    }
    long step = in.readLong();
    long episodes = in.readLong();
    long evaluations = in.readLong();
    long metricsRows = in.readLong();
    double elapsedSeconds = in.readDouble();
    double lastReturn = in.readDouble();
    double lastDeterministic = in.readDouble();
    double lastStochastic = in.readDouble();
    double episodeReturn = in.readDouble();
    long episodeLength = in.readLong();
    long updatesSinceRow = in.readLong();
    UpdateStatsSums stats =
        UpdateStatsSums.of(in.readDoubles(UpdateStatsSums.SIZE), updatesSinceRow);
    int n = in.readInt();
    if (n != obsDim) {
      throw in.error("observation has " + n + " values, this env has " + obsDim);
    }
    double[] obs = in.readDoubles(n);
    try {
      env.restoreState(readEnv(in));
    } catch (IllegalArgumentException e) {
      throw in.error("env state does not fit: " + e.getMessage());
    }
    RandomStream actionRng = readStream(in);
    RandomStream updateRng = readStream(in);
    RandomStream evalRng = readStream(in);
    sac.readState(in);
    buffer.readInto(in);
    in.expectEnd();
    if (step < 0 || step > config.steps() || metricsRows < 0) {
      throw in.error("malformed counters (step " + step + ", rows " + metricsRows + ")");
    }
    return new TrainerState(step, episodes, evaluations, metricsRows, elapsedSeconds,
        lastReturn, lastDeterministic, lastStochastic, episodeReturn, episodeLength, stats, obs,
        actionRng, updateRng, evalRng);
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
