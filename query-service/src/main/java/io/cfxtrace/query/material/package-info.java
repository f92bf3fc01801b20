/**
 * where-used: the units that contain a material package (reel) or a lot, exactly (the station
 * said so) or by inference (the unit was processed at a station while the package sat there).
 */
@NullMarked
package io.cfxtrace.query.material;

import org.jspecify.annotations.NullMarked;
