package io.cfxtrace.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.production.RecipeActivated;
import io.cfxtrace.model.cfx.production.WorkStageCompleted;
import io.cfxtrace.model.cfx.production.WorkStagePaused;
import io.cfxtrace.model.cfx.production.WorkStageResumed;
import io.cfxtrace.model.cfx.production.WorkStageStarted;
import io.cfxtrace.model.cfx.production.WorkStarted;
import io.cfxtrace.model.cfx.resourceperformance.FaultOccurred;
import io.cfxtrace.model.cfx.structures.BasicFault;
import io.cfxtrace.model.cfx.structures.BasicStage;
import io.cfxtrace.model.cfx.structures.Stage;
import io.cfxtrace.model.cfx.structures.smtplacement.SMTPlacementFault;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Lane} and {@code Stage} as the free text early SDK 1.0 builds wrote (string properties
 * until CFX commit e8a7ccdf, 2018-09-12): the golden fixtures in {@code cfx/legacy} decode into
 * their typed records with a usable lane and stage, and re-encode to the very text they came with.
 */
class LegacyTextTest {

  private static final CfxCodec CODEC = new CfxCodec();

  private static CfxEnvelope fixture(String file) throws CfxDecodeException {
    return CODEC.decodeEnvelope(Fixtures.read(Fixtures.dir("legacy").resolve(file)));
  }

  private static JsonNode input(String file) {
    return CODEC.decode(Fixtures.read(Fixtures.dir("legacy").resolve(file))).get(0) instanceof DecodeOutcome.Decoded d
        ? d.raw()
        : TextNode.valueOf("rejected");
  }

  /** a fixture, a JSON pointer to an old-shape member in it, and that member's text. */
  static Stream<Arguments> oldShapes() {
    return Stream.of(
        Arguments.of("CFX.Production.WorkStageStarted.v1_0.json", "/MessageBody/Stage", "1"),
        Arguments.of("CFX.Production.WorkStageCompleted.v1_0.json", "/MessageBody/Stage", "1"),
        Arguments.of("CFX.Production.WorkStagePaused.v1_0.json", "/MessageBody/Stage", "1"),
        Arguments.of("CFX.Production.WorkStageResumed.v1_0.json", "/MessageBody/Stage", "1"),
        Arguments.of("CFX.Production.RecipeActivated.v1_0.json", "/MessageBody/Lane", "1"),
        Arguments.of("CFX.Production.WorkStarted.v1_0.json", "/MessageBody/Lane", "1"),
        Arguments.of("CFX.ResourcePerformance.FaultOccurred.v1_0.json", "/MessageBody/Fault/Lane", "LANE1"),
        Arguments.of("CFX.ResourcePerformance.FaultOccurred.v1_0.json", "/MessageBody/Fault/Stage", "STAGE2"),
        Arguments.of("CFX.ResourcePerformance.FaultOccurred.v1_0-basic-fault.json", "/MessageBody/Fault/Lane", "LANE1"),
        Arguments.of("CFX.ResourcePerformance.FaultOccurred.v1_0-basic-fault.json", "/MessageBody/Fault/Stage", "STAGE2"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("oldShapes")
  void oldShapeIsReEncodedAsTheTextItCameWith(String file, String pointer, String text) throws CfxDecodeException {
    assertThat(input(file).at(pointer)).isEqualTo(TextNode.valueOf(text));

    JsonNode reEncoded = CODEC.toTree(fixture(file));

    assertThat(reEncoded.at(pointer)).isEqualTo(TextNode.valueOf(text));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("oldShapes")
  void oldShapeReEncodedWithoutAnyOtherMemberChanged(String file, String pointer, String text) throws CfxDecodeException {
    // stricter than JsonTreeDiff: the old-shape member itself must come back as the same string
    assertThat(JsonTreeDiff.differences(input(file), CODEC.toTree(fixture(file)))).isEmpty();
    assertThat(CODEC.toTree(fixture(file)).at(pointer).isTextual()).isTrue();
  }

  @Test
  void workStageStageOneIsStageSequenceOne() throws CfxDecodeException {
    Stage expected = new BasicStage(1, null, null);

    assertThat(((WorkStageStarted) fixture("CFX.Production.WorkStageStarted.v1_0.json").messageBody()).stage()).isEqualTo(expected);
    assertThat(((WorkStageCompleted) fixture("CFX.Production.WorkStageCompleted.v1_0.json").messageBody()).stage()).isEqualTo(expected);
    assertThat(((WorkStagePaused) fixture("CFX.Production.WorkStagePaused.v1_0.json").messageBody()).stage()).isEqualTo(expected);
    assertThat(((WorkStageResumed) fixture("CFX.Production.WorkStageResumed.v1_0.json").messageBody()).stage()).isEqualTo(expected);
  }

  @Test
  void workStageKeepsTheStageTextInItsExtensions() throws CfxDecodeException {
    WorkStageStarted body = (WorkStageStarted) fixture("CFX.Production.WorkStageStarted.v1_0.json").messageBody();

    assertThat(body.extensions()).containsExactly(Map.entry("Stage", TextNode.valueOf("1")));
  }

  @Test
  void smtPlacementFaultLaneOneIsLaneOneAndStageTwoKeepsItsName() throws CfxDecodeException {
    FaultOccurred body = (FaultOccurred) fixture("CFX.ResourcePerformance.FaultOccurred.v1_0.json").messageBody();

    assertThat(body.fault()).isInstanceOfSatisfying(SMTPlacementFault.class, f -> {
      assertThat(f.lane()).isEqualTo(1);
      assertThat(f.stage()).isEqualTo(new BasicStage(2, "STAGE2", null));
      assertThat(f.extensions()).containsEntry("Lane", TextNode.valueOf("LANE1")).containsEntry("Stage", TextNode.valueOf("STAGE2"));
    });
  }

  @Test
  void basicFaultLaneOneIsLaneOne() throws CfxDecodeException {
    FaultOccurred body = (FaultOccurred) fixture("CFX.ResourcePerformance.FaultOccurred.v1_0-basic-fault.json").messageBody();

    assertThat(body.fault()).isInstanceOfSatisfying(BasicFault.class, f -> {
      assertThat(f.lane()).isEqualTo(1);
      assertThat(f.stage()).isEqualTo(new BasicStage(2, "STAGE2", null));
    });
  }

  @Test
  void recipeActivatedLaneTextOneIsLaneOne() throws CfxDecodeException {
    RecipeActivated body = (RecipeActivated) fixture("CFX.Production.RecipeActivated.v1_0.json").messageBody();

    assertThat(body.lane()).isEqualTo(1);
    assertThat(body.stage()).isNull();
  }

  @Test
  void legacyFixturesDecodeIntoTheirTypedRecordsWithNothingUnmodelledButSdk10Renames() throws CfxDecodeException {
    for (String file : new String[] {
        "CFX.Production.WorkStageStarted.v1_0.json", "CFX.Production.WorkStageCompleted.v1_0.json",
        "CFX.Production.WorkStagePaused.v1_0.json", "CFX.Production.WorkStageResumed.v1_0.json",
        "CFX.Production.RecipeActivated.v1_0.json", "CFX.ResourcePerformance.FaultOccurred.v1_0-basic-fault.json"}) {
      assertThat(ModelWalker.unmodelled(fixture(file).messageBody())).as(file).isEmpty();
    }
    // SDK 1.0's SMTPlacementFault.Nozzle is HeadAndNozzle today, and SMDTapeFeeder Width/Pitch are TapeWidth/TapePitch
    assertThat(ModelWalker.unmodelled(fixture("CFX.ResourcePerformance.FaultOccurred.v1_0.json").messageBody()))
        .allMatch(u -> u.endsWith(".Nozzle: unknown member") || u.endsWith(".Width: unknown member") || u.endsWith(".Pitch: unknown member"));
  }

  /** a lane's text, and the lane it gives. */
  static Stream<Arguments> laneTexts() {
    return Stream.of(
        Arguments.of("1", 1),
        Arguments.of("LANE1", 1),
        Arguments.of("Lane 2", 2),
        Arguments.of(" 3 ", 3),
        Arguments.of("L12", 12),
        Arguments.of("FRONT", null),
        Arguments.of("", null),
        Arguments.of("LANE99999999999", null));
  }

  @ParameterizedTest(name = "\"{0}\" is lane {1}")
  @MethodSource("laneTexts")
  void laneTextGivesTheLaneItEndsWithAndIsWrittenBackAsItCame(String text, Integer lane) throws CfxDecodeException {
    String json = BadInputTest.workStarted(",\"Lane\":" + TextNode.valueOf(text));

    CfxEnvelope e = CODEC.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8));

    assertThat(((WorkStarted) e.messageBody()).lane()).isEqualTo(lane);
    assertThat(CODEC.toTree(e).at("/MessageBody/Lane")).isEqualTo(TextNode.valueOf(text));
  }

  /** a stage's text, and the stage it gives. */
  static Stream<Arguments> stageTexts() {
    return Stream.of(
        Arguments.of("1", new BasicStage(1, null, null)),
        Arguments.of("STAGE2", new BasicStage(2, "STAGE2", null)),
        Arguments.of("Printer", new BasicStage(null, "Printer", null)),
        Arguments.of(" ", null));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @MethodSource("stageTexts")
  void stageTextGivesAStageAndIsWrittenBackAsItCame(String text, Stage stage) throws CfxDecodeException {
    String json = workStageStarted("\"Stage\":" + TextNode.valueOf(text));

    CfxEnvelope e = CODEC.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8));

    assertThat(((WorkStageStarted) e.messageBody()).stage()).isEqualTo(stage);
    assertThat(CODEC.toTree(e).at("/MessageBody/Stage")).isEqualTo(TextNode.valueOf(text));
  }

  @Test
  void stageSpeltInOtherLetterCaseIsWrittenUnderItsWireNameWithItsText() throws CfxDecodeException {
    CfxEnvelope e = CODEC.decodeEnvelope(workStageStarted("\"stage\":\"3\"").getBytes(StandardCharsets.UTF_8));

    JsonNode body = CODEC.toTree(e).get("MessageBody");

    assertThat(((WorkStageStarted) e.messageBody()).stage()).isEqualTo(new BasicStage(3, null, null));
    assertThat(body.get("Stage")).isEqualTo(TextNode.valueOf("3"));
    assertThat(body.has("stage")).isFalse();
  }

  @Test
  void laneChangedAfterDecodingIsWrittenAsTheNewNumberNotTheOldText() throws CfxDecodeException {
    CfxEnvelope e = CODEC.decodeEnvelope(BadInputTest.workStarted(",\"Lane\":\"LANE1\"").getBytes(StandardCharsets.UTF_8));
    WorkStarted w = (WorkStarted) e.messageBody();
    WorkStarted moved =
        new WorkStarted(w.primaryIdentifier(), w.hermesIdentifier(), w.transactionId(), 2, w.unitCount(), w.units(), w.recipeName(),
            w.revision(), w.relevantSurface(), w.workOrderIdentifier(), w.extensions());

    CfxEnvelope changed =
        new CfxEnvelope(e.version(), e.timeStamp(), e.uniqueId(), e.source(), e.target(), e.requestId(), moved, e.extensions());

    String written = new String(CODEC.encode(changed), StandardCharsets.UTF_8);

    assertThat(written).contains("\"Lane\":2").doesNotContain("LANE1");
  }

  @Test
  void laneWrittenAsANumberIsReadAsBeforeAndKeepsNoText() throws CfxDecodeException {
    CfxEnvelope e = CODEC.decodeEnvelope(BadInputTest.workStarted(",\"Lane\":4").getBytes(StandardCharsets.UTF_8));

    assertThat(((WorkStarted) e.messageBody()).lane()).isEqualTo(4);
    assertThat(e.messageBody().extensions()).isEmpty();
  }

  @Test
  void stageWrittenAsAStructureIsReadAsBeforeAndKeepsNoText() throws CfxDecodeException {
    String json = workStageStarted("\"Stage\":{\"StageSequence\":2,\"StageName\":\"Reflow\",\"StageType\":\"Work\"}");

    CfxEnvelope e = CODEC.decodeEnvelope(json.getBytes(StandardCharsets.UTF_8));

    assertThat(((WorkStageStarted) e.messageBody()).stage()).isInstanceOfSatisfying(BasicStage.class, s -> assertThat(s.stageName()).isEqualTo("Reflow"));
    assertThat(e.messageBody().extensions()).isEmpty();
  }

  private static String workStageStarted(String bodyMembers) {
    return "{\"MessageName\":\"CFX.Production.WorkStageStarted\",\"Version\":\"1.0\","
        + "\"TimeStamp\":\"2018-05-06T03:28:11.0264113+01:00\",\"UniqueID\":\"25dc57b2-3809-546b-9346-99b64eb22e68\","
        + "\"Source\":\"SMTPlus.Model_21232.SN23123\",\"Target\":null,\"RequestID\":null,"
        + "\"MessageBody\":{\"TransactionID\":\"2c24590d-39c5-4039-96a5-91900cecedfa\"," + bodyMembers + "}}";
  }
}
