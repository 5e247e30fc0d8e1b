package org.mixrl.verify;

import org.mixrl.random.RandomStream;

/** The random stream of one check on one case: derived from the root seed, the check and the case's spec only. */
final class Streams {
  private Streams() {}

  static RandomStream of(long seed, Check check, VerifyCase c) {
    return RandomStream.of(seed).child(check.ordinal() + 1L).child(c.spec().hashCode());
  }

  /** Why an estimator call failed, in one line. */
  static String thrown(RuntimeException e) {
    return "threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
