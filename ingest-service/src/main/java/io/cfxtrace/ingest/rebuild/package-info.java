/** {@code ./cfx rebuild}: the derived tables derived again from the raw log. */
@NullMarked
package io.cfxtrace.ingest.rebuild;

import org.jspecify.annotations.NullMarked;
