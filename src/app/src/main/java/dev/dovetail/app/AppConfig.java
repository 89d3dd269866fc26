package dev.dovetail.app;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.infra.mail.SmtpMailer;
import dev.dovetail.web.http.TrustedProxies;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Typed configuration, read from environment variables through Vert.x Config (see README "Configuration"), one record
 * per concern, each parsed and checked once by its own {@code from}. With no {@code DOVETAIL_MONGO_URI} the hub runs
 * the embedded store under {@code DOVETAIL_DATA_DIR}; with {@code DOVETAIL_CLUSTER_MEMBERS} it joins a Hazelcast
 * cluster over TCP; with {@code DOVETAIL_SMTP_HOST} it sends mail over SMTP, otherwise it keeps mail in the local sink
 * (readable through the provider API). Tests start from {@link #defaults()} and replace concerns with the
 * {@code withX} methods (ADR 52). {@code toString} prints everything but the secrets.
 */
public record AppConfig(
    Http http,
    Store store,
    Demo demo,
    Cluster cluster,
    Security security,
    Mail mail,
    Stripe stripe,
    Google google,
    Outlook outlook,
    Sync sync) {

  public AppConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(demo, "demo");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(mail, "mail");
    Objects.requireNonNull(stripe, "stripe");
    Objects.requireNonNull(google, "google");
    Objects.requireNonNull(outlook, "outlook");
    Objects.requireNonNull(sync, "sync");
  }

  /** The configuration of an empty environment: every default README "Configuration" lists. */
  public static AppConfig defaults() {
    return from(new JsonObject());
  }

  public static AppConfig from(JsonObject env) {
    Http http = Http.from(env);
    Store store = Store.from(env);
    Demo demo = Demo.from(env, store);
    return new AppConfig(http, store, demo, Cluster.from(env),
        Security.from(env, http, store.embedded() && demo.enabled()), Mail.from(env), Stripe.from(env),
        Google.from(env), Outlook.from(env), Sync.from(env));
  }

  public AppConfig withHttp(Http replaced) {
    return new AppConfig(replaced, store, demo, cluster, security, mail, stripe, google, outlook, sync);
  }

  public AppConfig withStore(Store replaced) {
    return new AppConfig(http, replaced, demo, cluster, security, mail, stripe, google, outlook, sync);
  }

  public AppConfig withDemo(Demo replaced) {
    return new AppConfig(http, store, replaced, cluster, security, mail, stripe, google, outlook, sync);
  }

  public AppConfig withCluster(Cluster replaced) {
    return new AppConfig(http, store, demo, replaced, security, mail, stripe, google, outlook, sync);
  }

  public AppConfig withSecurity(Security replaced) {
    return new AppConfig(http, store, demo, cluster, replaced, mail, stripe, google, outlook, sync);
  }

  public AppConfig withMail(Mail replaced) {
    return new AppConfig(http, store, demo, cluster, security, replaced, stripe, google, outlook, sync);
  }

  public AppConfig withStripe(Stripe replaced) {
    return new AppConfig(http, store, demo, cluster, security, mail, replaced, google, outlook, sync);
  }

  public AppConfig withGoogle(Google replaced) {
    return new AppConfig(http, store, demo, cluster, security, mail, stripe, replaced, outlook, sync);
  }

  public AppConfig withOutlook(Outlook replaced) {
    return new AppConfig(http, store, demo, cluster, security, mail, stripe, google, replaced, sync);
  }

  public AppConfig withSync(Sync replaced) {
    return new AppConfig(http, store, demo, cluster, security, mail, stripe, google, outlook, replaced);
  }

  /**
   * Where the hub listens and how much a caller may send: {@code DOVETAIL_HTTP_HOST}, {@code DOVETAIL_HTTP_PORT},
   * {@code DOVETAIL_PUBLIC_URL} (the address links and push channels use), {@code DOVETAIL_PUBLIC_RATE_LIMIT} (public
   * requests a minute per client address) and {@code DOVETAIL_MAX_BODY_BYTES}.
   */
  public record Http(String host, int port, String publicUrl, int publicRequestsPerMinute, long maxBodyBytes) {

    static Http from(JsonObject env) {
      int port = intValue(env, "DOVETAIL_HTTP_PORT", 8080);
      return new Http(env.getString("DOVETAIL_HTTP_HOST", "0.0.0.0"), port,
          env.getString("DOVETAIL_PUBLIC_URL", "http://localhost:" + port),
          intValue(env, "DOVETAIL_PUBLIC_RATE_LIMIT", 300), intValue(env, "DOVETAIL_MAX_BODY_BYTES", 256 * 1024));
    }

    public Http withPublicRequestsPerMinute(int perMinute) {
      return new Http(host, port, publicUrl, perMinute, maxBodyBytes);
    }
  }

  /**
   * The store: an external MongoDB ({@code DOVETAIL_MONGO_URI}, database {@code DOVETAIL_MONGO_DATABASE}) or, without
   * a URI, the embedded one on disk under {@code DOVETAIL_DATA_DIR} (wire port {@code DOVETAIL_EMBEDDED_MONGO_PORT},
   * 0: any free port). The data directory also keeps the generated secret key.
   */
  public record Store(Path dataDir, String mongoUri, String database, int embeddedPort) {

    static Store from(JsonObject env) {
      return new Store(Path.of(env.getString("DOVETAIL_DATA_DIR", "./data")),
          blankToNull(env.getString("DOVETAIL_MONGO_URI")), env.getString("DOVETAIL_MONGO_DATABASE", "dovetail"),
          intValue(env, "DOVETAIL_EMBEDDED_MONGO_PORT", 0));
    }

    public boolean embedded() {
      return mongoUri == null;
    }

    /** The URI may carry a password: only whether the store is embedded or external. */
    @Override
    public String toString() {
      return "Store[dataDir=" + dataDir + ", mongo=" + (embedded() ? "embedded" : "external") + ", database="
          + database + ", embeddedPort=" + embeddedPort + "]";
    }
  }

  /**
   * The demo provider seeded at start ({@code DOVETAIL_DEMO_DATA}, on by default on the embedded store only) and its
   * password ({@code DOVETAIL_DEMO_PASSWORD}; null: generated and printed).
   */
  public record Demo(boolean enabled, String password) {

    static Demo from(JsonObject env, Store store) {
      return new Demo(boolValue(env, "DOVETAIL_DEMO_DATA", store.embedded()),
          blankToNull(env.getString("DOVETAIL_DEMO_PASSWORD")));
    }

    @Override
    public String toString() {
      return "Demo[enabled=" + enabled + ", password=" + (password == null ? "generated" : "(set)") + "]";
    }
  }

  /** Hazelcast membership: this member's address and port, and the members to join (empty = not clustered). */
  public record Cluster(String name, String host, int port, List<String> members) {

    static Cluster from(JsonObject env) {
      return new Cluster(env.getString("DOVETAIL_CLUSTER_NAME", "dovetail"),
          env.getString("DOVETAIL_CLUSTER_HOST", "127.0.0.1"), intValue(env, "DOVETAIL_CLUSTER_PORT", 5701),
          list(env, "DOVETAIL_CLUSTER_MEMBERS"));
    }

    public boolean enabled() {
      return !members.isEmpty();
    }
  }

  /**
   * Who may do what: Secure cookies and HSTS ({@code DOVETAIL_SECURE_COOKIES}, on by default at an {@code https://}
   * public URL), the password hash cost ({@code DOVETAIL_BCRYPT_COST}), the key that signs manage links and sessions
   * ({@code DOVETAIL_SECRET_KEY}; null: generated, ADR 13), the proxies whose {@code X-Forwarded-For} is believed, who
   * may sign up ({@code DOVETAIL_SIGNUP}) and whether webhooks may go to private addresses ({@code
   * DOVETAIL_WEBHOOK_ALLOW_PRIVATE}, development and tests only).
   */
  public record Security(boolean secureCookies, int bcryptCost, String secretKey, List<String> trustedProxies,
      SignUpMode signUp, boolean webhookAllowPrivate) {

    static Security from(JsonObject env, Http http, boolean embeddedDemo) {
      return new Security(
          // Reached over HTTPS, cookies are Secure and HSTS is on unless explicitly turned off.
          boolValue(env, "DOVETAIL_SECURE_COOKIES", http.publicUrl().regionMatches(true, 0, "https://", 0, 8)),
          intValue(env, "DOVETAIL_BCRYPT_COST", 12),
          blankToNull(env.getString("DOVETAIL_SECRET_KEY")),
          trustedProxies(env),
          signUp(env, embeddedDemo),
          boolValue(env, "DOVETAIL_WEBHOOK_ALLOW_PRIVATE", false));
    }

    public Security withWebhookAllowPrivate(boolean allow) {
      return new Security(secureCookies, bcryptCost, secretKey, trustedProxies, signUp, allow);
    }

    /** {@code DOVETAIL_SIGNUP}: open, closed or invite; open only on the embedded demo unless set, else closed. */
    private static SignUpMode signUp(JsonObject env, boolean embeddedDemo) {
      String mode = blankToNull(env.getString("DOVETAIL_SIGNUP"));
      if (mode == null) {
        return embeddedDemo ? SignUpMode.OPEN : SignUpMode.CLOSED;
      }
      try {
        return SignUpMode.parse(mode);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DOVETAIL_SIGNUP must be open, closed or invite: " + mode, e);
      }
    }

    /**
     * {@code DOVETAIL_TRUSTED_PROXIES}: comma-separated CIDR blocks of the proxies whose {@code X-Forwarded-For} is
     * believed. The boolean {@code DOVETAIL_TRUST_PROXY} it replaces trusted any peer, so that a client reaching the
     * hub directly could name its own address; set to {@code true} it now stops the start with a pointer to the new
     * variable (ADR 24).
     */
    private static List<String> trustedProxies(JsonObject env) {
      if (boolValue(env, "DOVETAIL_TRUST_PROXY", false)) {
        throw new IllegalArgumentException("DOVETAIL_TRUST_PROXY is no longer read: list the proxies' addresses "
            + "instead, e.g. DOVETAIL_TRUSTED_PROXIES=172.16.0.0/12 (docker-compose's network) or 10.0.0.5/32");
      }
      List<String> cidrs = list(env, "DOVETAIL_TRUSTED_PROXIES");
      try {
        TrustedProxies.of(cidrs);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DOVETAIL_TRUSTED_PROXIES: " + e.getMessage(), e);
      }
      return cidrs;
    }

    @Override
    public String toString() {
      return "Security[secureCookies=" + secureCookies + ", bcryptCost=" + bcryptCost + ", secretKey="
          + (secretKey == null ? "generated" : "(set)") + ", trustedProxies=" + trustedProxies + ", signUp=" + signUp
          + ", webhookAllowPrivate=" + webhookAllowPrivate + "]";
    }
  }

  /**
   * Outgoing mail: an SMTP server ({@code smtpHost} set) or the local sink. {@code tls} is how the connection is
   * secured ({@code DOVETAIL_SMTP_TLS}: none, starttls or tls); {@code smtpUser} null for no AUTH.
   */
  public record Mail(String smtpHost, int smtpPort, String smtpUser, String smtpPassword, SmtpMailer.Tls tls,
      String from) {

    public static final String DEFAULT_FROM = "Dovetail <dovetail@localhost>";

    public Mail {
      Objects.requireNonNull(tls, "tls");
    }

    public static Mail localSink() {
      return new Mail(null, 25, null, null, SmtpMailer.Tls.NONE, DEFAULT_FROM);
    }

    static Mail from(JsonObject env) {
      String value = blankToNull(env.getString("DOVETAIL_SMTP_TLS"));
      SmtpMailer.Tls tls = value == null ? SmtpMailer.Tls.STARTTLS : SmtpMailer.Tls.parse(value);
      String from = blankToNull(env.getString("DOVETAIL_MAIL_FROM"));
      return new Mail(
          blankToNull(env.getString("DOVETAIL_SMTP_HOST")),
          intValue(env, "DOVETAIL_SMTP_PORT", switch (tls) {
            case TLS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
          }),
          blankToNull(env.getString("DOVETAIL_SMTP_USER")),
          env.getString("DOVETAIL_SMTP_PASSWORD"),
          tls,
          from == null ? DEFAULT_FROM : from);
    }

    public boolean smtpEnabled() {
      return smtpHost != null;
    }

    @Override
    public String toString() {
      return "Mail[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpUser=" + smtpUser + ", tls=" + tls
          + ", from=" + from + "]";
    }
  }

  /**
   * Card payments through Stripe: on when {@code secretKey} is set (then the webhook secret and the publishable key
   * are required too). {@code apiBase} null for the real Stripe; {@code jsUrl} is where the booking page loads
   * Stripe.js from.
   */
  public record Stripe(String secretKey, String publishableKey, String webhookSecret, String apiBase, String jsUrl) {

    public static final String DEFAULT_JS_URL = "https://js.stripe.com/v3/";

    public static Stripe off() {
      return new Stripe(null, null, null, null, DEFAULT_JS_URL);
    }

    static Stripe from(JsonObject env) {
      String secret = blankToNull(env.getString("DOVETAIL_STRIPE_SECRET_KEY"));
      String publishable = blankToNull(env.getString("DOVETAIL_STRIPE_PUBLISHABLE_KEY"));
      String webhook = blankToNull(env.getString("DOVETAIL_STRIPE_WEBHOOK_SECRET"));
      String js = blankToNull(env.getString("DOVETAIL_STRIPE_JS_URL"));
      if (secret != null && (publishable == null || webhook == null)) {
        throw new IllegalArgumentException("DOVETAIL_STRIPE_SECRET_KEY needs DOVETAIL_STRIPE_PUBLISHABLE_KEY and "
            + "DOVETAIL_STRIPE_WEBHOOK_SECRET too");
      }
      return new Stripe(secret, publishable, webhook, blankToNull(env.getString("DOVETAIL_STRIPE_API_BASE")),
          js == null ? DEFAULT_JS_URL : js);
    }

    public boolean enabled() {
      return secretKey != null;
    }

    @Override
    public String toString() {
      return "Stripe[enabled=" + enabled() + ", apiBase=" + apiBase + ", jsUrl=" + jsUrl + "]";
    }
  }

  /**
   * Google calendars: on when {@code clientId} is set ({@code DOVETAIL_GOOGLE_CLIENT_ID}, which needs {@code
   * DOVETAIL_GOOGLE_CLIENT_SECRET}); {@code apiRoot} / {@code oauthBase} null for the real Google, an emulator's URLs
   * in tests.
   */
  public record Google(String clientId, String clientSecret, String apiRoot, String oauthBase) {

    public static Google off() {
      return new Google(null, null, null, null);
    }

    static Google from(JsonObject env) {
      String id = blankToNull(env.getString("DOVETAIL_GOOGLE_CLIENT_ID"));
      String secret = blankToNull(env.getString("DOVETAIL_GOOGLE_CLIENT_SECRET"));
      if (id != null && secret == null) {
        throw new IllegalArgumentException("DOVETAIL_GOOGLE_CLIENT_ID needs DOVETAIL_GOOGLE_CLIENT_SECRET too");
      }
      return new Google(id, secret, blankToNull(env.getString("DOVETAIL_GOOGLE_API_ROOT")),
          blankToNull(env.getString("DOVETAIL_GOOGLE_OAUTH_BASE")));
    }

    public boolean enabled() {
      return clientId != null;
    }

    @Override
    public String toString() {
      return "Google[enabled=" + enabled() + ", apiRoot=" + apiRoot + ", oauthBase=" + oauthBase + "]";
    }
  }

  /**
   * The Outlook (Microsoft Graph) app registration and endpoints; {@code clientId} null when Outlook is off. {@code
   * subscriptionMinutes} caps the lifetime asked for change-notification subscriptions (Graph's documented maximum
   * for Outlook events is 4,230 minutes; some tenants allow 10,080).
   */
  public record Outlook(String clientId, String clientSecret, String tenant, String graphBase, String loginBase,
      int subscriptionMinutes, boolean appOnly, Path trustPem) {

    public static final String GRAPH = "https://graph.microsoft.com/v1.0";
    public static final String LOGIN = "https://login.microsoftonline.com";
    /** Graph's documented maximum lifetime of an Outlook event subscription; it refuses longer requests. */
    public static final int MAX_SUBSCRIPTION_MINUTES = 4230;
    public static final int DEFAULT_SUBSCRIPTION_MINUTES = MAX_SUBSCRIPTION_MINUTES;

    /** With the default subscription lifetime. */
    public Outlook(String clientId, String clientSecret, String tenant, String graphBase, String loginBase) {
      this(clientId, clientSecret, tenant, graphBase, loginBase, DEFAULT_SUBSCRIPTION_MINUTES);
    }

    /** Delegated (per-user) connections. */
    public Outlook(String clientId, String clientSecret, String tenant, String graphBase, String loginBase,
        int subscriptionMinutes) {
      this(clientId, clientSecret, tenant, graphBase, loginBase, subscriptionMinutes, false);
    }

    /** Trusting the JDK's certificate authorities only. */
    public Outlook(String clientId, String clientSecret, String tenant, String graphBase, String loginBase,
        int subscriptionMinutes, boolean appOnly) {
      this(clientId, clientSecret, tenant, graphBase, loginBase, subscriptionMinutes, appOnly, null);
    }

    public static Outlook off() {
      return new Outlook(null, null, "common", GRAPH, LOGIN);
    }

    /**
     * The app registration ({@code DOVETAIL_MS_CLIENT_ID}, {@code DOVETAIL_MS_CLIENT_SECRET}), its tenant ({@code
     * DOVETAIL_MS_TENANT}, default {@code common}: work and personal accounts) and where Graph and the identity
     * platform are ({@code DOVETAIL_MS_GRAPH_BASE}, {@code DOVETAIL_MS_LOGIN_BASE}; set only to point at an
     * emulator), and the subscription lifetime cap ({@code DOVETAIL_MS_SUBSCRIPTION_MINUTES}, 45 to 4,230: Graph
     * refuses a longer Outlook event subscription). Without a client id Outlook is off. {@code
     * DOVETAIL_MS_APP_ONLY=true} serves one Microsoft 365 tenant app-only (ADR 21: azure-identity client credentials,
     * application permission Calendars.ReadWrite); it needs that tenant's id in {@code DOVETAIL_MS_TENANT}. {@code
     * DOVETAIL_MS_TRUST_PEM} names a PEM file whose certificates the identity platform's clients trust in addition to
     * the JDK's authorities (a private login host; ADR 40).
     */
    static Outlook from(JsonObject env) {
      String clientId = blankToNull(env.getString("DOVETAIL_MS_CLIENT_ID"));
      if (clientId == null) {
        return off();
      }
      String secret = blankToNull(env.getString("DOVETAIL_MS_CLIENT_SECRET"));
      if (secret == null) {
        throw new IllegalArgumentException("DOVETAIL_MS_CLIENT_ID needs DOVETAIL_MS_CLIENT_SECRET too");
      }
      String tenant = blankToNull(env.getString("DOVETAIL_MS_TENANT"));
      String graph = blankToNull(env.getString("DOVETAIL_MS_GRAPH_BASE"));
      String login = blankToNull(env.getString("DOVETAIL_MS_LOGIN_BASE"));
      int minutes = intValue(env, "DOVETAIL_MS_SUBSCRIPTION_MINUTES", DEFAULT_SUBSCRIPTION_MINUTES);
      if (minutes < 45 || minutes > MAX_SUBSCRIPTION_MINUTES) {
        throw new IllegalArgumentException("DOVETAIL_MS_SUBSCRIPTION_MINUTES must be 45 to "
            + MAX_SUBSCRIPTION_MINUTES + " (Graph's maximum for Outlook event subscriptions): " + minutes);
      }
      boolean appOnly = Boolean.parseBoolean(env.getString("DOVETAIL_MS_APP_ONLY", "false"));
      if (appOnly && (tenant == null || Set.of("common", "organizations", "consumers").contains(tenant))) {
        throw new IllegalArgumentException("DOVETAIL_MS_APP_ONLY needs the tenant's id in DOVETAIL_MS_TENANT");
      }
      String pem = blankToNull(env.getString("DOVETAIL_MS_TRUST_PEM"));
      if (pem != null && !Files.isReadable(Path.of(pem))) {
        throw new IllegalArgumentException("DOVETAIL_MS_TRUST_PEM names no readable file: " + pem);
      }
      return new Outlook(clientId, secret, tenant == null ? "common" : tenant, graph == null ? GRAPH : graph,
          login == null ? LOGIN : login, minutes, appOnly, pem == null ? null : Path.of(pem));
    }

    public boolean enabled() {
      return clientId != null;
    }

    @Override
    public String toString() {
      return "Outlook[clientId=" + clientId + ", tenant=" + tenant + ", graphBase=" + graphBase + ", loginBase="
          + loginBase + ", subscriptionMinutes=" + subscriptionMinutes + ", appOnly=" + appOnly
          + (trustPem == null ? "" : ", trustPem=" + trustPem) + "]";
    }
  }

  /**
   * Calendar sync timings. Every synced calendar is reconciled every {@code reconcileEvery} ({@code
   * DOVETAIL_SYNC_RECONCILE_SECONDS}); with {@code push} ({@code DOVETAIL_SYNC_PUSH}) the hub opens push channels to
   * its public URL, asking for {@code channelLifetime}; Google and Graph accept HTTPS addresses only, so at an {@code
   * http://} public URL push is off unless {@code pushOverHttp} ({@code DOVETAIL_SYNC_PUSH_OVER_HTTP}, only for
   * emulators in tests); the booking-time free/busy check waits at most {@code freeBusyTimeout} ({@code
   * DOVETAIL_SYNC_FREEBUSY_TIMEOUT_MS}).
   */
  public record Sync(Duration reconcileEvery, boolean push, Duration channelLifetime, Duration freeBusyTimeout,
      boolean pushOverHttp) {

    public static Sync defaults() {
      return new Sync(Duration.ofMinutes(5), true, Duration.ofDays(7), Duration.ofMillis(1500), false);
    }

    static Sync from(JsonObject env) {
      Sync defaults = defaults();
      return new Sync(
          Duration.ofSeconds(intValue(env, "DOVETAIL_SYNC_RECONCILE_SECONDS",
              (int) defaults.reconcileEvery().toSeconds())),
          boolValue(env, "DOVETAIL_SYNC_PUSH", defaults.push()),
          defaults.channelLifetime(),
          Duration.ofMillis(intValue(env, "DOVETAIL_SYNC_FREEBUSY_TIMEOUT_MS",
              (int) defaults.freeBusyTimeout().toMillis())),
          boolValue(env, "DOVETAIL_SYNC_PUSH_OVER_HTTP", defaults.pushOverHttp()));
    }

    public Sync withTimings(Duration reconcile, boolean pushOn) {
      return new Sync(reconcile, pushOn, channelLifetime, freeBusyTimeout, pushOverHttp);
    }

    /** Push channels to an {@code http://} public URL too: only emulators accept them. */
    public Sync withPushOverHttp() {
      return new Sync(reconcileEvery, push, channelLifetime, freeBusyTimeout, true);
    }
  }

  private static List<String> list(JsonObject env, String key) {
    return Arrays.stream(env.getString(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int intValue(JsonObject env, String key, int fallback) {
    Object value = env.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number: " + value, e);
    }
  }

  private static boolean boolValue(JsonObject env, String key, boolean fallback) {
    Object value = env.getValue(key);
    return value == null || value.toString().isBlank() ? fallback : Boolean.parseBoolean(value.toString().strip());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
