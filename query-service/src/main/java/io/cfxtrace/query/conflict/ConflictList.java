package io.cfxtrace.query.conflict;

import java.time.Instant;
import java.util.List;

/**
 * the conflicts whose overlap began within {@code [from, to)}, one page of them.
 *
 * @param from the start of the range (inclusive).
 * @param to the end of the range (exclusive).
 * @param limit the most conflicts on a page.
 * @param offset how many conflicts of the range come before this page.
 * @param truncated whether more conflicts follow: the next page is the same range at {@code
 *     offset + limit}.
 * @param conflicts the page, in the order the overlaps began (then by unit, stations and
 *     transactions).
 */
public record ConflictList(Instant from, Instant to, int limit, int offset, boolean truncated, List<Conflict> conflicts) {}
