package dev.dovetail.app;

import dev.dovetail.outlook.GraphCalendarConnector;
import dev.dovetail.outlook.GraphPushes;
import dev.dovetail.outlook.MicrosoftAppAccess;
import dev.dovetail.outlook.MicrosoftIdentity;
import dev.dovetail.outlook.MicrosoftOAuthClient;
import dev.dovetail.outlook.MicrosoftTrust;
import dev.dovetail.outlook.OutlookHooks;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.port.out.RotatedTokens;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Outlook half of calendar sync for one hub, present when {@code DOVETAIL_MS_CLIENT_ID} is set: the Graph
 * connector and the connect flow's OAuth client (for the sync module's per-service maps), and {@code POST
 * /hooks/outlook} on the hub's router once the sync scheduler exists.
 */
final class OutlookSync {

  private static final Logger LOG = LoggerFactory.getLogger(OutlookSync.class);

  private final GraphCalendarConnector connector;
  private final MicrosoftOAuthClient oauth;

  private OutlookSync(GraphCalendarConnector connector, MicrosoftOAuthClient oauth) {
    this.connector = connector;
    this.oauth = oauth;
  }

  static Optional<OutlookSync> create(Vertx vertx, AppConfig.Outlook config, Clock clock,
      RotatedTokens rotations) {
    if (!config.enabled()) {
      LOG.info("no DOVETAIL_MS_CLIENT_ID: Outlook calendars are off");
      return Optional.empty();
    }
    // The identity platform's clients trust the JDK's authorities, plus DOVETAIL_MS_TRUST_PEM's certificates (ADR 40).
    MicrosoftTrust trust = config.trustPem() == null ? MicrosoftTrust.jdk() : MicrosoftTrust.withPem(config.trustPem());
    if (trust.extended()) {
      LOG.warn("DOVETAIL_MS_TRUST_PEM: the Microsoft login clients also trust the certificates in {}",
          config.trustPem());
    }
    MicrosoftIdentity identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(
        config.loginBase(), config.tenant(), config.clientId(), config.clientSecret()), trust);
    GraphCalendarConnector.Settings settings = GraphCalendarConnector.Settings.production()
        .withGraphBase(config.graphBase())
        .withMaxSubscriptionLifetime(Duration.ofMinutes(config.subscriptionMinutes()));
    LOG.info("Outlook calendars on: {}", config);
    if (config.appOnly()) {
      // ADR 21: the hub acts as the app through azure-identity; providers sign in only to name their mailbox.
      MicrosoftAppAccess app = new MicrosoftAppAccess(new MicrosoftAppAccess.Settings(
          config.loginBase(), config.tenant(), config.clientId(), config.clientSecret()),
          trust.extended() ? trust.azureHttpClient() : null);
      return Optional.of(new OutlookSync(GraphCalendarConnector.appOnly(vertx, app, settings, clock),
          MicrosoftOAuthClient.signInOnly(vertx, identity, config.graphBase())));
    }
    GraphCalendarConnector connector = new GraphCalendarConnector(vertx, identity, rotations, settings, clock);
    return Optional.of(new OutlookSync(connector, new MicrosoftOAuthClient(vertx, identity, config.graphBase())));
  }

  GraphCalendarConnector connector() {
    return connector;
  }

  MicrosoftOAuthClient oauth() {
    return oauth;
  }

  /** Mounts the Graph notification receiver (ahead of the API's root chain; Graph authenticates by clientState). */
  Router mountHooks(Router router, SyncContext ctx, SyncScheduler scheduler) {
    return OutlookHooks.mount(router, new GraphPushes(ctx, scheduler));
  }
}
