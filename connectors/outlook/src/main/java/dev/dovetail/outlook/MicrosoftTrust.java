package dev.dovetail.outlook;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom the hub's clients of the Microsoft identity platform trust over TLS: the JDK's certificate authorities and,
 * with {@code DOVETAIL_MS_TRUST_PEM}, also the certificates of that one PEM file (a private authority host, e.g. an
 * emulator or a company's TLS-inspecting proxy). The extra trust goes only to these clients (the connect flow's
 * token exchange and the app-only client credentials), never JVM-wide, and never "trust all" (ADR 40).
 */
public final class MicrosoftTrust {

  private final List<X509Certificate> extra;
  private final X509TrustManager trustManager;
  private final SSLContext sslContext;

  private MicrosoftTrust(List<X509Certificate> extra) {
    this.extra = extra;
    try {
      this.trustManager = combined(extra);
      this.sslContext = SSLContext.getInstance("TLS");
      sslContext.init(null, new TrustManager[] {trustManager}, null);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the Microsoft clients' TLS trust", e);
    }
  }

  /** The JDK's certificate authorities only (production). */
  public static MicrosoftTrust jdk() {
    return new MicrosoftTrust(List.of());
  }

  /** The JDK's certificate authorities plus every certificate in {@code pem}; a file without one is refused. */
  public static MicrosoftTrust withPem(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> certificates = read.stream().map(X509Certificate.class::cast).toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + pem);
      }
      return new MicrosoftTrust(certificates);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the certificates in " + pem + ": " + e.getMessage(), e);
    }
  }

  /** True when a PEM file adds to the JDK's authorities. */
  public boolean extended() {
    return !extra.isEmpty();
  }

  /** For {@code java.net.http.HttpClient} (the connect flow's token endpoint). */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** For azure-identity (app-only client credentials): azure-core's Netty client with this trust. */
  public HttpClient azureHttpClient() {
    try {
      var netty = SslContextBuilder.forClient().trustManager(trustManager).build();
      return new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
          .secure(spec -> spec.sslContext(netty))).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up the Microsoft clients' TLS trust", e);
    }
  }

  private static X509TrustManager combined(List<X509Certificate> extra) throws GeneralSecurityException, IOException {
    TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jdk.init((KeyStore) null);
    X509TrustManager jdkTrust = x509(jdk);
    if (extra.isEmpty()) {
      return jdkTrust;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int n = 0;
    for (X509Certificate ca : jdkTrust.getAcceptedIssuers()) {
      store.setCertificateEntry("jdk-" + n++, ca);
    }
    for (X509Certificate cert : extra) {
      store.setCertificateEntry("pem-" + n++, cert);
    }
    TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    both.init(store);
    return x509(both);
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X.509 trust manager");
  }
}
