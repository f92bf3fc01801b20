package io.cfxtrace.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.cfx.CfxCatalog;
import io.cfxtrace.model.cfx.Heartbeat;
import io.cfxtrace.model.cfx.materials.storage.MaterialsLoaded;
import io.cfxtrace.model.registry.MessageEntry;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the table of where each CFX message lands ({@link Projections}): every typed message of the
 * catalogue is listed, either with its projector method or as raw only, and none is listed twice.
 * What each projector writes is {@link NormalizationOfGoldenFixturesTest}'s.
 */
class ProjectionsTest {

  private final Projections table = normalisersTable();

  /** the table as a {@link CfxNormalizer} builds it; it refuses a message type listed twice. */
  private static Projections normalisersTable() {
    UnitResolver units = new UnitResolver(tx -> {
      throw new AssertionError("building the table looks up no transaction: " + tx);
    });
    return new Projections(units, new MaterialPackages(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  static Stream<MessageEntry> typedMessages() {
    return CfxCatalog.messages().stream().filter(m -> m.type().isPresent());
  }

  static Set<Class<? extends CfxMessage>> typedMessageClasses() {
    Set<Class<? extends CfxMessage>> classes = new HashSet<>();
    typedMessages().forEach(m -> classes.add(m.type().orElseThrow()));
    return classes;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedMessages")
  void everyTypedMessageOfTheCatalogueIsProjectedOrKeptRawOnly(MessageEntry message) {
    Class<? extends CfxMessage> type = message.type().orElseThrow();

    assertThat(table.projected().contains(type) || table.rawOnly().contains(type))
        .as("%s has a line in Projections (a projector method, or rawOnly)", message.name())
        .isTrue();
  }

  @Test
  void theNormalisersTableListsEachMessageTypeOnce() {
    assertThatCode(ProjectionsTest::normalisersTable).doesNotThrowAnyException();
  }

  @Test
  void noMessageTypeIsBothProjectedAndKeptRawOnly() {
    assertThat(table.projected()).doesNotContainAnyElementsOf(table.rawOnly());
  }

  @Test
  void theTableListsOnlyTypedMessagesOfTheCatalogue() {
    assertThat(typedMessageClasses()).containsAll(table.projected()).containsAll(table.rawOnly());
  }

  @Test
  void aMessageTypeListedTwiceIsRefused() {
    Projections.Table t = new Projections.Table().project(MaterialsLoaded.class, (out, e, m) -> {});

    assertThatIllegalStateException()
        .isThrownBy(() -> t.project(MaterialsLoaded.class, (out, e, m) -> {}))
        .withMessageContaining(MaterialsLoaded.class.getName());
  }

  @Test
  void aRawOnlyMessageTypeListedAgainWithAProjectorIsRefused() {
    Projections.Table t = new Projections.Table().rawOnly(Heartbeat.class);

    assertThatIllegalStateException()
        .isThrownBy(() -> t.project(Heartbeat.class, (out, e, m) -> {}))
        .withMessageContaining(Heartbeat.class.getName());
  }
}
