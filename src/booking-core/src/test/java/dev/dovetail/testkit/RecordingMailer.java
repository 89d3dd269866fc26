package dev.dovetail.testkit;

import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.port.out.Mailer;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mailer that keeps what it was given; it can be switched "down" (transient failures) or refuse addresses. */
public class RecordingMailer implements Mailer {

  private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  @Override
  public Future<Void> send(MailMessage message) {
    if (down) {
      return Future.failedFuture(new DeliveryException("connection refused", false));
    }
    if (refused.contains(message.to())) {
      return Future.failedFuture(new DeliveryException("550 5.1.1 no such user: " + message.to(), true));
    }
    sent.add(message);
    return Future.succeededFuture();
  }

  public void down(boolean isDown) {
    this.down = isDown;
  }

  public void refuse(String address) {
    refused.add(address);
  }

  public List<MailMessage> sent() {
    return List.copyOf(sent);
  }
}
