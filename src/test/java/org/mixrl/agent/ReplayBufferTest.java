package org.mixrl.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixrl.nn.BinaryRecordReader;
import org.mixrl.nn.BinaryRecordWriter;
import org.mixrl.nn.RecordFileException;
import org.mixrl.random.RandomStream;

class ReplayBufferTest {
  @TempDir Path tmp;

  /** Transition i is (obs=[i, -i], action=[2i], reward=i, next=[i+1, -i-1], terminated=i%3==0). */
  private static void fill(ReplayBuffer b, int from, int to) {
    for (int i = from; i < to; i++) {
      b.add(new double[] {i, -i}, new double[] {2 * i}, i, new double[] {i + 1, -i - 1},
          i % 3 == 0);
    }
  }

  @ParameterizedTest
  @CsvSource({"1,5", "7,3", "7,7", "7,20", "16,100"})
  void samplesOnlyTheNewestCapacityTransitionsAndKeepsThemWhole(int capacity, int added) {
    ReplayBuffer b = new ReplayBuffer(capacity, 2, 1);
    fill(b, 0, added);
    assertEquals(Math.min(capacity, added), b.size());
    ReplayBuffer.Batch batch = b.sample(200, RandomStream.of(capacity * 31L + added));
    Set<Integer> seen = new HashSet<>();
    for (int j = 0; j < 200; j++) {
      int i = (int) batch.rewards().data()[j];
      assertTrue(i >= added - Math.min(capacity, added) && i < added, "stale transition " + i);
      assertEquals(i, batch.obs().data()[2 * j]);
      assertEquals(-i, batch.obs().data()[2 * j + 1]);
      assertEquals(2 * i, batch.actions().data()[j]);
      assertEquals(i + 1, batch.nextObs().data()[2 * j]);
      assertEquals(i % 3 == 0 ? 1.0 : 0.0, batch.terminated().data()[j]);
      seen.add(i);
    }
    assertEquals(Math.min(capacity, added), seen.size(), "200 draws reach every stored index");
  }

  @ParameterizedTest
  @CsvSource({"5,3,1", "5,12,2", "9,9,3"})
  void stateRoundTripsAndSamplesIdentically(int capacity, int added, long seed)
      throws IOException {
    ReplayBuffer b = new ReplayBuffer(capacity, 2, 1);
    fill(b, 0, added);
    Path f = tmp.resolve("buf");
    BinaryRecordWriter.writeAtomically(f, "TESTRB", 1, b::write);
    ReplayBuffer c = new ReplayBuffer(capacity, 2, 1);
    BinaryRecordReader in = BinaryRecordReader.open(f, "TESTRB", "test buffer", 1);
    c.readInto(in);
    in.expectEnd();
    assertEquals(b.size(), c.size());
    ReplayBuffer.Batch x = b.sample(50, RandomStream.of(seed));
    ReplayBuffer.Batch y = c.sample(50, RandomStream.of(seed));
    assertArrayEquals(x.obs().data(), y.obs().data());
    assertArrayEquals(x.actions().data(), y.actions().data());
    assertArrayEquals(x.terminated().data(), y.terminated().data());
    // and both continue the ring at the same place
    fill(b, added, added + 2);
    fill(c, added, added + 2);
    assertArrayEquals(b.sample(50, RandomStream.of(seed)).rewards().data(),
        c.sample(50, RandomStream.of(seed)).rewards().data());
  }

  @ParameterizedTest
  @CsvSource({"4", "6"})
  void stateOfAnotherCapacityIsRefused(int otherCapacity) throws IOException {
    ReplayBuffer b = new ReplayBuffer(5, 2, 1);
    fill(b, 0, 3);
    Path f = tmp.resolve("buf");
    BinaryRecordWriter.writeAtomically(f, "TESTRB", 1, b::write);
    ReplayBuffer c = new ReplayBuffer(otherCapacity, 2, 1);
    BinaryRecordReader in = BinaryRecordReader.open(f, "TESTRB", "test buffer", 1);
    RecordFileException e = assertThrows(RecordFileException.class, () -> c.readInto(in));
    assertTrue(e.getMessage().contains("capacity 5"), e.getMessage());
    assertEquals(0, c.size());
  }
}
