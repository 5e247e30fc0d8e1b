package org.mixrl.experiment;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.mixrl.agent.ReplayBuffer;
import org.mixrl.agent.Sac;
import org.mixrl.agent.UpdateStats;
import org.mixrl.env.Box;
import org.mixrl.env.Env;
import org.mixrl.env.Envs;
import org.mixrl.env.StepResult;
import org.mixrl.nn.RecordFileException;
import org.mixrl.nn.SiblingTempFile;
import org.mixrl.random.RandomStream;
import org.mixrl.tensor.Interrupts;

/**
 * Trains SAC in a run directory: {@code config.json}, {@code metrics.csv} and {@code
 * checkpoint.bin}. Same config (seed included) ⇒ bitwise-identical metrics.csv apart from the
 * wall_time column, and a resumed run writes exactly the rows an uninterrupted one would.
 *
 * <p>Each step: act (uniform random before {@code learningStarts}), step the env, store the
 * transition, update once when past {@code learningStarts}, log a finished episode, evaluate
 * every {@code evalEvery} steps, checkpoint every {@code checkpointEvery} steps and at the end.
 *
 * <p>Interrupting the training thread stops the run within one step (or one evaluation step)
 * with a {@link CancellationException} that names the step and the last checkpoint; the files
 * are then exactly those of a killed run, so {@link #resume} continues it bit for bit.
 */
public final class Trainer implements AutoCloseable {
  /** File names inside a run directory. */
  public static final String CONFIG_FILE = "config.json";
  public static final String METRICS_FILE = "metrics.csv";
  public static final String CHECKPOINT_FILE = Checkpoint.FILE_NAME;

  // keys of the child streams derived from the seed; fixed forever so seeds stay comparable
  private static final long INIT_KEY = 1;
  private static final long ACTION_KEY = 2;
  private static final long UPDATE_KEY = 3;
  private static final long EVAL_KEY = 4;
  private static final long ENV_KEY = 5;
  private static final long EVAL_START_KEY = 6;

  private RunConfig config; // replaced once when a resume extends the run
  private final Path dir;
  private final RunLock lock;
  private final Env env;
  private final Env evalEnv;
  private final Box actionSpace;
  private final Sac sac;
  private ReplayBuffer buffer;
  private RandomStream actionRng;
  private RandomStream updateRng;
  private RandomStream evalRng;
  private MetricsLog metrics;

  private long step;
  private long episodes;
  private long evaluations;
  private double[] obs;
  private double episodeReturn;
  private long episodeLength;
  private double lastReturn = Double.NaN;
  private double lastDeterministic = Double.NaN;
  private double lastStochastic = Double.NaN;
  private UpdateStatsSums stats = new UpdateStatsSums();
  private double elapsedBefore;
  private long checkpointStep = -1; // step of the newest checkpoint on disk, -1 if none yet
  private long sessionStart;
  private TrainingListener listener = TrainingListener.NONE;

  private Trainer(RunConfig config, Path dir, RunLock lock) {
    this.config = config;
    this.dir = dir;
    this.lock = lock;
    RandomStream root = RandomStream.of(config.seed());
    this.env = Envs.make(config.env());
    this.evalEnv = Envs.make(config.env());
    this.actionSpace = env.actionSpace();
    int obsDim = env.observationSpace().dim();
    this.sac = new Sac(config.sac(), obsDim, actionSpace, root.child(INIT_KEY));
    // a ring never larger than the run: identical behaviour, less memory for short runs
    int capacity = (int) Math.min(config.sac().bufferSize(), config.steps());
    this.buffer = new ReplayBuffer(capacity, obsDim, actionSpace.dim());
    this.actionRng = root.child(ACTION_KEY);
    this.updateRng = root.child(UPDATE_KEY);
    this.evalRng = root.child(EVAL_KEY);
    this.obs = env.reset(root.child(ENV_KEY).nextLong());
  }

  /**
   * Starts a new run in {@code dir} (created if missing).
   *
   * @throws RunDirectoryException if {@code dir} already holds a run (use {@link #resume}) or
   *     another process holds its lock
   * @throws IOException if writing fails
   */
  public static Trainer start(Path dir, RunConfig config) throws IOException {
    // before anything is created: a run that cannot fit in the heap leaves no directory behind
    MemoryCheck.check(config);
    Files.createDirectories(dir);
    RunLock lock = lock(dir);
    try {
      for (String f : List.of(CONFIG_FILE, METRICS_FILE, CHECKPOINT_FILE)) {
        if (Files.exists(dir.resolve(f))) {
          throw new RunDirectoryException(dir + " already holds a run (" + f + " exists); resume it or"
              + " choose another output directory");
        }
      }
      deleteStaleTemporaryFiles(dir);
      Trainer t = new Trainer(config, dir, lock);
      AtomicFiles.write(dir.resolve(CONFIG_FILE), config.toJsonString());
      t.metrics = MetricsLog.create(dir.resolve(METRICS_FILE));
      return t;
    } catch (IOException | RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /** The run lock of {@code dir} (the one sweeps use), or an error if another writer has it. */
  private static RunLock lock(Path dir) throws IOException {
    return RunLock.tryAcquire(dir).orElseThrow(() -> new RunDirectoryException(dir + " is being written"
        + " by another process (it holds " + dir.resolve(RunLock.FILE_NAME) + "); wait for it"
        + " to finish or stop it before resuming"));
  }

  /** Temporary files of writes that a kill interrupted; harmless but large (a checkpoint). */
  private static void deleteStaleTemporaryFiles(Path dir) throws IOException {
    for (String f : List.of(CONFIG_FILE, METRICS_FILE, CHECKPOINT_FILE)) {
      SiblingTempFile.deleteStale(dir.resolve(f));
    }
  }

  /**
   * Reopens the run in {@code dir} at its last checkpoint. {@code expected}, if not null, must
   * equal the stored config, except that a larger {@code steps} extends the run: the extended
   * run writes exactly the rows a run planned with the larger {@code steps} from the start
   * would have written. Every check (config, checkpoint magic/version/checksum, state shapes,
   * metrics rows) passes before any file is changed; then metrics.csv is cut back to the rows
   * the checkpoint had seen.
   *
   * @throws RunDirectoryException if there is no run to resume, the config differs, a file
   *     of the run is corrupt or another process holds the run's lock (is writing it)
   * @throws IOException if reading or writing fails
   */
  public static Trainer resume(Path dir, RunConfig expected) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new RunDirectoryException(dir + ": no run to resume (no such directory)");
    }
    RunLock lock = lock(dir);
    try {
      AtCheckpoint at = atLastCheckpoint(dir, expected, lock);
      Trainer t = at.trainer();
      Path metricsFile = dir.resolve(METRICS_FILE);
      List<String> lines = MetricsLog.checkForResume(metricsFile, at.metricsRows());
      if (at.extended() != null) {
        t.extendTo(at.extended());
      }
      t.metrics = MetricsLog.resume(metricsFile, at.metricsRows(), lines);
      return t;
    } catch (IOException | RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /**
   * The run in {@code dir} as of its last checkpoint, for reading only (export, inspection):
   * no file is changed or opened for writing and no lock is taken, so it is safe on a run
   * another process is training. {@link #run} refuses such a trainer.
   *
   * @throws IOException if the config or checkpoint is missing, unreadable or corrupt
   */
  public static Trainer open(Path dir) throws IOException {
    return atLastCheckpoint(dir, null, null).trainer();
  }

  /** The config stored in the run directory {@code dir}. */
  public static RunConfig readConfig(Path dir) throws IOException {
    Path configFile = dir.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(configFile)) {
      throw new RunDirectoryException(dir + ": no run to resume (" + CONFIG_FILE + " is missing)");
    }
    try {
      return RunConfig.fromJson(Files.readString(configFile, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new RunDirectoryException(configFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Restores the trainer from the last checkpoint; {@code lock} is null for a read-only open,
   * which also never deletes anything.
   */
  private static AtCheckpoint atLastCheckpoint(Path dir, RunConfig expected, RunLock lock)
      throws IOException {
    Path checkpoint = dir.resolve(CHECKPOINT_FILE);
    RunConfig stored = readConfig(dir);
    if (!Files.isRegularFile(checkpoint)) {
      throw new RunDirectoryException(dir + ": no checkpoint to resume from (" + CHECKPOINT_FILE
          + " is missing)");
    }
    RunConfig extended = null;
    if (expected != null && !expected.equals(stored)) {
      if (expected.withSteps(stored.steps()).equals(stored) && expected.steps() > stored.steps()) {
        extended = expected;
      } else {
        throw new RunDirectoryException(dir + ": the requested config differs from the run's "
            + CONFIG_FILE + " (requested vs stored: "
            + String.join("; ", expected.differencesFrom(stored)) + "); refusing to resume");
      }
    }
    if (extended != null) {
      MemoryCheck.check(extended);
    }
    if (lock != null) {
      deleteStaleTemporaryFiles(dir);
    }
    Trainer t = new Trainer(stored, dir, lock);
    TrainerState state;
    try {
      state = Checkpoint.read(checkpoint, stored, t.obs.length, t.env, t.sac, t.buffer);
    } catch (RecordFileException e) { // corrupt, truncated, another config's: not resumable
      throw new RunDirectoryException(e.getMessage(), e);
    }
    t.restore(state);
    return new AtCheckpoint(t, state.metricsRows(), extended);
  }

  /**
   * A trainer restored from its checkpoint, how many metrics rows that checkpoint saw, and the
   * longer config to extend it to (null if none).
   */
  private record AtCheckpoint(Trainer trainer, long metricsRows, RunConfig extended) {}

  /**
   * Switches to {@code longer} (the same run with more steps). The replay ring is sized
   * min(buffer size, steps): when it grows it has never wrapped, so the grown copy holds what a
   * ring built for {@code longer} would hold; nothing else depends on the step count.
   */
  private void extendTo(RunConfig longer) throws IOException {
    int capacity = (int) Math.min(longer.sac().bufferSize(), longer.steps());
    buffer = buffer.grownTo(capacity);
    config = longer;
    AtomicFiles.write(dir.resolve(CONFIG_FILE), longer.toJsonString());
  }

  /** The progress a checkpoint saves besides the env, the agent and the buffer. */
  private TrainerState state() {
    return new TrainerState(step, episodes, evaluations, metrics.rows(), elapsedSeconds(),
        lastReturn, lastDeterministic, lastStochastic, episodeReturn, episodeLength, stats,
        obs, actionRng, updateRng, evalRng);
  }

  private void restore(TrainerState s) {
    step = s.step();
    episodes = s.episodes();
    evaluations = s.evaluations();
    elapsedBefore = s.elapsedSeconds();
    lastReturn = s.lastReturn();
    lastDeterministic = s.lastDeterministic();
    lastStochastic = s.lastStochastic();
    episodeReturn = s.episodeReturn();
    episodeLength = s.episodeLength();
    stats = s.stats();
    obs = s.obs();
    actionRng = s.actionRng();
    updateRng = s.updateRng();
    evalRng = s.evalRng();
    checkpointStep = step;
  }


  /**
   * Trains until all steps are done or the listener asks to stop.
   *
   * @throws CancellationException if the thread is interrupted; the message names the step and
   *     the checkpoint a resume would continue from. The interrupt flag stays set.
   */
  public RunSummary run(TrainingListener listener) throws IOException {
    if (metrics == null) {
      throw new IllegalStateException(dir + ": opened for reading only (Trainer.open); use"
          + " Trainer.resume to continue training");
    }
    sessionStart = System.nanoTime();
    this.listener = listener;
    long total = config.steps();
    int learningStarts = config.sac().learningStarts();
    while (step < total) {
      Interrupts.check(() -> stoppedAt(""));
      // 1. act: uniform in the box before learning starts, else a draw from the policy
      double[] action = step < learningStarts ? uniformAction() : sac.sample(obs, actionRng);
      // 2. step the env with the action clipped to its box (only a Gaussian can leave it)
      StepResult r = env.step(actionSpace.clip(action));
      // 3. store; only termination stops bootstrapping, truncation does not
      buffer.add(obs, action, r.reward(), r.observation(), r.terminated());
      episodeReturn += r.reward();
      episodeLength++;
      step++;
      // 4. one update per env step once past learning_starts
      if (step > learningStarts) {
        UpdateStats s = sac.update(buffer.sample(config.sac().batchSize(), updateRng), updateRng);
        stats.add(s);
      }
      // 5. episode bookkeeping
      if (r.done()) {
        trainRow();
        obs = env.reset();
      } else {
        obs = r.observation();
      }
      // 6. evaluation
      if (config.evalEvery() > 0 && step % config.evalEvery() == 0) {
        evaluate();
      }
      listener.onStep(step, total, lastReturn);
      // 7. checkpoint
      if ((config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0)
          || step == total) {
        checkpoint();
        listener.onCheckpoint(step);
      }
      if (step < total && listener.pauseRequested(step)) {
        if (checkpointStep != step) {
          checkpoint(); // a pause loses no work: the resume starts from this step
          listener.onCheckpoint(step);
        }
        break;
      }
      if (step < total && listener.stopRequested(step)) {
        break;
      }
    }
    return new RunSummary(step, step == total, lastDeterministic, lastStochastic);
  }

  private double[] uniformAction() {
    double[] a = new double[actionSpace.dim()];
    for (int j = 0; j < a.length; j++) {
      a[j] = actionRng.uniform(actionSpace.low(j), actionSpace.high(j));
    }
    return a;
  }

  private void trainRow() throws IOException {
    MetricsRow row = new MetricsRow("train", step, elapsedSeconds(), episodes, episodeReturn,
        episodeLength, stats.meanCriticLoss(), stats.meanActorLoss(), sac.alpha(),
        stats.meanEntropy(), stats.meanEffectiveComponents(), stats.meanMaxWeight());
    metrics.append(row);
    listener.onRow(row);
    lastReturn = episodeReturn;
    episodes++;
    episodeReturn = 0;
    episodeLength = 0;
    stats.clear();
  }

  /**
   * Runs evalEpisodes stochastic and then evalEpisodes deterministic episodes on a separate
   * env; both kinds start from the same states (seeds derived from the run seed and the
   * evaluation index), so their difference is due to the policy alone.
   */
  private void evaluate() throws IOException {
    RandomStream starts = RandomStream.of(config.seed()).child(EVAL_START_KEY).child(evaluations);
    long[] seeds = new long[config.evalEpisodes()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = starts.nextLong();
    }
    for (boolean deterministic : new boolean[] {false, true}) {
      double sumReturn = 0;
      double sumLength = 0;
      for (long seed : seeds) {
        double[] o = evalEnv.reset(seed);
        while (true) {
          Interrupts.check(() -> stoppedAt(" during the evaluation"));
          double[] a = deterministic ? sac.actDeterministic(o) : sac.act(o, evalRng);
          StepResult r = evalEnv.step(a);
          sumReturn += r.reward();
          sumLength++;
          o = r.observation();
          if (r.done()) {
            break;
          }
        }
      }
      double meanReturn = sumReturn / seeds.length;
      MetricsRow row = new MetricsRow(
          deterministic ? "eval_deterministic" : "eval_stochastic", step, elapsedSeconds(),
          evaluations, meanReturn, sumLength / seeds.length, Double.NaN, Double.NaN,
          sac.alpha(), Double.NaN, Double.NaN, Double.NaN);
      metrics.append(row);
      listener.onRow(row);
      if (deterministic) {
        lastDeterministic = meanReturn;
      } else {
        lastStochastic = meanReturn;
      }
    }
    evaluations++;
  }

  private void checkpoint() throws IOException {
    metrics.sync();
    try {
      Checkpoint.write(dir.resolve(CHECKPOINT_FILE), config.toJsonString(), state(), env, sac,
          buffer);
    } catch (ClosedByInterruptException e) {
      // An interrupt before or during the write closes its file channel: the temporary file
      // is dropped and the previous checkpoint stands (atomic replace).
      CancellationException c = Interrupts.cancelled(stoppedAt(" while writing its checkpoint"));
      c.initCause(e);
      throw c;
    }
    checkpointStep = step;
  }

  /**
   * Completes "interrupted ...": the step, the run directory and how to go on. Rows written
   * since the checkpoint stay in metrics.csv; resume cuts them and produces them again.
   */
  private String stoppedAt(String phase) {
    String at = "at step " + step + " of " + config.steps() + phase + " in " + dir;
    if (checkpointStep < 0) {
      return at + "; no checkpoint was written yet, so there is nothing to resume: start the"
          + " run again in an empty directory";
    }
    return at + "; the run directory holds the last checkpoint (step " + checkpointStep
        + "); resume with --resume (Trainer.resume)";
  }

  private double elapsedSeconds() {
    return elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
  }

  public RunConfig config() {
    return config;
  }

  /** Environment steps taken so far. */
  public long step() {
    return step;
  }

  public Sac agent() {
    return sac;
  }

  /** Step of the newest checkpoint on disk, -1 if none yet. */
  public long checkpointStep() {
    return checkpointStep;
  }

  /** The run directory. */
  public Path dir() {
    return dir;
  }

  /** Closes metrics.csv and releases the run's lock. */
  @Override
  public void close() throws IOException {
    try {
      if (metrics != null) {
        metrics.close();
      }
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }
}
