package io.cfxtrace.model.codec;

import static io.cfxtrace.model.codec.BadInputTest.utf8;
import static io.cfxtrace.model.codec.BadInputTest.workStarted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.GenericMessage;
import io.cfxtrace.model.cfx.UnknownStructure;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.production.processing.UnitsProcessed;
import io.cfxtrace.model.cfx.resourceperformance.StationStateChanged;
import io.cfxtrace.model.cfx.structures.BasicUnitPosition;
import io.cfxtrace.model.cfx.structures.ResourceState;
import io.cfxtrace.model.cfx.structures.Surface;
import io.cfxtrace.model.cfx.structures.solderreflow.ReflowProcessData;
import io.cfxtrace.model.value.CfxTimestamp;
import io.cfxtrace.model.value.EnumValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** what the official .NET SDK writes and accepts, read and written the same way here. */
class WireCompatibilityTest {

  private static final CfxCodec CODEC = new CfxCodec();

  private static CfxEnvelope decode(String json) throws CfxDecodeException {
    return CODEC.decodeEnvelope(utf8(json));
  }

  private static String encoded(CfxEnvelope e) {
    return new String(CODEC.encode(e), StandardCharsets.UTF_8);
  }

  private static String stationStateChanged(String newState) {
    return "{\"MessageName\":\"CFX.ResourcePerformance.StationStateChanged\",\"MessageBody\":{\"NewState\":" + newState + "}}";
  }

  @Test
  void memberNamesMatchIgnoringCaseAndAreWrittenInTheSdkSpelling() throws CfxDecodeException {
    // The SDK writes TransactionID in WorkStarted but TransactionId in UnitsProcessed; Newtonsoft
    // reads either (CFX.Production.WorkStarted).
    CfxEnvelope e = decode(workStarted(",\"transactionid\":\"2c24590d-39c5-4039-96a5-91900cecedfa\""));

    assertThat(((WorkStarted) e.messageBody()).transactionId()).isEqualTo("2c24590d-39c5-4039-96a5-91900cecedfa");
    assertThat(encoded(e)).contains("\"TransactionID\":\"2c24590d-39c5-4039-96a5-91900cecedfa\"");
  }

  @Test
  void unknownMembersAreKeptAndWrittenBackAtEveryLevel() throws CfxDecodeException {
    CfxEnvelope e =
        decode(
            workStarted(",\"VendorLineId\":\"L7\",\"Units\":[{\"PositionNumber\":1,\"Glue\":{\"Type\":\"epoxy\"}}]")
                .replace("\"Version\"", "\"RoutingHint\":[1,2],\"Version\""));

    assertThat(e.extensions()).containsKey("RoutingHint");
    assertThat(e.messageBody().extensions()).containsKey("VendorLineId");
    JsonNode tree = CODEC.toTree(e);
    assertThat(tree.at("/RoutingHint/1").asInt()).isEqualTo(2);
    assertThat(tree.at("/MessageBody/VendorLineId").asText()).isEqualTo("L7");
    assertThat(tree.at("/MessageBody/Units/0/Glue/Type").asText()).isEqualTo("epoxy");
  }

  @Test
  void typeIsFoundWhereverItStandsInTheObject() throws CfxDecodeException {
    String json =
        "{\"MessageName\":\"CFX.Production.Processing.UnitsProcessed\",\"MessageBody\":{"
            + "\"CommonProcessData\":{\"ConveyorSpeed\":80.0,\"$type\":\"CFX.Structures.SolderReflow.ReflowProcessData, CFX\"}}}";

    UnitsProcessed body = (UnitsProcessed) decode(json).messageBody();

    assertThat(body.commonProcessData()).isInstanceOf(ReflowProcessData.class);
    assertThat(((ReflowProcessData) body.commonProcessData()).conveyorSpeed()).isEqualTo(80.0);
  }

  @Test
  void typeIsWrittenFirstInTheBodyAndOnSubclassesAsSdk12Does() throws CfxDecodeException {
    String json =
        "{\"MessageName\":\"CFX.Production.Processing.UnitsProcessed\",\"MessageBody\":{"
            + "\"CommonProcessData\":{\"ConveyorSpeed\":80.0,\"$type\":\"CFX.Structures.SolderReflow.ReflowProcessData, CFX\"}}}";

    String out = encoded(decode(json));

    assertThat(out).contains("\"MessageBody\":{\"$type\":\"CFX.Production.Processing.UnitsProcessed, CFX\",");
    assertThat(out).contains("\"CommonProcessData\":{\"$type\":\"CFX.Structures.SolderReflow.ReflowProcessData, CFX\",");
  }

  @Test
  void unknownTypeIsKeptAsAGenericStructureAndWrittenBack() throws CfxDecodeException {
    String json =
        "{\"MessageName\":\"CFX.Production.Processing.UnitsProcessed\",\"MessageBody\":{"
            + "\"CommonProcessData\":{\"$type\":\"Vendor.Plasma.PlasmaProcessData, Vendor\",\"Power\":1200}}}";

    CfxEnvelope e = decode(json);
    UnitsProcessed body = (UnitsProcessed) e.messageBody();

    assertThat(body.commonProcessData()).isInstanceOf(UnknownStructure.class);
    UnknownStructure u = (UnknownStructure) body.commonProcessData();
    assertThat(u.typeName()).isEqualTo("Vendor.Plasma.PlasmaProcessData, Vendor");
    assertThat(encoded(e)).contains("\"CommonProcessData\":{\"$type\":\"Vendor.Plasma.PlasmaProcessData, Vendor\",\"Power\":1200}");
  }

  @Test
  void bodyWithoutTypeFromSdk10DispatchesOnMessageName() throws CfxDecodeException {
    CfxEnvelope e = decode(workStarted(",\"Lane\":2").replace("\"$type\":\"CFX.Production.WorkStarted, CFX\",", "").replace("\"2.1\"", "\"1.0\""));

    assertThat(e.messageBody()).isInstanceOf(WorkStarted.class);
    assertThat(e.version()).isEqualTo("1.0");
    assertThat(((WorkStarted) e.messageBody()).lane()).isEqualTo(2);
  }

  @Test
  void messageOutsideTheTypedSetIsCarriedGenericallyUnderItsName() throws Exception {
    String json = "{\"MessageName\":\"CFX.Production.ToolsCleaned\",\"MessageBody\":{\"$type\":\"CFX.Production.ToolsCleaned, CFX\",\"Tools\":[{\"UniqueIdentifier\":\"T1\"}]}}";

    CfxEnvelope e = decode(json);

    assertThat(e.messageBody()).isInstanceOf(GenericMessage.class);
    assertThat(e.messageName()).isEqualTo("CFX.Production.ToolsCleaned");
    assertThat(JsonTreeDiff.differences(CODEC.mapper().readTree(json), CODEC.toTree(e))).isEmpty();
  }

  @Test
  void messageNameNobodyKnowsIsCarriedGenericallyNeverAnError() throws CfxDecodeException {
    String json = "{\"MessageName\":\"Acme.Conformal.SprayFinished\",\"MessageBody\":{\"Nozzle\":3}}";

    CfxEnvelope e = decode(json);

    assertThat(e.messageBody()).isEqualTo(new GenericMessage("Acme.Conformal.SprayFinished", Map.of("Nozzle", JsonNodeFactory.instance.numberNode(3))));
    assertThat(encoded(e)).contains("\"MessageBody\":{\"Nozzle\":3}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"\"PrimarySurface\"", "\"primarysurface\"", "1", "\"1\""})
  void enumsAreReadFromNamesInAnyCaseOrFromIntegers(String wire) throws CfxDecodeException {
    WorkStarted body = (WorkStarted) decode(workStarted(",\"RelevantSurface\":" + wire)).messageBody();

    assertThat(body.relevantSurface().is(Surface.PRIMARY_SURFACE)).isTrue();
    assertThat(encoded(new CfxEnvelope(null, null, null, null, null, null, body, Map.of()))).contains("\"RelevantSurface\":" + wire);
  }

  @Test
  void unknownEnumValueIsKeptAndWrittenBackUnchanged() throws CfxDecodeException {
    WorkStarted body = (WorkStarted) decode(workStarted(",\"RelevantSurface\":\"BothSurfaces\"")).messageBody();

    assertThat(body.relevantSurface().known()).isEmpty();
    assertThat(body.relevantSurface().text()).isEqualTo("BothSurfaces");
    assertThat(encoded(CfxEnvelope.event("S", body))).contains("\"RelevantSurface\":\"BothSurfaces\"");
  }

  @Test
  void enumMadeInCodeIsWrittenAsTheSdkWritesIt() {
    WorkStarted body = new WorkStarted(null, null, "tx", 1, 1, List.of(), null, null, EnumValue.of(Surface.SECONDARY_SURFACE), null);

    assertThat(encoded(CfxEnvelope.event("S", body))).contains("\"RelevantSurface\":\"SecondarySurface\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"1100\" | PRD_REGULAR_WORK",
        "1100 | PRD_REGULAR_WORK",
        "\"PRD_RegularWork\" | PRD_REGULAR_WORK",
        "\"22A0\" | SBY_NO_PRODUCT_BLOCKED",
        "\"22B0\" | SBY_NO_PRODUCT_STARVED",
      })
  void resourceStateIsReadFromCodeStringsNumbersNamesAndLegacyCodes(String wire, ResourceState expected)
      throws CfxDecodeException {
    StationStateChanged body = (StationStateChanged) decode(stationStateChanged(wire)).messageBody();

    assertThat(body.newState().known()).contains(expected);
  }

  @Test
  void resourceStateMadeInCodeIsWrittenAsAFourDigitString() {
    StationStateChanged body = new StationStateChanged(null, null, EnumValue.of(ResourceState.PRD_REGULAR_WORK), null);

    assertThat(encoded(CfxEnvelope.event("S", body))).contains("\"NewState\":\"1100\"");
  }

  @Test
  void vendorSpecificResourceStateIsKeptAsABareNumber() throws CfxDecodeException {
    CfxEnvelope e = decode(stationStateChanged("3312"));

    assertThat(((StationStateChanged) e.messageBody()).newState().known()).isEmpty();
    assertThat(encoded(e)).contains("\"NewState\":3312");
  }

  @Test
  void envelopeIsWrittenWithTheEightMembersInSdkOrderAndNullsIncluded() {
    WorkStarted body = new WorkStarted(null, null, "tx-1", null, 1, List.of(new BasicUnitPosition("PANEL1", 1, null, null, null, null, null, null, null, null)), null, null, null, null);
    CfxEnvelope e =
        new CfxEnvelope("2.1", CfxTimestamp.parse("2026-03-14T09:26:53.5897932+01:00"), "6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11", "Line1.Printer", null, null, body, Map.of());

    assertThat(encoded(e))
        .startsWith(
            "{\"MessageName\":\"CFX.Production.WorkStarted\",\"Version\":\"2.1\",\"TimeStamp\":\"2026-03-14T09:26:53.5897932+01:00\","
                + "\"UniqueID\":\"6f1c3c3e-2d5b-4a52-9a57-1b2f1f7a0c11\",\"Source\":\"Line1.Printer\",\"Target\":null,\"RequestID\":null,"
                + "\"MessageBody\":{\"$type\":\"CFX.Production.WorkStarted, CFX\",\"PrimaryIdentifier\":null,");
  }

  @Test
  void batchDecodesToEveryEnvelopeInOrder() {
    String a = workStarted(",\"Lane\":1");
    String b = workStarted(",\"Lane\":2");

    List<DecodeOutcome> out = CODEC.decode(utf8("[" + a + "," + b + "]"));

    assertThat(out).extracting(o -> ((WorkStarted) ((DecodeOutcome.Decoded) o).envelope().messageBody()).lane()).containsExactly(1, 2);
  }

  @Test
  void gzipPayloadDecodesLikeThePlainOne() throws CfxDecodeException {
    byte[] plain = utf8(workStarted(",\"Lane\":1"));

    assertThat(CODEC.decodeEnvelope(CfxCodec.gzip(plain))).isEqualTo(CODEC.decodeEnvelope(plain));
  }

  @Test
  void zonelessTimestampIsKeptVerbatimOnTheEnvelope() throws CfxDecodeException {
    CfxEnvelope e = decode(workStarted("").replace("2026-03-14T09:26:53.5897932+01:00", "2026-03-14T09:26:53.58"));

    assertThat(e.timeStamp().offset()).isEmpty();
    assertThat(encoded(e)).contains("\"TimeStamp\":\"2026-03-14T09:26:53.58\"");
  }

  @Test
  void memberSpelledTwiceInDifferentCaseGivesTheSlotToTheExactSpellingAndKeepsTheOther() throws CfxDecodeException {
    // found by FuzzDecoderTest: re-encoding once wrote "Y" twice
    CfxEnvelope e = decode(workStarted(",\"Units\":[{\"y\":1.5,\"Y\":2.5}],\"lane\":1,\"Lane\":2"));
    WorkStarted body = (WorkStarted) e.messageBody();
    BasicUnitPosition unit = (BasicUnitPosition) body.units().get(0);

    assertThat(unit.y()).isEqualTo(2.5);
    assertThat(unit.extensions().get("y").asDouble()).isEqualTo(1.5);
    assertThat(body.lane()).isEqualTo(2);
    assertThat(CODEC.decodeEnvelope(CODEC.encode(e))).isEqualTo(e);
  }

  @Test
  void envelopeMemberSpelledTwiceInDifferentCaseDecodesTheSameAfterReEncoding() throws CfxDecodeException {
    String json =
        "{\"messagename\":\"CFX.Heartbeat\",\"MessageName\":\"CFX.Production.WorkStarted\",\"MessageBody\":{\"Lane\":3}}";

    CfxEnvelope e = decode(json);

    assertThat(e.messageBody()).isInstanceOf(WorkStarted.class);
    assertThat(e.extensions()).containsKey("messagename");
    assertThat(CODEC.decodeEnvelope(CODEC.encode(e))).isEqualTo(e);
  }

  @Test
  void timeSpanBeyondTheDotNetRangeIsABadValueNotAnOverflow() {
    // found by FuzzDecoderTest: Duration.ofDays overflowed with an ArithmeticException
    String json = "{\"MessageName\":\"CFX.Heartbeat\",\"MessageBody\":{\"HeartbeatFrequency\":\"999991999999999.00:00:00\"}}";

    DecodeError error = ((DecodeOutcome.Rejected) CODEC.decode(utf8(json)).get(0)).error();

    assertThat(error.kind()).isEqualTo(DecodeError.Kind.BAD_VALUE);
    assertThat(error.path()).isEqualTo("$.MessageBody.HeartbeatFrequency");
    assertThat(error.reason()).contains("TimeSpan range");
  }
}
