package io.tapecast.cluster;

import io.tapecast.schemas.TopicNames;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks {@code docker-compose.yml} without a Docker engine: the file is valid for {@code docker-compose config}
 * (Debian's package, installed when missing; skipped when it cannot be), every environment variable it gives one of
 * our services is a property that service reads, every broker variable is a real Kafka broker setting, every image
 * builds from a Dockerfile that exists (or is a pinned public image: Kafka at the version we build against), and the
 * topic plan equals the local cluster's.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    /** Which application a Dockerfile builds, and where its classes live. */
    private record App(String name, String packageName) {
    }

    private static final Map<String, App> APPS = Map.of(
            "docker/gateway/Dockerfile", new App("gateway", "io.tapecast.gateway"),
            "docker/backtest-worker/Dockerfile", new App("backtest-worker", "io.tapecast.worker"),
            "docker/market-feed/Dockerfile", new App("market-feed", "io.tapecast.feed"));

    /**
     * Prefixes our code binds with {@code Binder.bind(prefix, Record.class)} rather than through a
     * {@code @ConfigurationProperties} class. A prefix missing here can only make the variable check stricter.
     */
    private static final Map<String, Class<?>> BINDER_TARGETS = Map.of("tapecast.topics", TopicNames.class);

    /** Variables read by the JVM or by the images' entrypoints, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS");

    /** Variables of the apache/kafka image's own start script (besides KAFKA_<broker setting>). */
    private static final Set<String> KAFKA_IMAGE_VARIABLES = Set.of("CLUSTER_ID", "KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;
    private static Set<String> springMetadata;
    private static Set<String> springMapProperties;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            compose = new Yaml(new LoaderOptions()).load(in);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
        springMetadata = new TreeSet<>();
        springMapProperties = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(
                "classpath*:META-INF/*spring-configuration-metadata.json")) {
            try (InputStream in = r.getInputStream()) {
                for (JsonNode p : json.readTree(in).path("properties")) {
                    String name = p.path("name").asString();
                    springMetadata.add(name);
                    if (p.path("type").asString("").startsWith("java.util.Map")) {
                        springMapProperties.add(name);
                    }
                }
            }
        }
        assertThat(springMetadata).as("Spring Boot's property metadata on the class path")
                .contains("server.port", "spring.kafka.bootstrap-servers");
    }

    @Test
    void theTopologyIsThreeBrokersTwoGatewaysBehindALoadBalancerTwoWorkersAndTheFeed() {
        assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3", "kafka-topics", "gateway-1", "gateway-2",
                "lb", "worker-1", "worker-2", "market-feed");
        assertThat(servicesBuiltFrom("docker/gateway/Dockerfile")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(servicesBuiltFrom("docker/backtest-worker/Dockerfile")).hasSize(2);
        assertThat(servicesBuiltFrom("docker/market-feed/Dockerfile")).hasSize(1);
        for (String name : List.of("kafka-1", "kafka-2", "kafka-3", "gateway-1", "gateway-2", "lb")) {
            assertThat(services.get(name)).as(name + " has a health check").containsKey("healthcheck");
        }
        // distinct node ids; the workers of one group have distinct ids too
        assertThat(List.of(env("gateway-1").get("TAPECAST_GATEWAY_NODE_ID"), env("gateway-2").get("TAPECAST_GATEWAY_NODE_ID")))
                .doesNotHaveDuplicates().doesNotContainNull();
        assertThat(List.of(env("worker-1").get("TAPECAST_WORKER_ID"), env("worker-2").get("TAPECAST_WORKER_ID")))
                .doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void brokersAreAKraftQuorumOfThreeWithReplicationThreeAndMinIsrTwo() {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, String> env = env(name);
            ids.add(env.get("KAFKA_NODE_ID"));
            assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + name + ":9092");
            // the same cluster id on every node (formatting needs it); a valid Kafka UUID
            String clusterId = env.get("CLUSTER_ID").replaceAll("\\$\\{KAFKA_CLUSTER_ID:-(.*)}", "$1");
            assertThat(Uuid.fromString(clusterId).toString()).isEqualTo(clusterId);
            // the broker-wide settings equal the local cluster's
            ClusterTopics.BROKER_DEFAULTS.forEach((k, v) -> {
                String var = "KAFKA_" + k.toUpperCase(Locale.ROOT).replace('.', '_');
                assertThat(env).as(var).containsEntry(var, v);
            });
        }
        assertThat(ids).containsExactly("1", "2", "3");
    }

    @Test
    void theOneShotStepCreatesTheSameTopicsAsTheLocalCluster() throws IOException {
        String script = Files.readString(ROOT.resolve("docker/kafka/create-topics.sh"));
        assertThat(script).contains("--replication-factor 3", "--config min.insync.replicas=2", "--if-not-exists");
        Map<String, Set<String>> created = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^create (\\S+)(.*)$").matcher(script);
        while (m.find()) {
            Set<String> configs = new TreeSet<>();
            Matcher c = Pattern.compile("--config (\\S+)").matcher(m.group(2));
            while (c.find()) {
                configs.add(c.group(1));
            }
            configs.add("min.insync.replicas=2");
            created.put(m.group(1), configs);
        }
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        ClusterTopics.topics().forEach((name, configs) -> {
            Set<String> set = new TreeSet<>();
            configs.forEach((k, v) -> set.add(k + "=" + v));
            expected.put(name, set);
        });
        assertThat(created).isEqualTo(expected);
        assertThat(TopicNames.defaults().backtestEvents()).isIn(created.keySet());
        Map<String, Object> topics = services.get("kafka-topics");
        assertThat(topics.get("restart")).isEqualTo("no");
        for (String app : List.of("gateway-1", "gateway-2", "worker-1", "worker-2", "market-feed")) {
            assertThat(String.valueOf(services.get(app).get("depends_on"))).as(app + " waits for the topics")
                    .contains("kafka-topics", "service_completed_successfully");
        }
    }

    @Test
    void everyImageBuildsFromADockerfileThatExistsOrIsAPinnedPublicImage() throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Map<String, Object> service = e.getValue();
            String image = (String) service.get("image");
            Object build = service.get("build");
            if (build != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> b = (Map<String, Object>) build;
                Path context = ROOT.resolve(String.valueOf(b.get("context"))).normalize();
                Path dockerfile = context.resolve(String.valueOf(b.get("dockerfile")));
                assertThat(dockerfile).as(e.getKey() + "'s Dockerfile").isRegularFile();
                checkDockerfile(ROOT.relativize(dockerfile).toString().replace('\\', '/'), dockerfile);
            } else if (image != null && image.startsWith("tapecast/")) {
                // a second instance of an image built by another service
                assertThat(services.values()).as(image + " is built by some service")
                        .anyMatch(s -> image.equals(s.get("image")) && s.get("build") != null);
            } else {
                assertThat(image).as(e.getKey() + " names an image").isNotNull();
                assertThat(image).as(e.getKey() + ": public images are pinned to a version").matches("[a-z0-9./-]+:[0-9][\\w.-]*");
                if (image.startsWith("apache/kafka:")) {
                    assertThat(image).as("the brokers run the Kafka we build against")
                            .isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
                }
            }
            for (String volume : volumes(service)) {
                if (volume.startsWith("./docker/")) {
                    assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as(e.getKey() + " mounts " + volume)
                            .isRegularFile();
                }
            }
        }
        assertThat(ROOT.resolve(".dockerignore")).isRegularFile();
    }

    private static void checkDockerfile(String relative, Path dockerfile) throws IOException {
        App app = APPS.get(relative);
        assertThat(app).as("a known deployable for " + relative).isNotNull();
        String text = Files.readString(dockerfile);
        List<String> froms = text.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).as(relative + " is multi-stage").hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(froms.size() - 1)).as(relative + " runs on a JRE 17").matches("FROM eclipse-temurin:17-jre\\S*");
        String user = text.lines().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertThat(user).as(relative + " runs as a non-root user").doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        // the module it builds exists and produces the jar it extracts
        Matcher pl = Pattern.compile("-pl (\\S+)").matcher(text);
        assertThat(pl.find()).isTrue();
        String module = pl.group(1);
        assertThat(ROOT.resolve(module).resolve("pom.xml")).isRegularFile();
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<module>" + module + "</module>");
        Matcher jar = Pattern.compile(Pattern.quote(module) + "/target/(\\S+)\\.jar").matcher(text);
        assertThat(jar.find()).as(relative + " extracts the module's executable jar").isTrue();
        assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).contains("<finalName>" + jar.group(1) + "</finalName>");
        assertThat(text).contains("$JAVA_OPTS");
    }

    @Test
    void everyVariableGivenToOurServicesIsAPropertyThatServiceReads() throws Exception {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            App app = appOf(e.getKey());
            if (app == null) {
                continue;
            }
            Known known = known(app);
            for (String variable : env(e.getKey()).keySet()) {
                checked++;
                if (!known.accepts(variable)) {
                    unknown.add(e.getKey() + ": " + variable);
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(unknown).as("variables no property of the service matches").isEmpty();
    }

    @Test
    void everyBrokerVariableIsAKafkaBrokerSetting() {
        Set<String> brokerConfigs = KafkaConfig.configDef().names();
        List<String> unknown = new ArrayList<>();
        for (String name : services.keySet()) {
            if (!String.valueOf(services.get(name).get("image")).startsWith("apache/kafka:") || name.equals("kafka-topics")) {
                continue;
            }
            for (String variable : env(name).keySet()) {
                if (KAFKA_IMAGE_VARIABLES.contains(variable)) {
                    continue;
                }
                // the image's convention: KAFKA_ prefix, '_' → '.', '__' → '_', '___' → '-'
                String property = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                if (!variable.startsWith("KAFKA_") || !brokerConfigs.contains(property)) {
                    unknown.add(name + ": " + variable);
                }
            }
        }
        assertThat(unknown).isEmpty();
        // the one-shot step's variables are read by its script
        String script = readQuietly(ROOT.resolve("docker/kafka/create-topics.sh"));
        assertThat(env("kafka-topics").keySet()).allMatch(v -> script.contains("${" + v));
    }

    @Test
    void knownPropertiesComeFromTheRecords() throws Exception {
        Known gateway = known(APPS.get("docker/gateway/Dockerfile"));
        assertThat(gateway.accepts("TAPECAST_GATEWAY_NODE_ID")).isTrue();
        assertThat(gateway.accepts("TAPECAST_GATEWAY_NODEID")).isTrue();
        assertThat(gateway.accepts("TAPECAST_TOPICS_BACKTEST_EVENTS")).isTrue();
        assertThat(gateway.accepts("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(gateway.accepts("TAPECAST_GATEWAY_NODE_NAME")).isFalse();
        // the gateway builds its own Kafka clients: Spring's consumer settings would be silently ignored there
        assertThat(gateway.accepts("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS")).isFalse();
        Known worker = known(APPS.get("docker/backtest-worker/Dockerfile"));
        assertThat(worker.accepts("TAPECAST_WORKER_CONCURRENCY")).isTrue();
        assertThat(worker.accepts("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS")).isTrue();
        assertThat(worker.accepts("TAPECAST_GATEWAY_NODE_ID")).isFalse();
        assertThat(worker.accepts("SERVER_PORT")).isFalse();
    }

    @Test
    void theBinderPrefixesListedHereAreReadByTheApps() throws IOException {
        // a prefix bound through Binder that is missing here makes the variable check fail (stricter, never laxer)
        Set<String> literals = new TreeSet<>();
        for (App app : APPS.values()) {
            literals.addAll(propertyLiterals(app));
        }
        assertThat(literals).containsAll(BINDER_TARGETS.keySet()).contains("tapecast.data-dir");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void dockerComposeConfigAcceptsTheFile() throws Exception {
        String composeCommand = findOrInstallDockerCompose();
        assumeTrue(composeCommand != null, "docker-compose is not installed and could not be installed; skipped");
        ProcessBuilder pb = new ProcessBuilder(composeCommand, "-f", COMPOSE.toString(), "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("TAPECAST_JWT_SECRET", "compose-config-check-secret-of-at-least-32-bytes");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // and without the secret it refuses to start, rather than run with a default one
        ProcessBuilder noSecret = new ProcessBuilder(composeCommand, "-f", COMPOSE.toString(), "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        noSecret.environment().remove("TAPECAST_JWT_SECRET");
        Process q = noSecret.start();
        String refusal = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isNotZero();
        assertThat(refusal).contains("TAPECAST_JWT_SECRET");
    }

    // ------------------------------------------------------------------ what each app reads

    private static final class Known {
        final Set<String> exact = new TreeSet<>();
        final Set<String> prefixes = new TreeSet<>();

        void property(String canonical) {
            exact.add(uniform(canonical));
            exact.add(legacy(canonical));
        }

        void mapProperty(String canonical) {
            prefixes.add(uniform(canonical) + "_");
            prefixes.add(legacy(canonical) + "_");
        }

        boolean accepts(String variable) {
            if (exact.contains(variable) || JVM_VARIABLES.contains(variable)) {
                return true;
            }
            // list elements: NAME_0, NAME_1, ...
            String withoutIndex = variable.replaceAll("_\\d+$", "");
            return exact.contains(withoutIndex) || prefixes.stream().anyMatch(variable::startsWith);
        }

        /** Spring's environment-variable form: dots to underscores, dashes removed, upper case. */
        static String uniform(String canonical) {
            return canonical.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
        }

        /** The form with dashes as underscores, which Spring also accepts (TAPECAST_GATEWAY_NODE_ID). */
        static String legacy(String canonical) {
            return canonical.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
        }
    }

    private static Known known(App app) throws Exception {
        Known known = new Known();
        // 1. @ConfigurationProperties records of the app
        for (Class<?> type : configurationPropertiesClasses(app)) {
            addRecord(known, type.getAnnotation(ConfigurationProperties.class).value().isEmpty()
                    ? type.getAnnotation(ConfigurationProperties.class).prefix()
                    : type.getAnnotation(ConfigurationProperties.class).value(), type);
        }
        // 2. property names our classes read directly (Binder, Environment.getProperty)
        Set<String> literals = propertyLiterals(app);
        for (String literal : literals) {
            Class<?> target = BINDER_TARGETS.get(literal);
            if (target != null) {
                addRecord(known, literal, target);
            } else if (springMetadata.contains(literal) || literal.startsWith("tapecast.")) {
                known.property(literal);
            }
        }
        // 3. Spring Boot's own properties, for the parts of Boot the app uses
        Set<String> classes = referencedTypes(app);
        boolean usesSpringKafka = classes.contains("org/springframework/boot/kafka/autoconfigure/KafkaProperties")
                || classes.stream().anyMatch(c -> c.startsWith("org/springframework/kafka/core/KafkaTemplate"));
        boolean web = classes.stream().anyMatch(c -> c.startsWith("org/springframework/web/"));
        for (String p : springMetadata) {
            boolean core = p.startsWith("logging.") || p.startsWith("spring.application.") || p.startsWith("spring.main.")
                    || p.startsWith("spring.lifecycle.");
            boolean kafka = usesSpringKafka && p.startsWith("spring.kafka.");
            boolean server = web && (p.startsWith("server.") || p.startsWith("management."));
            if (core || kafka || server) {
                if (springMapProperties.contains(p)) {
                    known.mapProperty(p);
                }
                known.property(p);
            }
        }
        return known;
    }

    private static void addRecord(Known known, String prefix, Class<?> type) {
        if (!type.isRecord()) {
            known.property(prefix);
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            Class<?> t = c.getType();
            if (t.isRecord()) {
                addRecord(known, name, t);
            } else if (Map.class.isAssignableFrom(t)) {
                known.mapProperty(name);
            } else {
                known.property(name);
                if (Collection.class.isAssignableFrom(t)) {
                    Type g = c.getGenericType();
                    if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
                        known.mapProperty(name);
                    }
                }
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Class<?>> configurationPropertiesClasses(App app) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(app.packageName())) {
            types.add(Class.forName(candidate.getBeanClassName()));
        }
        assertThat(types).as(app.name() + " has @ConfigurationProperties").isNotEmpty();
        return types;
    }

    private static Set<String> configurationPropertiesPrefixes(App app) throws IOException {
        try {
            Set<String> prefixes = new TreeSet<>();
            for (Class<?> t : configurationPropertiesClasses(app)) {
                ConfigurationProperties a = t.getAnnotation(ConfigurationProperties.class);
                prefixes.add(a.value().isEmpty() ? a.prefix() : a.value());
            }
            return prefixes;
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    private static final Pattern PROPERTY_LITERAL = Pattern.compile("(?:tapecast|spring|server|management)\\.[a-z0-9][a-z0-9.-]*[a-z0-9]");
    private static final Pattern TYPE_REFERENCE = Pattern.compile("L?((?:org|io|tools|java|jakarta)/[A-Za-z0-9_/$]+)");

    /** String constants in the app's compiled classes that look like property names. */
    private static Set<String> propertyLiterals(App app) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String text : classTexts(app)) {
            Matcher m = PROPERTY_LITERAL.matcher(text);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static Set<String> referencedTypes(App app) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String text : classTexts(app)) {
            Matcher m = TYPE_REFERENCE.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> classTexts(App app) throws IOException {
        List<String> texts = new ArrayList<>();
        String pattern = "classpath*:" + app.packageName().replace('.', '/') + "/**/*.class";
        for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            try (InputStream in = r.getInputStream()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts).as("compiled classes of " + app.name()).isNotEmpty();
        return texts;
    }

    // ------------------------------------------------------------------ compose helpers

    private static App appOf(String service) {
        Object build = services.get(service).get("build");
        String image = (String) services.get(service).get("image");
        if (build == null && image != null && image.startsWith("tapecast/")) {
            build = services.values().stream().filter(s -> image.equals(s.get("image")) && s.get("build") != null)
                    .map(s -> s.get("build")).findFirst().orElse(null);
        }
        if (build instanceof Map<?, ?> b) {
            return APPS.get(String.valueOf(b.get("dockerfile")));
        }
        return null;
    }

    private static List<String> servicesBuiltFrom(String dockerfile) {
        return services.keySet().stream().filter(s -> APPS.get(dockerfile).equals(appOf(s))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object o : l) {
                String s = String.valueOf(o);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        Object v = service.get("volumes");
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** docker-compose on the PATH, else Debian's package via apt-get (as root); null when neither works. */
    private static String findOrInstallDockerCompose() {
        if (runs("docker-compose", "version")) {
            return "docker-compose";
        }
        if (runs("apt-get", "--version") && "root".equals(System.getProperty("user.name"))) {
            runs("apt-get", "install", "-y", "-q", "docker-compose");
            if (runs("docker-compose", "version")) {
                return "docker-compose";
            }
        }
        return null;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
