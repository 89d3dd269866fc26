package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** A dashboard session of the demo provider on a running hub: its cookie and CSRF token. */
record DemoSession(WebClient client, int port, String cookie, String csrf) {

  static DemoSession login(WebClient client, int port) {
    return login(client, port, "demo", HubExtension.DEMO_PASSWORD);
  }

  /** A dashboard session of any account (the same cookie and CSRF handling). */
  static DemoSession login(WebClient client, int port, String name, String password) {
    HttpResponse<Buffer> login = client.post(port, "127.0.0.1", "/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("login", name).put("password", password)).await();
    assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(200);
    String cookie = login.cookies().stream().filter(c -> c.startsWith("dovetail.session="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    return new DemoSession(client, port, cookie, login.getHeader("X-CSRF-Token"));
  }

  HttpResponse<Buffer> send(String method, String path, JsonObject body) {
    var request = client.request(HttpMethod.valueOf(method), port, "127.0.0.1", path)
        .putHeader("Cookie", cookie).putHeader("X-CSRF-Token", csrf);
    return (body == null ? request.send() : request.sendJsonObject(body)).await();
  }

  /** The connect flow's nonce cookie ({@code name=value}) from the hub's answer to {@code connect}. */
  static String nonceCookie(HttpResponse<Buffer> connect) {
    return connect.cookies().stream().filter(c -> c.startsWith("dovetail.connect=")).map(c -> c.substring(0,
        c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no nonce cookie: " + connect.cookies()));
  }
}
