package org.mixrl.verify;

/**
 * The outcome of one check on one case.
 *
 * @param check which check
 * @param caseSpec the case's {@link VerifyCase#spec()}
 * @param passed whether it passed
 * @param detail what was measured (for a failure: what went wrong)
 */
public record CheckResult(Check check, String caseSpec, boolean passed, String detail) {}
