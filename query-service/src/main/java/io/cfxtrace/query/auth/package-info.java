/** bearer-token access to the API ({@code cfx.query.auth}). */
@NullMarked
package io.cfxtrace.query.auth;

import org.jspecify.annotations.NullMarked;
