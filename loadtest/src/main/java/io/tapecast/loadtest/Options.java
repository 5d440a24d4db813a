package io.tapecast.loadtest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain command-line arguments: a command, then {@code --name value} or {@code --name=value} pairs; a
 * {@code --name} followed by another option (or nothing) is the flag value {@code true}.
 */
final class Options {

    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    static Options parse(String... args) {
        String command = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    value = "true";
                }
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("an option needs a name: " + arg);
                }
                values.put(name.toLowerCase(Locale.ROOT), value);
            } else if (command == null) {
                command = arg.toLowerCase(Locale.ROOT);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
            }
        }
        return new Options(command == null ? "help" : command, values);
    }

    String command() {
        return command;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
        }
    }

    boolean flag(String name) {
        String value = values.get(name);
        return value != null && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    /** Fails on an option the command does not know (a typo would otherwise silently take the default). */
    void requireOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " for '" + command + "'");
            }
        }
    }
}
