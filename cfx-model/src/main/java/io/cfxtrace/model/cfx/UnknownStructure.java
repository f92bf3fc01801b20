package io.cfxtrace.model.cfx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cfxtrace.model.CfxRecord;
import io.cfxtrace.model.Immutables;
import io.cfxtrace.model.cfx.structures.Activity;
import io.cfxtrace.model.cfx.structures.ComponentElectricalTest;
import io.cfxtrace.model.cfx.structures.ComponentOpticalTest;
import io.cfxtrace.model.cfx.structures.ComponentPressureTest;
import io.cfxtrace.model.cfx.structures.Endpoint;
import io.cfxtrace.model.cfx.structures.EnvironmentalCondition;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.LocationDetail;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import io.cfxtrace.model.cfx.structures.MaterialPackageData;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NonInstalledComponent;
import io.cfxtrace.model.cfx.structures.PackagingInfo;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.Recipe;
import io.cfxtrace.model.cfx.structures.RecipeStageInformation;
import io.cfxtrace.model.cfx.structures.RejectionDetails;
import io.cfxtrace.model.cfx.structures.ResourceInformation;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.StageInformation;
import io.cfxtrace.model.cfx.structures.UnitAlignmentActivity;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.pcbinspection.Value;
import java.util.Map;
import java.util.Objects;

/**
 * a structure whose {@code $type} this version does not model, for example a subclass from a CFX
 * namespace that is carried generically.
 *
 * @param typeName the {@code $type} text as received, for example {@code
 *     "CFX.Structures.Coating.CoatingNozzle, CFX"}.
 * @param extensions all its other members, in wire order.
 */
public record UnknownStructure(String typeName, Map<String, JsonNode> extensions)
    implements CfxRecord,
        Activity,
        ComponentElectricalTest,
        ComponentOpticalTest,
        ComponentPressureTest,
        Endpoint,
        EnvironmentalCondition,
        Fault,
        InstalledComponent,
        InstalledMaterial,
        LocationDetail,
        MaterialCarrier,
        MaterialPackageData,
        Measurement,
        NonInstalledComponent,
        PackagingInfo,
        ProcessData,
        Recipe,
        RecipeStageInformation,
        RejectionDetails,
        ResourceInformation,
        Stage,
        StageInformation,
        UnitAlignmentActivity,
        UnitPosition,
        Value {

  /** checks the type name and copies the members. */
  public UnknownStructure {
    Objects.requireNonNull(typeName, "typeName");
    extensions = Immutables.extensions(extensions);
  }
}
