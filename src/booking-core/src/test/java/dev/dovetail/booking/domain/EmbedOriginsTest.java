package dev.dovetail.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The origins a provider lets frame its booking pages (ADR 45): exact origins only, canonical, bounded. */
class EmbedOriginsTest {

  @Test
  @DisplayName("origins are kept as a browser writes them: lower case, default port dropped, duplicates once, in order")
  void originsAreCanonical() {
    EmbedOrigins origins = new EmbedOrigins(List.of("https://Shop.Example.com", "https://shop.example.com:443",
        "https://www.example.org:8443", " https://xn--bcher-kva.example ", "http://localhost:3000",
        "http://127.0.0.2:80"));

    assertThat(origins.origins()).containsExactly("https://shop.example.com", "https://www.example.org:8443",
        "https://xn--bcher-kva.example", "http://localhost:3000", "http://127.0.0.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "shop.example.com", "https://", "https://shop.example.com/",
      "https://shop.example.com/book", "https://*.example.com", "*", "'self'", "https://shop.example.com?x=1",
      "https://shop.example.com#top", "https://user@shop.example.com", "https://shop.example.com:0",
      "https://shop.example.com:70000", "https://shop.example.com:", "https://shop.example.com;script-src *",
      "https://shop.example.com https://evil.example", "https://shop.example.com,https://evil.example",
      "http://shop.example.com", "ftp://shop.example.com", "javascript:alert(1)", "https://-shop.example.com",
      "https://shop..example.com", "https://shöp.example.com", "https://[::1]",
      "data:text/html,x", "https://shop.example.com\u0000"})
  @DisplayName("anything but one exact https origin (http only on loopback) is refused with a reason")
  void notAnOriginIsRefused(String origin) {
    assertThatThrownBy(() -> new EmbedOrigins(List.of("https://fine.example", origin)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("allowedOrigins[1]");
  }

  @Test
  @DisplayName("at most ten origins, and a missing list or entry is refused")
  void countIsBounded() {
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("https://site" + i + ".example");
    }
    assertThat(new EmbedOrigins(eleven.subList(0, 10)).origins()).hasSize(10);
    assertThatThrownBy(() -> new EmbedOrigins(eleven)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("at most 10");
    assertThatThrownBy(() -> new EmbedOrigins(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new EmbedOrigins(java.util.Arrays.asList("https://a.example", null)))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("allowedOrigins[1]");
    assertThatThrownBy(() -> new EmbedOrigins(List.of("https://" + "a".repeat(63) + "." + "b".repeat(63) + "."
        + "c".repeat(63) + ".example"))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("200");
    assertThat(EmbedOrigins.none().isEmpty()).isTrue();
  }
}
