/** CFX messages of topic {@code CFX.Materials.Storage}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.materials.storage;
