package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionInfoTest {
  private static String file(String transport, String ip, String key, String scheme, int shell) {
    return "{\"transport\": \"" + transport + "\", \"ip\": \"" + ip + "\", \"shell_port\": " + shell
        + ", \"iopub_port\": 5002, \"stdin_port\": 5003, \"control_port\": 5004, \"hb_port\": 5005,"
        + " \"key\": \"" + key + "\", \"signature_scheme\": \"" + scheme + "\", \"kernel_name\": \"mixrl\"}";
  }

  private static String refusal(String json) {
    return assertThrows(IllegalArgumentException.class, () -> ConnectionInfo.parse(json)).getMessage();
  }

  @Test
  void jupytersFileIsReadAsWritten() {
    ConnectionInfo info = ConnectionInfo.parse(file("tcp", "127.0.0.1", "k3y", "hmac-sha256", 5001));
    assertEquals("tcp://127.0.0.1:5001", info.endpoint(info.shellPort()));
    assertEquals(5005, info.hbPort());
    assertFalse(info.unsigned());
    assertFalse(info.bindsEverywhere());
  }

  @Test
  void anEmptyKeyIsRefusedUnlessSigningIsTurnedOffExplicitly() {
    String message = refusal(file("tcp", "127.0.0.1", "", "hmac-sha256", 5001));
    assertTrue(message.contains("key is empty") && message.contains("\"signature_scheme\": \"none\""), message);
    assertTrue(refusal("{\"ip\": \"127.0.0.1\", \"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3,"
        + " \"control_port\": 4, \"hb_port\": 5}").contains("key is empty"));

    ConnectionInfo unsigned = ConnectionInfo.parse(file("tcp", "127.0.0.1", "", "none", 5001));
    assertTrue(unsigned.unsigned());
    assertTrue(refusal(file("tcp", "127.0.0.1", "k3y", "none", 5001)).contains("non-empty key"));
  }

  @Test
  void unknownSchemesTransportsAndPortsAreNamed() {
    assertTrue(refusal(file("tcp", "127.0.0.1", "k", "hmac-nosuchdigest", 5001)).contains("hmac-nosuchdigest"));
    assertTrue(refusal(file("tcp", "127.0.0.1", "k", "sha256", 5001)).contains("\"sha256\""));
    assertTrue(refusal(file("ipc", "kernel", "k", "hmac-sha256", 5001)).contains("\"ipc\""));
    assertTrue(refusal(file("tcp", "", "k", "hmac-sha256", 5001)).contains("ip is empty"));
    assertTrue(refusal(file("tcp", "127.0.0.1", "k", "hmac-sha256", 0)).contains("shell_port"));
    assertTrue(refusal(file("tcp", "127.0.0.1", "k", "hmac-sha256", 65536)).contains("shell_port"));
    assertTrue(refusal(file("tcp", "127.0.0.1", "k", "hmac-sha256", 5002)).contains("port 5002 is named twice"));
    assertTrue(refusal("[1, 2]").contains("not a Jupyter connection file"));
  }

  @Test
  void wildcardAndIpv6AddressesAreRecognised() {
    assertTrue(ConnectionInfo.parse(file("tcp", "0.0.0.0", "k", "hmac-sha256", 5001)).bindsEverywhere());
    ConnectionInfo v6 = ConnectionInfo.parse(file("tcp", "::1", "k", "hmac-sha256", 5001));
    assertEquals("tcp://[::1]:5001", v6.endpoint(5001));
    assertFalse(v6.bindsEverywhere());
  }

  @Test
  void theKeyStaysOutOfToString() {
    String text = ConnectionInfo.parse(file("tcp", "127.0.0.1", "s3cret-key", "hmac-sha256", 5001)).toString();
    assertFalse(text.contains("s3cret-key"), text);
  }
}
