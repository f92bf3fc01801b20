package io.cfxtrace.endpoint.testing;

import org.apache.qpid.jms.JmsDestination;
import org.apache.qpid.jms.JmsSession;
import org.apache.qpid.jms.message.JmsMessageIDBuilder;
import org.apache.qpid.jms.policy.JmsMessageIDPolicy;

/**
 * a Qpid JMS message-id policy that sends the id set for the current send verbatim (as the SDK
 * puts a CFX envelope's UniqueID in the AMQP message-id), otherwise Qpid JMS' default id. Shared
 * by {@link JmsMachine} and the endpoint benchmark's machines.
 */
public final class OverridableMessageIdPolicy implements JmsMessageIDPolicy {
  private final ThreadLocal<String> next;

  /** @param next the id for the send on the current thread; {@code null} for Qpid JMS' own. */
  public OverridableMessageIdPolicy(ThreadLocal<String> next) {
    this.next = next;
  }

  @Override
  public JmsMessageIDPolicy copy() {
    return this;
  }

  @Override
  public JmsMessageIDBuilder getMessageIDBuilder(JmsSession session, JmsDestination destination) {
    JmsMessageIDBuilder fallback = JmsMessageIDBuilder.BUILTIN.DEFAULT.createBuilder();
    return (producerId, sequence) -> {
      String id = next.get();
      return id != null ? id : fallback.createMessageID(producerId, sequence);
    };
  }
}
