/** the live feed of stored envelopes, as Server-Sent Events. */
@NullMarked
package io.cfxtrace.query.feed;

import org.jspecify.annotations.NullMarked;
