/** CFX messages of topic {@code CFX.Materials.Management}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.materials.management;
