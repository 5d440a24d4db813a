package io.tapecast.examples.leaderboard;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java -cp ... io.tapecast.examples.leaderboard.LeaderboardApp [--bootstrap-servers localhost:9092]
 * [--topic backtest.status] [--symbol BTC-USD]}: prints the strategy leaderboard of every completed run.
 */
public final class LeaderboardApp {

    private LeaderboardApp() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String bootstrap = "localhost:9092";
        String topic = "backtest.status";
        String symbol = null;
        Duration timeout = Duration.ofSeconds(30);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length && !arg.equals("--help")) {
                err.println("missing value after " + arg);
                return 2;
            }
            switch (arg) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                case "--symbol" -> symbol = args[++i];
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--help" -> {
                    out.println("usage: leaderboard [--bootstrap-servers host:port] [--topic backtest.status] "
                            + "[--symbol SYMBOL] [--timeout SECONDS]");
                    return 0;
                }
                default -> {
                    err.println("unknown argument " + arg);
                    return 2;
                }
            }
        }
        try {
            Map<String, tools.jackson.databind.JsonNode> statuses = StatusReader.readAll(bootstrap, topic, timeout);
            Leaderboard.of(statuses.values(), symbol).render().forEach(out::println);
            return 0;
        } catch (RuntimeException e) {
            err.println("leaderboard: " + e.getMessage());
            return 1;
        }
    }
}
