package org.mixrl.policy;

import java.util.Locale;

/** The four policy classes of the paper, by their short names g, sg, gm, sgm. */
public enum PolicyClass {
  /** Gaussian. */
  G(false, false),
  /** Squashed Gaussian. */
  SG(true, false),
  /** Gaussian mixture. */
  GM(false, true),
  /** Squashed Gaussian mixture. */
  SGM(true, true);

  private final boolean squashed;
  private final boolean mixture;

  PolicyClass(boolean squashed, boolean mixture) {
    this.squashed = squashed;
    this.mixture = mixture;
  }

  public boolean squashed() {
    return squashed;
  }

  public boolean mixture() {
    return mixture;
  }

  /** Parses g, sg, gm or sgm (any case). */
  public static PolicyClass parse(String name) {
    for (PolicyClass c : values()) {
      if (c.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown policy class '" + name + "'; allowed: g, sg, gm, sgm");
  }

  public String shortName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
