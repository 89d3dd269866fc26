package dev.dovetail.app;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a test's hub mailed to GreenMail over SMTP, read as the recipient reads it: the newest mail to an address whose
 * subject starts as expected (waited for, since the hub sends after it answers), and a part of it decoded.
 */
public final class Inbox {

  private static final int TRIES = 300;
  private static final long PAUSE_MILLIS = 100;

  private final GreenMail smtp;

  public Inbox(GreenMail smtp) {
    this.smtp = smtp;
  }

  /** The newest mail to {@code to} whose subject starts with {@code subjectStart}, once GreenMail has it (≤ 30 s). */
  public MimeMessage received(String to, String subjectStart) throws MessagingException, InterruptedException {
    for (int tries = 0; tries < TRIES; tries++) {
      MimeMessage[] all = smtp.getReceivedMessages();
      for (int i = all.length - 1; i >= 0; i--) {
        if (all[i].getSubject().startsWith(subjectStart) && addressedTo(all[i], to)) {
          return all[i];
        }
      }
      Thread.sleep(PAUSE_MILLIS);
    }
    throw new AssertionError("no mail '" + subjectStart + "...' to " + to + " in GreenMail");
  }

  /** The first part of {@code mimeType}, decoded (quoted-printable would break long links across lines). */
  public static String part(Part part, String mimeType) throws MessagingException {
    try {
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String found = part(multipart.getBodyPart(i), mimeType);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean addressedTo(MimeMessage mail, String to) throws MessagingException {
    for (Address address : mail.getAllRecipients()) {
      if (address.toString().contains(to)) {
        return true;
      }
    }
    return false;
  }
}
