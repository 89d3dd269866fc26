package dev.dovetail.caldav;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh {@link CalDavServerFixture} per test. */
public abstract class DavTestBase {

  protected CalDavServerFixture dav;

  @BeforeEach
  void startServer() {
    dav = new CalDavServerFixture();
  }

  @AfterEach
  void stopServer() {
    dav.close();
  }

  protected static String propfind(String props) {
    return "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
        + " xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop>" + props + "</d:prop></d:propfind>";
  }
}
