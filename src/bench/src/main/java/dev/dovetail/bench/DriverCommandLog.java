package dev.dovetail.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB driver's own command log (logger {@code org.mongodb.driver.protocol.command}, one line per command
 * started and finished), caught in memory by the round-trip benchmarks instead of printed.
 */
public final class DriverCommandLog {

  private DriverCommandLog() {}

  /** Starts {@code appender} and makes it the command log's only output, at DEBUG; returns it. */
  public static <A extends AppenderBase<ILoggingEvent>> A attach(A appender) {
    Logger logger = (Logger) LoggerFactory.getLogger("org.mongodb.driver.protocol.command");
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    return appender;
  }
}
