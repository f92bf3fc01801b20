/** CFX messages of topic {@code CFX.Production.Assembly}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.assembly;
