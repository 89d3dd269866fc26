package dev.dovetail.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} per valid secret, space
 * separated, in {@code webhook-signature}; the id and the Unix timestamp in seconds in {@code webhook-id} and
 * {@code webhook-timestamp}.
 */
public final class Signature {

  public static final String ID_HEADER = "webhook-id";
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String SIGNATURE_HEADER = "webhook-signature";

  private Signature() {}

  public static String sign(SigningSecret secret, String id, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** The three headers of one delivery attempt, signed with every secret still valid at {@code now}. */
  public static Map<String, String> headers(List<SigningSecret> secrets, String id, Instant now, String body) {
    long timestamp = now.getEpochSecond();
    String signatures = secrets.stream()
        .filter(s -> s.validAt(now))
        .map(s -> sign(s, id, timestamp, body))
        .collect(Collectors.joining(" "));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ID_HEADER, id);
    headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(SIGNATURE_HEADER, signatures);
    return headers;
  }
}
