/** CFX messages of the root topic {@code CFX}, the model catalogue and unknown structures. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx;
