/** the query service's typed settings. */
@NullMarked
package io.cfxtrace.query.config;

import org.jspecify.annotations.NullMarked;
