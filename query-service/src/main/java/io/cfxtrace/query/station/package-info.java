/**
 * the timeline of a station: its unit events, state changes and faults, operator logins and
 * logouts, and material setup changes, merged into one time-ordered list.
 */
@NullMarked
package io.cfxtrace.query.station;

import org.jspecify.annotations.NullMarked;
