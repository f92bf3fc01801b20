/** CFX messages of topic {@code CFX.Production.Application}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.application;
