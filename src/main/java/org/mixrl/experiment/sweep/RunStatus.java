package org.mixrl.experiment.sweep;

/**
 * One run's state.
 *
 * @param id run id
 * @param state pending, running, done or failed
 * @param resumable whether its output holds a checkpoint to continue from
 * @param detail for failed runs the exit code and last error line; else empty
 */
public record RunStatus(String id, RunState state, boolean resumable, String detail) {}
