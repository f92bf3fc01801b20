package io.cfxtrace.endpoint.testing;

import jakarta.jms.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.qpid.jms.message.JmsMessage;
import org.apache.qpid.jms.provider.amqp.message.AmqpJmsMessageFacade;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;

/**
 * Reaches the AMQP sections behind a Qpid JMS message. Qpid JMS keeps them in {@link
 * AmqpJmsMessageFacade}, whose accessors for the properties section, the body section, the
 * application-properties and message-annotations sections are package-private; the JMS API has no
 * way to set {@code content-encoding} or to read a body that Qpid JMS would decode as text (a Data
 * section with a JSON content type becomes a TextMessage, and gzip bytes are not text). Tests and
 * the endpoint benchmark only.
 */
public final class QpidAmqpAccess {

  private static final Method GET_PROPERTIES = method("getProperties");
  private static final Method SET_PROPERTIES = method("setProperties", Properties.class);
  private static final Method GET_BODY = method("getBody");
  private static final Method GET_APPLICATION_PROPERTIES = method("getApplicationProperties");
  private static final Method GET_MESSAGE_ANNOTATIONS = method("getMessageAnnotations");

  private QpidAmqpAccess() {}

  public static AmqpJmsMessageFacade facade(Message message) {
    if (message instanceof JmsMessage jms && jms.getFacade() instanceof AmqpJmsMessageFacade f) {
      return f;
    }
    throw new IllegalArgumentException("not a Qpid JMS AMQP message: " + message.getClass());
  }

  /** The properties section, created (and attached to the message) when absent. */
  public static Properties properties(Message message) {
    AmqpJmsMessageFacade f = facade(message);
    Properties p = (Properties) invoke(GET_PROPERTIES, f);
    if (p == null) {
      p = new Properties();
      invoke(SET_PROPERTIES, f, p);
    }
    return p;
  }

  /** The properties section or null. */
  static Properties propertiesOrNull(Message message) {
    return (Properties) invoke(GET_PROPERTIES, facade(message));
  }

  public static Section body(Message message) {
    return (Section) invoke(GET_BODY, facade(message));
  }

  static ApplicationProperties applicationProperties(Message message) {
    return (ApplicationProperties) invoke(GET_APPLICATION_PROPERTIES, facade(message));
  }

  static MessageAnnotations messageAnnotations(Message message) {
    return (MessageAnnotations) invoke(GET_MESSAGE_ANNOTATIONS, facade(message));
  }

  private static Method method(String name, Class<?>... parameterTypes) {
    try {
      Method m = AmqpJmsMessageFacade.class.getDeclaredMethod(name, parameterTypes);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(
          "Qpid JMS changed: AmqpJmsMessageFacade." + name + " is gone (" + e + ")");
    }
  }

  private static Object invoke(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }
}
