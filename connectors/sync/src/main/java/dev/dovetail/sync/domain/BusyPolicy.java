package dev.dovetail.sync.domain;

import java.util.EnumSet;
import java.util.Set;

/** Which {@link ShowAs} values make an external event block the resource. */
public record BusyPolicy(Set<ShowAs> blocking) {

  /** Busy, tentative and out-of-office block; free and working-elsewhere do not. */
  public static final BusyPolicy DEFAULT =
      new BusyPolicy(EnumSet.of(ShowAs.BUSY, ShowAs.TENTATIVE, ShowAs.OUT_OF_OFFICE));

  public BusyPolicy {
    blocking = Set.copyOf(blocking);
  }

  public boolean blocks(ShowAs showAs) {
    return blocking.contains(showAs);
  }
}
