/** CFX messages of topic {@code CFX.Production.LoadingAndUnloading}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.production.loadingandunloading;
