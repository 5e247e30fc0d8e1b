/**
 * Run directories: {@code config.json}, {@code metrics.csv} and an atomically replaced,
 * checksummed checkpoint holding every piece of state, so that a run can be resumed and
 * finish exactly as if it had never stopped. Core package: only {@code java.*} and
 * {@code org.mixrl.*}; it never prints and never exits.
 */
package org.mixrl.experiment;
