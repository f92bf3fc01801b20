/**
 * The closed registry of CFX names: every message name of CFX 2.1 and every modelled {@code $type}
 * map to a Java class through one explicit table ({@code CfxCatalog}), never through {@code
 * Class.forName} on a string from the wire.
 */
@NullMarked
package io.cfxtrace.model.registry;

import org.jspecify.annotations.NullMarked;
