package dev.dovetail.web;

import static dev.dovetail.web.ApiFixture.expect;
import static dev.dovetail.web.ApiFixture.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mail.StoreSinkMailer;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.waitlist.app.WaitlistLinks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A provider's brand over HTTP (issues 18 and 19, ADR 57): the colour and language through {@code PATCH /api/v1/me},
 * the logo through {@code PUT/DELETE /api/v1/me/logo}, both on the customer pages and in the confirmation mail; bad
 * colours and forged, oversized or out-of-bounds images are refused with a reason and change nothing; the waitlist
 * claim page and the confirmation mail carry the brand too.
 */
@ExtendWith(VertxExtension.class)
class BrandingApiTest {

  private ApiFixture api;
  private ApiFixture.Tenant alice;

  @BeforeEach
  void tenant(Vertx vertx) {
    api = ApiFixture.start(vertx);
    alice = api.tenant("alice");
  }

  /** A real PNG image of {@code width} × {@code height}, drawn in {@code colour}. */
  static byte[] png(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static JsonObject logoBody(byte[] image) {
    return new JsonObject().put("image", Base64.getEncoder().encodeToString(image));
  }

  private JsonObject patchMe(JsonObject body) {
    return expect(200, api.send(HttpMethod.PATCH, "/api/v1/me", alice.session().auth(), body));
  }

  private static JsonObject profile(String name) {
    return new JsonObject().put("displayName", name).put("timeZone", "Europe/Berlin");
  }

  @Test
  @DisplayName("a brand colour comes back with its readable text colour, reaches the pages as a cached sheet, and "
      + "bad colours or languages are 400s that change nothing")
  void colourAndLanguage() {
    JsonObject me = patchMe(profile("Alice's Studio").put("brandColour", "#1A6B4F").put("language", "de"));
    assertThat(me.getString("brandColour")).isEqualTo("#1a6b4f");
    assertThat(me.getString("brandTextColour")).isEqualTo("#ffffff");
    assertThat(me.getString("language")).isEqualTo("de");
    assertThat(patchMe(profile("Alice's Studio").put("brandColour", "#ffe066")).getString("brandTextColour"))
        .as("black on a light yellow").isEqualTo("#000000");
    me = patchMe(profile("Alice's Studio").put("brandColour", "#1a6b4f"));

    String page = api.get("/book/alice/" + alice.typeId()).bodyAsString();
    assertThat(page).contains("<link rel=\"stylesheet\" href=\"/brand/accent/1a6b4f.css\">")
        .contains("<span class=\"brand-name\">Alice&#39;s Studio</span>").doesNotContain("style=");
    HttpResponse<Buffer> sheet = api.get("/brand/accent/1a6b4f.css");
    assertThat(sheet.statusCode()).isEqualTo(200);
    assertThat(sheet.getHeader("Content-Type")).startsWith("text/css");
    assertThat(sheet.getHeader("Cache-Control")).contains("immutable");
    assertThat(sheet.bodyAsString()).contains("--accent: #1a6b4f;").contains("--on-accent: #ffffff;");
    assertThat(api.get("/brand/accent/1A6B4F.css").statusCode()).isEqualTo(404);
    assertThat(api.get("/brand/accent/1a6b4f").statusCode()).isEqualTo(404);

    for (JsonObject bad : List.of(profile("Renamed").put("brandColour", "#12345"),
        profile("Renamed").put("brandColour", "red"),
        profile("Renamed").put("brandColour", "#gggggg"),
        profile("Renamed").put("brandColour", "#1a6b4f; background: url(//evil)"),
        profile("Renamed").put("brandColour", 42),
        profile("Renamed").put("language", "fr"),
        profile("Renamed").put("language", "english"))) {
      JsonObject problem = expectProblem(400, api.send(HttpMethod.PATCH, "/api/v1/me", alice.bearer(), bad));
      assertThat(problem.getString("detail")).as(bad.encode()).isNotBlank();
    }
    JsonObject after = expect(200, api.get("/api/v1/me", alice.bearer()));
    assertThat(after.getString("displayName")).isEqualTo("Alice's Studio");
    assertThat(after.getString("brandColour")).isEqualTo("#1a6b4f");
    assertThat(after.getString("language")).isEqualTo("de");

    assertThat(patchMe(profile("Alice's Studio")).getString("brandColour")).as("absent keeps it").isEqualTo("#1a6b4f");
    assertThat(patchMe(profile("Alice's Studio").putNull("brandColour")).getString("brandColour"))
        .as("null clears it").isNull();
    assertThat(api.get("/book/alice/" + alice.typeId()).bodyAsString()).doesNotContain("/brand/accent/");
  }

  @Test
  @DisplayName("a logo is served from the hub by its content hash with a long cache and nosniff, heads the customer "
      + "pages, is replaced and removed")
  void logo() {
    byte[] image = png(120, 40, new Color(0x1a6b4f));
    JsonObject me = expect(200, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.session().auth(), logoBody(image)));
    String url = me.getString("logoUrl");
    assertThat(url).matches("/brand/alice/logo/[0-9a-f]{32}");

    HttpResponse<Buffer> served = api.get(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(served.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(served.body().getBytes()).isEqualTo(image);
    assertThat(api.get("/brand/bob/logo/" + url.substring(url.length() - 32)).statusCode()).isEqualTo(404);

    String img = "<img class=\"brand-logo\" src=\"" + url + "\" alt=\"\" width=\"120\" height=\"40\">";
    for (String page : List.of("/book/alice", "/book/alice/" + alice.typeId(), "/booked/" + alice.manageToken(),
        "/manage/" + alice.manageToken())) {
      assertThat(api.get(page).bodyAsString()).as(page).contains(img).contains("Provider alice");
    }
    assertThat(api.get("/manage/nobody.abcdefgh").bodyAsString()).as("an unknown token: the hub's header")
        .contains("<span class=\"brand-name\">Dovetail</span>").doesNotContain("brand-logo");

    byte[] second = png(64, 64, Color.ORANGE);
    String secondUrl = expect(200, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(), logoBody(second)))
        .getString("logoUrl");
    assertThat(secondUrl).isNotEqualTo(url);
    assertThat(api.get(url).statusCode()).as("the old logo is gone").isEqualTo(404);
    assertThat(api.get(secondUrl).body().getBytes()).isEqualTo(second);

    assertThat(expect(200, api.send(HttpMethod.DELETE, "/api/v1/me/logo", alice.bearer(), null)).getString("logoUrl"))
        .isNull();
    assertThat(api.get(secondUrl).statusCode()).isEqualTo(404);
    assertThat(api.get("/book/alice/" + alice.typeId()).bodyAsString()).doesNotContain("brand-logo");
  }

  @Test
  @DisplayName("forged, SVG, oversized and out-of-bounds images are 400s (413 past the body limit) with a reason; the "
      + "logo stays as it was")
  void badLogos() {
    String url = expect(200, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(),
        logoBody(png(32, 32, Color.BLUE)))).getString("logoUrl");

    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] gif = "GIF89a\u0020\u0000\u0020\u0000".getBytes(StandardCharsets.ISO_8859_1);
    byte[] htmlAsPng = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] tooWide = withPngSides(png(32, 32, Color.RED), 4000, 32);
    byte[] tooSmall = png(8, 8, Color.RED);
    byte[] truncated = Arrays.copyOf(png(32, 32, Color.RED), 20);
    byte[] jpegWithoutFrame = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] oversized = Arrays.copyOf(png(32, 32, Color.RED), 200 * 1024 + 1);
    for (byte[] bad : List.of(svg, gif, htmlAsPng, tooWide, tooSmall, truncated, jpegWithoutFrame, oversized)) {
      JsonObject problem = expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(),
          logoBody(bad)));
      assertThat(problem.getString("detail")).startsWith("logo:");
    }
    assertThat(expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(),
        new JsonObject().put("image", "not base64 at all!"))).getString("detail")).contains("base64");
    expectProblem(400, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(), new JsonObject()));
    expectProblem(413, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(),
        logoBody(new byte[300 * 1024])));

    assertThat(expect(200, api.get("/api/v1/me", alice.bearer())).getString("logoUrl")).isEqualTo(url);
    assertThat(api.get(url).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the confirmation mail goes out under the provider's name, headed by its name in its colour")
  void confirmationMail() {
    patchMe(profile("Studio Alice").put("brandColour", "#ffe066"));
    OutboundMessage confirmation = api.outbox.all().stream()
        .filter(m -> m.kind() == MessageKind.CONFIRMATION && m.bookingId().equals(alice.bookingId()))
        .findFirst().orElseThrow();
    api.dispatcher(new StoreSinkMailer(api.mailSink, api.clock)).dispatchDue().await();
    MailMessage mail = api.mailSink.find(confirmation.id()).await().orElseThrow();
    assertThat(mail.senderName()).isEqualTo("Studio Alice");
    assertThat(mail.html()).contains("background:#ffe066;color:#000000;").contains("Studio Alice");
  }

  @Test
  @DisplayName("a waitlist claim link's page wears the offer's provider's header and colour; a leave link's the hub's")
  void claimPage() {
    patchMe(profile("Studio Alice").put("brandColour", "#1a6b4f"));
    String logoUrl = expect(200, api.send(HttpMethod.PUT, "/api/v1/me/logo", alice.bearer(),
        logoBody(png(48, 48, Color.GREEN)))).getString("logoUrl");
    String entry = api.waitlistEntry(alice);
    expect(200, api.post("/api/v1/public/bookings/" + alice.manageToken() + "/cancel", null));
    assertThat(api.backfill.match(alice.resourceId()).await()).isEqualTo(1);
    String held = expect(200, api.get("/api/v1/waitlist/entries?limit=200", alice.bearer())).getJsonArray("items")
        .stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(entry)).findFirst().orElseThrow()
        .getJsonObject("offer").getString("bookingId");
    WaitlistLinks links = new WaitlistLinks(api.tokens);

    assertThat(api.get("/waitlist/claim/" + links.claimToken(entry, held)).bodyAsString())
        .contains("<span class=\"brand-name\">Studio Alice</span>").contains("src=\"" + logoUrl + "\"")
        .contains("/brand/accent/1a6b4f.css");
    assertThat(api.get("/waitlist/leave/" + links.leaveToken(entry)).bodyAsString())
        .contains("<span class=\"brand-name\">Dovetail</span>").doesNotContain("/brand/");
  }

  /** {@code png} with its header's sides overwritten (the pixels stay): a forged size. */
  private static byte[] withPngSides(byte[] png, int width, int height) {
    byte[] forged = png.clone();
    for (int i = 0; i < 4; i++) {
      forged[16 + i] = (byte) (width >>> (24 - 8 * i));
      forged[20 + i] = (byte) (height >>> (24 - 8 * i));
    }
    return forged;
  }
}
