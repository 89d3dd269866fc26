package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.domain.ConnectorException;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code DOVETAIL_MS_TRUST_PEM} (ADR 40): the identity platform's clients trust the JDK's authorities plus the
 * certificates of one PEM file, and nothing else: an emulator's self-signed certificate is refused without it,
 * accepted with it, and another self-signed certificate stays refused.
 */
@DisplayName("MicrosoftTrust: one PEM file's certificates in addition to the JDK's, for the login clients only")
class MicrosoftTrustIT {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("the token endpoint over HTTPS: unreachable with the JDK's trust, answered with the PEM's; another"
      + " self-signed certificate stays refused")
  void trustsThePemsCertificateOnly() throws Exception {
    GraphEmulator graph = GraphEmulator.start(vertx, OutlookSyncIT.AT).await().withTls().await();
    GraphEmulator other = GraphEmulator.start(vertx, OutlookSyncIT.AT).await().withTls().await();
    Path pem = Files.createTempFile("graph-emulator", ".pem");
    Files.writeString(pem, graph.tlsCertificatePem(), StandardCharsets.US_ASCII);
    MicrosoftTrust trust = MicrosoftTrust.withPem(pem);

    assertThatThrownBy(() -> identity(graph, MicrosoftTrust.jdk()).refresh("a-refresh-token"))
        .isInstanceOf(ConnectorException.Unavailable.class).hasMessageContaining("unreachable");
    assertThatThrownBy(() -> identity(graph, trust).refresh("a-refresh-token"))
        .as("the emulator answered: an unknown refresh token is a revoked grant")
        .isInstanceOf(ConnectorException.AuthorizationRevoked.class);
    assertThatThrownBy(() -> identity(other, trust).refresh("a-refresh-token"))
        .isInstanceOf(ConnectorException.Unavailable.class).hasMessageContaining("unreachable");
    Files.delete(pem);
  }

  @Test
  @DisplayName("a file without a certificate is refused at start")
  void fileWithoutCertificateIsRefused() throws Exception {
    Path empty = Files.createTempFile("not-a-certificate", ".pem");
    Files.writeString(empty, "hello\n");
    assertThatThrownBy(() -> MicrosoftTrust.withPem(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(empty.toString());
    Files.delete(empty);
  }

  private static MicrosoftIdentity identity(GraphEmulator graph, MicrosoftTrust trust) {
    return new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBaseTls(), GraphEmulator.TENANT,
        graph.clientId(), graph.clientSecret()), trust);
  }
}
