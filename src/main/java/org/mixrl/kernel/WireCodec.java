package org.mixrl.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The Jupyter wire format: a message is {@code identities..., "<IDS|MSG>", signature, header,
 * parent_header, metadata, content, buffers...}. Decoding checks the frame layout and the
 * signature before it parses any JSON, so an unsigned message is never interpreted; any
 * failure is a {@link RejectedMessage}, never an unchecked exception.
 *
 * <p>The JSON mapping of headers and contents is jjava-jupyter's (its public type adapters),
 * so the messages decoded here are the ones its {@code BaseKernel} handlers expect.
 */
final class WireCodec {
  static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Type METADATA = new TypeToken<Map<String, Object>>() {}.getType();
  /** signature, header, parent header, metadata, content. */
  private static final int REQUIRED_AFTER_DELIMITER = 5;

  private static final Gson REPLY_GSON =
      new GsonBuilder()
          .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
          .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
          .create();
  private static final Gson GSON =
      new GsonBuilder()
          .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
          .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
          .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
          .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
          .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
          .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
          .create();

  private final MessageSigner signer;

  WireCodec(MessageSigner signer) {
    this.signer = signer;
  }

  /**
   * The message in {@code frames} (one complete multipart message as received).
   *
   * @throws RejectedMessage if the layout is wrong, the signature does not verify, or the
   *     header or content is not the JSON object the protocol requires
   */
  Message<?> decode(List<byte[]> frames) throws RejectedMessage {
    int d = delimiterIndex(frames);
    if (d < 0) {
      throw new RejectedMessage("no <IDS|MSG> delimiter among " + frames.size() + " frames");
    }
    int after = frames.size() - d - 1;
    if (after < REQUIRED_AFTER_DELIMITER) {
      throw new RejectedMessage(
          "too few frames: " + after + " after the delimiter, " + REQUIRED_AFTER_DELIMITER + " required");
    }
    List<byte[]> signed = frames.subList(d + 2, d + 6);
    if (!signer.verifies(frames.get(d + 1), signed)) {
      throw new RejectedMessage(
          frames.get(d + 1).length == 0 ? "missing signature" : "signature does not verify");
    }
    // Signed by the key holder from here on; still parse defensively, a client may have a bug.
    JsonObject headerJson = object(signed.get(0), "header");
    String typeName = typeName(headerJson);
    MessageType<?> type = MessageType.getType(typeName);
    if (type == MessageType.UNKNOWN) {
      throw new RejectedMessage("unknown msg_type \"" + typeName + "\"");
    }
    try {
      Header<?> header = GSON.fromJson(headerJson, Header.class);
      JsonObject parentJson = object(signed.get(1), "parent_header");
      Header<?> parent = parentJson.size() == 0 ? null : GSON.fromJson(parentJson, Header.class);
      Map<String, Object> metadata = GSON.fromJson(object(signed.get(2), "metadata"), METADATA);
      Object content = GSON.fromJson(object(signed.get(3), "content"), type.getContentType());
      List<byte[]> identities = new ArrayList<>(frames.subList(0, d));
      List<byte[]> buffers = new ArrayList<>(frames.subList(d + 6, frames.size()));
      return message(identities, header, parent, metadata, content, buffers);
    } catch (RuntimeException e) { // gson's JsonParseException and the adapters' NPEs alike
      throw new RejectedMessage(typeName + " does not match the protocol: " + e.getMessage());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Message<?> message(
      List<byte[]> ids, Header<?> header, Header<?> parent, Map<String, Object> metadata, Object content,
      List<byte[]> buffers) {
    return new Message(ids, header, parent, metadata, content, buffers);
  }

  /** The frames of {@code message}, signed. */
  List<byte[]> encode(Message<?> message) {
    byte[] header = utf8(GSON.toJson(message.getHeader()));
    byte[] parent = message.hasParentHeader() ? utf8(GSON.toJson(message.getParentHeader())) : EMPTY_OBJECT;
    byte[] metadata = message.hasMetadata() ? utf8(GSON.toJson(message.getMetadata())) : EMPTY_OBJECT;
    byte[] content = utf8(GSON.toJson(message.getContent()));
    List<byte[]> frames = new ArrayList<>();
    if (message.getIdentities() != null) {
      frames.addAll(message.getIdentities());
    }
    frames.add(DELIMITER);
    frames.add(signer.sign(List.of(header, parent, metadata, content)));
    frames.add(header);
    frames.add(parent);
    frames.add(metadata);
    frames.add(content);
    if (message.getBlobs() != null) {
      frames.addAll(message.getBlobs());
    }
    return frames;
  }

  private static int delimiterIndex(List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(frames.get(i), DELIMITER)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonObject object(byte[] frame, String what) throws RejectedMessage {
    try {
      JsonElement e = JsonParser.parseString(new String(frame, StandardCharsets.UTF_8));
      if (e.isJsonObject()) {
        return e.getAsJsonObject();
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new RejectedMessage(what + " is not a JSON object");
  }

  private static String typeName(JsonObject header) throws RejectedMessage {
    JsonElement t = header.get("msg_type");
    if (t == null || !t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
      throw new RejectedMessage("header has no msg_type string");
    }
    return t.getAsString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
