/**
 * a work transaction: the station it ran at, its units by position, and its events, process
 * values and checks.
 */
@NullMarked
package io.cfxtrace.query.transaction;

import org.jspecify.annotations.NullMarked;
