package io.cfxtrace.model.cfx.structures;

import io.cfxtrace.model.value.CfxEnum;

/**
 * CFX enumeration {@code CFX.Structures.ResourceState}: the resource state values.
 *
 * <p>Written as the four-digit SEMI E10/E58 code in a JSON string, for example {@code "1100"}: the
 * SDK gives it its own state converter.
 */
public enum ResourceState implements CfxEnum {
  /** {@code PRD} = 1000. */
  PRD("PRD", 1000),
  /** {@code PRD_RegularWork} = 1100. */
  PRD_REGULAR_WORK("PRD_RegularWork", 1100),
  /** {@code PRD_WorkForThirdParties} = 1200. */
  PRD_WORK_FOR_THIRD_PARTIES("PRD_WorkForThirdParties", 1200),
  /** {@code PRD_Rework} = 1300. */
  PRD_REWORK("PRD_Rework", 1300),
  /** {@code PRD_Engineering} = 1400. */
  PRD_ENGINEERING("PRD_Engineering", 1400),
  /** {@code SBY} = 2000. */
  SBY("SBY", 2000),
  /** {@code SBY_NoOperator} = 2100. */
  SBY_NO_OPERATOR("SBY_NoOperator", 2100),
  /** {@code SBY_NoProduct} = 2200. */
  SBY_NO_PRODUCT("SBY_NoProduct", 2200),
  /** {@code SBY_NoProductBlocked} = 2201. */
  SBY_NO_PRODUCT_BLOCKED("SBY_NoProductBlocked", 2201),
  /** {@code SBY_NoProductStarved} = 2202. */
  SBY_NO_PRODUCT_STARVED("SBY_NoProductStarved", 2202),
  /** {@code SBY_NoSupportTool} = 2300. */
  SBY_NO_SUPPORT_TOOL("SBY_NoSupportTool", 2300),
  /** {@code SBY_AssociatedClusterModuleDown} = 2400. */
  SBY_ASSOCIATED_CLUSTER_MODULE_DOWN("SBY_AssociatedClusterModuleDown", 2400),
  /** {@code SBY_NoHost} = 2500. */
  SBY_NO_HOST("SBY_NoHost", 2500),
  /** {@code ENG} = 3000. */
  ENG("ENG", 3000),
  /** {@code ENG_ProcessExperiments} = 3100. */
  ENG_PROCESS_EXPERIMENTS("ENG_ProcessExperiments", 3100),
  /** {@code ENG_EquipmentExperiments} = 3200. */
  ENG_EQUIPMENT_EXPERIMENTS("ENG_EquipmentExperiments", 3200),
  /** {@code SDT} = 4000. */
  SDT("SDT", 4000),
  /** {@code SDT_UserMaintenanceDelay} = 4100. */
  SDT_USER_MAINTENANCE_DELAY("SDT_UserMaintenanceDelay", 4100),
  /** {@code SDT_SuppliedMaintenanceDelay} = 4200. */
  SDT_SUPPLIED_MAINTENANCE_DELAY("SDT_SuppliedMaintenanceDelay", 4200),
  /** {@code SDT_PreventiveMaintenance} = 4300. */
  SDT_PREVENTIVE_MAINTENANCE("SDT_PreventiveMaintenance", 4300),
  /** {@code SDT_ChangeOfConsumables} = 4400. */
  SDT_CHANGE_OF_CONSUMABLES("SDT_ChangeOfConsumables", 4400),
  /** {@code SDT_Setup} = 4500. */
  SDT_SETUP("SDT_Setup", 4500),
  /** {@code SDT_ProductionTest} = 4600. */
  SDT_PRODUCTION_TEST("SDT_ProductionTest", 4600),
  /** {@code SDT_FacilitiesRelated} = 4700. */
  SDT_FACILITIES_RELATED("SDT_FacilitiesRelated", 4700),
  /** {@code USD} = 5000. */
  USD("USD", 5000),
  /** {@code USD_UserMaintentanceDelay} = 5100. */
  USD_USER_MAINTENTANCE_DELAY("USD_UserMaintentanceDelay", 5100),
  /** {@code USD_SuppliedMaintenanceDelay} = 5200. */
  USD_SUPPLIED_MAINTENANCE_DELAY("USD_SuppliedMaintenanceDelay", 5200),
  /** {@code USD_Repair} = 5300. */
  USD_REPAIR("USD_Repair", 5300),
  /** {@code USD_OutOfSpecInputMaterial} = 5400. */
  USD_OUT_OF_SPEC_INPUT_MATERIAL("USD_OutOfSpecInputMaterial", 5400),
  /** {@code USD_ChangeOfConsumables} = 5500. */
  USD_CHANGE_OF_CONSUMABLES("USD_ChangeOfConsumables", 5500),
  /** {@code USD_FacilitiesRelated} = 5600. */
  USD_FACILITIES_RELATED("USD_FacilitiesRelated", 5600),
  /** {@code NST} = 6000. */
  NST("NST", 6000),
  /** {@code NST_UnworkedShifts} = 6100. */
  NST_UNWORKED_SHIFTS("NST_UnworkedShifts", 6100),
  /** {@code NST_EquipmentInstallation} = 6200. */
  NST_EQUIPMENT_INSTALLATION("NST_EquipmentInstallation", 6200),
  /** {@code NST_EquipmentModifications} = 6300. */
  NST_EQUIPMENT_MODIFICATIONS("NST_EquipmentModifications", 6300),
  /** {@code NST_OfflineTraining} = 6400. */
  NST_OFFLINE_TRAINING("NST_OfflineTraining", 6400),
  /** {@code NST_ShutdownAndStartup} = 6500. */
  NST_SHUTDOWN_AND_STARTUP("NST_ShutdownAndStartup", 6500);

  private final String wireName;
  private final int code;

  ResourceState(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public WireForm wireForm() {
    return WireForm.CODE_STRING;
  }
}
