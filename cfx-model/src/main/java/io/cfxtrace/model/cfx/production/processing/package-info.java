/** CFX messages of topic {@code CFX.Production.Processing}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.processing;
