package dev.dovetail.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import io.vertx.core.Vertx;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Defence in depth at the mail layer: a header value holding a line break (stored before the edges validated it) is
 * never sent, so it cannot forge a header; the refusal is permanent, so the outbox does not retry it.
 */
@ExtendWith(VertxExtension.class)
class MailHeaderSafetyTest {

  private SmtpSink smtp;
  private SmtpMailer mailer;

  @BeforeEach
  void start(Vertx vertx) {
    smtp = new SmtpSink().start();
    mailer = new SmtpMailer(vertx, new SmtpMailer.Settings("127.0.0.1", smtp.port(), null, null, SmtpMailer.Tls.NONE,
        "Dovetail <hub@example.test>"));
  }

  @AfterEach
  void stop() {
    mailer.close().await();
    smtp.close();
  }

  private static MailMessage message(String to, String replyTo, String subject) {
    return new MailMessage("m-1", to, replyTo, subject, "text", "<p>html</p>", null, null);
  }

  @Test
  @DisplayName("a Reply-To, To or Subject with CR/LF (or NEL, U+2028) is refused as a permanent failure and not sent")
  void headerValuesWithLineBreaksAreNeverSent() {
    for (MailMessage bad : new MailMessage[] {
        message("c@example.test", "p@example.test\r\nX-Injected: 1", "Booked"),
        message("c@example.test\nBcc: victim@example.test", null, "Booked"),
        message("c@example.test", null, "Booked\r\nX-Injected: 1"),
        message("c@example.test", "p@example.test\u0085X-Injected: 1", "Booked"),
        message("c@example.test", null, "Booked\u2028X-Injected: 1")}) {
      // Refused before any connection is opened: the future has already failed.
      Throwable failure = mailer.send(bad).cause();
      assertThat(failure).isInstanceOf(DeliveryException.class);
      assertThat(((DeliveryException) failure).permanent()).isTrue();
      assertThat(failure.getMessage()).contains("control character");
    }
    assertThat(smtp.received()).isEmpty();
  }

  @Test
  @DisplayName("a clean message still goes out, with its Reply-To as given")
  void cleanMessageIsSent() {
    mailer.send(message("c@example.test", "p@example.test", "Booked: Monday 10:00")).await();
    assertThat(smtp.received()).hasSize(1);
    assertThat(SmtpSink.header(smtp.received().get(0), "Reply-To")).isEqualTo("p@example.test");
    assertThat(SmtpSink.header(smtp.received().get(0), "X-Injected")).isNull();
  }

  @Test
  @DisplayName("an .ics name with a line break is flattened to one line; clean names are left alone")
  void icsNamesStayOnOneLine() {
    assertThat(IcsWriter.oneLine("Ada\r\nATTENDEE:mailto:evil@example.test"))
        .isEqualTo("Ada  ATTENDEE:mailto:evil@example.test");
    assertThat(IcsWriter.oneLine("Zoë – Raum 1")).isEqualTo("Zoë – Raum 1");
  }

  @Test
  @DisplayName("a customer mail goes out under its provider's name at the hub's address; address syntax or a line break "
      + "in the name cannot add a sender, and a non-ASCII name arrives intact (ADR 57)")
  void providerNameAsSender() throws Exception {
    mailer.send(new MailMessage("m-2", "c@example.test", null, "Booked", "text", "<p>html</p>", null, null,
        "Praxis Müller")).await();
    mailer.send(new MailMessage("m-3", "c@example.test", null, "Booked", "text", "<p>html</p>", null, null,
        "Evil \"Co\" <boss@evil.test>,\r\nBcc: victim@example.test")).await();
    assertThat(smtp.received()).hasSize(2);
    InternetAddress[] first = (InternetAddress[]) smtp.received().get(0).getFrom();
    assertThat(first).hasSize(1);
    assertThat(first[0].getPersonal()).isEqualTo("Praxis Müller");
    assertThat(first[0].getAddress()).isEqualTo("hub@example.test");
    InternetAddress[] second = (InternetAddress[]) smtp.received().get(1).getFrom();
    assertThat(second).hasSize(1);
    assertThat(second[0].getAddress()).isEqualTo("hub@example.test");
    assertThat(second[0].getPersonal()).isEqualTo("Evil Co bossevil.testBcc victimexample.test");
    assertThat(smtp.received().get(1).getRecipients(Message.RecipientType.BCC)).isNull();
    assertThat(SmtpMailer.fromHeader("hub@example.test", null)).isEqualTo("hub@example.test");
    assertThat(SmtpMailer.fromHeader("hub@example.test", "<>")).isEqualTo("hub@example.test");
  }
}
