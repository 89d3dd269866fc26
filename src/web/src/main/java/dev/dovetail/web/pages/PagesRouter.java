package dev.dovetail.web.pages;

import dev.dovetail.account.port.in.SignUpPolicy;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.kernel.i18n.Language;
import dev.dovetail.web.Services;
import dev.dovetail.web.http.Operations;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTML pages the hub serves itself (see docs/adr/0009-web-pages.md): small server-rendered shells plus plain ES
 * modules and CSS under {@code /assets/}, all driving the JSON API. They run behind the same root chain as the API
 * (rate limit, security headers with {@code default-src 'self'}, session): {@link #OPEN_PATHS} tells that chain they
 * are open to anonymous GETs. Every page route renders its failures as an HTML page, never a blank one.
 *
 * <ul>
 *   <li>{@code GET /}: what the hub is, and the way in (log in, sign up)
 *   <li>{@code GET /signup}: sign-up, as the hub's sign-up policy allows
 *   <li>{@code GET /forgot-password}, {@code GET /reset-password#<token>}: a reset link by mail, a new password
 *   <li>{@code GET /book/{provider}}: the provider's page, listing its bookable types
 *   <li>{@code GET /book/{provider}/{bookingType}}: the public booking page (404 page when the type is not the
 *       provider's)
 *   <li>{@code GET /booked/{manageToken}}: the confirmation, with the add-to-calendar link
 *   <li>{@code GET /embed.js}: the pop-up embed script a provider's site loads (ADR 45)
 *   <li>{@code GET /qr/book/{provider}}, {@code GET /qr/book/{provider}/{bookingType}}: the QR code (SVG) of the
 *       provider or booking page's public address
 *   <li>{@code GET /brand/accent/{rrggbb}.css}, {@code GET /brand/{provider}/logo/{hash}}: a provider's colour sheet
 *       and logo, cached for good (ADR 57)
 *   <li>{@code GET /manage/{manageToken}}: cancel or reschedule
 *   <li>{@code GET /dashboard}: the provider dashboard
 *   <li>{@code GET /waitlist/claim/{token}}, {@code GET /waitlist/leave/{token}}: the waitlist mails' links
 *   <li>{@code GET /assets/*}: the modules, style sheet and icon ({@code /favicon.ico} redirects to the icon)
 *   <li>any other GET outside {@code /api/} (and the other adapters' {@link #NOT_A_PAGE} prefixes): the HTML 404 page
 * </ul>
 */
public final class PagesRouter {

  /** The pages anonymous callers may GET, with their cost in the public rate limit. */
  public static final List<Operations.OpenPath> PAGE_PATHS = List.of(
      new Operations.OpenPath("page:home", "/", 0),
      new Operations.OpenPath("page:signup", "/signup", 0),
      new Operations.OpenPath("page:forgot-password", "/forgot-password", 0),
      new Operations.OpenPath("page:reset-password", "/reset-password", 0),
      new Operations.OpenPath("page:book", "/book/*", 1),
      new Operations.OpenPath("page:booked", "/booked/*", 0),
      new Operations.OpenPath("page:manage", "/manage/*", 0),
      new Operations.OpenPath("page:dashboard", "/dashboard", 0),
      new Operations.OpenPath("page:waitlist", "/waitlist/*", 0),
      new Operations.OpenPath("page:assets", "/assets/*", 0),
      new Operations.OpenPath("page:embed-script", "/embed.js", 0),
      new Operations.OpenPath("page:qr", "/qr/book/*", 1),
      new Operations.OpenPath("page:favicon", "/favicon.ico", 0),
      new Operations.OpenPath("page:brand", "/brand/*", 0));

  /**
   * {@link #PAGE_PATHS}, then every other GET outside {@code /api/}: the 404 page, which costs like the booking page
   * so that scanning for addresses uses up the public budget.
   */
  public static final List<Operations.OpenPath> OPEN_PATHS = Stream.concat(PAGE_PATHS.stream(),
      Stream.of(new Operations.OpenPath("page:not-found", "/*", 1))).toList();

  static final int ASSET_MAX_AGE_SECONDS = 600;
  /** The pop-up embed script, served at {@code /embed.js} for providers' sites to load (ADR 45). */
  private static final String EMBED_SCRIPT = classPathText("embed/embed.js");
  /** Where the API and the other adapters live (contract, webcal feeds, hooks, CalDAV): never an HTML page. */
  static final List<String> NOT_A_PAGE = List.of("/api/", "/webcal/", "/hooks/", "/dav/", "/.well-known/");
  /** The name of the last page route: GET of any other address outside {@code /api/}, the 404 page. */
  public static final String NOT_FOUND_ROUTE = "page:not-found";

  private PagesRouter() {}

  /**
   * Adds the page routes to {@code router}; call before the API's catch-all failure handler is added. The pages take
   * "now" from {@code clock}, the hub's; QR codes encode addresses under {@code publicUrl}.
   */
  public static void mount(Router router, Services services, SignUpPolicy signUp, String publicUrl, Clock clock) {
    PageErrors errors = new PageErrors();
    HomePageHandler home = new HomePageHandler(signUp);
    SignUpPageHandler signUpPage = new SignUpPageHandler(signUp);
    boolean cardPayments = services.payments().provider().takesCardPayments();
    ProviderPageHandler provider = new ProviderPageHandler(services.booking().publicCatalog(), errors, cardPayments);
    BookingPageHandler book = new BookingPageHandler(services.booking().publicCatalog(), errors, clock, cardPayments);
    Function<String, Future<Provider>> bookingProvider = token -> services.booking().manage().find(token)
        .compose(booking -> services.booking().catalog().provider(booking.providerId()));
    ShellPageHandler booked = new ShellPageHandler(PageTexts.BOOKED, errors, clock, bookingProvider, true);
    ShellPageHandler manage = new ShellPageHandler(PageTexts.MANAGE, errors, clock, bookingProvider, false);
    DashboardPageHandler dashboard = new DashboardPageHandler(Html.load("dashboard.html"), signUp, clock);
    WaitlistPageHandler waitlist = new WaitlistPageHandler(errors, clock,
        token -> services.waitlist().customer().offerOf(token)
            .compose(held -> services.booking().publicCatalog().offer(held.bookingTypeId()))
            .map(PublicCatalog.Offer::provider));
    BrandHandler brand = new BrandHandler(services.booking().publicCatalog(), errors);
    QrCodeHandler qrCode = new QrCodeHandler(publicUrl, errors);

    router.get("/").handler(home::handle).failureHandler(errors::failure);
    router.get("/signup").handler(signUpPage::handle).failureHandler(errors::failure);
    Html password = Html.load("password.html");
    // The provider's own pages are English for now (ADR 62); their shared modules read the English texts.
    String forgot = password.render(PageLanguage.values(Map.of("view", "forgot", "title", "Forgot your password?"),
        Language.EN, PageTexts.HUB));
    String reset = password.render(PageLanguage.values(Map.of("view", "reset", "title", "Choose a new password"),
        Language.EN, PageTexts.HUB));
    router.get("/forgot-password").handler(ctx -> html(ctx, forgot)).failureHandler(errors::failure);
    router.get("/reset-password").handler(ctx -> html(ctx, reset)).failureHandler(errors::failure);
    router.get("/favicon.ico").handler(ctx -> ctx.response().setStatusCode(301)
            .putHeader(HttpHeaders.LOCATION, "/assets/favicon.svg").end())
        .failureHandler(errors::failure);
    router.get("/book/:provider").handler(provider::handle).failureHandler(errors::failure);
    router.get("/book/:provider/:bookingType").handler(book::handle).failureHandler(errors::failure);
    router.get("/qr/book/:provider").handler(qrCode::handle).failureHandler(errors::failure);
    router.get("/qr/book/:provider/:bookingType").handler(qrCode::handle).failureHandler(errors::failure);
    router.get("/brand/accent/:colour").handler(brand::accent).failureHandler(errors::failure);
    router.get("/brand/:provider/logo/:logoHash").handler(brand::logo).failureHandler(errors::failure);
    router.get("/embed.js").handler(ctx -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
            .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + ASSET_MAX_AGE_SECONDS)
            .end(EMBED_SCRIPT))
        .failureHandler(errors::failure);
    router.get("/booked/:manageToken").handler(booked::withManageToken).failureHandler(errors::failure);
    router.get("/manage/:manageToken").handler(manage::withManageToken).failureHandler(errors::failure);
    router.get("/dashboard").handler(dashboard::handle).failureHandler(errors::failure);
    router.get("/waitlist/claim/:waitlistToken").handler(waitlist::handle).failureHandler(errors::failure);
    router.get("/waitlist/leave/:waitlistToken").handler(waitlist::handle).failureHandler(errors::failure);
    router.get("/assets/*")
        .handler(StaticHandler.create("webroot/assets")
            .setIncludeHidden(false)
            .setDirectoryListing(false)
            .setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS)
            .setDefaultContentEncoding("UTF-8"))
        .failureHandler(errors::failure);
    // Any other address outside the API and the other adapters (a truncated link, a typo) is a 404 page, not a JSON
    // problem. The other adapters' failures (a rate-limited feed, say) stay problem details.
    router.getWithRegex(NOT_A_PAGE.stream().map(Pattern::quote)
            .collect(Collectors.joining("|", "^(?!", ").*")))
        .setName(NOT_FOUND_ROUTE).handler(errors::notFound)
        .failureHandler(errors::failure);
  }

  private static String classPathText(String path) {
    try (InputStream in = PagesRouter.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void html(RoutingContext ctx, String page) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page);
  }
}
