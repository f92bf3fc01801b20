package io.cfxtrace.simulators.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cfxtrace.endpoint.AmqpProperties;
import io.cfxtrace.endpoint.InboundMessage;
import io.cfxtrace.endpoint.MessageOrigin;
import io.cfxtrace.ingest.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** member order, spacing and the TransactionId spelling as a machine wrote them. */
  private static final String ODD_ENVELOPE = "{ \"UniqueID\":\"3f1c6c2a-6a57-4a8e-9d3e-0c2b4a0e5f11\" , \"MessageName\":\"CFX.Production.WorkCompleted\","
      + "\"Version\":\"1.7\",\"TimeStamp\":\"2026-05-04T08:00:45.12+02:00\",\"Source\":\"Line1.Printer\",\"Target\":null,\"RequestID\":null,"
      + "\"MessageBody\":{\"TransactionID\":\"0b3a6a52-1d55-4c41-9a0e-000000000001\",\"Result\":\"Completed\",\"Vendor\":{\"x\":1}}}";

  private static MessageOrigin origin() {
    return new MessageOrigin("record", "c1", "10.0.3.17:51544", "Line1.Printer", null, "cfx",
        new AmqpProperties("3f1c6c2a-6a57-4a8e-9d3e-0c2b4a0e5f11", "Line1.Printer.CFX.Production.WorkCompleted", null, "Line1.Printer", null,
            "application/json; charset=\"utf-8\"", "gzip", Instant.parse("2026-05-04T06:00:45.120Z"), true,
            Map.of("cfx-handle", "Line1.Printer", "cfx-message", "CFX.Production.WorkCompleted")),
        Instant.parse("2026-05-04T06:00:45.250311Z"));
  }

  private static InboundMessage withOrigin(InboundMessage m) {
    return new InboundMessage(origin(), m.envelopes(), m.deadLetters());
  }

  @Test
  void anEnvelopeIsWrittenAsReceivedNotReEncoded() throws Exception {
    List<String> lines = RecordingFormat.lines(withOrigin(TestMessages.json(ODD_ENVELOPE)));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"receivedAt\":\"2026-05-04T06:00:45.250311Z\",")
        .endsWith(",\"envelope\":" + ODD_ENVELOPE + "}");
    RecordedLine back = RecordingFormat.parse(lines.get(0), JSON);
    assertThat(back.receivedAt()).isEqualTo(Instant.parse("2026-05-04T06:00:45.250311Z"));
    assertThat(back.properties().path("subject").asText()).isEqualTo("Line1.Printer.CFX.Production.WorkCompleted");
    assertThat(back.properties().path("applicationProperties").path("cfx-message").asText()).isEqualTo("CFX.Production.WorkCompleted");
    assertThat(back.envelope()).isEqualTo(JSON.readTree(ODD_ENVELOPE));
  }

  @Test
  void aPrettyPrintedEnvelopeStaysOnOneLineAsItsExactText() throws Exception {
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(ODD_ENVELOPE));

    List<String> lines = RecordingFormat.lines(withOrigin(TestMessages.json(pretty)));

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n");
    assertThat(JSON.readTree(lines.get(0)).path("envelopeText").asText()).isEqualTo(pretty);
    assertThat(RecordingFormat.parse(lines.get(0), JSON).envelope()).isEqualTo(JSON.readTree(ODD_ENVELOPE));
  }

  @Test
  void anUndecodablePayloadIsKeptAsItsBytesWithTheReason() throws Exception {
    byte[] payload = "{\"MessageName\":\"CFX.Production.WorkStarted\",\"MessageBody\":".getBytes(StandardCharsets.UTF_8);

    List<String> lines = RecordingFormat.lines(withOrigin(TestMessages.decode(payload)));

    assertThat(lines).hasSize(1);
    var node = JSON.readTree(lines.get(0)).path("undecodable");
    assertThat(Base64.getDecoder().decode(node.path("payload").asText())).isEqualTo(payload);
    assertThat(node.path("reason").asText()).isNotBlank();
    RecordedLine back = RecordingFormat.parse(lines.get(0), JSON);
    assertThat(back.envelope()).isNull();
    assertThat(back.undecodable().payload()).isEqualTo(payload);
  }

  @Test
  void eachEnvelopeOfABatchGetsALineWithItsPlaceInTheBatch() throws Exception {
    String batch = "[" + ODD_ENVELOPE + "," + ODD_ENVELOPE.replace("3f1c6c2a", "4f1c6c2a") + "]";

    List<String> lines = RecordingFormat.lines(withOrigin(TestMessages.json(batch)));

    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines.get(1)).path("batch").toString()).isEqualTo("{\"index\":1,\"size\":2}");
    assertThat(RecordingFormat.parse(lines.get(1), JSON).envelope().path("UniqueID").asText()).startsWith("4f1c6c2a");
  }

  @Test
  void aLineThatIsNotJsonIsRefusedSayingSo() {
    assertThatThrownBy(() -> RecordingFormat.parse("{\"receivedAt\":\"2026-05-04T06:00:45Z\",\"envelope\":{\"Mess", JSON))
        .isInstanceOf(RecordingFormat.BadLineException.class).hasMessageStartingWith("not JSON");
  }

  @Test
  void aLineWithoutAReceiveTimeIsRefusedSayingSo() {
    assertThatThrownBy(() -> RecordingFormat.parse("{\"envelope\":{}}", JSON))
        .isInstanceOf(RecordingFormat.BadLineException.class).hasMessage("no \"receivedAt\" time");
  }
}
