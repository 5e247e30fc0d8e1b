package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run directory looks like to others (issue 16): files readable as the umask allows,
 * no temporary files left by a killed writer, one writer at a time, and a run that cannot fit
 * in the heap refused before it creates anything.
 */
class RunDirectoryHygieneTest {
  @TempDir Path tmp;

  /** The permissions the umask gives a plain new file in {@code dir}. */
  private static Set<PosixFilePermission> umaskPermissions(Path dir) throws IOException {
    Path probe = Files.createFile(dir.resolve("probe"));
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(probe);
    Files.delete(probe);
    return p;
  }

  @Test
  void everyFileOfARunGetsTheUmaskPermissionsAlsoAfterAResume() throws IOException {
    Set<PosixFilePermission> expected = umaskPermissions(tmp);
    // under umask 077 this test could not tell 0600 from the umask; make it say so
    assertTrue(expected.contains(PosixFilePermission.GROUP_READ),
        "run the tests under a umask that lets the group read (e.g. 022): " + expected);
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    Path run = tmp.resolve("run");
    try (Trainer t = Trainer.start(run, c)) {
      t.run(new TrainingListener() {
        @Override
        public boolean stopRequested(long step) {
          return step == 70;
        }
      });
    }
    try (Trainer t = Trainer.resume(run, c)) {
      t.run(TrainingListener.NONE);
    }
    for (String f : List.of(Trainer.CONFIG_FILE, Trainer.METRICS_FILE, Trainer.CHECKPOINT_FILE)) {
      assertEquals(expected, Files.getPosixFilePermissions(run.resolve(f)), f);
    }
  }

  @Test
  void atomicWritesGetTheUmaskPermissions() throws IOException {
    Path f = tmp.resolve("done.json");
    AtomicFiles.write(f, "{}");
    assertEquals(umaskPermissions(tmp), Files.getPosixFilePermissions(f));
  }

  @Test
  void staleTemporaryFilesOfAKilledWriteAreDeletedOnResumeAndOnStart() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    Path run = tmp.resolve("run");
    RunFixtures.runToEnd(run, c);
    Path staleCheckpoint = Files.writeString(run.resolve(".checkpoint.bin.12345.tmp"), "half");
    Path staleConfig = Files.writeString(run.resolve(".config.json.99.tmp"), "half");
    Path unrelated = Files.writeString(run.resolve("notes.tmp"), "mine");
    try (Trainer t = Trainer.resume(run, c)) {
      assertFalse(Files.exists(staleCheckpoint));
      assertFalse(Files.exists(staleConfig));
      assertTrue(Files.exists(unrelated), "only our own temporary files go");
    }
    Path fresh = tmp.resolve("fresh");
    Files.createDirectories(fresh);
    Path left = Files.writeString(fresh.resolve(".checkpoint.bin.7.tmp"), "half");
    try (Trainer t = Trainer.start(fresh, c)) {
      assertFalse(Files.exists(left));
    }
  }

  @Test
  void aRunBeingWrittenCannotBeResumedByASecondWriter() throws IOException {
    RunConfig c = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    Path run = tmp.resolve("run");
    RunFixtures.runToEnd(run, c);
    try (Trainer first = Trainer.resume(run, c)) {
      IOException e = assertThrows(IOException.class, () -> Trainer.resume(run, c));
      assertTrue(e.getMessage().contains("being written by another process"), e.getMessage());
    }
    try (Trainer again = Trainer.resume(run, c)) {
      assertEquals(100, again.step(), "the lock is released on close");
    }
  }

  @Test
  void aRunTooLargeForTheHeapIsRefusedBeforeItCreatesItsDirectory() {
    RunConfig small = RunFixtures.tiny("sg", 1, "rp", 100, 3);
    RunConfig huge = new RunConfig(small.env(), 3, 100, 100, 1, 50,
        small.sac().toBuilder().batchSize(100_000_000).build());
    Path run = tmp.resolve("huge");
    // 1e8 rows x (16 hidden units x 3 networks + a transition) x 8 bytes > 40 GB
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemoryCheck.check(huge, 32L << 30));
    assertTrue(e.getMessage().contains("batch_size 100000000")
        && e.getMessage().contains("-Xmx"), e.getMessage());
    MemoryCheck.check(small, 32L << 30); // the tiny run fits
    if (Runtime.getRuntime().maxMemory() < 40e9) {
      assertThrows(IllegalArgumentException.class, () -> Trainer.start(run, huge));
      assertFalse(Files.exists(run), "nothing is created");
    }
  }
}
