package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Push channels go to the public URL only where Google and Graph accept it: HTTPS")
class CalendarPushAddressTest {

  private static String callbackBase(JsonObject env) {
    return CalendarSync.pushCallbackBase(AppConfig.from(env));
  }

  @Test
  @DisplayName("an https public URL receives push")
  void httpsReceivesPush() {
    assertThat(callbackBase(new JsonObject().put("DOVETAIL_PUBLIC_URL", "https://book.example.com")))
        .isEqualTo("https://book.example.com");
  }

  @Test
  @DisplayName("an http public URL (the default) turns push off: reconciliation only")
  void httpTurnsPushOff() {
    assertThat(callbackBase(new JsonObject())).isNull();
    assertThat(callbackBase(new JsonObject().put("DOVETAIL_PUBLIC_URL", "http://book.example.com"))).isNull();
  }

  @Test
  @DisplayName("DOVETAIL_SYNC_PUSH=false turns push off even at https; DOVETAIL_SYNC_PUSH_OVER_HTTP allows http")
  void explicitChoices() {
    assertThat(callbackBase(new JsonObject().put("DOVETAIL_PUBLIC_URL", "https://book.example.com")
        .put("DOVETAIL_SYNC_PUSH", "false"))).isNull();
    assertThat(callbackBase(new JsonObject().put("DOVETAIL_PUBLIC_URL", "http://127.0.0.1:8080")
        .put("DOVETAIL_SYNC_PUSH_OVER_HTTP", "true"))).isEqualTo("http://127.0.0.1:8080");
  }
}
