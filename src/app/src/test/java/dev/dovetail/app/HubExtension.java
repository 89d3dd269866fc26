package dev.dovetail.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.infra.mail.SmtpMailer;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.stripe.emulator.StripeEmulator;
import dev.dovetail.sync.google.emulator.GoogleCalendarEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a test starts a hub in-process: on 127.0.0.1, on a fresh embedded in-memory store, on a clock the test
 * controls, with an HTTP client for it. Register it with {@code @RegisterExtension}: in a static field the hub lives
 * for the whole class, in an instance field for one test; {@link #restart()} redeploys it on the same data. Built with
 * {@link #builder()}; {@code config} tweaks the test config with {@code AppConfig}'s {@code withX} methods.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HubExtension HUB = HubExtension.builder().clock(MovableClock.frozen()).build();
 * }</pre>
 *
 * <p>A hub in a separate JVM, which a test can {@code kill -9}, is {@link ChildHub}: another process, not a fixture.
 */
public final class HubExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {

  /** The demo provider's password on every test hub. */
  public static final String DEMO_PASSWORD = "demo-password-for-tests";
  private static final String SECRET_KEY = "dGVzdHMnIG1hbmFnZS1saW5rIGtleSwgMzIgYnl0ZXMgb3IgbW9yZQ==";
  /** The keys of the Stripe emulator of {@link Builder#stripeEmulator()}, which the hub is configured with. */
  public static final String STRIPE_SECRET_KEY = "sk_test_hub";
  public static final String STRIPE_PUBLISHABLE_KEY = "pk_test_hub";
  public static final String STRIPE_WEBHOOK_SECRET = "whsec_hub";

  private final boolean demoData;
  private final Clock clock;
  private final UnaryOperator<AppConfig> tweaks;
  private final Consumer<HubExtension> started;
  private final Function<AppConfig, OpsConfig> ops;
  private final boolean storeOnDisk;
  private final Vertx stripeVertx;
  private final StripeEmulator stripe;
  private boolean forClass;
  private Path dataDir;
  private EmbeddedMongo mongo;
  private AppConfig config;
  private Hub hub;
  private Vertx clientVertx;
  private WebClient client;

  private HubExtension(Builder builder, Vertx stripeVertx, StripeEmulator stripe) {
    this.stripeVertx = stripeVertx;
    this.stripe = stripe;
    this.demoData = builder.demoData;
    this.clock = builder.clock;
    this.tweaks = builder.tweaks;
    this.started = builder.started;
    this.ops = builder.ops;
    this.storeOnDisk = builder.storeOnDisk;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The config of a test hub on a free port of 127.0.0.1 against the given store: fast bcrypt, a generous public rate
   * limit, a fixed manage-link key, and a public URL without a port (what mails and links show).
   */
  public static AppConfig config(String mongoUri, Path dataDir, boolean demoData) {
    return AppConfig.defaults()
        .withHttp(new AppConfig.Http("127.0.0.1", freePort(), "http://127.0.0.1", 100_000, 256 * 1024))
        .withStore(new AppConfig.Store(dataDir, mongoUri, "dovetail", 0))
        .withDemo(new AppConfig.Demo(demoData, DEMO_PASSWORD))
        .withSecurity(new AppConfig.Security(false, 4, SECRET_KEY, List.of(), SignUpMode.OPEN, false));
  }

  /** {@code base} with its public URL on its own port (what the calendar and payment emulators call back). */
  public static AppConfig onItsPort(AppConfig base) {
    AppConfig.Http http = base.http();
    return base.withHttp(new AppConfig.Http(http.host(), http.port(), "http://127.0.0.1:" + http.port(),
        http.publicRequestsPerMinute(), http.maxBodyBytes()));
  }

  /** {@code base} on its own port, mailing through an SMTP server on 127.0.0.1:{@code port} without TLS or AUTH. */
  public static AppConfig withSmtp(AppConfig base, int port) {
    return onItsPort(base).withMail(
        new AppConfig.Mail("127.0.0.1", port, null, null, SmtpMailer.Tls.NONE, AppConfig.Mail.DEFAULT_FROM));
  }

  /** An HTTP client for hubs on 127.0.0.1, keep-alive, with room for many parallel requests. */
  public static WebClient client(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(200));
  }

  /** GreenMail taking SMTP on a free port of 127.0.0.1, started; the test stops it. */
  public static GreenMail startedSmtp() {
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    forClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (hub == null) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!forClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private void start() {
    try {
      dataDir = Files.createTempDirectory("dovetail-hub");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mongo = openStore();
    config = tweaks.apply(config(mongo.connectionString(), dataDir, demoData));
    clientVertx = Vertx.vertx();
    client = client(clientVertx);
    hub = Hub.start(config, ops.apply(config), clock).await();
    started.accept(this);
  }

  /**
   * Stops the hub and starts it again on the same data, config, port and clock, as a redeploy does; a store on disk
   * ({@link Builder#storeOnDisk()}) is stopped and started again with it.
   */
  public void restart() {
    hub.stop();
    hub = null;
    if (storeOnDisk) {
      mongo.close();
      mongo = openStore();
      AppConfig.Store store = config.store();
      config = config.withStore(new AppConfig.Store(store.dataDir(), mongo.connectionString(), store.database(),
          store.embeddedPort()));
    }
    hub = Hub.start(config, ops.apply(config), clock).await();
    started.accept(this);
  }

  private EmbeddedMongo openStore() {
    return storeOnDisk ? EmbeddedMongo.onDisk(dataDir.resolve("store")) : EmbeddedMongo.inMemory();
  }

  private void stop() {
    try {
      if (hub != null) {
        hub.stop();
      }
      if (clientVertx != null) {
        clientVertx.close().await();
      }
      if (stripeVertx != null) {
        stripeVertx.close().await();
      }
    } finally {
      hub = null;
      clientVertx = null;
      if (mongo != null) {
        mongo.close();
        mongo = null;
      }
      deleteDataDir();
    }
  }

  private void deleteDataDir() {
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  public Hub hub() {
    return hub;
  }

  public int port() {
    return hub.httpPort();
  }

  /** {@code http://127.0.0.1:port}, no slash at the end. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String url(String path) {
    return baseUrl() + path;
  }

  /** The hub's clock: "now" and "today" of the hub, of its pages and of whatever the test asks it. */
  public Clock clock() {
    return clock;
  }

  public AppConfig config() {
    return config;
  }

  /** The Stripe emulator of {@link Builder#stripeEmulator()}, running from {@code build()} until the hub stops. */
  public StripeEmulator stripe() {
    if (stripe == null) {
      throw new IllegalStateException("this hub was built without stripeEmulator()");
    }
    return stripe;
  }

  /** The free slots of a booking type over the four weeks after the hub's today in Berlin, as UTC start strings. */
  public List<String> freeStarts(String bookingTypeId) {
    return HubFixture.freeStarts(client, port(), bookingTypeId, clock).await();
  }

  /** A Vert.x instance of the test's own (not the hub's), for timers and clients on the test's side. */
  public Vertx clientVertx() {
    return clientVertx;
  }

  /** An HTTP client for this hub (defaults to 127.0.0.1; name {@link #port()}). */
  public WebClient client() {
    return client;
  }

  /** The store's connection string; its database is {@code config().store().database()}. */
  public String mongoUri() {
    return mongo.connectionString();
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * The text of the newest mail to {@code to} with {@code subject} in the hub's local mail sink, once the dispatcher
   * has sent it (within 15 s). Read from the store itself: the notification log never shows a mail that is a
   * credential, like a password-reset link.
   */
  public String sentMailText(String to, String subject) {
    MongoClient store = MongoClient.create(clientVertx, new JsonObject()
        .put("connection_string", mongo.connectionString()).put("db_name", config.store().database()));
    try {
      JsonObject query = new JsonObject().put("to", to).put("subject", subject);
      FindOptions newest = new FindOptions().setSort(new JsonObject().put("keptAt", -1)).setLimit(1);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        List<JsonObject> found = store.findWithOptions("mailSink", query, newest).await();
        if (!found.isEmpty()) {
          return found.get(0).getString("text");
        }
        clientVertx.timer(100).await();
      }
      throw new AssertionError("no mail '" + subject + "' to " + to + " in the sink");
    } finally {
      store.close().await();
    }
  }

  /** What the hub to start looks like; every setting has a default. */
  public static final class Builder {

    private boolean demoData = true;
    private Clock clock = new MovableClock();
    private UnaryOperator<AppConfig> tweaks = UnaryOperator.identity();
    private Consumer<HubExtension> started = hub -> { };
    private Function<AppConfig, OpsConfig> ops = c -> OpsConfig.quiet(c.http().port());
    private boolean storeOnDisk;
    private boolean stripeEmulator;

    private Builder() {}

    /** With or without the demo tenant (default: with). */
    public Builder demoData(boolean on) {
      this.demoData = on;
      return this;
    }

    /** The hub's clock (default: a {@link MovableClock} that ticks with the real one until advanced). */
    public Builder clock(Clock hubClock) {
      this.clock = hubClock;
      return this;
    }

    /** One more change of the test config, after the ones before: {@code c -> c.withMail(...)}. */
    public Builder config(UnaryOperator<AppConfig> tweak) {
      UnaryOperator<AppConfig> before = this.tweaks;
      this.tweaks = c -> tweak.apply(before.apply(c));
      return this;
    }

    /** The hub's public URL on its own port (what emulators call back). */
    public Builder onItsPort() {
      return config(HubExtension::onItsPort);
    }

    /** Mail over SMTP to 127.0.0.1:{@code smtpPort} (GreenMail) without TLS or AUTH; the public URL on its port. */
    public Builder mailingTo(int smtpPort) {
      return config(c -> withSmtp(c, smtpPort));
    }

    /** Webhooks may go to private addresses (the receivers in tests listen on 127.0.0.1). */
    public Builder allowPrivateWebhooks() {
      return config(HubFixture::allowPrivateWebhooks);
    }

    /**
     * Card payments through {@code stripe}, an emulator the test started itself with these keys (on a clock of its
     * choosing; {@link #stripeEmulator()} is the one on the hub's clock); once the hub is up, the emulator
     * sends its webhooks to the hub's {@code /hooks/stripe}, signed with {@code webhookSecret}.
     */
    public Builder stripe(StripeEmulator stripe, String secretKey, String publishableKey, String webhookSecret) {
      this.started = started.andThen(hub -> stripe.webhooks(hub.url("/hooks/stripe"), webhookSecret));
      return onItsPort().config(c -> c.withStripe(new AppConfig.Stripe(secretKey, publishableKey, webhookSecret,
          stripe.apiBase(), stripe.apiBase() + "/v3/")));
    }

    /**
     * Card payments through a Stripe emulator of the hub's own, which {@link #build()} starts on the hub's clock (the
     * hub checks the webhook signatures' timestamps against its own) with the {@code STRIPE_*} keys, and which stops
     * with the hub (see {@link HubExtension#stripe()}).
     */
    public Builder stripeEmulator() {
      this.stripeEmulator = true;
      return this;
    }

    /** Google calendars served by {@code google}, the emulator; the public URL on its port (its OAuth callback). */
    public Builder google(GoogleCalendarEmulator google) {
      return onItsPort().config(c -> c.withGoogle(new AppConfig.Google(GoogleCalendarEmulator.CLIENT_ID,
          GoogleCalendarEmulator.CLIENT_SECRET, google.apiRoot(), google.oauthBase())));
    }

    /** Operations settings (metrics port and token, node name, shutdown grace); default: quiet, no metrics. */
    public Builder ops(OpsConfig operations) {
      this.ops = c -> operations;
      return this;
    }

    /** The embedded store on disk (in the hub's data folder) instead of in memory, so that it survives a restart. */
    public Builder storeOnDisk() {
      this.storeOnDisk = true;
      return this;
    }

    /** Who may sign up (default: {@link SignUpMode#OPEN}). */
    public Builder signUp(SignUpMode mode) {
      return config(c -> {
        AppConfig.Security s = c.security();
        return c.withSecurity(new AppConfig.Security(s.secureCookies(), s.bcryptCost(), s.secretKey(),
            s.trustedProxies(), mode, s.webhookAllowPrivate()));
      });
    }

    public HubExtension build() {
      if (!stripeEmulator) {
        return new HubExtension(this, null, null);
      }
      Vertx vertx = Vertx.vertx();
      StripeEmulator emulator = StripeEmulator.start(vertx, STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, clock).await();
      stripe(emulator, STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET);
      return new HubExtension(this, vertx, emulator);
    }
  }
}
