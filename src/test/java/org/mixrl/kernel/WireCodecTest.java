package org.mixrl.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  private static final String KEY = "0b1c2d3e-key";
  private final MessageSigner signer = MessageSigner.of("hmac-sha256", KEY);
  private final WireCodec codec = new WireCodec(signer);

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(String type) {
    return "{\"msg_id\": \"m1\", \"username\": \"u\", \"session\": \"s\", \"date\": \"2026-01-01T00:00:00.000Z\","
        + " \"msg_type\": \"" + type + "\", \"version\": \"5.3\"}";
  }

  private static final String EXECUTE =
      "{\"code\": \"1 + 1\", \"silent\": false, \"store_history\": true, \"user_expressions\": {},"
          + " \"allow_stdin\": false, \"stop_on_error\": true}";

  /** identity, delimiter, signature of (header, {}, {}, content) under {@code by}, and the four. */
  private static List<byte[]> frames(MessageSigner by, String header, String content) {
    List<byte[]> parts = List.of(b(header), b("{}"), b("{}"), b(content));
    List<byte[]> f = new ArrayList<>(List.of(b("client-1"), WireCodec.DELIMITER, by.sign(parts)));
    f.addAll(parts);
    return f;
  }

  private String rejection(List<byte[]> frames) {
    return assertThrows(RejectedMessage.class, () -> codec.decode(frames)).getMessage();
  }

  @Test
  void signatureIsTheHexHmacOfTheConcatenatedParts() {
    // RFC 4231, test case 2 (HMAC-SHA256, key "Jefe"), its data split across four frames.
    MessageSigner jefe = MessageSigner.of("hmac-sha256", "Jefe");
    List<byte[]> parts = List.of(b("what do ya"), b(" want "), b(""), b("for nothing?"));
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        new String(jefe.sign(parts), StandardCharsets.US_ASCII));
  }

  @Test
  void aSignedRequestDecodesWithItsIdentityAndContent() throws RejectedMessage {
    Message<?> m = codec.decode(frames(signer, header("execute_request"), EXECUTE));
    assertEquals(MessageType.EXECUTE_REQUEST, m.getHeader().getType());
    assertEquals("m1", m.getHeader().getId());
    assertEquals("1 + 1", ((ExecuteRequest) m.getContent()).getCode());
    assertArrayEquals(b("client-1"), m.getIdentities().get(0));
    assertFalse(m.hasParentHeader());
  }

  @Test
  void encodedMessagesDecodeToTheSameMessage() throws RejectedMessage {
    Message<?> request = codec.decode(frames(signer, header("execute_request"), EXECUTE));
    List<byte[]> out = codec.encode(request);
    assertArrayEquals(b("client-1"), out.get(0));
    assertArrayEquals(WireCodec.DELIMITER, out.get(1));
    Message<?> back = codec.decode(out);
    assertEquals("m1", back.getHeader().getId());
    assertEquals("1 + 1", ((ExecuteRequest) back.getContent()).getCode());
  }

  @Test
  void forgedSignaturesAreRejected() {
    assertEquals("signature does not verify",
        rejection(frames(MessageSigner.of("hmac-sha256", "wrong"), header("execute_request"), EXECUTE)));
    assertEquals("signature does not verify",
        rejection(frames(MessageSigner.of("hmac-sha1", KEY), header("execute_request"), EXECUTE)));

    List<byte[]> missing = frames(signer, header("execute_request"), EXECUTE);
    missing.set(2, new byte[0]);
    assertEquals("missing signature", rejection(missing));

    List<byte[]> prefix = frames(signer, header("execute_request"), EXECUTE);
    prefix.set(2, Arrays.copyOf(prefix.get(2), 63)); // all but the last hex digit
    assertEquals("signature does not verify", rejection(prefix));

    List<byte[]> upper = frames(signer, header("execute_request"), EXECUTE);
    upper.set(2, new String(upper.get(2), StandardCharsets.US_ASCII).toUpperCase().getBytes(StandardCharsets.US_ASCII));
    assertEquals("signature does not verify", rejection(upper)); // jupyter_client signs lower-case

    List<byte[]> tampered = frames(signer, header("execute_request"), EXECUTE);
    tampered.set(6, b(EXECUTE.replace("1 + 1", "2 + 2")));
    assertEquals("signature does not verify", rejection(tampered));
  }

  @Test
  void malformedLayoutsAreRejectedBeforeAnyParsing() {
    List<byte[]> good = frames(signer, header("execute_request"), EXECUTE);
    assertTrue(rejection(new ArrayList<>(good.subList(0, 5))).startsWith("too few frames: 3 after"));
    List<byte[]> noDelimiter = new ArrayList<>(good);
    noDelimiter.remove(1);
    assertEquals("no <IDS|MSG> delimiter among 6 frames", rejection(noDelimiter));
    assertTrue(rejection(List.of()).startsWith("no <IDS|MSG> delimiter"));
  }

  @Test
  void signedButMalformedJsonIsRejected() {
    assertEquals("header is not a JSON object", rejection(frames(signer, "{not json", EXECUTE)));
    assertEquals("header is not a JSON object", rejection(frames(signer, "[1]", EXECUTE)));
    assertEquals("header has no msg_type string", rejection(frames(signer, "{\"msg_id\": \"m\"}", EXECUTE)));
    assertEquals("content is not a JSON object", rejection(frames(signer, header("execute_request"), "code")));
    assertEquals("unknown msg_type \"run_this_request\"", rejection(frames(signer, header("run_this_request"), EXECUTE)));
    assertTrue(rejection(frames(signer, "{\"msg_type\": \"execute_request\"}", EXECUTE))
        .startsWith("execute_request does not match the protocol"));
  }

  @Test
  void anUnsignedConnectionAcceptsAnySignature() throws RejectedMessage {
    WireCodec unsigned = new WireCodec(MessageSigner.of(ConnectionInfo.UNSIGNED, ""));
    List<byte[]> f = frames(MessageSigner.of("hmac-sha256", "whatever"), header("kernel_info_request"), "{}");
    assertEquals(MessageType.KERNEL_INFO_REQUEST, unsigned.decode(f).getHeader().getType());
    assertEquals(0, unsigned.encode(unsigned.decode(f)).get(2).length); // and signs with nothing
  }

  @Test
  void theDropLogNamesTheSenderReadably() {
    assertEquals("identity client-1", DropLog.sender(List.of(b("client-1"), WireCodec.DELIMITER)));
    assertEquals("identity 0x00ab12", DropLog.sender(List.of(new byte[] {0, (byte) 0xab, 0x12})));
    assertTrue(DropLog.sender(List.of(new byte[100])).endsWith("..."));
    assertEquals("an unknown sender", DropLog.sender(List.of()));
  }
}
