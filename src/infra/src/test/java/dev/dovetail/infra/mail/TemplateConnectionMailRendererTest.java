package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Broken-connection mail: account, plain cause, what it means, reconnect link, provider's zone, escaped")
class TemplateConnectionMailRendererTest {

  static final Instant NOW = Instant.parse("2030-03-04T07:00:00Z");
  static final Provider PROVIDER = new Provider("acme", "Acme <Clinic>", "owner@acme.test",
      ZoneId.of("Europe/Berlin"), NOW);
  static final String LINK = "https://hub.test/dashboard#calendars";

  final TemplateConnectionMailRenderer renderer = new TemplateConnectionMailRenderer();

  MailMessage render(CalendarProvider service, String reason) {
    Connection broken = Connection.granted("acme", service, "owner<x>@acme.test", "sealed", NOW)
        .broken(reason, NOW.plusSeconds(3600));
    OutboundMessage message = OutboundMessage.pending("acme", broken.id() + "@" + NOW.toEpochMilli(), 0,
        MessageKind.PROVIDER_CALENDAR_BROKEN, null, "owner@acme.test", NOW, NOW);
    return renderer.render(message, broken, PROVIDER, LINK);
  }

  @Test
  @DisplayName("Google: subject names the account, both bodies say why, what it means and link to reconnect")
  void google() {
    MailMessage mail = render(CalendarProvider.GOOGLE, "invalid_grant: Token has been expired or revoked.");

    assertThat(mail.to()).isEqualTo("owner@acme.test");
    assertThat(mail.subject()).doesNotContain("\n").contains("Google Calendar").contains("owner<x>@acme.test");
    assertThat(mail.text()).doesNotContain("{{").contains("Google Account").contains("invalid_grant")
        .contains("no longer block bookings").contains("no longer appear there").contains(LINK)
        .contains("Monday 4 March 2030, 09:00").contains("Europe/Berlin (CET, UTC+01:00)");
    assertThat(mail.html()).doesNotContain("{{").doesNotContain("<Clinic>").contains("Acme &lt;Clinic&gt;")
        .contains("owner&lt;x&gt;@acme.test").contains("href=\"" + LINK + "\"").contains("no longer block bookings");
    assertThat(mail.ics()).isNull();
  }

  @Test
  @DisplayName("Outlook: names the Microsoft account; a missing reason still renders")
  void outlook() {
    MailMessage mail = render(CalendarProvider.OUTLOOK, null);

    assertThat(mail.subject()).contains("Outlook calendar");
    assertThat(mail.text()).contains("Microsoft account").contains("no details given");
  }

  @Test
  @DisplayName("another kind is refused")
  void otherKindIsRefused() {
    OutboundMessage other = OutboundMessage.pending("acme", "b1", 0, MessageKind.CONFIRMATION, null, "a@b.test", NOW,
        NOW);
    Connection c = Connection.granted("acme", CalendarProvider.GOOGLE, "a@b.test", "sealed", NOW).broken("x", NOW);
    assertThatThrownBy(() -> renderer.render(other, c, PROVIDER, LINK)).isInstanceOf(IllegalArgumentException.class);
  }
}
