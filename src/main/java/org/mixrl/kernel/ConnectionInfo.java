package org.mixrl.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Jupyter connection file tells the kernel: where to bind its five sockets and the key
 * that signs every message. Validated here, before any socket opens, so that a kernel never
 * starts in a state the file did not ask for.
 *
 * <p>An empty key means "accept unsigned messages from anyone who reaches the ports". The
 * kernel refuses it unless the file says so explicitly with {@code "signature_scheme": "none"}
 * (which Jupyter itself never writes); an empty key beside an {@code hmac-*} scheme is taken
 * as a mistake.
 *
 * @param transport always {@code tcp}
 * @param ip the address every socket binds to, exactly as the file gives it
 * @param key the HMAC key (empty only when {@code scheme} is {@code none})
 * @param scheme {@code hmac-sha256} and the like, or {@code none}
 */
public record ConnectionInfo(
    String transport,
    String ip,
    int shellPort,
    int controlPort,
    int stdinPort,
    int hbPort,
    int iopubPort,
    String key,
    String scheme) {

  /** The scheme that turns signing off; only valid together with an empty key. */
  public static final String UNSIGNED = "none";

  /** Jupyter's default when a file names no scheme. */
  static final String DEFAULT_SCHEME = "hmac-sha256";

  /** Reads and validates {@code file}; the message names the file and the offending field. */
  public static ConnectionInfo read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("connection file " + file + " does not exist");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("connection file " + file + " cannot be read: " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("connection file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates the text of a connection file. */
  public static ConnectionInfo parse(String json) {
    JsonObject o;
    try {
      JsonElement root = JsonParser.parseString(json);
      if (!root.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      o = root.getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Jupyter connection file (" + e.getMessage() + ")", e);
    }
    ConnectionInfo info =
        new ConnectionInfo(
            string(o, "transport", "tcp"),
            string(o, "ip", null),
            port(o, "shell_port"),
            port(o, "control_port"),
            port(o, "stdin_port"),
            port(o, "hb_port"),
            port(o, "iopub_port"),
            string(o, "key", ""),
            string(o, "signature_scheme", DEFAULT_SCHEME));
    info.validate();
    return info;
  }

  private void validate() {
    if (!transport.equals("tcp")) {
      throw new IllegalArgumentException("transport \"" + transport + "\" is not supported; only \"tcp\" is");
    }
    if (ip.isBlank()) {
      throw new IllegalArgumentException("ip is empty; Jupyter writes the address to bind, e.g. \"127.0.0.1\"");
    }
    Set<Integer> seen = new HashSet<>();
    for (int p : List.of(shellPort, controlPort, stdinPort, hbPort, iopubPort)) {
      if (!seen.add(p)) {
        throw new IllegalArgumentException("port " + p + " is named twice; each channel needs its own port");
      }
    }
    if (scheme.equals(UNSIGNED)) {
      if (!key.isEmpty()) {
        throw new IllegalArgumentException(
            "signature_scheme \"none\" with a non-empty key: say either which HMAC to use or that messages are unsigned");
      }
    } else if (key.isEmpty()) {
      throw new IllegalArgumentException(
          "the key is empty, so any local process could run code in the kernel; write"
              + " \"signature_scheme\": \"none\" to allow unsigned messages explicitly");
    } else {
      MessageSigner.of(scheme, key); // fails now, naming the scheme, if the JDK lacks it
    }
  }

  /** True when messages carry no signature and none is checked. */
  public boolean unsigned() {
    return scheme.equals(UNSIGNED);
  }

  /** True when {@link #ip} listens on every interface, i.e. other machines may reach the kernel. */
  public boolean bindsEverywhere() {
    return ip.equals("*") || ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]");
  }

  /** The ZeroMQ endpoint of {@code port} on {@link #ip}. */
  public String endpoint(int port) {
    boolean ipv6 = ip.contains(":") && !ip.startsWith("[");
    return transport + "://" + (ipv6 ? "[" + ip + "]" : ip) + ":" + port;
  }

  /** Everything but the key, which must not reach a log. */
  @Override
  public String toString() {
    return "ConnectionInfo[" + endpoint(shellPort) + " (shell), control " + controlPort + ", stdin "
        + stdinPort + ", hb " + hbPort + ", iopub " + iopubPort + ", scheme " + scheme + "]";
  }

  private static String string(JsonObject o, String field, String fallback) {
    JsonElement e = o.get(field);
    if (e == null || e.isJsonNull()) {
      if (fallback == null) {
        throw new IllegalArgumentException("field \"" + field + "\" is missing");
      }
      return fallback;
    }
    if (!(e instanceof JsonPrimitive p) || !p.isString()) {
      throw new IllegalArgumentException("field \"" + field + "\" is " + e + "; a string is required");
    }
    return p.getAsString();
  }

  private static int port(JsonObject o, String field) {
    JsonElement e = o.get(field);
    if (e == null || !(e instanceof JsonPrimitive p) || !p.isNumber()) {
      throw new IllegalArgumentException("field \"" + field + "\" is " + e + "; a port number is required");
    }
    double v = p.getAsDouble();
    if (v != Math.rint(v) || v < 1 || v > 65535) {
      throw new IllegalArgumentException("field \"" + field + "\" is " + e + "; a port in 1..65535 is required");
    }
    return (int) v;
  }
}
