package org.mixrl.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixrl.random.RandomStream;

class JsonTest {
  /** A random tree of objects, arrays, strings (with escapes), longs, doubles, booleans, null. */
  private static Object randomValue(RandomStream rng, int depth) {
    int kind = rng.nextInt(depth > 2 ? 5 : 7);
    switch (kind) {
      case 0:
        return rng.nextLong();
      case 1:
        return Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL)
            * (rng.nextDouble() < 0.5 ? -1 : 1);
      case 2: {
        StringBuilder sb = new StringBuilder();
        int n = rng.nextInt(8);
        for (int i = 0; i < n; i++) {
          String alphabet = "a\"\\\n\t\u0001é,:{}[]";
          sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
      }
      case 3:
        return rng.nextDouble() < 0.5;
      case 4:
        return null;
      case 5: {
        List<Object> l = new ArrayList<>();
        int n = rng.nextInt(4);
        for (int i = 0; i < n; i++) {
          l.add(randomValue(rng, depth + 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = rng.nextInt(4);
        for (int i = 0; i < n; i++) {
          m.put("k" + i + "\"", randomValue(rng, depth + 1));
        }
        return m;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void randomTreesRoundTripExactly(long seed) {
    Object v = randomValue(RandomStream.of(seed), 0);
    assertEquals(v, Json.parse(Json.write(v)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1,}|a string key", "[1 2]|']'", "{\"a\" 1}|':'", "tru|a value",
      "{\"a\": 1, \"a\": 2}|no duplicate key", "\"abc|a closing", "1 2|end of input"})
  void malformedInputNamesOffsetAndExpectation(String text, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("offset"),
        e.getMessage());
  }
}
