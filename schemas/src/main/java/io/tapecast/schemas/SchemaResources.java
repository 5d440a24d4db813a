package io.tapecast.schemas;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the JSON Schemas of the wire contract live on the classpath (they are packaged in this module's jar
 * under {@code schemas/}). Paths are class-loader resource names without a leading slash, e.g.
 * {@code schemas/backtest/progress.schema.json}; a schema's {@code $id} is {@link #ID_PREFIX} followed by the
 * path below {@link #ROOT}, so a validator resolves {@code $ref}s between files by mapping
 * {@code https://tapecast.io/schemas/} to {@code classpath:schemas/}.
 *
 * <p>Picking the schema of an envelope: gateway-made messages ({@code connected}, {@code pong}, {@code error},
 * {@code gap}) travel with the session's stream and no {@code seq}; stream events always carry a {@code seq}.
 * Only {@code error} is both, so the presence of {@code seq} decides: see {@link #forEnvelope(String, String, boolean)}.
 *
 * <p>This class only names resources; it has no dependency on a schema validator.
 */
public final class SchemaResources {

    /** Class-loader directory holding all schema files. */
    public static final String ROOT = "schemas/";
    /** Prefix of every schema {@code $id}; the remainder is the path below {@link #ROOT}. */
    public static final String ID_PREFIX = "https://tapecast.io/schemas/";

    /** The generic envelope every stream event and gateway message satisfies. */
    public static final String ENVELOPE = ROOT + "envelope.schema.json";

    public static final String BACKTEST_PROGRESS = ROOT + "backtest/progress.schema.json";
    public static final String BACKTEST_TRADE = ROOT + "backtest/trade.schema.json";
    public static final String BACKTEST_EQUITY = ROOT + "backtest/equity.schema.json";
    public static final String BACKTEST_METRICS = ROOT + "backtest/metrics.schema.json";
    public static final String BACKTEST_COMPLETE = ROOT + "backtest/complete.schema.json";
    public static final String BACKTEST_ERROR = ROOT + "backtest/error.schema.json";
    /** A user paused, resumed or cancelled the run (event type {@code control}). */
    public static final String BACKTEST_CONTROL = ROOT + "backtest/control.schema.json";

    /** The value of a {@code backtest.requests} record (not an envelope). */
    public static final String BACKTEST_START_REQUEST = ROOT + "backtest/start-backtest.schema.json";
    /** The value of a {@code backtest.status} record (not an envelope). */
    public static final String BACKTEST_STATUS = ROOT + "backtest/status.schema.json";
    /** The value of a {@code backtest.control} record (not an envelope). */
    public static final String BACKTEST_CONTROL_COMMAND = ROOT + "backtest/control-command.schema.json";

    public static final String MARKET_CANDLE = ROOT + "market/candle.schema.json";
    public static final String MARKET_PATTERN = ROOT + "market/pattern.schema.json";
    public static final String MARKET_STRUCTURE = ROOT + "market/structure.schema.json";
    public static final String MARKET_CONFLUENCE = ROOT + "market/confluence.schema.json";

    public static final String TRADING_ORDER = ROOT + "trading/order.schema.json";
    public static final String TRADING_POSITION = ROOT + "trading/position.schema.json";
    public static final String TRADING_PNL = ROOT + "trading/pnl.schema.json";
    public static final String TRADING_RISK = ROOT + "trading/risk.schema.json";

    public static final String GATEWAY_CONNECTED = ROOT + "gateway/connected.schema.json";
    public static final String GATEWAY_PONG = ROOT + "gateway/pong.schema.json";
    public static final String GATEWAY_ERROR = ROOT + "gateway/error.schema.json";
    public static final String GATEWAY_GAP = ROOT + "gateway/gap.schema.json";

    private static final Map<String, String> BACKTEST_EVENTS = Map.of(
            EventTypes.PROGRESS, BACKTEST_PROGRESS,
            EventTypes.TRADE, BACKTEST_TRADE,
            EventTypes.EQUITY, BACKTEST_EQUITY,
            EventTypes.METRICS, BACKTEST_METRICS,
            EventTypes.COMPLETE, BACKTEST_COMPLETE,
            EventTypes.ERROR, BACKTEST_ERROR,
            EventTypes.CONTROL, BACKTEST_CONTROL);

    private static final Map<String, String> MARKET_EVENTS = Map.of(
            EventTypes.CANDLE, MARKET_CANDLE,
            EventTypes.PATTERN, MARKET_PATTERN,
            EventTypes.STRUCTURE, MARKET_STRUCTURE,
            EventTypes.CONFLUENCE, MARKET_CONFLUENCE);

    private static final Map<String, String> TRADING_EVENTS = Map.of(
            EventTypes.ORDER, TRADING_ORDER,
            EventTypes.POSITION, TRADING_POSITION,
            EventTypes.PNL, TRADING_PNL,
            EventTypes.RISK, TRADING_RISK);

    private static final Map<String, String> GATEWAY_MESSAGES = Map.of(
            EventTypes.CONNECTED, GATEWAY_CONNECTED,
            EventTypes.PONG, GATEWAY_PONG,
            EventTypes.ERROR, GATEWAY_ERROR,
            EventTypes.GAP, GATEWAY_GAP);

    private static final List<String> ALL = List.of(
            ENVELOPE,
            BACKTEST_PROGRESS, BACKTEST_TRADE, BACKTEST_EQUITY, BACKTEST_METRICS, BACKTEST_COMPLETE, BACKTEST_ERROR,
            BACKTEST_CONTROL,
            BACKTEST_START_REQUEST, BACKTEST_STATUS, BACKTEST_CONTROL_COMMAND,
            MARKET_CANDLE, MARKET_PATTERN, MARKET_STRUCTURE, MARKET_CONFLUENCE,
            TRADING_ORDER, TRADING_POSITION, TRADING_PNL, TRADING_RISK,
            GATEWAY_CONNECTED, GATEWAY_PONG, GATEWAY_ERROR, GATEWAY_GAP);

    private SchemaResources() {
    }

    /** Every schema resource of the contract, the envelope first. */
    public static List<String> all() {
        return ALL;
    }

    /** Types a gateway makes itself: {@code connected}, {@code pong}, {@code error}, {@code gap}. */
    public static Set<String> gatewayTypes() {
        return GATEWAY_MESSAGES.keySet();
    }

    /** Whether a schema exists for events of this type on this stream. */
    public static boolean hasEventSchema(StreamType stream, String type) {
        return stream != null && eventsOf(stream).containsKey(type);
    }

    /**
     * The schema of a stream event (one with a {@code seq}), e.g. {@code (BACKTEST, "progress")} →
     * {@code schemas/backtest/progress.schema.json}.
     *
     * @throws IllegalArgumentException when the contract has no schema for that pair
     */
    public static String forMessage(StreamType stream, String type) {
        Objects.requireNonNull(stream, "stream");
        if (!hasEventSchema(stream, type)) {
            throw new IllegalArgumentException("no schema for " + stream.wireName() + " events of type '" + type + "'");
        }
        return eventsOf(stream).get(type);
    }

    private static Map<String, String> eventsOf(StreamType stream) {
        return switch (stream) {
            case BACKTEST -> BACKTEST_EVENTS;
            case MARKET_DATA -> MARKET_EVENTS;
            case LIVE_TRADING -> TRADING_EVENTS;
        };
    }

    /**
     * The schema of a gateway-made message (no {@code seq}), whatever the session's stream.
     *
     * @throws IllegalArgumentException when the type is not one a gateway makes
     */
    public static String forGatewayMessage(String type) {
        String resource = type == null ? null : GATEWAY_MESSAGES.get(type);
        if (resource == null) {
            throw new IllegalArgumentException("no gateway message of type '" + type + "'; gateway types are "
                    + GATEWAY_MESSAGES.keySet().stream().sorted().toList());
        }
        return resource;
    }

    /**
     * The schema an envelope with these {@code stream}, {@code type} and {@code seq}-presence must satisfy.
     * <ul>
     *   <li>{@code connected}, {@code pong}, {@code gap}: always the gateway schema (whose {@code seq: false}
     *       then reports a stray seq).</li>
     *   <li>{@code error}: without a seq the gateway error, with a seq the stream's error event.</li>
     *   <li>anything else: the stream's event schema (which then reports a missing seq).</li>
     * </ul>
     *
     * @param stream the envelope's {@code stream} wire name ({@code backtest}, {@code live-trading},
     *               {@code market-data}); may be null for gateway messages only
     * @throws IllegalArgumentException when the stream is unknown or missing where needed, or the contract has
     *                                  no schema for the type
     */
    public static String forEnvelope(String stream, String type, boolean hasSeq) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("envelope has no type");
        }
        boolean gatewayOnly = GATEWAY_MESSAGES.containsKey(type) && !BACKTEST_EVENTS.containsKey(type);
        if (gatewayOnly || (!hasSeq && GATEWAY_MESSAGES.containsKey(type))) {
            return GATEWAY_MESSAGES.get(type);
        }
        if (stream == null) {
            throw new IllegalArgumentException("envelope of type '" + type + "' has no stream");
        }
        return forMessage(StreamType.fromWireName(stream), type);
    }

    /** The {@code $id} of a schema resource: {@code schemas/x.schema.json} → {@code https://tapecast.io/schemas/x.schema.json}. */
    public static String idOf(String resource) {
        if (!resource.startsWith(ROOT)) {
            throw new IllegalArgumentException("not a schema resource: " + resource);
        }
        return ID_PREFIX + resource.substring(ROOT.length());
    }

    /** The resource of a schema {@code $id}; the inverse of {@link #idOf(String)}. */
    public static String resourceOf(String id) {
        if (!id.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("not a Tapecast schema id: " + id);
        }
        return ROOT + id.substring(ID_PREFIX.length());
    }
}
