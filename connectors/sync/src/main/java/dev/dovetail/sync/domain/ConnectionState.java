package dev.dovetail.sync.domain;

/** CONNECTED: syncing. BROKEN: the grant was revoked or expired; nothing syncs until the provider connects again. */
public enum ConnectionState {
  CONNECTED,
  BROKEN
}
