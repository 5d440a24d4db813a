package io.tapecast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;

/** The subcommands of {@code tapecast}. */
final class Commands {

    private Commands() {
    }

    /** Shared by the commands that subscribe to a stream. */
    abstract static class Streaming implements Callable<Integer> {

        final TapecastCli.Io io;

        @Mixin
        Common common;

        @Option(names = "--max-retries", paramLabel = "N", defaultValue = "10",
                description = "Reconnect attempts in a row without receiving anything before giving up (default ${DEFAULT-VALUE}).")
        int maxRetries;

        @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Drop and resume a connection silent this long: no data, no ping (default ${DEFAULT-VALUE}).")
        int idleTimeoutSeconds;

        Streaming(TapecastCli.Io io) {
            this.io = io;
        }

        Console console() {
            return new Console(io.out(), io.terminal(), Style.of(common.colors(io.terminal())));
        }

        StreamClient client() {
            return new StreamClient(io.http(), common.token, common.wsAuth, maxRetries,
                    Duration.ofSeconds(Math.max(1, idleTimeoutSeconds)), io.err());
        }

        /** Streams into the renderer, each message through {@code before} first (pacing, limits). */
        int stream(LongFunction<URI> url, long fromSeq, Renderer renderer, Gate gate) throws InterruptedException {
            StreamClient.Result result = client().run(url, fromSeq, frame -> {
                boolean go = gate.before(frame);
                renderer.render(frame);
                return go;
            });
            renderer.finish(result);
            switch (result.outcome()) {
                case NOT_FOUND -> io.err().println("tapecast: unknown stream (" + describe(result) + ")");
                case REFUSED -> io.err().println("tapecast: the gateway refused the stream (" + describe(result) + ")");
                case GAVE_UP -> io.err().println("tapecast: gave up after " + maxRetries + " reconnect attempts ("
                        + describe(result) + "); resume with --from-seq " + result.lastSeq());
                case FAILED -> {
                    if (common.json) {
                        io.err().println("tapecast: the run failed (error event)");
                    }
                }
                default -> {
                }
            }
            if (result.reconnects() > 0) {
                io.err().println("tapecast: resumed " + result.reconnects() + " time(s) with from_seq");
            }
            return result.exitCode();
        }

        private static String describe(StreamClient.Result result) {
            return (result.closeCode() > 0 ? "close " + result.closeCode() : "no close code")
                    + (result.reason() == null || result.reason().isBlank() ? "" : ": " + result.reason());
        }

        interface Gate {
            /** @return false to stop after this message */
            boolean before(StreamClient.Frame frame) throws InterruptedException;
        }
    }

    /** {@code watch} and {@code replay}: a backtest stream. */
    abstract static class BacktestStreaming extends Streaming {

        @Parameters(index = "0", paramLabel = "BACKTEST_ID", description = "The run's id, as printed by start.")
        String id;

        @Option(names = "--from-seq", paramLabel = "N", defaultValue = "0",
                description = "Start after this seq (resume); 0 = from the first event.")
        long fromSeq;

        @Option(names = "--equity", description = "Print every equity point as a line (by default equity shows in the progress line).")
        boolean everyEquityPoint;

        BacktestStreaming(TapecastCli.Io io) {
            super(io);
        }

        int streamBacktest(Gate gate) throws InterruptedException {
            String base = common.wsBase() + "api/ws/stream/backtest/" + Api.encode(id);
            Renderer renderer = common.json ? new JsonRenderer(io.out()) : new BacktestRenderer(console(), everyEquityPoint);
            return stream(after -> URI.create(after > 0 ? base + "?from_seq=" + after : base), fromSeq, renderer, gate);
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Watch a backtest live: progress bar, each trade entry/exit with its P&L, equity, and a summary "
                    + "table at the end. A finished run is replayed from its first event. Resumes by itself after a "
                    + "dropped connection.", "", ExitCodes.HELP})
    static final class Watch extends BacktestStreaming {

        Watch(TapecastCli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws InterruptedException {
            return streamBacktest(frame -> true);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replay a run at a chosen speed, paced by the client from the events' timestamps "
                    + "(1 = as it happened live, 10 = ten times faster, 0 = as fast as possible).", "", ExitCodes.HELP})
    static final class Replay extends BacktestStreaming {

        @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
                description = "Replay speed; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
        double speed;

        @Option(names = "--max-gap", paramLabel = "SECONDS", defaultValue = "10",
                description = "Longest single wait between two events, in seconds (a paused run does not stall the replay).")
        double maxGapSeconds;

        Replay(TapecastCli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws InterruptedException {
            if (speed < 0) {
                io.err().println("tapecast: --speed must be 0 or more");
                return ExitCodes.USAGE;
            }
            Pacer pacer = new Pacer(speed, Duration.ofMillis((long) (maxGapSeconds * 1000)));
            return streamBacktest(frame -> {
                if (frame.hasSeq()) {
                    pacer.pace(frame.message().path("timestamp").asString(null));
                }
                return true;
            });
        }
    }

    /** 404 → unknown id, 401/403 → not allowed, anything else → failed. */
    static int restExit(Api.ApiException e) {
        return switch (e.status) {
            case 404 -> ExitCodes.NOT_FOUND;
            case 401, 403 -> ExitCodes.CONNECTION;
            default -> ExitCodes.FAILED;
        };
    }

    /** {@code --count}: stop after this many stream events. */
    static Streaming.Gate limit(long count) {
        long[] seen = {0};
        return frame -> count <= 0 || !frame.hasSeq() || ++seen[0] < count;
    }

    @Command(name = "market", mixinStandardHelpOptions = true,
            description = {"Watch market data for a symbol: candles per timeframe, patterns, structure and the "
                    + "confluence score (/api/ws/stream/market-data/{symbol}). Runs until interrupted or --count.", "", ExitCodes.HELP})
    static final class Market extends Streaming {

        @Parameters(index = "0", paramLabel = "SYMBOL", description = "e.g. BTC-USD")
        String symbol;

        @Option(names = "--timeframes", paramLabel = "TF", split = ",", description = "Only these timeframes, e.g. 1m,1h.")
        List<String> timeframes;

        @Option(names = "--types", paramLabel = "TYPE", split = ",",
                description = "Only these message types: candle, pattern, structure, confluence.")
        List<String> types;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N events (0 = never).")
        long count;

        @Option(names = "--forming", description = "Also print forming (not yet closed) candles when not on a terminal.")
        boolean forming;

        Market(TapecastCli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("timeframes", timeframes == null ? null : String.join(",", timeframes));
            query.put("types", types == null ? null : String.join(",", types));
            String url = common.wsBase() + "api/ws/stream/market-data/" + Api.encode(symbol) + Api.queryString(query);
            Renderer renderer = common.json ? new JsonRenderer(io.out()) : new MarketRenderer(console(), forming);
            // market data is conflated and has no resume: a reconnect starts from the current state
            return stream(after -> URI.create(url), 0, renderer, limit(count));
        }
    }

    @Command(name = "live", mixinStandardHelpOptions = true,
            description = {"Watch live (paper) trading: orders, positions, P&L and risk "
                    + "(/api/ws/stream/live-trading?symbols=). Runs until interrupted or --count.", "", ExitCodes.HELP})
    static final class Live extends Streaming {

        @Option(names = "--symbols", paramLabel = "SYMBOL", split = ",", description = "Only these symbols, e.g. BTC-USD,ETH-USD.")
        List<String> symbols;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N events (0 = never).")
        long count;

        Live(TapecastCli.Io io) {
            super(io);
        }

        @Override
        public Integer call() throws InterruptedException {
            String base = common.wsBase() + "api/ws/stream/live-trading"
                    + Api.queryString(Map.of("symbols", symbols == null ? "" : String.join(",", symbols)));
            Renderer renderer = common.json ? new JsonRenderer(io.out()) : new MarketRenderer(console(), false);
            return stream(after -> URI.create(after > 0 ? base + (base.contains("?") ? "&" : "?") + "from_seq=" + after : base),
                    0, renderer, limit(count));
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = {"List runs, newest first (GET /api/backtesting): id, state, symbol, strategies, return, "
                    + "Sharpe, max drawdown, trades.", "", ExitCodes.HELP})
    static final class Runs implements Callable<Integer> {

        private final TapecastCli.Io io;

        @Mixin
        Common common;

        @Option(names = "--status", paramLabel = "STATE", split = ",",
                description = "Only runs in these states: queued, running, paused, completed, failed, cancelled.")
        List<String> status;

        @Option(names = "--owner", paramLabel = "SUBJECT", description = "Only runs started by this user.")
        String owner;

        @Option(names = "--page", defaultValue = "0", description = "Page, from 0.")
        int page;

        @Option(names = "--size", defaultValue = "50", description = "Runs per page, 1-500 (default ${DEFAULT-VALUE}).")
        int size;

        Runs(TapecastCli.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", status == null ? null : String.join(",", status));
            query.put("owner", owner);
            query.put("page", Integer.toString(page));
            query.put("size", Integer.toString(size));
            Api.Answer answer;
            try {
                answer = new Api(io.http(), common.baseUri(), common.token).runs(query);
            } catch (Api.ApiException e) {
                io.err().println("tapecast: " + e.getMessage());
                return restExit(e);
            }
            if (common.json) {
                io.out().println(answer.body().strip());
                return ExitCodes.OK;
            }
            Style style = Style.of(common.colors(io.terminal()));
            RunsTable.lines(answer.json(), style).forEach(io.out()::println);
            return ExitCodes.OK;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start a backtest (POST /api/backtesting/start); prints its id and stream URL.", "",
                    "Example: tapecast start -s BTC-USD -t 1h --from 2023-01-01 --to 2024-01-01 -S sma-crossover "
                            + "-p sma-crossover.fast=10 -p sma-crossover.slow=30 --fee-bps 10 --watch", "", ExitCodes.HELP})
    static final class Start extends Streaming {

        @Option(names = {"-s", "--symbol"}, required = true, description = "e.g. BTC-USD, AAPL")
        String symbol;

        @Option(names = {"-t", "--timeframes"}, split = ",", defaultValue = "1h",
                description = "1m 5m 15m 1h 4h 1d; the smallest drives the loop (default ${DEFAULT-VALUE}).")
        List<String> timeframes;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "start_date: 2023-01-01 or 2023-01-01T12:00:00Z")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "end_date (exclusive)")
        String to;

        @Option(names = {"-S", "--strategy"}, required = true, split = ",", paramLabel = "ID",
                description = "Strategy ids (see GET /api/strategies), repeatable or comma-separated.")
        List<String> strategies;

        @Option(names = {"-p", "--param"}, paramLabel = "STRATEGY.PARAM=VALUE",
                description = "A strategy parameter, e.g. sma-crossover.fast=10 (a number, or true/false); repeatable.")
        List<String> params = new ArrayList<>();

        @Option(names = "--name", description = "Free text name of the run.")
        String name;

        @Option(names = "--capital", paramLabel = "AMOUNT", description = "initial_capital (default 10000).")
        Double capital;

        @Option(names = "--fee-bps", paramLabel = "BPS", description = "Commission per fill in basis points.")
        Double feeBps;

        @Option(names = "--slippage-bps", paramLabel = "BPS", description = "Adverse price move per fill in basis points.")
        Double slippageBps;

        @Option(names = "--position-size", paramLabel = "FRACTION", description = "Fraction of equity per entry, (0, 1].")
        Double positionSize;

        @Option(names = "--whole-units", description = "Trade whole units only.")
        Boolean wholeUnits;

        @Option(names = "--fill", paramLabel = "MODE", description = "next_open (default) or close.")
        String fill;

        @Option(names = "--close-at-end", negatable = true, description = "Close a position open at the end (default true).")
        Boolean closeAtEnd;

        @Option(names = "--periods-per-year", paramLabel = "N", description = "Sharpe/Sortino annualisation.")
        Integer periodsPerYear;

        @Option(names = "--risk-free-rate", paramLabel = "FRACTION", description = "Annual, 0.02 = 2 %%.")
        Double riskFreeRate;

        @Option(names = {"-w", "--watch"}, description = "Watch the run right away (as tapecast watch).")
        boolean watch;

        @Option(names = {"-q", "--quiet"}, description = "Print only the id.")
        boolean quiet;

        Start(TapecastCli.Io io) {
            super(io);
        }

        ObjectNode body() {
            ObjectNode body = StreamClient.JSON.createObjectNode();
            if (name != null) {
                body.put("name", name);
            }
            body.put("symbol", symbol);
            timeframes.forEach(body.putArray("timeframes")::add);
            body.put("start_date", from);
            body.put("end_date", to);
            strategies.forEach(body.putArray("strategy_ids")::add);
            if (!params.isEmpty()) {
                ObjectNode all = body.putObject("params");
                for (String param : params) {
                    int dot = param.indexOf('.');
                    int eq = param.indexOf('=');
                    if (dot <= 0 || eq < dot + 2 || eq == param.length() - 1) {
                        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                                "--param must look like STRATEGY.PARAM=VALUE, was '" + param + "'");
                    }
                    String strategy = param.substring(0, dot);
                    String key = param.substring(dot + 1, eq);
                    String value = param.substring(eq + 1).strip();
                    ObjectNode of = all.has(strategy) ? (ObjectNode) all.get(strategy) : all.putObject(strategy);
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        of.put(key, Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
                    } else {
                        try {
                            of.put(key, new java.math.BigDecimal(value));
                        } catch (NumberFormatException e) {
                            of.put(key, value); // let the gateway explain what it expects
                        }
                    }
                }
            }
            putIf(body, "initial_capital", capital);
            putIf(body, "fee_bps", feeBps);
            putIf(body, "slippage_bps", slippageBps);
            putIf(body, "position_size", positionSize);
            if (wholeUnits != null) {
                body.put("whole_units", wholeUnits);
            }
            if (fill != null) {
                body.put("fill", fill);
            }
            if (closeAtEnd != null) {
                body.put("close_at_end", closeAtEnd);
            }
            if (periodsPerYear != null) {
                body.put("periods_per_year", periodsPerYear);
            }
            putIf(body, "risk_free_rate", riskFreeRate);
            return body;
        }

        private static void putIf(ObjectNode body, String field, Double value) {
            if (value != null) {
                body.put(field, value);
            }
        }

        @Override
        public Integer call() throws Exception {
            Api.Answer answer;
            try {
                answer = new Api(io.http(), common.baseUri(), common.token).startBacktest(body().toString());
            } catch (Api.ApiException e) {
                io.err().println("tapecast: " + e.getMessage());
                return restExit(e);
            }
            JsonNode response = answer.json();
            String id = response.path("backtest_id").asString("");
            if (common.json) {
                io.out().println(answer.body().strip());
            } else if (quiet) {
                io.out().println(id);
            } else {
                io.out().println(id);
                io.out().println("stream " + response.path("stream_url").asString(""));
                io.out().flush();
            }
            if (!watch) {
                return ExitCodes.OK;
            }
            String base = common.wsBase() + "api/ws/stream/backtest/" + Api.encode(id);
            Renderer renderer = common.json ? new JsonRenderer(io.out()) : new BacktestRenderer(console(), false);
            return stream(after -> URI.create(after > 0 ? base + "?from_seq=" + after : base), 0, renderer, frame -> true);
        }
    }
}
