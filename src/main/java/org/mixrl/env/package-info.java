/**
 * Gymnasium-style classic-control environments with continuous actions: Pendulum,
 * MountainCarContinuous and a continuous-torque Acrobot as Gymnasium defines them, and the
 * unshaped and sparse variants of the GreedyAC / MirrorDescentRL experiments. One class per
 * system ({@link org.mixrl.env.Pendulum}, {@link org.mixrl.env.MountainCar},
 * {@link org.mixrl.env.Acrobot}); its {@link org.mixrl.env.RewardScheme} picks the task. Plus
 * {@link org.mixrl.env.MultiGoal}, a 2-D point mass with four goals whose action values are
 * multimodal (the task that motivated SAC's mixture policy).
 *
 * <p>Start from {@link org.mixrl.env.Envs#make(String)}; every env implements
 * {@link org.mixrl.env.Env} (reset, step, spaces, time limit, checkpoint state). Core package:
 * depends only on {@code java.*} and {@code org.mixrl.random}. See docs/environments.md.
 */
package org.mixrl.env;
