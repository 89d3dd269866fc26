package dev.dovetail.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bad input: XML with DTDs or entities, malformed XML, oversized bodies")
class XmlHardeningTest extends DavTestBase {

  @Test
  @DisplayName("a DOCTYPE (external entity, billion laughs) is refused with 400 and nothing is read")
  void doctypeIsRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&x;</d:displayname></d:prop></d:propfind>";
    var r = dav.request("PROPFIND", "/dav/", xxe, Map.of("Depth", "0"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("root:");
  }

  @Test
  @DisplayName("malformed XML is 400")
  void malformedXml() {
    assertThat(dav.request("PROPFIND", "/dav/", "<d:propfind xmlns:d=\"DAV:\">", Map.of("Depth", "0")).status())
        .isEqualTo(400);
    assertThat(dav.request("REPORT", CalDavServerFixture.ROOM, "not xml").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a body over the limit is 413 and the server keeps serving")
  void oversizedBody() {
    String big = "X".repeat(300 * 1024);
    assertThat(dav.put("big.ics", big).status()).isEqualTo(413);
    assertThat(dav.request("PROPFIND", "/dav/", null, Map.of("Depth", "0")).status()).isEqualTo(207);
  }
}
