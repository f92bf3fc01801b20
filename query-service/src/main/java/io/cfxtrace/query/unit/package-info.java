/**
 * the birth certificate of a unit: everything the event store knows about one board, gathered
 * under its serial and the provisional {@code <panel>#<position>} keys aliased to it.
 */
@NullMarked
package io.cfxtrace.query.unit;

import org.jspecify.annotations.NullMarked;
