/**
 * Sweeps: a grid of settings × seeds planned into one run directory per combination, executed
 * by a local process pool or by Slurm array tasks under a per-run lock, and collected into
 * per-run and per-group statistics. Core package: only {@code java.*} and {@code org.mixrl.*};
 * it never prints and never exits. Layout and semantics: docs/sweeps.md.
 */
package org.mixrl.experiment.sweep;
