/** mixrl: entropy-regularized actor-critic with mixture policies. */
package org.mixrl;
