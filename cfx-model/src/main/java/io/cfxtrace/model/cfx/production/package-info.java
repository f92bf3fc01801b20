/** CFX messages of topic {@code CFX.Production}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production;
