package org.mixrl.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks Jupyter messages: the signature is the lower-case hex HMAC of the header,
 * parent header, metadata and content frames, exactly as they travel (never re-serialized), so
 * a message verifies only if those bytes are the ones the key holder sent.
 */
final class MessageSigner {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_SIGNATURE = new byte[0];

  private final Mac mac; // null when unsigned

  private MessageSigner(Mac mac) {
    this.mac = mac;
  }

  /**
   * The signer for a connection file's {@code scheme} and {@code key}: {@code hmac-sha256}
   * (Jupyter's default) or another {@code hmac-<digest>} the JDK knows, or {@code none} with an
   * empty key.
   *
   * @throws IllegalArgumentException for any other scheme, or an empty key with an HMAC scheme
   */
  static MessageSigner of(String scheme, String key) {
    if (scheme.equals(ConnectionInfo.UNSIGNED)) {
      return new MessageSigner(null);
    }
    if (!scheme.startsWith("hmac-") || key.isEmpty()) {
      throw new IllegalArgumentException(
          "signature_scheme \"" + scheme + "\" with a " + (key.isEmpty() ? "empty" : "non-empty")
              + " key is not usable; expected hmac-sha256 (or another hmac-<digest>) with a key");
    }
    String algorithm = "Hmac" + scheme.substring("hmac-".length()).toUpperCase(Locale.ROOT);
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return new MessageSigner(mac);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "signature_scheme \"" + scheme + "\" is not supported by this JDK (" + e.getMessage() + ")", e);
    }
  }

  /** The signature frame for {@code parts} (header, parent, metadata, content): hex ASCII. */
  byte[] sign(List<byte[]> parts) {
    if (mac == null) {
      return NO_SIGNATURE;
    }
    byte[] digest;
    synchronized (mac) { // one Mac serves every channel thread; doFinal also resets it
      for (byte[] p : parts) {
        mac.update(p);
      }
      digest = mac.doFinal();
    }
    byte[] hex = new byte[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return hex;
  }

  /**
   * True if {@code signature} is the signature of {@code parts}. The comparison takes the same
   * time wherever the first differing byte is, so timing does not reveal a valid prefix.
   */
  boolean verifies(byte[] signature, List<byte[]> parts) {
    if (mac == null) {
      return true; // the connection file asked for unsigned messages
    }
    return MessageDigest.isEqual(sign(parts), signature);
  }
}
