package io.cfxtrace.endpoint.listener;

import io.cfxtrace.model.CfxEnvelope;
import io.cfxtrace.model.CfxMessage;
import io.cfxtrace.model.codec.CfxCodec;
import io.cfxtrace.model.cfx.production.WorkStarted;
import java.util.List;

/** CFX envelopes and their SDK wire form for the listener tests. */
final class Cfx {

  /** the codec the tests encode with (the SDK's JSON layout). */
  static final CfxCodec CODEC = new CfxCodec();

  /** the handle of the machines in these tests. */
  static final String MACHINE = "SMTPlus.Model_21232.SN23123";

  private Cfx() {}

  /** a WorkStarted event from {@link #MACHINE} whose lane tells it apart. */
  static CfxEnvelope workStarted(int lane) {
    return CfxEnvelope.event(MACHINE, new WorkStarted(null, null, "tx-" + lane, lane, 1, List.of(), null, null, null, null));
  }

  /** a request from {@link #MACHINE} to the endpoint under test. */
  static CfxEnvelope request(CfxMessage body) {
    return CfxEnvelope.request(MACHINE, TestListener.HANDLE, body);
  }

  static byte[] json(CfxEnvelope e) {
    return CODEC.encode(e);
  }

  /** the lane of a WorkStarted envelope. */
  static int lane(CfxEnvelope e) {
    return ((WorkStarted) e.messageBody()).lane();
  }
}
