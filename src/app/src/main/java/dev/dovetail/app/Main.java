package dev.dovetail.app;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts a hub from the environment and stops it cleanly on SIGTERM. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      System.exit(StoreCommands.run(args));
      return;
    }
    System.setProperty("hazelcast.logging.type", "slf4j");
    System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    // java.util.logging (libraries that log through it) into the hub's log, in its format.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    AppConfig config;
    OpsConfig ops;
    try {
      JsonObject env = readEnv();
      config = AppConfig.from(env);
      ops = OpsConfig.from(env, config.http().port());
    } catch (RuntimeException e) {
      LOG.error("Dovetail configuration is invalid: {}", e.getMessage());
      System.exit(2);
      return;
    }
    try {
      Hub hub = Hub.start(config, ops).await();
      Runtime.getRuntime().addShutdownHook(new Thread(hub::stop, "dovetail-shutdown"));
    } catch (RuntimeException e) {
      LOG.error("Dovetail failed to start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /**
   * Environment variables through Vert.x Config, read on a short-lived Vert.x (the real one may be clustered) and
   * awaited before that Vert.x closes, so that nothing later runs on a closed instance.
   */
  static JsonObject readEnv() {
    Vertx bootstrap = Vertx.vertx();
    try {
      ConfigStoreOptions env =
          new ConfigStoreOptions().setType("env").setConfig(new JsonObject().put("raw-data", true));
      ConfigRetriever retriever = ConfigRetriever.create(
          bootstrap, new ConfigRetrieverOptions().addStore(env).setIncludeDefaultStores(false));
      return retriever.getConfig().await();
    } finally {
      bootstrap.close().await();
    }
  }
}
