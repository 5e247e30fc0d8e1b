package org.mixrl.deploy;

import java.io.IOException;

/**
 * A policy file that cannot be loaded: not a policy file, an unsupported format version,
 * truncated, corrupt (checksum mismatch) or inconsistent. No policy is ever half-loaded.
 */
public final class PolicyFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public PolicyFormatException(String message) {
    super(message);
  }
}
