/** how failures reach HTTP clients: one JSON shape, {@code {"message": ...}}, per status. */
@NullMarked
package io.cfxtrace.query.web;

import org.jspecify.annotations.NullMarked;
