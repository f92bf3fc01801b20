/** CFX messages of topic {@code CFX.Production.ReworkAndRepair}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.reworkandrepair;
