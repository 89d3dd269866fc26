package dev.dovetail.web.pages;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /signup[?invite=...]}: the sign-up page, as the hub's sign-up policy allows. Open: the form. By invitation:
 * the form with an invitation field, filled from the invitation link's {@code invite} parameter when it has the shape
 * of one (the API checks it). Closed: says so, without a form. The module {@code signup.js} sends the form to {@code
 * POST /api/v1/providers}, which applies the same policy again.
 */
final class SignUpPageHandler {

  /** The shape of an invitation ({@code Invitations}): base64url payload, a dot, base64url signature. */
  private static final Pattern INVITE = Pattern.compile("^[A-Za-z0-9_-]{1,900}\\.[A-Za-z0-9_-]{20,100}$");

  private final Html page = Html.load("signup.html");
  private final SignUpPolicy signUp;

  SignUpPageHandler(SignUpPolicy signUp) {
    this.signUp = signUp;
  }

  void handle(RoutingContext ctx) {
    SignUpMode mode = signUp.mode();
    String invite = ctx.queryParams().get("invite");
    if (invite == null || !INVITE.matcher(invite).matches()) {
      invite = "";
    }
    String title = mode == SignUpMode.CLOSED ? "Sign-up is closed" : "Create your booking page";
    String intro = switch (mode) {
      case OPEN -> "Sign up to offer your resources for booking. It takes a minute; you can change everything later.";
      case INVITE -> "Sign-up on this hub is by invitation: use the invitation a provider of this hub sent to your "
          + "e-mail address.";
      case CLOSED -> "This hub does not take new sign-ups. Ask the people who run it for an account.";
    };
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(PageLanguage.values(Map.of("mode", mode.name().toLowerCase(Locale.ROOT), "invite", invite,
            "title", title, "intro", intro), Language.EN, PageTexts.HUB)));
  }
}
