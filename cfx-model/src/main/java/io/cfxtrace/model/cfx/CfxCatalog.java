package io.cfxtrace.model.cfx;

import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorRequest;
import io.cfxtrace.model.cfx.informationsystem.operatorvalidation.ValidateOperatorResponse;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.materials.management.MaterialsConsumed;
import io.cfxtrace.model.cfx.materials.management.MaterialsInitialized;
import io.cfxtrace.model.cfx.materials.management.MaterialsJoined;
import io.cfxtrace.model.cfx.materials.management.MaterialsModified;
import io.cfxtrace.model.cfx.materials.management.MaterialsRetired;
import io.cfxtrace.model.cfx.materials.management.MaterialsSplit;
import io.cfxtrace.model.cfx.materials.storage.MaterialCarriersLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialCarriersUnloaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsEmpty;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.cfx.materials.storage.MaterialsUnloaded;
import io.cfxtrace.model.cfx.materials.storage.SplicePointDetected;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupRequest;
import io.cfxtrace.model.cfx.materials.storage.ValidateStationSetupResponse;
import io.cfxtrace.model.cfx.production.ActivitiesExecuted;
import io.cfxtrace.model.cfx.production.OperatorActivated;
import io.cfxtrace.model.cfx.production.OperatorDeactivated;
import io.cfxtrace.model.cfx.production.ReadingsRecorded;
import io.cfxtrace.model.cfx.production.RecipeActivated;
import io.cfxtrace.model.cfx.production.UnitsArrived;
import io.cfxtrace.model.cfx.production.UnitsDeparted;
import io.cfxtrace.model.cfx.production.UnitsDisqualified;
import io.cfxtrace.model.cfx.production.UnitsInitialized;
import io.cfxtrace.model.cfx.production.WorkCompleted;
import io.cfxtrace.model.cfx.production.WorkStageCompleted;
import io.cfxtrace.model.cfx.production.WorkStagePaused;
import io.cfxtrace.model.cfx.production.WorkStageResumed;
import io.cfxtrace.model.cfx.production.WorkStageStarted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.application.MaterialsApplied;
import io.cfxtrace.model.cfx.production.application.MaterialsUnapplied;
import io.cfxtrace.model.cfx.production.assembly.MaterialsInstalled;
import io.cfxtrace.model.cfx.production.assembly.MaterialsUninstalled;
import io.cfxtrace.model.cfx.production.assembly.UnitsPersonalized;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsLoaded;
import io.cfxtrace.model.cfx.production.loadingandunloading.UnitsUnloaded;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.production.reworkandrepair.UnitsRepaired;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsInspected;
import io.cfxtrace.model.cfx.production.testandinspection.UnitsTested;
import io.cfxtrace.model.cfx.resourceperformance.FaultAcknowledged;
import io.cfxtrace.model.cfx.resourceperformance.FaultCleared;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.resourceperformance.StationOffline;
import io.cfxtrace.model.cfx.resourceperformance.StationOnline;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.resourceperformance.smtplacement.ComponentsPlaced;
import io.cfxtrace.model.cfx.sensor.identification.IdentifiersRead;
import io.cfxtrace.model.cfx.structures.ActiveRecipe;
import io.cfxtrace.model.cfx.structures.Activity;
import io.cfxtrace.model.cfx.structures.AppliedComponent;
import io.cfxtrace.model.cfx.structures.AppliedMaterial;
import io.cfxtrace.model.cfx.structures.BadElectricalTestRejectionDetails;
import io.cfxtrace.model.cfx.structures.BadOpticalTestRejectionDetails;
import io.cfxtrace.model.cfx.structures.BadPressureTestRejectionDetails;
import io.cfxtrace.model.cfx.structures.BasicActivity;
import io.cfxtrace.model.cfx.structures.BasicComponentElectricalTest;
import io.cfxtrace.model.cfx.structures.BasicComponentOpticalTest;
import io.cfxtrace.model.cfx.structures.BasicComponentPressureTest;
import io.cfxtrace.model.cfx.structures.BasicEndpoint;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.BasicInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicInstalledMaterial;
import io.cfxtrace.model.cfx.structures.BasicLocationDetail;
import io.cfxtrace.model.cfx.structures.BasicMaterialCarrier;
import io.cfxtrace.model.cfx.structures.BasicNonInstalledComponent;
import io.cfxtrace.model.cfx.structures.BasicPackagingInfo;
import io.cfxtrace.model.cfx.structures.BasicProcessData;
import io.cfxtrace.model.cfx.structures.BasicRecipe;
import io.cfxtrace.model.cfx.structures.BasicRecipeStageInformation;
import io.cfxtrace.model.cfx.structures.BasicResourceInformation;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.BasicStageInformation;
import io.cfxtrace.model.cfx.structures.BasicUnitAlignmentActivity;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.BooleanMeasurement;
import io.cfxtrace.model.cfx.structures.Camera;
import io.cfxtrace.model.cfx.structures.Characteristic;
import io.cfxtrace.model.cfx.structures.ComponentDesignator;
import io.cfxtrace.model.cfx.structures.ComponentElectricalTest;
import io.cfxtrace.model.cfx.structures.ComponentOpticalTest;
import io.cfxtrace.model.cfx.structures.ComponentPressureTest;
import io.cfxtrace.model.cfx.structures.ComponentTests;
import io.cfxtrace.model.cfx.structures.ComponentVisionAnalysisTest;
import io.cfxtrace.model.cfx.structures.ComponentVisionTest;
import io.cfxtrace.model.cfx.structures.ConsumedMaterial;
import io.cfxtrace.model.cfx.structures.Conveyor;
import io.cfxtrace.model.cfx.structures.Defect;
import io.cfxtrace.model.cfx.structures.DimensionalConstraints;
import io.cfxtrace.model.cfx.structures.ElectricCard;
import io.cfxtrace.model.cfx.structures.Endpoint;
import io.cfxtrace.model.cfx.structures.EnvironmentalCondition;
import io.cfxtrace.model.cfx.structures.Fault;
import io.cfxtrace.model.cfx.structures.FiducialInfo;
import io.cfxtrace.model.cfx.structures.Gantry;
import io.cfxtrace.model.cfx.structures.GenericParameter;
import io.cfxtrace.model.cfx.structures.Head;
import io.cfxtrace.model.cfx.structures.HermesInformation;
import io.cfxtrace.model.cfx.structures.Humidity;
import io.cfxtrace.model.cfx.structures.Image;
import io.cfxtrace.model.cfx.structures.InspectedPanel;
import io.cfxtrace.model.cfx.structures.InspectedUnit;
import io.cfxtrace.model.cfx.structures.Inspection;
import io.cfxtrace.model.cfx.structures.InstalledComponent;
import io.cfxtrace.model.cfx.structures.InstalledMaterial;
import io.cfxtrace.model.cfx.structures.LocationDetail;
import io.cfxtrace.model.cfx.structures.MaintenanceStatus;
import io.cfxtrace.model.cfx.structures.MaterialCarrier;
import io.cfxtrace.model.cfx.structures.MaterialCarrierLocation;
import io.cfxtrace.model.cfx.structures.MaterialLocation;
import io.cfxtrace.model.cfx.structures.MaterialPackage;
import io.cfxtrace.model.cfx.structures.MaterialPackageData;
import io.cfxtrace.model.cfx.structures.MaterialPackageDetail;
import io.cfxtrace.model.cfx.structures.MaterialPackageMSDData;
import io.cfxtrace.model.cfx.structures.MaterialSetupRequirement;
import io.cfxtrace.model.cfx.structures.Measurement;
import io.cfxtrace.model.cfx.structures.NonInstalledComponent;
import io.cfxtrace.model.cfx.structures.NumericMeasurement;
import io.cfxtrace.model.cfx.structures.NumericValue;
import io.cfxtrace.model.cfx.structures.OperatingRequirements;
import io.cfxtrace.model.cfx.structures.Operator;
import io.cfxtrace.model.cfx.structures.PackagingInfo;
import io.cfxtrace.model.cfx.structures.PerformanceImpact;
import io.cfxtrace.model.cfx.structures.PersonalizedUnit;
import io.cfxtrace.model.cfx.structures.ProcessData;
import io.cfxtrace.model.cfx.structures.ProcessedUnit;
import io.cfxtrace.model.cfx.structures.Reading;
import io.cfxtrace.model.cfx.structures.Recipe;
import io.cfxtrace.model.cfx.structures.RecipeIdentifier;
import io.cfxtrace.model.cfx.structures.RecipeStageInformation;
import io.cfxtrace.model.cfx.structures.Region;
import io.cfxtrace.model.cfx.structures.RejectionDetails;
import io.cfxtrace.model.cfx.structures.Repair;
import io.cfxtrace.model.cfx.structures.RepairedUnit;
import io.cfxtrace.model.cfx.structures.RequestResult;
import io.cfxtrace.model.cfx.structures.Resource;
import io.cfxtrace.model.cfx.structures.ResourceInformation;
import io.cfxtrace.model.cfx.structures.ResourceLocation;
import io.cfxtrace.model.cfx.structures.RotationAxis;
import io.cfxtrace.model.cfx.structures.SMTRecipeStageInformation;
import io.cfxtrace.model.cfx.structures.SamplingInformation;
import io.cfxtrace.model.cfx.structures.Segment;
import io.cfxtrace.model.cfx.structures.ShelfLocation;
import io.cfxtrace.model.cfx.structures.SleepState;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.StageInformation;
import io.cfxtrace.model.cfx.structures.StationSetupRequirements;
import io.cfxtrace.model.cfx.structures.SupportedTopic;
import io.cfxtrace.model.cfx.structures.Symptom;
import io.cfxtrace.model.cfx.structures.Temperature;
import io.cfxtrace.model.cfx.structures.Test;
import io.cfxtrace.model.cfx.structures.TestedUnit;
import io.cfxtrace.model.cfx.structures.TextMeasurement;
import io.cfxtrace.model.cfx.structures.ToolSetupRequirement;
import io.cfxtrace.model.cfx.structures.UninstalledMaterial;
import io.cfxtrace.model.cfx.structures.UnitAlignmentActivity;
import io.cfxtrace.model.cfx.structures.UnitConveyingActivity;
import io.cfxtrace.model.cfx.structures.UnitInfo;
import io.cfxtrace.model.cfx.structures.UnitLoadActivity;
import io.cfxtrace.model.cfx.structures.UnitPosition;
import io.cfxtrace.model.cfx.structures.UnitUnloadActivity;
import io.cfxtrace.model.cfx.structures.VacuumPump;
import io.cfxtrace.model.cfx.structures.ValidationResult;
import io.cfxtrace.model.cfx.structures.WorkOrderIdentifier;
import io.cfxtrace.model.cfx.structures.generic.GenericProcessData;
import io.cfxtrace.model.cfx.structures.generic.GenericStageData;
import io.cfxtrace.model.cfx.structures.generic.GenericValue;
import io.cfxtrace.model.cfx.structures.geometry.Vector3;
import io.cfxtrace.model.cfx.structures.pcbinspection.BasicValue;
import io.cfxtrace.model.cfx.structures.pcbinspection.Board;
import io.cfxtrace.model.cfx.structures.pcbinspection.Component;
import io.cfxtrace.model.cfx.structures.pcbinspection.Feature;
import io.cfxtrace.model.cfx.structures.pcbinspection.Fiducial;
import io.cfxtrace.model.cfx.structures.pcbinspection.FloatValue;
import io.cfxtrace.model.cfx.structures.pcbinspection.IntValue;
import io.cfxtrace.model.cfx.structures.pcbinspection.OffsetMeasurement;
import io.cfxtrace.model.cfx.structures.pcbinspection.PCBInspectionRecipe;
import io.cfxtrace.model.cfx.structures.pcbinspection.Panel;
import io.cfxtrace.model.cfx.structures.pcbinspection.Pin;
import io.cfxtrace.model.cfx.structures.pcbinspection.StringValue;
import io.cfxtrace.model.cfx.structures.pcbinspection.Value;
import io.cfxtrace.model.cfx.structures.reflowprofiling.ReflowProfilingProcessData;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDBulkCaseFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDMultiTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTapePackagingInfo;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTrayPackagingInfo;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTubeFeeder;
import io.cfxtrace.model.cfx.structures.smtplacement.SMDTubePackagingInfo;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadAndNozzle;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadInformation;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTHeadResource;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTInstalledComponent;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTLaneInformation;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNonInstalledComponent;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChangeActivity;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChanger;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTNozzleChangerPocket;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementActivity;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementConstraints;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementEndpoint;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementFault;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTStageInformation;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTTable;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTTapeCutter;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTUnitAlignmentActivity;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionItem;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementExpected;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionMeasurementLean;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.InspectionStep;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteInspectionRecipe;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.SolderPasteMeasurement;
import io.cfxtrace.model.cfx.structures.solderpasteinspection.UnitToInspect;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.PeriodicCleaning;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SMTSolderPastePrintingFault;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Separation;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingPCBProcessData;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.SolderPastePrintingRecipe;
import io.cfxtrace.model.cfx.structures.solderpasteprinting.Stroke;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowOvenFault;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowReading;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowSetPoint;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZone;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowZoneData;
import io.cfxtrace.model.registry.FamilyEntry;
import io.cfxtrace.model.registry.MessageEntry;
import io.cfxtrace.model.registry.TypeEntry;
import java.util.List;

/**
 * the closed catalogue of the CFX 2.1 data model: every message name, the .NET type names of the
 * generated records, and the polymorphic families.
 */
public final class CfxCatalog {

  private static final List<MessageEntry> MESSAGES =
      List.of(
          MessageEntry.typed("CFX.AreYouThereRequest", AreYouThereRequest.class),
          MessageEntry.typed("CFX.AreYouThereResponse", AreYouThereResponse.class),
          MessageEntry.typed("CFX.EndpointConnected", EndpointConnected.class),
          MessageEntry.typed("CFX.EndpointShuttingDown", EndpointShuttingDown.class),
          MessageEntry.typed("CFX.GetEndpointInformationRequest", GetEndpointInformationRequest.class),
          MessageEntry.typed("CFX.GetEndpointInformationResponse", GetEndpointInformationResponse.class),
          MessageEntry.typed("CFX.Heartbeat", Heartbeat.class),
          MessageEntry.generic("CFX.InformationSystem.DataTransfer.FileTransferRequest"),
          MessageEntry.generic("CFX.InformationSystem.DataTransfer.FileTransferResponse"),
          MessageEntry.typed("CFX.InformationSystem.OperatorValidation.ValidateOperatorRequest", ValidateOperatorRequest.class),
          MessageEntry.typed("CFX.InformationSystem.OperatorValidation.ValidateOperatorResponse", ValidateOperatorResponse.class),
          MessageEntry.generic("CFX.InformationSystem.ProductionScheduling.WorkOrdersScheduled"),
          MessageEntry.generic("CFX.InformationSystem.ProductionScheduling.WorkOrdersUnscheduled"),
          MessageEntry.generic("CFX.InformationSystem.TopicValidation.ValidateTopicRequest"),
          MessageEntry.generic("CFX.InformationSystem.TopicValidation.ValidateTopicResponse"),
          MessageEntry.typed("CFX.InformationSystem.UnitValidation.ValidateUnitsRequest", ValidateUnitsRequest.class),
          MessageEntry.typed("CFX.InformationSystem.UnitValidation.ValidateUnitsResponse", ValidateUnitsResponse.class),
          MessageEntry.generic("CFX.InformationSystem.WorkOrderManagement.WorkOrderQuantityUpdated"),
          MessageEntry.generic("CFX.InformationSystem.WorkOrderManagement.WorkOrderStatusUpdated"),
          MessageEntry.generic("CFX.InformationSystem.WorkOrderManagement.WorkOrdersCreated"),
          MessageEntry.generic("CFX.InformationSystem.WorkOrderManagement.WorkOrdersDeleted"),
          MessageEntry.generic("CFX.InformationSystem.WorkOrderManagement.WorkOrdersUpdated"),
          MessageEntry.generic("CFX.Maintenance.GetResourceInformationRequest"),
          MessageEntry.generic("CFX.Maintenance.GetResourceInformationResponse"),
          MessageEntry.generic("CFX.Maintenance.GetResourceMaintenanceAndServiceRequest"),
          MessageEntry.generic("CFX.Maintenance.GetResourceMaintenanceAndServiceResponse"),
          MessageEntry.generic("CFX.Maintenance.GetResourceMaintenanceStatusRequest"),
          MessageEntry.generic("CFX.Maintenance.GetResourceMaintenanceStatusResponse"),
          MessageEntry.generic("CFX.Maintenance.GetResourceSetupRequest"),
          MessageEntry.generic("CFX.Maintenance.GetResourceSetupResponse"),
          MessageEntry.generic("CFX.Maintenance.ResourceInformationEvent"),
          MessageEntry.generic("CFX.Maintenance.ResourceMaintenanceAndServiceEvent"),
          MessageEntry.generic("CFX.Maintenance.ResourceMaintenanceStatusEvent"),
          MessageEntry.generic("CFX.Maintenance.ResourceSetupEvent"),
          MessageEntry.generic("CFX.Materials.Management.BlockMaterialsRequest"),
          MessageEntry.generic("CFX.Materials.Management.BlockMaterialsResponse"),
          MessageEntry.generic("CFX.Materials.Management.GetMaterialInformationRequest"),
          MessageEntry.generic("CFX.Materials.Management.GetMaterialInformationResponse"),
          MessageEntry.generic("CFX.Materials.Management.MSDManagement.MaterialsExpired"),
          MessageEntry.generic("CFX.Materials.Management.MSDManagement.MaterialsOpened"),
          MessageEntry.generic("CFX.Materials.Management.MSDManagement.MaterialsPlacedInDryStorage"),
          MessageEntry.generic("CFX.Materials.Management.MSDManagement.MaterialsRemovedFromDryStorage"),
          MessageEntry.generic("CFX.Materials.Management.MSDManagement.MaterialsRestored"),
          MessageEntry.generic("CFX.Materials.Management.MaterialsChainSplit"),
          MessageEntry.typed("CFX.Materials.Management.MaterialsConsumed", MaterialsConsumed.class),
          MessageEntry.typed("CFX.Materials.Management.MaterialsInitialized", MaterialsInitialized.class),
          MessageEntry.typed("CFX.Materials.Management.MaterialsJoined", MaterialsJoined.class),
          MessageEntry.typed("CFX.Materials.Management.MaterialsModified", MaterialsModified.class),
          MessageEntry.typed("CFX.Materials.Management.MaterialsRetired", MaterialsRetired.class),
          MessageEntry.typed("CFX.Materials.Management.MaterialsSplit", MaterialsSplit.class),
          MessageEntry.generic("CFX.Materials.Management.UnblockMaterialsRequest"),
          MessageEntry.generic("CFX.Materials.Management.UnblockMaterialsResponse"),
          MessageEntry.generic("CFX.Materials.Storage.GetLoadedMaterialsRequest"),
          MessageEntry.generic("CFX.Materials.Storage.GetLoadedMaterialsResponse"),
          MessageEntry.typed("CFX.Materials.Storage.MaterialCarriersLoaded", MaterialCarriersLoaded.class),
          MessageEntry.typed("CFX.Materials.Storage.MaterialCarriersUnloaded", MaterialCarriersUnloaded.class),
          MessageEntry.typed("CFX.Materials.Storage.MaterialsEmpty", MaterialsEmpty.class),
          MessageEntry.typed("CFX.Materials.Storage.MaterialsLoaded", MaterialsLoaded.class),
          MessageEntry.typed("CFX.Materials.Storage.MaterialsUnloaded", MaterialsUnloaded.class),
          MessageEntry.typed("CFX.Materials.Storage.SplicePointDetected", SplicePointDetected.class),
          MessageEntry.typed("CFX.Materials.Storage.ValidateStationSetupRequest", ValidateStationSetupRequest.class),
          MessageEntry.typed("CFX.Materials.Storage.ValidateStationSetupResponse", ValidateStationSetupResponse.class),
          MessageEntry.generic("CFX.Materials.Transport.CheckpointReached"),
          MessageEntry.generic("CFX.Materials.Transport.CreateTransportOrderRequest"),
          MessageEntry.generic("CFX.Materials.Transport.CreateTransportOrderResponse"),
          MessageEntry.generic("CFX.Materials.Transport.GetTransportOrderStatusRequest"),
          MessageEntry.generic("CFX.Materials.Transport.GetTransportOrderStatusResponse"),
          MessageEntry.generic("CFX.Materials.Transport.StartTransferRequest"),
          MessageEntry.generic("CFX.Materials.Transport.StartTransferResponse"),
          MessageEntry.generic("CFX.Materials.Transport.TransportOrderCompleted"),
          MessageEntry.generic("CFX.Materials.Transport.TransportOrderStarted"),
          MessageEntry.generic("CFX.Materials.Transport.TransportOrderStatusChanged"),
          MessageEntry.typed("CFX.NotSupportedResponse", NotSupportedResponse.class),
          MessageEntry.generic("CFX.Production.ActivateRecipeRequest"),
          MessageEntry.generic("CFX.Production.ActivateRecipeResponse"),
          MessageEntry.typed("CFX.Production.ActivitiesExecuted", ActivitiesExecuted.class),
          MessageEntry.typed("CFX.Production.Application.MaterialsApplied", MaterialsApplied.class),
          MessageEntry.typed("CFX.Production.Application.MaterialsUnapplied", MaterialsUnapplied.class),
          MessageEntry.generic("CFX.Production.Application.Solder.PCBSelectiveSoldered"),
          MessageEntry.typed("CFX.Production.Assembly.MaterialsInstalled", MaterialsInstalled.class),
          MessageEntry.typed("CFX.Production.Assembly.MaterialsUninstalled", MaterialsUninstalled.class),
          MessageEntry.generic("CFX.Production.Assembly.PressInsertion.ConditionCompleted"),
          MessageEntry.generic("CFX.Production.Assembly.PressInsertion.GetConditionPermissionRequest"),
          MessageEntry.generic("CFX.Production.Assembly.PressInsertion.GetConditionPermissionResponse"),
          MessageEntry.typed("CFX.Production.Assembly.UnitsPersonalized", UnitsPersonalized.class),
          MessageEntry.generic("CFX.Production.BlockMaterialLocationsRequest"),
          MessageEntry.generic("CFX.Production.BlockMaterialLocationsResponse"),
          MessageEntry.generic("CFX.Production.GetActiveRecipeRequest"),
          MessageEntry.generic("CFX.Production.GetActiveRecipeResponse"),
          MessageEntry.generic("CFX.Production.GetAvailableRecipesRequest"),
          MessageEntry.generic("CFX.Production.GetAvailableRecipesResponse"),
          MessageEntry.generic("CFX.Production.GetRecipeRequest"),
          MessageEntry.generic("CFX.Production.GetRecipeResponse"),
          MessageEntry.generic("CFX.Production.GetRequiredSetupRequest"),
          MessageEntry.generic("CFX.Production.GetRequiredSetupResponse"),
          MessageEntry.generic("CFX.Production.GetUnitInfoRequest"),
          MessageEntry.generic("CFX.Production.GetUnitInfoResponse"),
          MessageEntry.generic("CFX.Production.Hermes.GetMagazineDataRequest"),
          MessageEntry.generic("CFX.Production.Hermes.GetMagazineDataResponse"),
          MessageEntry.generic("CFX.Production.Hermes.GetWorkOrderDataRequest"),
          MessageEntry.generic("CFX.Production.Hermes.GetWorkOrderDataResponse"),
          MessageEntry.generic("CFX.Production.Hermes.MagazineArrived"),
          MessageEntry.generic("CFX.Production.Hermes.MagazineDeparted"),
          MessageEntry.typed("CFX.Production.LoadingAndUnloading.UnitsLoaded", UnitsLoaded.class),
          MessageEntry.typed("CFX.Production.LoadingAndUnloading.UnitsUnloaded", UnitsUnloaded.class),
          MessageEntry.generic("CFX.Production.LocalRecipeChanged"),
          MessageEntry.generic("CFX.Production.LockStationRequest"),
          MessageEntry.generic("CFX.Production.LockStationResponse"),
          MessageEntry.typed("CFX.Production.OperatorActivated", OperatorActivated.class),
          MessageEntry.typed("CFX.Production.OperatorDeactivated", OperatorDeactivated.class),
          MessageEntry.typed("CFX.Production.Processing.UnitsProcessed", UnitsProcessed.class),
          MessageEntry.typed("CFX.Production.ReadingsRecorded", ReadingsRecorded.class),
          MessageEntry.typed("CFX.Production.RecipeActivated", RecipeActivated.class),
          MessageEntry.generic("CFX.Production.RecipeDeactivated"),
          MessageEntry.generic("CFX.Production.RecipeModified"),
          MessageEntry.typed("CFX.Production.ReworkAndRepair.UnitsRepaired", UnitsRepaired.class),
          MessageEntry.generic("CFX.Production.SetupRequirementsChanged"),
          MessageEntry.generic("CFX.Production.TestAndInspection.GetInspectionInfoRequest"),
          MessageEntry.generic("CFX.Production.TestAndInspection.GetInspectionInfoResponse"),
          MessageEntry.typed("CFX.Production.TestAndInspection.UnitsInspected", UnitsInspected.class),
          MessageEntry.typed("CFX.Production.TestAndInspection.UnitsTested", UnitsTested.class),
          MessageEntry.generic("CFX.Production.ToolsCleaned"),
          MessageEntry.generic("CFX.Production.ToolsLoaded"),
          MessageEntry.generic("CFX.Production.ToolsUnloaded"),
          MessageEntry.generic("CFX.Production.ToolsUsed"),
          MessageEntry.generic("CFX.Production.UnblockMaterialLocationsRequest"),
          MessageEntry.generic("CFX.Production.UnblockMaterialLocationsResponse"),
          MessageEntry.typed("CFX.Production.UnitsArrived", UnitsArrived.class),
          MessageEntry.typed("CFX.Production.UnitsDeparted", UnitsDeparted.class),
          MessageEntry.typed("CFX.Production.UnitsDisqualified", UnitsDisqualified.class),
          MessageEntry.typed("CFX.Production.UnitsInitialized", UnitsInitialized.class),
          MessageEntry.generic("CFX.Production.UnlockStationRequest"),
          MessageEntry.generic("CFX.Production.UnlockStationResponse"),
          MessageEntry.generic("CFX.Production.UpdateRecipeRequest"),
          MessageEntry.generic("CFX.Production.UpdateRecipeResponse"),
          MessageEntry.typed("CFX.Production.WorkCompleted", WorkCompleted.class),
          MessageEntry.generic("CFX.Production.WorkOrderActionExecuted"),
          MessageEntry.typed("CFX.Production.WorkStageCompleted", WorkStageCompleted.class),
          MessageEntry.typed("CFX.Production.WorkStagePaused", WorkStagePaused.class),
          MessageEntry.typed("CFX.Production.WorkStageResumed", WorkStageResumed.class),
          MessageEntry.typed("CFX.Production.WorkStageStarted", WorkStageStarted.class),
          MessageEntry.typed("CFX.Production.WorkStarted", WorkStarted.class),
          MessageEntry.generic("CFX.ResourcePerformance.CalibrationPerformed"),
          MessageEntry.generic("CFX.ResourcePerformance.ChangeSleepStateRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.ChangeSleepStateResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.EnergyConsumed"),
          MessageEntry.generic("CFX.ResourcePerformance.EnergyConsumptionRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.EnergyConsumptionResponse"),
          MessageEntry.typed("CFX.ResourcePerformance.FaultAcknowledged", FaultAcknowledged.class),
          MessageEntry.typed("CFX.ResourcePerformance.FaultCleared", FaultCleared.class),
          MessageEntry.typed("CFX.ResourcePerformance.FaultOccurred", FaultOccurred.class),
          MessageEntry.generic("CFX.ResourcePerformance.GetActiveFaultsRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.GetActiveFaultsResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.HandleFaultRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.HandleFaultResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.LogEntryRecorded"),
          MessageEntry.generic("CFX.ResourcePerformance.MaintenancePerformed"),
          MessageEntry.generic("CFX.ResourcePerformance.ModifyStationParametersRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.ModifyStationParametersResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.PressInsertion.ComponentsPressed"),
          MessageEntry.generic("CFX.ResourcePerformance.ProcessDataRecorded"),
          MessageEntry.typed("CFX.ResourcePerformance.SMTPlacement.ComponentsPlaced", ComponentsPlaced.class),
          MessageEntry.generic("CFX.ResourcePerformance.SleepStateChanged"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.CleanSqueegeeRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.CleanSqueegeeResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.CleanStencilRequest"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.CleanStencilResponse"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.SqueegeeCleaned"),
          MessageEntry.generic("CFX.ResourcePerformance.SolderPastePrinting.StencilCleaned"),
          MessageEntry.generic("CFX.ResourcePerformance.StageStateChanged"),
          MessageEntry.typed("CFX.ResourcePerformance.StationOffline", StationOffline.class),
          MessageEntry.typed("CFX.ResourcePerformance.StationOnline", StationOnline.class),
          MessageEntry.generic("CFX.ResourcePerformance.StationParametersModified"),
          MessageEntry.typed("CFX.ResourcePerformance.StationStateChanged", StationStateChanged.class),
          MessageEntry.generic("CFX.ResourcePerformance.THTInsertion.ComponentsInserted"),
          MessageEntry.generic("CFX.ResourcePerformance.ToolChanged"),
          MessageEntry.generic("CFX.Sensor.Identification.IdentifiersNotRead"),
          MessageEntry.typed("CFX.Sensor.Identification.IdentifiersRead", IdentifiersRead.class),
          MessageEntry.generic("CFX.Sensor.Identification.IdentifyUnitsRequest"),
          MessageEntry.generic("CFX.Sensor.Identification.IdentifyUnitsResponse"),
          MessageEntry.typed("CFX.WhoIsThereRequest", WhoIsThereRequest.class),
          MessageEntry.typed("CFX.WhoIsThereResponse", WhoIsThereResponse.class));

  private static final List<TypeEntry> TYPES =
      List.of(
          new TypeEntry("CFX.AreYouThereRequest", AreYouThereRequest.class),
          new TypeEntry("CFX.AreYouThereResponse", AreYouThereResponse.class),
          new TypeEntry("CFX.EndpointConnected", EndpointConnected.class),
          new TypeEntry("CFX.EndpointShuttingDown", EndpointShuttingDown.class),
          new TypeEntry("CFX.GetEndpointInformationRequest", GetEndpointInformationRequest.class),
          new TypeEntry("CFX.GetEndpointInformationResponse", GetEndpointInformationResponse.class),
          new TypeEntry("CFX.Heartbeat", Heartbeat.class),
          new TypeEntry("CFX.Materials.Management.MaterialsConsumed", MaterialsConsumed.class),
          new TypeEntry("CFX.Materials.Management.MaterialsInitialized", MaterialsInitialized.class),
          new TypeEntry("CFX.Materials.Management.MaterialsJoined", MaterialsJoined.class),
          new TypeEntry("CFX.Materials.Management.MaterialsModified", MaterialsModified.class),
          new TypeEntry("CFX.Materials.Management.MaterialsRetired", MaterialsRetired.class),
          new TypeEntry("CFX.Materials.Management.MaterialsSplit", MaterialsSplit.class),
          new TypeEntry("CFX.Materials.Storage.MaterialCarriersLoaded", MaterialCarriersLoaded.class),
          new TypeEntry("CFX.Materials.Storage.MaterialCarriersUnloaded", MaterialCarriersUnloaded.class),
          new TypeEntry("CFX.Materials.Storage.MaterialsEmpty", MaterialsEmpty.class),
          new TypeEntry("CFX.Materials.Storage.MaterialsLoaded", MaterialsLoaded.class),
          new TypeEntry("CFX.Materials.Storage.MaterialsUnloaded", MaterialsUnloaded.class),
          new TypeEntry("CFX.Materials.Storage.SplicePointDetected", SplicePointDetected.class),
          new TypeEntry("CFX.NotSupportedResponse", NotSupportedResponse.class),
          new TypeEntry("CFX.Production.ActivitiesExecuted", ActivitiesExecuted.class),
          new TypeEntry("CFX.Production.Application.MaterialsApplied", MaterialsApplied.class),
          new TypeEntry("CFX.Production.Application.MaterialsUnapplied", MaterialsUnapplied.class),
          new TypeEntry("CFX.Production.Assembly.MaterialsInstalled", MaterialsInstalled.class),
          new TypeEntry("CFX.Production.Assembly.MaterialsUninstalled", MaterialsUninstalled.class),
          new TypeEntry("CFX.Production.Assembly.UnitsPersonalized", UnitsPersonalized.class),
          new TypeEntry("CFX.Production.LoadingAndUnloading.UnitsLoaded", UnitsLoaded.class),
          new TypeEntry("CFX.Production.LoadingAndUnloading.UnitsUnloaded", UnitsUnloaded.class),
          new TypeEntry("CFX.Production.OperatorActivated", OperatorActivated.class),
          new TypeEntry("CFX.Production.OperatorDeactivated", OperatorDeactivated.class),
          new TypeEntry("CFX.Production.Processing.UnitsProcessed", UnitsProcessed.class),
          new TypeEntry("CFX.Production.ReadingsRecorded", ReadingsRecorded.class),
          new TypeEntry("CFX.Production.RecipeActivated", RecipeActivated.class),
          new TypeEntry("CFX.Production.ReworkAndRepair.UnitsRepaired", UnitsRepaired.class),
          new TypeEntry("CFX.Production.TestAndInspection.UnitsInspected", UnitsInspected.class),
          new TypeEntry("CFX.Production.TestAndInspection.UnitsTested", UnitsTested.class),
          new TypeEntry("CFX.Production.UnitsArrived", UnitsArrived.class),
          new TypeEntry("CFX.Production.UnitsDeparted", UnitsDeparted.class),
          new TypeEntry("CFX.Production.UnitsDisqualified", UnitsDisqualified.class),
          new TypeEntry("CFX.Production.UnitsInitialized", UnitsInitialized.class),
          new TypeEntry("CFX.Production.WorkCompleted", WorkCompleted.class),
          new TypeEntry("CFX.Production.WorkStageCompleted", WorkStageCompleted.class),
          new TypeEntry("CFX.Production.WorkStagePaused", WorkStagePaused.class),
          new TypeEntry("CFX.Production.WorkStageResumed", WorkStageResumed.class),
          new TypeEntry("CFX.Production.WorkStageStarted", WorkStageStarted.class),
          new TypeEntry("CFX.Production.WorkStarted", WorkStarted.class),
          new TypeEntry("CFX.ResourcePerformance.FaultAcknowledged", FaultAcknowledged.class),
          new TypeEntry("CFX.ResourcePerformance.FaultCleared", FaultCleared.class),
          new TypeEntry("CFX.ResourcePerformance.FaultOccurred", FaultOccurred.class),
          new TypeEntry("CFX.ResourcePerformance.SMTPlacement.ComponentsPlaced", ComponentsPlaced.class),
          new TypeEntry("CFX.ResourcePerformance.StationOffline", StationOffline.class),
          new TypeEntry("CFX.ResourcePerformance.StationOnline", StationOnline.class),
          new TypeEntry("CFX.ResourcePerformance.StationStateChanged", StationStateChanged.class),
          new TypeEntry("CFX.Sensor.Identification.IdentifiersRead", IdentifiersRead.class),
          new TypeEntry("CFX.Structures.ActiveRecipe", ActiveRecipe.class),
          new TypeEntry("CFX.Structures.Activity", BasicActivity.class),
          new TypeEntry("CFX.Structures.AppliedComponent", AppliedComponent.class),
          new TypeEntry("CFX.Structures.AppliedMaterial", AppliedMaterial.class),
          new TypeEntry("CFX.Structures.BadElectricalTestRejectionDetails", BadElectricalTestRejectionDetails.class),
          new TypeEntry("CFX.Structures.BadOpticalTestRejectionDetails", BadOpticalTestRejectionDetails.class),
          new TypeEntry("CFX.Structures.BadPressureTestRejectionDetails", BadPressureTestRejectionDetails.class),
          new TypeEntry("CFX.Structures.BooleanMeasurement", BooleanMeasurement.class),
          new TypeEntry("CFX.Structures.Camera", Camera.class),
          new TypeEntry("CFX.Structures.Characteristic", Characteristic.class),
          new TypeEntry("CFX.Structures.ComponentDesignator", ComponentDesignator.class),
          new TypeEntry("CFX.Structures.ComponentElectricalTest", BasicComponentElectricalTest.class),
          new TypeEntry("CFX.Structures.ComponentOpticalTest", BasicComponentOpticalTest.class),
          new TypeEntry("CFX.Structures.ComponentPressureTest", BasicComponentPressureTest.class),
          new TypeEntry("CFX.Structures.ComponentTests", ComponentTests.class),
          new TypeEntry("CFX.Structures.ComponentVisionAnalysisTest", ComponentVisionAnalysisTest.class),
          new TypeEntry("CFX.Structures.ComponentVisionTest", ComponentVisionTest.class),
          new TypeEntry("CFX.Structures.ConsumedMaterial", ConsumedMaterial.class),
          new TypeEntry("CFX.Structures.Conveyor", Conveyor.class),
          new TypeEntry("CFX.Structures.Defect", Defect.class),
          new TypeEntry("CFX.Structures.DimensionalConstraints", DimensionalConstraints.class),
          new TypeEntry("CFX.Structures.ElectricCard", ElectricCard.class),
          new TypeEntry("CFX.Structures.Endpoint", BasicEndpoint.class),
          new TypeEntry("CFX.Structures.Fault", BasicFault.class),
          new TypeEntry("CFX.Structures.FiducialInfo", FiducialInfo.class),
          new TypeEntry("CFX.Structures.Gantry", Gantry.class),
          new TypeEntry("CFX.Structures.Generic.GenericProcessData", GenericProcessData.class),
          new TypeEntry("CFX.Structures.Generic.GenericStageData", GenericStageData.class),
          new TypeEntry("CFX.Structures.Generic.GenericValue", GenericValue.class),
          new TypeEntry("CFX.Structures.GenericParameter", GenericParameter.class),
          new TypeEntry("CFX.Structures.Geometry.Vector3", Vector3.class),
          new TypeEntry("CFX.Structures.Head", Head.class),
          new TypeEntry("CFX.Structures.HermesInformation", HermesInformation.class),
          new TypeEntry("CFX.Structures.Humidity", Humidity.class),
          new TypeEntry("CFX.Structures.Image", Image.class),
          new TypeEntry("CFX.Structures.InspectedPanel", InspectedPanel.class),
          new TypeEntry("CFX.Structures.InspectedUnit", InspectedUnit.class),
          new TypeEntry("CFX.Structures.Inspection", Inspection.class),
          new TypeEntry("CFX.Structures.InstalledComponent", BasicInstalledComponent.class),
          new TypeEntry("CFX.Structures.InstalledMaterial", BasicInstalledMaterial.class),
          new TypeEntry("CFX.Structures.LocationDetail", BasicLocationDetail.class),
          new TypeEntry("CFX.Structures.MaintenanceStatus", MaintenanceStatus.class),
          new TypeEntry("CFX.Structures.MaterialCarrier", BasicMaterialCarrier.class),
          new TypeEntry("CFX.Structures.MaterialCarrierLocation", MaterialCarrierLocation.class),
          new TypeEntry("CFX.Structures.MaterialLocation", MaterialLocation.class),
          new TypeEntry("CFX.Structures.MaterialPackage", MaterialPackage.class),
          new TypeEntry("CFX.Structures.MaterialPackageDetail", MaterialPackageDetail.class),
          new TypeEntry("CFX.Structures.MaterialPackageMSDData", MaterialPackageMSDData.class),
          new TypeEntry("CFX.Structures.MaterialSetupRequirement", MaterialSetupRequirement.class),
          new TypeEntry("CFX.Structures.NonInstalledComponent", BasicNonInstalledComponent.class),
          new TypeEntry("CFX.Structures.NumericMeasurement", NumericMeasurement.class),
          new TypeEntry("CFX.Structures.NumericValue", NumericValue.class),
          new TypeEntry("CFX.Structures.OperatingRequirements", OperatingRequirements.class),
          new TypeEntry("CFX.Structures.Operator", Operator.class),
          new TypeEntry("CFX.Structures.PCBInspection.Board", Board.class),
          new TypeEntry("CFX.Structures.PCBInspection.Component", Component.class),
          new TypeEntry("CFX.Structures.PCBInspection.Feature", Feature.class),
          new TypeEntry("CFX.Structures.PCBInspection.Feature+FloatValue", FloatValue.class),
          new TypeEntry("CFX.Structures.PCBInspection.Feature+IntValue", IntValue.class),
          new TypeEntry("CFX.Structures.PCBInspection.Feature+StringValue", StringValue.class),
          new TypeEntry("CFX.Structures.PCBInspection.Feature+Value", BasicValue.class),
          new TypeEntry("CFX.Structures.PCBInspection.Fiducial", Fiducial.class),
          new TypeEntry("CFX.Structures.PCBInspection.OffsetMeasurement", OffsetMeasurement.class),
          new TypeEntry("CFX.Structures.PCBInspection.PCBInspectionRecipe", PCBInspectionRecipe.class),
          new TypeEntry("CFX.Structures.PCBInspection.Panel", Panel.class),
          new TypeEntry("CFX.Structures.PCBInspection.Pin", Pin.class),
          new TypeEntry("CFX.Structures.PackagingInfo", BasicPackagingInfo.class),
          new TypeEntry("CFX.Structures.PerformanceImpact", PerformanceImpact.class),
          new TypeEntry("CFX.Structures.PersonalizedUnit", PersonalizedUnit.class),
          new TypeEntry("CFX.Structures.ProcessData", BasicProcessData.class),
          new TypeEntry("CFX.Structures.ProcessedUnit", ProcessedUnit.class),
          new TypeEntry("CFX.Structures.Reading", Reading.class),
          new TypeEntry("CFX.Structures.Recipe", BasicRecipe.class),
          new TypeEntry("CFX.Structures.RecipeIdentifier", RecipeIdentifier.class),
          new TypeEntry("CFX.Structures.RecipeStageInformation", BasicRecipeStageInformation.class),
          new TypeEntry("CFX.Structures.ReflowProfiling.ReflowProfilingProcessData", ReflowProfilingProcessData.class),
          new TypeEntry("CFX.Structures.Region", Region.class),
          new TypeEntry("CFX.Structures.Repair", Repair.class),
          new TypeEntry("CFX.Structures.RepairedUnit", RepairedUnit.class),
          new TypeEntry("CFX.Structures.RequestResult", RequestResult.class),
          new TypeEntry("CFX.Structures.Resource", Resource.class),
          new TypeEntry("CFX.Structures.ResourceInformation", BasicResourceInformation.class),
          new TypeEntry("CFX.Structures.ResourceLocation", ResourceLocation.class),
          new TypeEntry("CFX.Structures.RotationAxis", RotationAxis.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDBulkCaseFeeder", SMDBulkCaseFeeder.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDMultiTrayFeeder", SMDMultiTrayFeeder.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTapeFeeder", SMDTapeFeeder.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTapePackagingInfo", SMDTapePackagingInfo.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTrayFeeder", SMDTrayFeeder.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTrayPackagingInfo", SMDTrayPackagingInfo.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTubeFeeder", SMDTubeFeeder.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMDTubePackagingInfo", SMDTubePackagingInfo.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTHeadAndNozzle", SMTHeadAndNozzle.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTHeadInformation", SMTHeadInformation.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTHeadResource", SMTHeadResource.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTInstalledComponent", SMTInstalledComponent.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTLaneInformation", SMTLaneInformation.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTNonInstalledComponent", SMTNonInstalledComponent.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTNozzleChangeActivity", SMTNozzleChangeActivity.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTNozzleChanger", SMTNozzleChanger.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTNozzleChangerPocket", SMTNozzleChangerPocket.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTPlacementActivity", SMTPlacementActivity.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTPlacementConstraints", SMTPlacementConstraints.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTPlacementEndpoint", SMTPlacementEndpoint.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTPlacementFault", SMTPlacementFault.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTStageInformation", SMTStageInformation.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTTable", SMTTable.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTTapeCutter", SMTTapeCutter.class),
          new TypeEntry("CFX.Structures.SMTPlacement.SMTUnitAlignmentActivity", SMTUnitAlignmentActivity.class),
          new TypeEntry("CFX.Structures.SMTRecipeStageInformation", SMTRecipeStageInformation.class),
          new TypeEntry("CFX.Structures.SamplingInformation", SamplingInformation.class),
          new TypeEntry("CFX.Structures.Segment", Segment.class),
          new TypeEntry("CFX.Structures.ShelfLocation", ShelfLocation.class),
          new TypeEntry("CFX.Structures.SleepState", SleepState.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.InspectionItem", InspectionItem.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.InspectionMeasurementExpected", InspectionMeasurementExpected.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.InspectionMeasurementLean", InspectionMeasurementLean.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.InspectionStep", InspectionStep.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.SolderPasteInspectionRecipe", SolderPasteInspectionRecipe.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.SolderPasteMeasurement", SolderPasteMeasurement.class),
          new TypeEntry("CFX.Structures.SolderPasteInspection.UnitToInspect", UnitToInspect.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.PeriodicCleaning", PeriodicCleaning.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.SMTSolderPastePrintingFault", SMTSolderPastePrintingFault.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.Separation", Separation.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.SolderPastePrintingPCBProcessData", SolderPastePrintingPCBProcessData.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.SolderPastePrintingRecipe", SolderPastePrintingRecipe.class),
          new TypeEntry("CFX.Structures.SolderPastePrinting.Stroke", Stroke.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowOvenFault", ReflowOvenFault.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowProcessData", ReflowProcessData.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowReading", ReflowReading.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowSetPoint", ReflowSetPoint.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowZone", ReflowZone.class),
          new TypeEntry("CFX.Structures.SolderReflow.ReflowZoneData", ReflowZoneData.class),
          new TypeEntry("CFX.Structures.Stage", BasicStage.class),
          new TypeEntry("CFX.Structures.StageInformation", BasicStageInformation.class),
          new TypeEntry("CFX.Structures.StationSetupRequirements", StationSetupRequirements.class),
          new TypeEntry("CFX.Structures.SupportedTopic", SupportedTopic.class),
          new TypeEntry("CFX.Structures.Symptom", Symptom.class),
          new TypeEntry("CFX.Structures.Temperature", Temperature.class),
          new TypeEntry("CFX.Structures.Test", Test.class),
          new TypeEntry("CFX.Structures.TestedUnit", TestedUnit.class),
          new TypeEntry("CFX.Structures.TextMeasurement", TextMeasurement.class),
          new TypeEntry("CFX.Structures.ToolSetupRequirement", ToolSetupRequirement.class),
          new TypeEntry("CFX.Structures.UninstalledMaterial", UninstalledMaterial.class),
          new TypeEntry("CFX.Structures.UnitAlignmentActivity", BasicUnitAlignmentActivity.class),
          new TypeEntry("CFX.Structures.UnitConveyingActivity", UnitConveyingActivity.class),
          new TypeEntry("CFX.Structures.UnitInfo", UnitInfo.class),
          new TypeEntry("CFX.Structures.UnitLoadActivity", UnitLoadActivity.class),
          new TypeEntry("CFX.Structures.UnitPosition", BasicUnitPosition.class),
          new TypeEntry("CFX.Structures.UnitUnloadActivity", UnitUnloadActivity.class),
          new TypeEntry("CFX.Structures.VacuumPump", VacuumPump.class),
          new TypeEntry("CFX.Structures.ValidationResult", ValidationResult.class),
          new TypeEntry("CFX.Structures.WorkOrderIdentifier", WorkOrderIdentifier.class),
          new TypeEntry("CFX.WhoIsThereRequest", WhoIsThereRequest.class),
          new TypeEntry("CFX.WhoIsThereResponse", WhoIsThereResponse.class));

  private static final List<FamilyEntry> FAMILIES =
      List.of(
          new FamilyEntry(Activity.class, BasicActivity.class),
          new FamilyEntry(ComponentElectricalTest.class, BasicComponentElectricalTest.class),
          new FamilyEntry(ComponentOpticalTest.class, BasicComponentOpticalTest.class),
          new FamilyEntry(ComponentPressureTest.class, BasicComponentPressureTest.class),
          new FamilyEntry(Endpoint.class, BasicEndpoint.class),
          new FamilyEntry(EnvironmentalCondition.class, null),
          new FamilyEntry(Fault.class, BasicFault.class),
          new FamilyEntry(InstalledComponent.class, BasicInstalledComponent.class),
          new FamilyEntry(InstalledMaterial.class, BasicInstalledMaterial.class),
          new FamilyEntry(LocationDetail.class, BasicLocationDetail.class),
          new FamilyEntry(MaterialCarrier.class, BasicMaterialCarrier.class),
          new FamilyEntry(MaterialPackageData.class, null),
          new FamilyEntry(Measurement.class, null),
          new FamilyEntry(NonInstalledComponent.class, BasicNonInstalledComponent.class),
          new FamilyEntry(Value.class, BasicValue.class),
          new FamilyEntry(PackagingInfo.class, BasicPackagingInfo.class),
          new FamilyEntry(ProcessData.class, BasicProcessData.class),
          new FamilyEntry(Recipe.class, BasicRecipe.class),
          new FamilyEntry(RecipeStageInformation.class, BasicRecipeStageInformation.class),
          new FamilyEntry(RejectionDetails.class, null),
          new FamilyEntry(ResourceInformation.class, BasicResourceInformation.class),
          new FamilyEntry(Stage.class, BasicStage.class),
          new FamilyEntry(StageInformation.class, BasicStageInformation.class),
          new FamilyEntry(UnitAlignmentActivity.class, BasicUnitAlignmentActivity.class),
          new FamilyEntry(UnitPosition.class, BasicUnitPosition.class));

  private CfxCatalog() {}

  /**
   * all 182 CFX 2.1 messages, sorted by name; the 62 typed ones name their record.
   *
   * @return an unmodifiable list.
   */
  public static List<MessageEntry> messages() {
    return MESSAGES;
  }

  /**
   * the .NET type name of every generated record, sorted by name; a {@code Basic} record
   * carries the name of its base class.
   *
   * @return an unmodifiable list.
   */
  public static List<TypeEntry> types() {
    return TYPES;
  }

  /**
   * every polymorphic family, with the record decoded when {@code $type} is absent.
   *
   * @return an unmodifiable list.
   */
  public static List<FamilyEntry> families() {
    return FAMILIES;
  }
}
