package io.cfxtrace.query;

import static io.cfxtrace.query.InterlocksOverCfxTest.HANDLE;
import static io.cfxtrace.query.InterlocksOverCfxTest.ICT;
import static io.cfxtrace.query.InterlocksOverCfxTest.units;
import static org.assertj.core.api.Assertions.assertThat;

import io.cfxtrace.endpoint.AmqpUri;
import io.cfxtrace.endpoint.CfxEndpoint;
import io.cfxtrace.endpoint.EndpointIdentity;
import io.cfxtrace.endpoint.testing.EmbeddedArtemis;
import io.cfxtrace.endpoint.testing.JmsMachine;
import io.cfxtrace.endpoint.testing.JmsMachine.ReplyMode;
import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsRequest;
import io.cfxtrace.model.cfx.informationsystem.unitvalidation.ValidateUnitsResponse;
import io.cfxtrace.model.cfx.structures.ValidationStatus;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.query.interlock.InterlockBrokerChannel;
import io.cfxtrace.query.interlock.InterlockService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * the interlocks through a broker (issue #15): a station that reaches only the broker sends its
 * ValidateUnitsRequest to the service's request address on it ({@code /queue/CfxTrace.Interlocks}
 * by default) the way the SDK's requester sends requests (Qpid JMS, a temporary reply queue), and
 * gets the answer the listener gives, on the same store as {@link InterlocksOverCfxTest}.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterlocksOverBrokerTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String REQUEST_ADDRESS = "/queue/" + HANDLE;
  private static final CfxCodec CODEC = new CfxCodec();

  @RegisterExtension static final EmbeddedArtemis BROKER = EmbeddedArtemis.builder().build();

  private static QueryServiceFixture service;
  private static CfxEndpoint ict;
  private static JmsMachine ictOverBroker;

  @BeforeAll
  static void start() {
    // the URI names no address: the request address defaults to /queue/<handle>
    service = QueryServiceFixture.storing(InterlocksOverCfxTest.line(), Map.of("cfx.query.interlocks.enabled", true, "cfx.query.interlocks.port", 0,
        "cfx.query.interlocks.host", "127.0.0.1", "cfx.query.interlocks.rules", Path.of("interlock-rules.example.yaml").toAbsolutePath().toString(),
        "cfx.query.interlocks.broker.uri", BROKER.amqpUri()));
    ict = CfxEndpoint.start(EndpointIdentity.of(ICT, null), CfxEndpoint.Options.defaults());
    ictOverBroker = JmsMachine.builder(BROKER.amqpUri()).handle(ICT).connect();
  }

  @AfterAll
  static void stop() {
    if (ictOverBroker != null) {
      ictOverBroker.close();
    }
    if (ict != null) {
      ict.close();
    }
    if (service != null) {
      service.close();
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static CfxEnvelope askThroughTheBroker(CfxEnvelope request) throws Exception {
    return CODEC.decodeEnvelope(ictOverBroker.request(REQUEST_ADDRESS, CODEC.encode(request), WAIT, ReplyMode.TEMPORARY_QUEUE, true).decodedBody());
  }

  private static CfxEnvelope askTheListener(ValidateUnitsRequest body) throws Exception {
    AmqpUri listener = AmqpUri.parse("amqp://127.0.0.1:" + service.context().getBean(InterlockService.class).port());
    return ict.request(listener, null, HANDLE, body, WAIT).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  @Order(1)
  void aValidateUnitsRequestThroughTheBrokerGetsTheAnswerTheListenerGives() throws Exception {
    InterlockBrokerChannel channel = service.context().getBean(InterlockBrokerChannel.class);
    await("the broker request channel is up", () -> channel.status().isUp());
    CfxEnvelope request = CfxEnvelope.request(ICT, HANDLE, units("SN-IL-1", "SN-IL-2"));

    CfxEnvelope throughBroker = askThroughTheBroker(request);
    CfxEnvelope throughListener = askTheListener(units("SN-IL-1", "SN-IL-2"));

    assertThat(channel.address()).isEqualTo(REQUEST_ADDRESS);
    assertThat(throughBroker.requestId()).isEqualTo(request.requestId());
    assertThat(throughBroker.source()).isEqualTo(HANDLE);
    assertThat(throughBroker.target()).isEqualTo(ICT);
    assertThat(throughBroker.messageBody()).isEqualTo(throughListener.messageBody());
    ValidateUnitsResponse v = (ValidateUnitsResponse) throughBroker.messageBody();
    assertThat(v.primaryResult().result().known()).contains(ValidationStatus.FAILED); // SN-IL-1 failed AOI, unrepaired
  }

  @Test
  @Order(2)
  void healthIsDownWhileTheBrokerIsAwayAndTheChannelAnswersAgainOnceItIsBack() throws Exception {
    await("/health UP", () -> service.get("/health").statusCode() == 200);

    BROKER.stop();
    await("/health DOWN while the broker is away", () -> service.get("/health").statusCode() == 503);
    BROKER.start();
    await("/health UP again", () -> service.get("/health").statusCode() == 200);

    ictOverBroker.close(); // its connection went with the broker
    ictOverBroker = JmsMachine.builder(BROKER.amqpUri()).handle(ICT).connect();
    CfxEnvelope request = CfxEnvelope.request(ICT, HANDLE, units("SN-IL-2"));
    ValidateUnitsResponse v = (ValidateUnitsResponse) askThroughTheBroker(request).messageBody();
    assertThat(v.primaryResult().result().known()).contains(ValidationStatus.PASSED);
  }
}
