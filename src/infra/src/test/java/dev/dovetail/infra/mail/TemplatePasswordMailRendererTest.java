package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplatePasswordMailRendererTest {

  private static final Instant NOW = Instant.parse("2027-03-27T22:30:00Z");
  private static final String LINK = "https://hub.example/reset-password#bG9naW4.c2ln-_";

  @Test
  @DisplayName("the reset mail: link, expiry in the provider's zone, the provider's name escaped in HTML, no header "
      + "breaks")
  void rendersTheLinkAndExpiry() {
    // Expires at 01:30 UTC on the night Berlin moves to summer time: 03:30 there, not 02:30.
    Provider provider = new Provider("acme", "Acme <Rooms> & \"Co\"", "owner@acme.test",
        ZoneId.of("Europe/Berlin"), NOW);
    OutboundMessage message = OutboundMessage.pending("acme", "owner@acme.test@1806186600000", 0,
        MessageKind.PROVIDER_PASSWORD_RESET, null, "owner@acme.test", NOW, NOW);
    MailMessage mail = new TemplatePasswordMailRenderer().renderReset(message, provider, LINK, NOW.plusSeconds(3 * 3600));
    assertThat(mail.to()).isEqualTo("owner@acme.test");
    assertThat(mail.replyTo()).isNull();
    assertThat(mail.subject()).isEqualTo("Reset your Dovetail password");
    assertThat(mail.text()).contains(LINK, "owner@acme.test", "Sunday 28 March 2027, 03:30 (Europe/Berlin)",
        "Acme <Rooms>").doesNotContain("{{");
    assertThat(mail.html()).contains("href=\"" + LINK + "\"", "Acme &lt;Rooms&gt; &amp; &quot;Co&quot;")
        .doesNotContain("<Rooms>").doesNotContain("{{");
    assertThat(mail.hasCalendar()).isFalse();
    assertThatThrownBy(() -> new TemplatePasswordMailRenderer().renderReset(OutboundMessage.pending("acme", "b", 0,
        MessageKind.CONFIRMATION, null, "x@acme.test", NOW, NOW), provider, LINK, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the changed-password notice: when, in the provider's zone, and where to reset it; escaped in HTML")
  void rendersTheChangeNotice() {
    Provider provider = new Provider("acme", "Acme <Rooms>", "owner@acme.test", ZoneId.of("Asia/Kolkata"), NOW);
    OutboundMessage message = OutboundMessage.pending("acme", "owner@acme.test@1806186600000", 0,
        MessageKind.PROVIDER_PASSWORD_CHANGED, null, "owner@acme.test", NOW, NOW);
    MailMessage mail = new TemplatePasswordMailRenderer().renderChanged(message, provider, NOW,
        "https://hub.example/forgot-password");
    assertThat(mail.subject()).isEqualTo("Your Dovetail password was changed");
    assertThat(mail.text()).contains("Sunday 28 March 2027, 04:00 (Asia/Kolkata)", "owner@acme.test",
        "https://hub.example/forgot-password").doesNotContain("{{").doesNotContain("reset-password#");
    assertThat(mail.html()).contains("Acme &lt;Rooms&gt;", "href=\"https://hub.example/forgot-password\"")
        .doesNotContain("<Rooms>");
    assertThatThrownBy(() -> new TemplatePasswordMailRenderer().renderChanged(OutboundMessage.pending("acme",
        "owner@acme.test@1", 0, MessageKind.PROVIDER_PASSWORD_RESET, null, "owner@acme.test", NOW, NOW), provider,
        NOW, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
