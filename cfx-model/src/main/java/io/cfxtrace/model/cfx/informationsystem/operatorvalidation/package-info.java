/** CFX messages of topic {@code CFX.InformationSystem.OperatorValidation}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.informationsystem.operatorvalidation;
