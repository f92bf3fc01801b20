/** CFX messages of topic {@code CFX.Production.TestAndInspection}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.testandinspection;
