package io.cfxtrace.ingest.testing;

import io.cfxtrace.ingest.IngestApplication;
import io.cfxtrace.ingest.IngestEndpoint;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/** an ingest service as the tests start it: its HTTP server and a listener named "line" on free ports of 127.0.0.1. */
public final class IngestServices {

  private IngestServices() {}

  /**
   * starts a service.
   *
   * @param dataSource the event store's settings (TestDatabase#properties, or an embedded one).
   * @param settings further settings, which win.
   * @return the running service.
   */
  public static ApplicationContext withListener(Map<String, Object> dataSource, Map<String, Object> settings) {
    Map<String, Object> props = new HashMap<>(dataSource);
    props.put("micronaut.server.port", -1);
    props.put("cfx.ingest.listeners.line.host", "127.0.0.1");
    props.put("cfx.ingest.listeners.line.port", 0);
    props.putAll(settings);
    return IngestApplication.start(new String[0], props);
  }

  /**
   * the port machines publish to.
   *
   * @param service a service from {@link #withListener}.
   * @return the listener's port.
   */
  public static int listenerPort(ApplicationContext service) {
    return service.getBean(IngestEndpoint.class).listeners().get("line").port();
  }
}
