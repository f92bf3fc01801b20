/**
 * conflicts: a unit seen in two machines at once. Two of a unit's work windows (a work
 * transaction at its station, {@link io.cfxtrace.query.store.WorkWindows}) conflict when they are
 * at different stations and their times overlap; a board cannot be in two machines at the same
 * time, so one of the two records names the wrong board (a duplicated serial, a misread label, a
 * station that reused a transaction). The store keeps both as they were sent; the birth
 * certificate shows the pair and {@code GET /api/conflicts} lists them as data-quality evidence.
 */
@NullMarked
package io.cfxtrace.query.conflict;

import org.jspecify.annotations.NullMarked;
