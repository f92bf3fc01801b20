package io.cfxtrace.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.model.cfx.production.WorkStarted;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CfxRegistryTest {

  private final CfxRegistry registry = CfxRegistry.get();

  @Test
  void catalogueHoldsAllOneHundredEightyTwoMessagesOfCfx21() {
    List<String> names = registry.messages().stream().map(MessageEntry::name).collect(Collectors.toList());

    assertThat(names).hasSize(182).doesNotHaveDuplicates().isSorted();
    assertThat(names).contains("CFX.Production.WorkStarted", "CFX.Materials.Transport.CheckpointReached", "CFX.Sensor.Identification.IdentifyUnitsResponse");
  }

  @Test
  void messageNamesResolveExactlyOrIgnoringCase() {
    assertThat(registry.message("CFX.Production.WorkStarted").flatMap(MessageEntry::type)).contains(WorkStarted.class);
    assertThat(registry.message("cfx.production.workstarted").flatMap(MessageEntry::type)).contains(WorkStarted.class);
    assertThat(registry.message("Vendor.Custom.Thing")).isEmpty();
  }

  @Test
  void typeNamesResolveWithOrWithoutTheAssemblyName() {
    assertThat(registry.type("CFX.Production.WorkStarted, CFX")).contains(WorkStarted.class);
    assertThat(registry.type("CFX.Production.WorkStarted")).contains(WorkStarted.class);
    assertThat(registry.type("System.Diagnostics.Process, System")).isEmpty();
  }

  @Test
  void everyTypedRecordHasOneDotNetName() {
    for (TypeEntry t : io.cfxtrace.model.cfx.CfxCatalog.types()) {
      assertThat(registry.type(t.name())).as(t.name()).contains(t.type());
    }
  }
}
