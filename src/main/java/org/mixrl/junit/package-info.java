/**
 * Front end: the verification kit ({@code org.mixrl.verify}) as JUnit 5 dynamic tests. Uses
 * junit-jupiter-api, an optional dependency, so the core stays java.base-only.
 */
package org.mixrl.junit;
