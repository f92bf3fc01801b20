/**
 * interlocks (issue #15): cfx-trace answers ValidateUnitsRequest, ValidateStationSetupRequest and
 * ValidateOperatorRequest from its rules, its holds and the event store, at a CFX listener of the
 * query service ({@link io.cfxtrace.query.interlock.InterlockService}); holds are put and released
 * through {@code /api/holds}.
 */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.query.interlock;
