package io.cfxtrace.simulators.line;

import org.jspecify.annotations.Nullable;

/**
 * a component part number as the line stocks it.
 *
 * @param partNumber the internal part number (MaterialPackage.InternalPartNumber).
 * @param packageName the package (MaterialPackage.InternalPackageName), e.g. {@code 0402}.
 * @param reelQuantity components on a full reel.
 * @param tapeWidth the carrier tape width in mm.
 * @param testValue the value ICT measures at each of its designators, or null if ICT does not.
 * @param testUnit the unit of {@code testValue}.
 */
public record Part(String partNumber, String packageName, int reelQuantity, double tapeWidth, @Nullable Double testValue, @Nullable String testUnit) {}
