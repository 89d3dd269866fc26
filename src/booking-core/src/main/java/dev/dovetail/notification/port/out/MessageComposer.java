package dev.dovetail.notification.port.out;

import dev.dovetail.notification.domain.DeliveryPolicy;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides and renders outbox messages that are not about a booking ({@link MessageKind#aboutBooking()} false, e.g.
 * the waitlist's mails), so they travel the same outbox, leases, retries and mailer as booking mail.
 */
public interface MessageComposer {

  /** What to do with a due message, and for SEND the mail. */
  record Composition(DeliveryPolicy.Verdict verdict, String reason, MailMessage mail) {

    public Composition {
      Objects.requireNonNull(verdict, "verdict");
      if ((verdict == DeliveryPolicy.Verdict.SEND) != (mail != null)) {
        throw new IllegalArgumentException("a mail to send, and only then");
      }
    }

    public static Composition send(MailMessage mail) {
      return new Composition(DeliveryPolicy.Verdict.SEND, null, mail);
    }

    public static Composition skip(String reason) {
      return new Composition(DeliveryPolicy.Verdict.SKIP, reason, null);
    }

    public static Composition waitForWrite() {
      return new Composition(DeliveryPolicy.Verdict.WAIT, "the change is not written yet", null);
    }
  }

  Future<Composition> compose(OutboundMessage message, Instant now);

  /** Composes nothing: every such message is skipped. */
  static MessageComposer none() {
    return (message, now) -> Future.succeededFuture(Composition.skip("no composer for " + message.kind()));
  }
}
