package dev.dovetail.infra.lock;

import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ResourceLockContract;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two clustered Vert.x instances in one JVM (Hazelcast, TCP join on loopback): every acquisition on one node must
 * exclude every acquisition on the other, and within each node.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("SharedDataResourceLock across two Hazelcast-clustered Vert.x nodes")
class ClusteredSharedDataResourceLockIT implements ResourceLockContract {

  private static Vertx nodeA;
  private static Vertx nodeB;
  private static ResourceLock lockA;
  private static ResourceLock lockB;

  @BeforeAll
  static void startCluster() {
    int portA = freePort();
    int portB = freePort();
    String cluster = "dovetail-lock-test-" + id("c");
    List<Integer> members = List.of(portA, portB);
    Future<Vertx> a = clustered(hazelcast(cluster, portA, members));
    Future<Vertx> b = clustered(hazelcast(cluster, portB, members));
    nodeA = await(a);
    nodeB = await(b);
    lockA = new SharedDataResourceLock(nodeA, Duration.ofSeconds(30));
    lockB = new SharedDataResourceLock(nodeB, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopCluster() {
    if (nodeB != null) {
      await(nodeB.close());
    }
    if (nodeA != null) {
      await(nodeA.close());
    }
  }

  @Override
  public ResourceLock lock() {
    return lockA;
  }

  @Override
  public ResourceLock peerLock() {
    return lockB;
  }

  @Override
  public int contenders() {
    return 160;
  }

  @Test
  @DisplayName("cluster: both nodes see each other as members")
  void bothNodesJoinedOneCluster() {
    assertThat(nodeA.isClustered()).isTrue();
    HazelcastClusterManager manager = (HazelcastClusterManager) ((io.vertx.core.internal.VertxInternal) nodeA)
        .clusterManager();
    assertThat(manager.getNodes()).hasSize(2);
  }

  @Test
  @DisplayName("cluster: a lock held on one node times out on the other with a ResourceBusyException")
  void lockHeldOnOneNodeTimesOutOnTheOther(VertxTestContext ctx) {
    String resource = id("res");
    ResourceLock impatientB = new SharedDataResourceLock(nodeB, Duration.ofMillis(200));
    Promise<String> release = Promise.promise();
    Promise<Void> acquired = Promise.promise();
    Future<String> holder = lockA.withLock(resource, () -> {
      acquired.complete();
      return release.future();
    });
    acquired.future()
        .compose(v -> failureOf(impatientB.withLock(resource, () -> Future.succeededFuture("never"))))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ResourceBusyException.class));
          release.complete("released");
          return holder;
        })
        .compose(v -> impatientB.withLock(resource, () -> Future.succeededFuture("B got it")))
        .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
          assertThat(result).isEqualTo("B got it");
          ctx.completeNow();
        })));
  }

  private static Future<Vertx> clustered(Config config) {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered();
  }

  /** Vert.x's own Hazelcast config with TCP join on the listed loopback ports, no multicast, no join delay. */
  private static Config hazelcast(String clusterName, int port, List<Integer> members) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true);
    for (int member : members) {
      join.getTcpIpConfig().addMember("127.0.0.1:" + member);
    }
    return config;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
