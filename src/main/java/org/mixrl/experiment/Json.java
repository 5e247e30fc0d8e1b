package org.mixrl.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON mixrl needs for {@code config.json}: objects (insertion-ordered maps), arrays,
 * strings, numbers, booleans and null. Numbers are written with {@link Double#toString} or
 * {@link Long#toString}, which read back to the same bits; integers parse as {@link Long},
 * other numbers as {@link Double}. Written by hand because the core has no dependencies.
 */
public final class Json {
  private Json() {}

  /** Pretty-printed JSON of {@code value} (two-space indent, trailing newline). */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Integer || v instanceof Long) {
      sb.append(((Number) v).longValue());
    } else if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON cannot hold the number " + d);
      }
      sb.append(d);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pad(sb, indent + 1);
        quote(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), indent + 1);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        write(sb, l.get(i), indent);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("JSON cannot hold a " + v.getClass().getName());
    }
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the position and what was expected
   */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipSpace();
    Object v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("end of input");
    }
    return v;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String expected) {
      String found = pos < s.length() ? "'" + s.charAt(pos) + "'" : "end of input";
      return new IllegalArgumentException(
          "JSON: expected " + expected + " at offset " + pos + ", found " + found);
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    Object value() {
      if (pos >= s.length()) {
        throw error("a value");
      }
      char c = s.charAt(pos);
      if (c == '{') {
        return object();
      } else if (c == '[') {
        return array();
      } else if (c == '"') {
        return string();
      } else if (s.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      } else if (s.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      } else if (s.startsWith("null", pos)) {
        pos += 4;
        return null;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      }
      throw error("a value");
    }

    Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("a string key");
        }
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        if (m.containsKey(key)) {
          throw error("no duplicate key (\"" + key + "\" appears twice)");
        }
        m.put(key, value());
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect('}');
        return m;
      }
    }

    List<Object> array() {
      List<Object> l = new ArrayList<>();
      pos++;
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return l;
      }
      while (true) {
        skipSpace();
        l.add(value());
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect(']');
        return l;
      }
    }

    void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw error("'" + c + "'");
      }
      pos++;
    }

    String string() {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (pos >= s.length()) {
          break;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("four hex digits");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("four hex digits");
            }
            pos += 4;
          }
          default -> {
            pos--;
            throw error("an escape character");
          }
        }
      }
      throw error("a closing '\"'");
    }

    Object number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      boolean integral = true;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c >= '0' && c <= '9') {
          pos++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
          integral = false;
          pos++;
        } else {
          break;
        }
      }
      String t = s.substring(start, pos);
      try {
        return integral ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
      } catch (NumberFormatException e) {
        pos = start;
        throw error("a number");
      }
    }
  }
}
