/** CFX messages of topic {@code CFX.Sensor.Identification}. */
@org.jspecify.annotations.NullMarked
package io.cfxtrace.model.cfx.sensor.identification;
