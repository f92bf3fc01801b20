/**
 * CFX scalar values that must survive a round trip exactly: .NET date-times and time-spans with
 * their original text, and enum values that may be unknown to this version.
 */
@NullMarked
package io.cfxtrace.model.value;

import org.jspecify.annotations.NullMarked;
