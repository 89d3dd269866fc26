package dev.dovetail.web.pages;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.kernel.i18n.Language;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /}: what the hub is, with the way in: the dashboard (log in, or straight in with a session) and, unless
 * sign-up is closed, the sign-up page. Plain HTML, no module.
 */
final class HomePageHandler {

  private final Html page = Html.load("home.html");
  private final Html signUpLink = Html.load("home-signup-link.html");
  private final SignUpPolicy signUp;

  HomePageHandler(SignUpPolicy signUp) {
    this.signUp = signUp;
  }

  void handle(RoutingContext ctx) {
    boolean signedIn = DashboardPageHandler.signedIn(ctx);
    List<Html.Fragment> links = signedIn || signUp.mode() == SignUpMode.CLOSED
        ? List.of()
        : List.of(signUpLink.fragment(Map.of("label",
            signUp.mode() == SignUpMode.INVITE ? "Sign up with an invitation" : "Sign up")));
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(PageLanguage.values(Map.of("dashboardLabel", signedIn ? "Open your dashboard" : "Log in"),
                Language.EN, PageTexts.NONE),
            Map.of("signUpLink", links)));
  }
}
