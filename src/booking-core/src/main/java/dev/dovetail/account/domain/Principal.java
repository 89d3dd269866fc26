package dev.dovetail.account.domain;

/** Who is calling, once authenticated: a provider (the tenant), and how they proved it. */
public record Principal(String providerId, Via via) {

  public enum Via {
    SESSION,
    API_TOKEN,
    APP_PASSWORD
  }
}
