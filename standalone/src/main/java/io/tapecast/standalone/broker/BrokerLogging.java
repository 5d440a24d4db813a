package io.tapecast.standalone.broker;

import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the embedded broker's own loggers down to WARN. Kafka's server side logs through SLF4J (and
 * log4j-api, which Spring Boot routes to SLF4J), so with Boot's logback the levels are set on
 * logback loggers. A logger whose level has been configured explicitly (for instance through
 * {@code logging.level.kafka=INFO}) is left alone. Kafka client loggers are not touched, except that
 * the broker's own {@code KafkaConfig values:} dumps (logged through the logger shared with the clients'
 * config dumps) are filtered out.
 *
 * <p>Note that Spring Boot resets logback when it initialises logging: a broker started before the
 * application context logs with Boot's levels from then on.
 */
public final class BrokerLogging {

    /** Server-side logger prefixes of Kafka 4.x (Scala core, KRaft, coordinators, storage). */
    public static final List<String> BROKER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.security",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.deferred",
            "org.apache.kafka.common.network.Selector",
            "org.apache.kafka.common.utils.AppInfoParser");

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";
    private static final String CONFIG_LOGGER = "org.apache.kafka.common.config.AbstractConfig";
    private static final String BROKER_CONFIG_DUMP = "KafkaConfig values";

    private BrokerLogging() {
    }

    /** Sets every logger in {@link #BROKER_LOGGERS} without a configured level to WARN, if logback is in use. */
    public static void quietBrokerLoggers() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (isLogbackPresent() && factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
            Logback.quiet(factory, BROKER_LOGGERS);
        }
    }

    private static boolean isLogbackPresent() {
        try {
            Class.forName(LOGBACK_CONTEXT, false, BrokerLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Separate class so that logback types are only loaded when logback is present. */
    private static final class Logback {
        static void quiet(ILoggerFactory factory, List<String> names) {
            ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) factory;
            for (String name : names) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(ch.qos.logback.classic.Level.WARN);
                }
            }
            ch.qos.logback.classic.Logger configLogger = context.getLogger(CONFIG_LOGGER);
            boolean present = context.getTurboFilterList().stream()
                    .anyMatch(f -> BrokerConfigDumpFilter.NAME.equals(f.getName()));
            if (configLogger.getLevel() == null && !present) {
                BrokerConfigDumpFilter filter = new BrokerConfigDumpFilter();
                filter.setName(BrokerConfigDumpFilter.NAME);
                filter.setContext(context);
                filter.start();
                context.addTurboFilter(filter);
            }
        }
    }

    /**
     * Kafka 4.x logs every config dump through the one logger {@value #CONFIG_LOGGER}, shared with the
     * clients; the broker dumps its ~330-line {@code KafkaConfig} several times per start. This filter
     * drops only those broker dumps below WARN.
     */
    private static final class BrokerConfigDumpFilter extends ch.qos.logback.classic.turbo.TurboFilter {
        static final String NAME = "tapecast-kafka-broker-config-dump";

        @Override
        public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker,
                ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level level, String format,
                Object[] params, Throwable t) {
            if (format != null && level != null && !level.isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                    && CONFIG_LOGGER.equals(logger.getName()) && format.startsWith(BROKER_CONFIG_DUMP)) {
                return ch.qos.logback.core.spi.FilterReply.DENY;
            }
            return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
        }
    }
}
