package dev.dovetail.web.pages;

import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.web.http.CallerAuthHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /dashboard}: the dashboard shell. It tells the module whether the request carries a live dashboard
 * session, so the module can show the log-in form at once instead of probing the API for a 401, and the hub's sign-up
 * policy, so the log-in links to the sign-up page only when there is one to use.
 */
final class DashboardPageHandler {

  private final Html page;
  private final SignUpPolicy signUp;
  private final Clock clock;

  DashboardPageHandler(Html page, SignUpPolicy signUp, Clock clock) {
    this.page = page;
    this.signUp = signUp;
    this.clock = clock;
  }

  void handle(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(PageLanguage.values(Html.withNow(Map.of("signedIn", Boolean.toString(signedIn(ctx)),
            "signUp", signUp.mode().name().toLowerCase(Locale.ROOT)), clock), Language.EN, PageTexts.HUB)));
  }

  /**
   * Whether the request carries a dashboard session: a hint for the page only (the API checks the session's seal on
   * every call). Without a session cookie there is no session to look at; asking for one would create it.
   */
  static boolean signedIn(RoutingContext ctx) {
    Session session = ctx.request().getCookie(CallerAuthHandler.SESSION_COOKIE) == null ? null : ctx.session();
    return session != null && session.get(CallerAuthHandler.SESSION_PROVIDER) != null;
  }
}
