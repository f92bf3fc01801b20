/** read-only access to the event store over JDBC. */
@NullMarked
package io.cfxtrace.query.store;

import org.jspecify.annotations.NullMarked;
