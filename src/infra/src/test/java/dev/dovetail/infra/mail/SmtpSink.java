package dev.dovetail.infra.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GreenMail's SMTP server in-process on a loopback port, which refuses recipients at {@value #REFUSED_DOMAIN} with
 * {@code 550 5.1.1} the way a real server refuses an unknown mailbox. Can be stopped and started again on the same
 * port to play an outage.
 */
final class SmtpSink implements AutoCloseable {

  static final String REFUSED_DOMAIN = "refused.test";

  private final int port;
  private GreenMail server;
  private final List<MimeMessage> earlier = new ArrayList<>();

  SmtpSink() {
    this.port = freePort();
  }

  int port() {
    return port;
  }

  SmtpSink start() {
    server = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return this;
  }

  /** Stops the server; what it received so far stays readable. */
  void stop() {
    if (server != null) {
      earlier.addAll(List.of(server.getReceivedMessages()));
      server.stop();
      server = null;
    }
  }

  /** Every message accepted since this sink was made, across restarts. */
  List<MimeMessage> received() {
    List<MimeMessage> all = new ArrayList<>(earlier);
    if (server != null) {
      all.addAll(List.of(server.getReceivedMessages()));
    }
    return all;
  }

  List<MimeMessage> receivedBy(String address) {
    return received().stream().filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().contains(address);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Override
  public void close() {
    stop();
  }

  /** The text/calendar part of a message, or null. */
  static String calendarPart(MimeMessage message) {
    try {
      return find(message, "text/calendar");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain body (the first one found). */
  static String textPart(MimeMessage message) {
    try {
      return find(message, "text/plain");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String htmlPart(MimeMessage message) {
    try {
      return find(message, "text/html");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? null : values[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      try (InputStream in = part.getInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
      }
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = find(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GreenMail whose SMTP refuses recipients of one domain. */
  private static final class RefusingGreenMail extends GreenMail {

    RefusingGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers mgr) {
      return super.createServices(config, new RefusingManagers(mgr));
    }
  }

  private static final class RefusingManagers extends Managers {
    private final Managers base;
    private final SmtpManager smtp;

    RefusingManagers(Managers base) {
      this.base = base;
      this.smtp = new RefusingSmtpManager(base.getImapHostManager(), base.getUserManager());
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return base.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return base.getImapHostManager();
    }
  }

  private static final class RefusingSmtpManager extends SmtpManager {
    RefusingSmtpManager(ImapHostManager imap, UserManager users) {
      super(imap, users);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress address) {
      return address.getEmail().endsWith("@" + REFUSED_DOMAIN) ? "550 5.1.1 mailbox unavailable" : null;
    }
  }
}
