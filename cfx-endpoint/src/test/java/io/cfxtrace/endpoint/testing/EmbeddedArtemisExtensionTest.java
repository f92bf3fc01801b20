package io.cfxtrace.endpoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EmbeddedArtemis registered as a JUnit 5 extension: one broker for the class. */
@Timeout(60)
class EmbeddedArtemisExtensionTest {

  @RegisterExtension
  static final EmbeddedArtemis BROKER = EmbeddedArtemis.builder().user("cfx", "secret").build();

  @Test
  void theClassBrokerIsRunningBeforeTheFirstTest() {
    assertThat(BROKER.isRunning()).isTrue();
    assertThat(BROKER.amqpUri()).startsWith("amqp://127.0.0.1:");
  }

  @Test
  void anAddressNobodyCreatedBecomesAQueueOnTheFirstPublish() {
    try (JmsMachine machine = JmsMachine.connect(BROKER.amqpUri(), "cfx", "secret")) {
      machine.publish("auto.created", "x".getBytes(StandardCharsets.UTF_8), Map.of(), true, "m1");
      // the broker counts a routed message asynchronously after the send returns
      assertThat(EmbeddedArtemis.awaitCondition(() -> BROKER.queueExists("auto.created") && BROKER.messageCount("auto.created") == 1, Duration.ofSeconds(10)))
          .as("the auto-created queue holds the message")
          .isTrue();
      assertThat(machine.consume("auto.created", 1, Duration.ofSeconds(10)).get(0).text()).isEqualTo("x");
    }
  }
}
