package dev.dovetail.caldav.backend;

import java.util.List;
import net.fortuna.ical4j.model.Calendar;

/**
 * A calendar object that passed validation: its UID, whether it blocks time (not TRANSP:TRANSPARENT, not
 * STATUS:CANCELLED), and the instances it blocks inside the bounded window that PUT looks at.
 */
public record ParsedEvent(Calendar calendar, String uid, boolean opaque, List<Occurrence> busy) {}
