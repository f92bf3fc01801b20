/** CFX messages of topic {@code CFX.InformationSystem.UnitValidation}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.informationsystem.unitvalidation;
