package dev.dovetail.caldav.method;

import io.vertx.core.http.HttpMethod;

/** HEAD (RFC 4918 9.4): GET without the body. */
public final class HeadMethodHandler extends GetMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.HEAD;
  }

  @Override
  protected boolean withBody() {
    return false;
  }
}
