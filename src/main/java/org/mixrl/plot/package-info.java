/**
 * Figures rendered off-screen to PNG with XChart (an optional dependency): learning curves
 * with confidence bands and per-method intervals. Front end: never used by the core.
 */
package org.mixrl.plot;
