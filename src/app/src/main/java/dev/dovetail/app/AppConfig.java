package dev.dovetail.app;

import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.web.http.TrustedProxies;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Typed configuration, read from environment variables through Vert.x Config (see README "Configuration"). With no
 * {@code DOVETAIL_MONGO_URI} the hub runs the embedded store under {@code DOVETAIL_DATA_DIR}; with {@code
 * DOVETAIL_CLUSTER_MEMBERS} it joins a Hazelcast cluster over TCP; with {@code DOVETAIL_SMTP_HOST} it sends mail over
 * SMTP, otherwise it keeps mail in the local sink (readable through the provider API).
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    String publicUrl,
    Path dataDir,
    String mongoUri,
    String mongoDatabase,
    int embeddedMongoPort,
    boolean demoData,
    String demoPassword,
    Cluster cluster,
    int publicRequestsPerMinute,
    long maxBodyBytes,
    boolean secureCookies,
    int bcryptCost,
    String secretKey,
    Mail mail,
    List<String> trustedProxies,
    Stripe stripe,
    Outlook outlook,
    Calendars calendars,
    SignUpMode signUp,
    boolean webhookAllowPrivate) {

  /**
   * A config whose webhooks go only to public https URLs ({@code DOVETAIL_WEBHOOK_ALLOW_PRIVATE=true} lifts that for
   * development and tests; {@link #withWebhookAllowPrivate}).
   */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey,
      Mail mail, List<String> trustedProxies, Stripe stripe, Outlook outlook, Calendars calendars,
      SignUpMode signUp) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail, trustedProxies,
        stripe, outlook, calendars, signUp, false);
  }

  public AppConfig withWebhookAllowPrivate(boolean allow) {
    return new AppConfig(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData,
        demoPassword, cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail,
        trustedProxies, stripe, outlook, calendars, signUp, allow);
  }

  /** A config whose public sign-up is open (as tests and benchmarks build it). */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey,
      Mail mail, List<String> trustedProxies, Stripe stripe, Outlook outlook, Calendars calendars) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail, trustedProxies,
        stripe, outlook, calendars, SignUpMode.OPEN);
  }

  /** A config without Google calendars, with the default sync timings. */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey,
      Mail mail, List<String> trustedProxies, Stripe stripe, Outlook outlook) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail, trustedProxies,
        stripe, outlook, Calendars.off());
  }

  /** A config without Outlook calendars. */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey,
      Mail mail, List<String> trustedProxies, Stripe stripe) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail, trustedProxies,
        stripe, Outlook.off());
  }

  /** A config without Stripe: paid booking types are refused. */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey,
      Mail mail, List<String> trustedProxies) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, mail, trustedProxies,
        Stripe.off());
  }

  /** A config without SMTP: mail goes to the local sink. */
  public AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String mongoUri,
      String mongoDatabase, int embeddedMongoPort, boolean demoData, String demoPassword, Cluster cluster,
      int publicRequestsPerMinute, long maxBodyBytes, boolean secureCookies, int bcryptCost, String secretKey) {
    this(httpHost, httpPort, publicUrl, dataDir, mongoUri, mongoDatabase, embeddedMongoPort, demoData, demoPassword,
        cluster, publicRequestsPerMinute, maxBodyBytes, secureCookies, bcryptCost, secretKey, Mail.localSink(),
        List.of());
  }

  /**
   * Outgoing mail: an SMTP server ({@code smtpHost} set) or the local sink. {@code tls} is {@code none}, {@code
   * starttls} or {@code tls}; {@code smtpUser} null for no AUTH.
   */
  public record Mail(String smtpHost, int smtpPort, String smtpUser, String smtpPassword, String tls, String from) {

    public static final String DEFAULT_FROM = "Dovetail <dovetail@localhost>";

    public static Mail localSink() {
      return new Mail(null, 25, null, null, "none", DEFAULT_FROM);
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

    public boolean enabled() {
      return secretKey != null;
    }

    @Override
    public String toString() {
      return "Stripe[enabled=" + enabled() + ", apiBase=" + apiBase + ", jsUrl=" + jsUrl + "]";
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
   * Calendar sync. Google is on when {@code googleClientId} is set ({@code googleApiRoot} / {@code googleOAuthBase}
   * null for the real Google, an emulator's URLs in tests). Every synced calendar is reconciled every {@code
   * reconcileEvery}; with {@code push} the hub opens push channels to its public URL, asking for {@code
   * channelLifetime}; Google and Graph accept HTTPS addresses only, so at an {@code http://} public URL push is off
   * unless {@code pushOverHttp} (only for emulators in tests); the booking-time free/busy check waits at most {@code
   * freeBusyTimeout}.
   */
  public record Calendars(String googleClientId, String googleClientSecret, String googleApiRoot,
      String googleOAuthBase, Duration reconcileEvery, boolean push, Duration channelLifetime,
      Duration freeBusyTimeout, boolean pushOverHttp) {

    public static Calendars off() {
      return new Calendars(null, null, null, null, Duration.ofMinutes(5), true, Duration.ofDays(7),
          Duration.ofMillis(1500), false);
    }

    public boolean googleEnabled() {
      return googleClientId != null;
    }

    public Calendars withGoogle(String clientId, String clientSecret, String apiRoot, String oauthBase) {
      return new Calendars(clientId, clientSecret, apiRoot, oauthBase, reconcileEvery, push, channelLifetime,
          freeBusyTimeout, pushOverHttp);
    }

    public Calendars withTimings(Duration reconcile, boolean pushOn) {
      return new Calendars(googleClientId, googleClientSecret, googleApiRoot, googleOAuthBase, reconcile, pushOn,
          channelLifetime, freeBusyTimeout, pushOverHttp);
    }

    /** Push channels to an {@code http://} public URL too: only emulators accept them. */
    public Calendars withPushOverHttp() {
      return new Calendars(googleClientId, googleClientSecret, googleApiRoot, googleOAuthBase, reconcileEvery, push,
          channelLifetime, freeBusyTimeout, true);
    }

    @Override
    public String toString() {
      return "Calendars[google=" + googleEnabled() + ", googleApiRoot=" + googleApiRoot + ", reconcileEvery="
          + reconcileEvery + ", push=" + push + "]";
    }
  }

  /** Hazelcast membership: this member's address and port, and the members to join (empty = not clustered). */
  public record Cluster(String name, String host, int port, List<String> members) {

    public boolean enabled() {
      return !members.isEmpty();
    }
  }

  /** Everything but the secrets: the key that signs manage links and sessions, and the demo password. */
  @Override
  public String toString() {
    return "AppConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", publicUrl=" + publicUrl + ", dataDir="
        + dataDir + ", mongo=" + (mongoUri == null ? "embedded" : "external") + ", mongoDatabase=" + mongoDatabase
        + ", embeddedMongoPort=" + embeddedMongoPort + ", demoData=" + demoData + ", demoPassword="
        + (demoPassword == null ? "generated" : "(set)") + ", cluster=" + cluster + ", publicRequestsPerMinute="
        + publicRequestsPerMinute + ", maxBodyBytes=" + maxBodyBytes + ", secureCookies=" + secureCookies
        + ", bcryptCost=" + bcryptCost + ", secretKey=" + (secretKey == null ? "generated" : "(set)") + ", mail="
        + mail + ", trustedProxies=" + trustedProxies + ", stripe=" + stripe + ", outlook=" + outlook
        + ", calendars=" + calendars + ", signUp=" + signUp + "]";
  }

  public boolean embeddedStore() {
    return mongoUri == null;
  }

  public static AppConfig from(JsonObject env) {
    int port = intValue(env, "DOVETAIL_HTTP_PORT", 8080);
    String mongoUri = blankToNull(env.getString("DOVETAIL_MONGO_URI"));
    String publicUrl = env.getString("DOVETAIL_PUBLIC_URL", "http://localhost:" + port);
    List<String> members = Arrays.stream(env.getString("DOVETAIL_CLUSTER_MEMBERS", "").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new AppConfig(
        env.getString("DOVETAIL_HTTP_HOST", "0.0.0.0"),
        port,
        publicUrl,
        Path.of(env.getString("DOVETAIL_DATA_DIR", "./data")),
        mongoUri,
        env.getString("DOVETAIL_MONGO_DATABASE", "dovetail"),
        intValue(env, "DOVETAIL_EMBEDDED_MONGO_PORT", 0),
        boolValue(env, "DOVETAIL_DEMO_DATA", mongoUri == null),
        blankToNull(env.getString("DOVETAIL_DEMO_PASSWORD")),
        new Cluster(
            env.getString("DOVETAIL_CLUSTER_NAME", "dovetail"),
            env.getString("DOVETAIL_CLUSTER_HOST", "127.0.0.1"),
            intValue(env, "DOVETAIL_CLUSTER_PORT", 5701),
            members),
        intValue(env, "DOVETAIL_PUBLIC_RATE_LIMIT", 300),
        intValue(env, "DOVETAIL_MAX_BODY_BYTES", 256 * 1024),
        // Reached over HTTPS, cookies are Secure and HSTS is on unless explicitly turned off.
        boolValue(env, "DOVETAIL_SECURE_COOKIES", publicUrl.regionMatches(true, 0, "https://", 0, 8)),
        intValue(env, "DOVETAIL_BCRYPT_COST", 12),
        blankToNull(env.getString("DOVETAIL_SECRET_KEY")),
        mail(env),
        trustedProxies(env),
        stripe(env),
        outlook(env),
        calendars(env),
        signUp(env, mongoUri == null && boolValue(env, "DOVETAIL_DEMO_DATA", true)),
        boolValue(env, "DOVETAIL_WEBHOOK_ALLOW_PRIVATE", false));
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
   * believed. The boolean {@code DOVETAIL_TRUST_PROXY} it replaces trusted any peer, so that a client reaching the hub
   * directly could name its own address; set to {@code true} it now stops the start with a pointer to the new variable
   * (ADR 24).
   */
  private static List<String> trustedProxies(JsonObject env) {
    if (boolValue(env, "DOVETAIL_TRUST_PROXY", false)) {
      throw new IllegalArgumentException("DOVETAIL_TRUST_PROXY is no longer read: list the proxies' addresses instead, "
          + "e.g. DOVETAIL_TRUSTED_PROXIES=172.16.0.0/12 (docker-compose's network) or 10.0.0.5/32");
    }
    List<String> cidrs = Arrays.stream(env.getString("DOVETAIL_TRUSTED_PROXIES", "").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    try {
      TrustedProxies.of(cidrs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DOVETAIL_TRUSTED_PROXIES: " + e.getMessage(), e);
    }
    return cidrs;
  }

  private static Calendars calendars(JsonObject env) {
    String id = blankToNull(env.getString("DOVETAIL_GOOGLE_CLIENT_ID"));
    String secret = blankToNull(env.getString("DOVETAIL_GOOGLE_CLIENT_SECRET"));
    if (id != null && secret == null) {
      throw new IllegalArgumentException("DOVETAIL_GOOGLE_CLIENT_ID needs DOVETAIL_GOOGLE_CLIENT_SECRET too");
    }
    Calendars off = Calendars.off();
    return new Calendars(id, secret, blankToNull(env.getString("DOVETAIL_GOOGLE_API_ROOT")),
        blankToNull(env.getString("DOVETAIL_GOOGLE_OAUTH_BASE")),
        Duration.ofSeconds(intValue(env, "DOVETAIL_SYNC_RECONCILE_SECONDS", (int) off.reconcileEvery().toSeconds())),
        boolValue(env, "DOVETAIL_SYNC_PUSH", true),
        off.channelLifetime(),
        Duration.ofMillis(intValue(env, "DOVETAIL_SYNC_FREEBUSY_TIMEOUT_MS", (int) off.freeBusyTimeout().toMillis())),
        boolValue(env, "DOVETAIL_SYNC_PUSH_OVER_HTTP", false));
  }

  /**
   * Outlook calendars (Microsoft Graph): the app registration ({@code DOVETAIL_MS_CLIENT_ID}, {@code
   * DOVETAIL_MS_CLIENT_SECRET}), its tenant ({@code DOVETAIL_MS_TENANT}, default {@code common}: work and personal
   * accounts) and where Graph and the identity platform are ({@code DOVETAIL_MS_GRAPH_BASE}, {@code
   * DOVETAIL_MS_LOGIN_BASE}; set only to point at an emulator), and the subscription lifetime cap ({@code
   * DOVETAIL_MS_SUBSCRIPTION_MINUTES}, 45 to 4,230: Graph refuses a longer Outlook event subscription). Without a client id Outlook is off. {@code
   * DOVETAIL_MS_APP_ONLY=true} serves one Microsoft 365 tenant app-only (ADR 21: azure-identity client credentials,
   * application permission Calendars.ReadWrite); it needs that tenant's id in {@code DOVETAIL_MS_TENANT}. {@code
   * DOVETAIL_MS_TRUST_PEM} names a PEM file whose certificates the identity platform's clients trust in addition to
   * the JDK's authorities (a private login host; ADR 40).
   */
  private static Outlook outlook(JsonObject env) {
    String clientId = blankToNull(env.getString("DOVETAIL_MS_CLIENT_ID"));
    if (clientId == null) {
      return Outlook.off();
    }
    String secret = blankToNull(env.getString("DOVETAIL_MS_CLIENT_SECRET"));
    if (secret == null) {
      throw new IllegalArgumentException("DOVETAIL_MS_CLIENT_ID needs DOVETAIL_MS_CLIENT_SECRET too");
    }
    String tenant = blankToNull(env.getString("DOVETAIL_MS_TENANT"));
    String graph = blankToNull(env.getString("DOVETAIL_MS_GRAPH_BASE"));
    String login = blankToNull(env.getString("DOVETAIL_MS_LOGIN_BASE"));
    int minutes = intValue(env, "DOVETAIL_MS_SUBSCRIPTION_MINUTES", Outlook.DEFAULT_SUBSCRIPTION_MINUTES);
    if (minutes < 45 || minutes > Outlook.MAX_SUBSCRIPTION_MINUTES) {
      throw new IllegalArgumentException("DOVETAIL_MS_SUBSCRIPTION_MINUTES must be 45 to "
          + Outlook.MAX_SUBSCRIPTION_MINUTES + " (Graph's maximum for Outlook event subscriptions): " + minutes);
    }
    boolean appOnly = Boolean.parseBoolean(env.getString("DOVETAIL_MS_APP_ONLY", "false"));
    if (appOnly && (tenant == null || Set.of("common", "organizations", "consumers").contains(tenant))) {
      throw new IllegalArgumentException("DOVETAIL_MS_APP_ONLY needs the tenant's id in DOVETAIL_MS_TENANT");
    }
    String pem = blankToNull(env.getString("DOVETAIL_MS_TRUST_PEM"));
    if (pem != null && !Files.isReadable(Path.of(pem))) {
      throw new IllegalArgumentException("DOVETAIL_MS_TRUST_PEM names no readable file: " + pem);
    }
    return new Outlook(clientId, secret, tenant == null ? "common" : tenant,
        graph == null ? Outlook.GRAPH : graph, login == null ? Outlook.LOGIN : login, minutes, appOnly,
        pem == null ? null : Path.of(pem));
  }

  private static Stripe stripe(JsonObject env) {
    String secret = blankToNull(env.getString("DOVETAIL_STRIPE_SECRET_KEY"));
    String publishable = blankToNull(env.getString("DOVETAIL_STRIPE_PUBLISHABLE_KEY"));
    String webhook = blankToNull(env.getString("DOVETAIL_STRIPE_WEBHOOK_SECRET"));
    String js = blankToNull(env.getString("DOVETAIL_STRIPE_JS_URL"));
    if (secret != null && (publishable == null || webhook == null)) {
      throw new IllegalArgumentException("DOVETAIL_STRIPE_SECRET_KEY needs DOVETAIL_STRIPE_PUBLISHABLE_KEY and "
          + "DOVETAIL_STRIPE_WEBHOOK_SECRET too");
    }
    return new Stripe(secret, publishable, webhook, blankToNull(env.getString("DOVETAIL_STRIPE_API_BASE")),
        js == null ? Stripe.DEFAULT_JS_URL : js);
  }

  private static Mail mail(JsonObject env) {
    String tls = blankToNull(env.getString("DOVETAIL_SMTP_TLS"));
    tls = tls == null ? "starttls" : tls.toLowerCase(Locale.ROOT);
    if (!List.of("none", "starttls", "tls").contains(tls)) {
      throw new IllegalArgumentException("DOVETAIL_SMTP_TLS must be none, starttls or tls: " + tls);
    }
    String from = blankToNull(env.getString("DOVETAIL_MAIL_FROM"));
    return new Mail(
        blankToNull(env.getString("DOVETAIL_SMTP_HOST")),
        intValue(env, "DOVETAIL_SMTP_PORT", tls.equals("tls") ? 465 : tls.equals("starttls") ? 587 : 25),
        blankToNull(env.getString("DOVETAIL_SMTP_USER")),
        env.getString("DOVETAIL_SMTP_PASSWORD"),
        tls,
        from == null ? Mail.DEFAULT_FROM : from);
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
