package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Waitlist mails: the slot in the customer's zone, the claim window, claim and leave links, escaped HTML")
class TemplateWaitlistMailRendererTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private static final PublicCatalog.Offer OFFER = new PublicCatalog.Offer(
      new Provider("acme", "Acme <Clinic>", "owner@acme.test", BERLIN, NOW),
      TestBookings.officeHours("room", "acme", BERLIN), TestBookings.simpleType("hour", "acme", "room", 60));

  private final TemplateWaitlistMailRenderer renderer = new TemplateWaitlistMailRenderer();

  private static WaitlistEntry entry() {
    return WaitlistEntry.join("e1e1", "acme", "room", "hour", "Ada <b>", "ada@example.com", NEW_YORK,
        Wish.window(LocalDate.of(2026, 11, 24), LocalTime.of(3, 0), LocalTime.of(5, 0)), NOW);
  }

  @Test
  @DisplayName("join confirmation: the wish as the customer wrote it, the leave link, no claim link")
  void joined() {
    OutboundMessage message = OutboundMessage.pending("acme", "e1e1", 0, MessageKind.WAITLIST_JOINED, null,
        "ada@example.com", NOW, NOW);
    MailMessage mail = renderer.render(message, entry(), OFFER, null, "https://hub.test/waitlist/leave/tok");
    assertThat(mail.subject()).isEqualTo("You are on the waitlist: hour on Tuesday 24 November 2026, 03:00–05:00");
    assertThat(mail.text()).contains("https://hub.test/waitlist/leave/tok").contains("America/New_York")
        .doesNotContain("/waitlist/claim/");
    assertThat(mail.html()).contains("Ada &lt;b&gt;").doesNotContain("Ada <b>");
    assertThat(mail.replyTo()).isEqualTo("owner@acme.test");
    assertThat(mail.hasCalendar()).isFalse();
  }

  @Test
  @DisplayName("offer: slot and deadline in the customer's zone (EST), minutes to claim, claim and leave links")
  void offer() {
    WaitlistEntry offered = entry().offered(new SlotOffer("held1", TimeRange.of(Instant.parse("2026-11-24T08:00:00Z"),
        Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(15)), false), NOW);
    OutboundMessage message = OutboundMessage.pending("acme", "held1", 0, MessageKind.WAITLIST_OFFER, null,
        "ada@example.com", NOW, NOW);
    MailMessage mail = renderer.render(message, offered, OFFER, "https://hub.test/waitlist/claim/c1",
        "https://hub.test/waitlist/leave/l1");
    assertThat(mail.subject())
        .isEqualTo("A slot is free for you: hour on Tuesday 24 November 2026 at 03:00 (claim by 02:15 on Monday 23 November 2026)");
    assertThat(mail.text()).contains("03:00–04:00").contains("within 15 minutes").contains("EST")
        .contains("https://hub.test/waitlist/claim/c1").contains("https://hub.test/waitlist/leave/l1");
    assertThat(mail.html()).contains("href=\"https://hub.test/waitlist/claim/c1\"").contains("Acme &lt;Clinic&gt;");
  }

  @Test
  @DisplayName("in German (the language the customer joined in): German templates, dates, zone names and words")
  void german() {
    WaitlistEntry offered = entry().in(Language.DE).offered(new SlotOffer("held1", TimeRange.of(
        Instant.parse("2026-11-24T08:00:00Z"), Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(15)), false), NOW);
    MailMessage offer = renderer.render(OutboundMessage.pending("acme", "held1", 0, MessageKind.WAITLIST_OFFER, null,
        "ada@example.com", NOW, NOW), offered, OFFER, "https://hub.test/waitlist/claim/c1?lang=de",
        "https://hub.test/waitlist/leave/l1?lang=de");
    assertThat(offer.subject()).isEqualTo("Eine Zeit ist für Sie frei: hour am Dienstag, 24. November 2026 um 03:00"
        + " (annehmen bis 02:15 am Montag, 23. November 2026)");
    assertThat(offer.text()).contains("Hallo Ada <b>", "innerhalb von 15 Minuten", "Zeitzone:", "America/New_York")
        .contains("https://hub.test/waitlist/claim/c1?lang=de").doesNotContain("Hello");
    assertThat(offer.html()).startsWith("<!DOCTYPE html>\n<html lang=\"de\">").contains("Diese Zeit annehmen");

    MailMessage joined = renderer.render(OutboundMessage.pending("acme", "e1e1", 0, MessageKind.WAITLIST_JOINED,
        null, "ada@example.com", NOW, NOW), entry().in(Language.DE), OFFER, null, "https://hub.test/l?lang=de");
    assertThat(joined.subject())
        .isEqualTo("Sie stehen auf der Warteliste: hour am Dienstag, 24. November 2026, 03:00–05:00");
    assertThat(joined.html()).contains("<html lang=\"de\">", "Warteliste verlassen");
  }

  @Test
  @DisplayName("an exact-slot wish reads \"<date> at <time>\" in English, \"<date> um <time>\" in German")
  void exactSlotWish() {
    Wish slot = Wish.slot(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(TemplateWaitlistMailRenderer.describe(slot, BERLIN, Language.EN))
        .isEqualTo("Tuesday 24 November 2026 at 09:00");
    assertThat(TemplateWaitlistMailRenderer.describe(slot, BERLIN, Language.DE))
        .isEqualTo("Dienstag, 24. November 2026 um 09:00");
  }
}
