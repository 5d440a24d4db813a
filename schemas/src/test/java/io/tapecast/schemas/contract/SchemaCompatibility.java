package io.tapecast.schemas.contract;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The schema-evolution rule, checked statically: within a major version a schema may only change additively, so
 * every message valid under the old schema stays valid under the new one, and readers written against the old one
 * keep working. Compared keyword by keyword, recursively (properties, $defs, items, allOf/anyOf/oneOf, if/then/else):
 *
 * <ul>
 *   <li>no property, {@code $defs} entry or schema file removed;</li>
 *   <li>no new {@code required} property (nor {@code dependentRequired} entry);</li>
 *   <li>{@code type} and {@code enum} never narrowed; {@code const}, {@code pattern}, {@code format} and {@code $ref}
 *       never changed or added;</li>
 *   <li>bounds never tightened ({@code minimum}, {@code exclusiveMinimum}, {@code minLength}, {@code minItems} may only
 *       fall, their {@code max} counterparts only rise), and never added;</li>
 *   <li>{@code additionalProperties} never closed; {@code allOf} never gets more parts; a new
 *       {@code if}/{@code then}/{@code else} or {@code not} is a new constraint.</li>
 * </ul>
 * Descriptions, titles, examples and defaults may change freely. Adding optional properties, new schema files, new
 * enum values and new message types is allowed (readers must ignore what they do not know).
 */
final class SchemaCompatibility {

    private static final List<String> LOWER_BOUNDS = List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final List<String> FIXED = List.of("const", "pattern", "format", "$ref", "multipleOf", "uniqueItems");
    private static final List<String> NESTED_MAPS = List.of("properties", "$defs", "patternProperties");
    private static final List<String> NESTED_SCHEMAS = List.of("items", "propertyNames", "contains", "if", "then", "else", "not");

    private SchemaCompatibility() {
    }

    /** Every incompatible change from {@code before} to {@code after}, as "path: what"; empty when compatible. */
    static List<String> breakingChanges(JsonNode before, JsonNode after) {
        List<String> problems = new ArrayList<>();
        compare(before, after, "", problems);
        return problems;
    }

    private static void compare(JsonNode before, JsonNode after, String path, List<String> problems) {
        if (before == null || before.isMissingNode()) {
            return;
        }
        if (after == null || after.isMissingNode()) {
            problems.add(path + ": removed");
            return;
        }
        if (before.isBoolean() || after.isBoolean()) {
            // true accepts everything, false nothing: only true → (anything but true) narrows
            if (!(after.isBoolean() && after.asBoolean()) && !(before.isBoolean() && !before.asBoolean())
                    && !(before.isObject() && after.isObject())) {
                if (!before.equals(after)) {
                    problems.add(path + ": changed from " + before + " to " + after);
                }
            }
            return;
        }
        if (!before.isObject() || !after.isObject()) {
            return;
        }

        // type
        if (after.has("type")) {
            Set<String> was = strings(before.path("type"));
            Set<String> now = strings(after.path("type"));
            if (was.isEmpty()) {
                problems.add(path + "/type: added (" + now + ")");
            } else if (!widens(was, now)) {
                problems.add(path + "/type: narrowed from " + was + " to " + now);
            }
        }
        // enum
        if (after.has("enum")) {
            Set<String> was = values(before.path("enum"));
            Set<String> now = values(after.path("enum"));
            if (!before.has("enum")) {
                problems.add(path + "/enum: added " + now);
            } else if (!now.containsAll(was)) {
                Set<String> lost = new HashSet<>(was);
                lost.removeAll(now);
                problems.add(path + "/enum: values removed " + lost);
            }
        }
        for (String keyword : FIXED) {
            if (after.has(keyword) && !after.path(keyword).equals(before.path(keyword))) {
                problems.add(path + "/" + keyword + ": " + (before.has(keyword) ? "changed from " + before.path(keyword)
                        + " to " + after.path(keyword) : "added " + after.path(keyword)));
            }
        }
        for (String keyword : LOWER_BOUNDS) {
            bound(before, after, keyword, path, problems, true);
        }
        for (String keyword : UPPER_BOUNDS) {
            bound(before, after, keyword, path, problems, false);
        }
        // required
        Set<String> required = strings(after.path("required"));
        required.removeAll(strings(before.path("required")));
        if (!required.isEmpty()) {
            problems.add(path + "/required: new required " + required);
        }
        JsonNode dependentAfter = after.path("dependentRequired");
        dependentAfter.propertyNames().forEach(key -> {
            Set<String> now = strings(dependentAfter.path(key));
            now.removeAll(strings(before.path("dependentRequired").path(key)));
            if (!now.isEmpty()) {
                problems.add(path + "/dependentRequired/" + key + ": new " + now);
            }
        });
        // additionalProperties / unevaluatedProperties
        for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
            JsonNode was = before.path(keyword);
            JsonNode now = after.path(keyword);
            if (now.isMissingNode()) {
                continue;
            }
            if (was.isMissingNode() || (was.isBoolean() && was.asBoolean())) {
                if (!(now.isBoolean() && now.asBoolean())) {
                    problems.add(path + "/" + keyword + ": closed (" + now + ")");
                }
            } else {
                compare(was, now, path + "/" + keyword, problems);
            }
        }
        // nested maps of schemas: nothing removed, each compatible
        for (String keyword : NESTED_MAPS) {
            JsonNode was = before.path(keyword);
            for (Iterator<String> names = was.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                compare(was.path(name), after.path(keyword).path(name), path + "/" + keyword + "/" + name, problems);
            }
        }
        for (String keyword : NESTED_SCHEMAS) {
            if (after.has(keyword) && !before.has(keyword) && !keyword.equals("else") && !keyword.equals("then")) {
                problems.add(path + "/" + keyword + ": added (a new constraint)");
            } else if (before.has(keyword)) {
                compare(before.path(keyword), after.path(keyword), path + "/" + keyword, problems);
            }
        }
        // combinators
        JsonNode allBefore = before.path("allOf");
        JsonNode allAfter = after.path("allOf");
        if (allAfter.size() > allBefore.size()) {
            problems.add(path + "/allOf: " + (allAfter.size() - allBefore.size()) + " part(s) added");
        }
        for (int i = 0; i < allBefore.size(); i++) {
            compare(allBefore.get(i), allAfter.get(i), path + "/allOf/" + i, problems);
        }
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode was = before.path(keyword);
            for (int i = 0; i < was.size(); i++) {
                compare(was.get(i), after.path(keyword).get(i), path + "/" + keyword + "/" + i, problems);
            }
            if (after.has(keyword) && !before.has(keyword)) {
                problems.add(path + "/" + keyword + ": added");
            }
        }
    }

    private static void bound(JsonNode before, JsonNode after, String keyword, String path, List<String> problems, boolean lower) {
        if (!after.has(keyword)) {
            return;
        }
        if (!before.has(keyword)) {
            problems.add(path + "/" + keyword + ": added " + after.path(keyword));
            return;
        }
        double was = before.path(keyword).asDouble();
        double now = after.path(keyword).asDouble();
        if (lower ? now > was : now < was) {
            problems.add(path + "/" + keyword + ": tightened from " + before.path(keyword) + " to " + after.path(keyword));
        }
    }

    /** "integer" is a subset of "number": number widens integer. */
    private static boolean widens(Set<String> was, Set<String> now) {
        for (String type : was) {
            if (!now.contains(type) && !(type.equals("integer") && now.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new HashSet<>();
        if (node.isString()) {
            values.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static Set<String> values(JsonNode node) {
        Set<String> values = new HashSet<>();
        node.forEach(v -> values.add(v.toString()));
        return values;
    }
}
