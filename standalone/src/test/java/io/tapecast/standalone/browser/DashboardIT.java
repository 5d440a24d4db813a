package io.tapecast.standalone.browser;

import io.tapecast.standalone.TapecastStandaloneApplication;
import io.tapecast.standalone.testing.KafkaTestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through chromedriver, against the real platform
 * (gateway, worker and market feed on the shared test broker). Starts a backtest from the page and watches it finish,
 * replays it, compares two runs, and looks at the market view; screenshots go to {@code target/dashboard*.png}.
 * Skipped (not failed) on a machine without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * ({@code .ci/install-browser.sh} installs them).
 */
@SpringBootTest(classes = TapecastStandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "tapecast.broker.embedded=false", "tapecast.security.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path DATA_DIR = Path.of("target", "it-data").toAbsolutePath();
    static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WebDriverWait wait;
    Path profile;
    String firstRun;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        KafkaTestBroker.provisionTopics();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("tapecast.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    void browser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (run .ci/install-browser.sh)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER + " (run .ci/install-browser.sh)");
        profile = Files.createTempDirectory("tapecast-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1300", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    void quit() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void startsABacktestFromThePageAndWatchesItToTheEnd() throws IOException {
        open("");
        // strategies come from GET /api/strategies, with their parameters and defaults
        wait.until(d -> "true".equals(byId("start-form").getDomAttribute("data-ready")));
        assertThat(byId("p-sma-crossover-fast").getDomProperty("value")).isEqualTo("10");

        firstRun = startBacktest("dashboard A", "1h", "2023-01-01", "2023-07-01", 10, 30);

        // the progress bar reaches 100 % and the final state stays after complete
        wait.until(d -> "true".equals(byId("monitor").getDomAttribute("data-complete")));
        assertThat(Double.parseDouble(byId("progress").getDomProperty("value"))).isEqualTo(100.0);
        assertThat(text("progress-text")).isEqualTo("100.0 %");
        assertThat(text("run-state")).isEqualTo("completed");
        assertThat(text("conn-status")).startsWith("ended (1000)");
        assertDrawn(10);

        // metrics panel: final figures, every one present
        assertThat(byId("metrics").getDomAttribute("data-filled")).isEqualTo("true");
        assertThat(text("metrics-kind")).isEqualTo("(final)");
        assertThat(metric("total_return_pct")).matches("-?[\\d,]+\\.\\d\\d");
        assertThat(metric("trade_count")).matches("\\d+").isNotEqualTo("0");
        assertThat(metric("final_equity")).matches("[\\d,]+\\.\\d\\d");

        // trade table: each seq once
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=trade-row]"));
        assertThat(rows).isNotEmpty();
        Set<String> seqs = new HashSet<>();
        rows.forEach(r -> assertThat(seqs.add(r.findElement(By.tagName("td")).getText())).isTrue());
        assertThat(text("trade-count")).isEqualTo(String.valueOf(rows.size()));

        screenshot("dashboard.png");
    }

    @Test
    @Order(2)
    void replaysAPastRunAtAChosenSpeed() throws IOException {
        assumeTrue(firstRun != null, "needs the run of the first test");
        String points = byId("equity-chart").getDomAttribute("data-points");
        String markers = byId("price-chart").getDomAttribute("data-markers");
        String finalEquity = metric("final_equity");

        click("tab-runs");
        By completedRow = By.cssSelector("[data-testid=run-row][data-id='" + firstRun + "'][data-status=completed]");
        wait.until(d -> !d.findElements(completedRow).isEmpty() || refreshRuns());
        new Select(byId("replay-speed")).selectByValue("eps:500");
        driver.findElement(By.cssSelector("[data-testid=run-row][data-id='" + firstRun + "'] [data-testid=replay-button]")).click();

        wait.until(d -> text("run-mode").equals("replay") && text("run-id").equals(firstRun));
        wait.until(d -> "true".equals(byId("monitor").getDomAttribute("data-complete")));
        assertThat(text("run-state")).isEqualTo("completed (replayed)");
        assertThat(text("progress-text")).isEqualTo("100.0 %");
        // the same run, event for event
        assertThat(byId("equity-chart").getDomAttribute("data-points")).isEqualTo(points);
        assertThat(byId("price-chart").getDomAttribute("data-markers")).isEqualTo(markers);
        assertThat(metric("final_equity")).isEqualTo(finalEquity);
        assertDrawn(10);
        screenshot("dashboard-replay.png");
    }

    @Test
    @Order(3)
    void comparesTwoRuns() throws IOException {
        assumeTrue(firstRun != null, "needs the run of the first test");
        click("tab-backtest");
        String second = startBacktest("dashboard B", "1h", "2023-01-01", "2023-07-01", 5, 20);
        wait.until(d -> "true".equals(byId("monitor").getDomAttribute("data-complete")));

        click("tab-runs");
        for (String id : List.of(firstRun, second)) {
            WebElement box = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-testid=run-row][data-id='" + id + "'] [data-testid=run-select]")));
            box.click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("compare-button"))).click();
        wait.until(d -> "true".equals(byId("cmp-table").getDomAttribute("data-filled")));
        assertThat(Integer.parseInt(byId("cmp-chart").getDomAttribute("data-points"))).isGreaterThan(20);
        assertThat(canvasInkPixels("cmp-chart")).isGreaterThan(500);
        String rowA = driver.findElement(By.cssSelector("#cmp-table tr[data-metric=trade_count]")).getText();
        assertThat(rowA).startsWith("Trades");
        screenshot("dashboard-compare.png");
    }

    @Test
    @Order(4)
    void showsTheMarketWithCandlesAndConfluence() throws IOException {
        click("tab-market");
        // the standalone's feed publishes BTC-USD; the snapshot fills the chart at once, live candles follow
        wait.until(d -> "live".equals(byId("m-conn").getDomAttribute("data-state")));
        // the snapshot has the latest candle of each timeframe; the feed adds a 1m candle a second
        wait.until(d -> Integer.parseInt(byId("m-chart").getDomAttribute("data-candles")) >= 5);
        assertThat(text("m-score")).matches("[\\d.]+ (bullish|bearish|neutral)");
        assertThat(canvasInkPixels("m-chart")).isGreaterThan(50);
        screenshot("dashboard-market.png");
    }

    @Test
    @Order(5)
    void pausesResumesAndResumesTheStreamAfterADroppedConnection() throws IOException {
        click("tab-backtest");
        // four years of minutes (two million candles, seconds of work), paused at once: the worker acts on a pause
        // after its current candle, or starts the run paused if it is still queued
        String id = startBacktest("dashboard pause", "1m", "2020-01-01", "2024-01-01", 100, 400);
        click("btn-pause");
        wait.until(d -> text("run-state").equals("paused"));
        assertThat(byId("btn-resume").isEnabled()).isTrue();
        assertThat(Double.parseDouble(byId("progress").getDomProperty("value"))).isLessThan(100.0);

        // a dropped connection: the page reconnects by itself with from_seq and says so
        ((JavascriptExecutor) driver).executeScript("window.tapecast.dropConnection();");
        // (one read of both attributes: the close is asynchronous, so the old state may still be "live" at first)
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const s = document.getElementById('conn-status'); return s.dataset.state === 'live' && s.dataset.reconnects === '1';"));
        assertThat(text("conn-status")).as(content("conn-log")).contains("reconnected 1×").contains("resumed after seq");
        assertThat(byId("conn-log").getDomProperty("textContent")).contains("from_seq=");

        click("btn-resume");
        wait.until(d -> "true".equals(byId("monitor").getDomAttribute("data-complete")));
        assertThat(text("run-id")).isEqualTo(id);
        assertThat(text("run-state")).isEqualTo("completed");
        assertThat(text("progress-text")).isEqualTo("100.0 %");
        assertThat(byId("conn-log").getDomProperty("textContent")).contains("run paused").contains("run resumed");
        // nothing twice after the resume: every trade row has its own seq
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=trade-row]"));
        Set<String> seqs = new HashSet<>();
        rows.forEach(r -> assertThat(seqs.add(r.findElement(By.tagName("td")).getText())).isTrue());
        assertDrawn(10);
        screenshot("dashboard-resumed.png");
    }

    // ───────────────────────────── helpers ─────────────────────────────

    private String startBacktest(String name, String timeframe, String start, String end, int fast, int slow) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('start-section').open = true;");
        WebElement nameInput = byId("f-name");
        nameInput.clear();
        nameInput.sendKeys(name);
        setValue("f-start", start);
        setValue("f-end", end);
        for (WebElement box : driver.findElements(By.cssSelector("input[name=tf]"))) {
            if (box.isSelected() != timeframe.equals(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        for (WebElement box : driver.findElements(By.cssSelector("input[name=strategy]"))) {
            if (box.isSelected() != "sma-crossover".equals(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        WebElement fastInput = byId("p-sma-crossover-fast");
        fastInput.clear();
        fastInput.sendKeys(String.valueOf(fast));
        WebElement slowInput = byId("p-sma-crossover-slow");
        slowInput.clear();
        slowInput.sendKeys(String.valueOf(slow));
        String before = text("run-id");
        click("start-button");
        // the form folds away once the run started (its status line is then hidden: read textContent)
        new WebDriverWait(driver, WAIT).withMessage(() -> "no start: " + content("start-result") + " " + content("start-errors"))
                .until(d -> content("start-result").startsWith("started ") && !text("run-id").equals(before));
        String id = text("run-id");
        assertThat(id).startsWith("backtest_");
        assertThat(content("start-errors")).isEmpty();
        return id;
    }

    /** The equity curve and the trade markers are on their canvases, not just in the data. */
    private void assertDrawn(int minPoints) {
        assertThat(Integer.parseInt(byId("equity-chart").getDomAttribute("data-points"))).isGreaterThanOrEqualTo(minPoints);
        assertThat(Integer.parseInt(byId("price-chart").getDomAttribute("data-markers"))).isGreaterThan(0);
        wait.until(d -> canvasInkPixels("equity-chart") > 500);
        wait.until(d -> canvasInkPixels("price-chart") > 100);
    }

    /** Non-transparent pixels of the chart's canvas. */
    private long canvasInkPixels(String id) {
        Object n = ((JavascriptExecutor) driver).executeScript("""
                const c = document.querySelector('#' + arguments[0] + ' canvas');
                if (!c || !c.width) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                return n;""", id);
        return ((Number) n).longValue();
    }

    private boolean refreshRuns() {
        click("runs-refresh");
        return false;
    }

    private void open(String path) {
        String url = "http://127.0.0.1:" + port + "/" + path;
        driver.get(url);
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the dashboard's scripts did not run; its Content-Security-Policy is: " + csp(url))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private static String csp(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Content-Security-Policy").orElse("(none)");
        } catch (IOException | InterruptedException e) {
            return "(unknown: " + e + ")";
        }
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private String text(String id) {
        return byId(id).getText().trim();
    }

    private String content(String id) {
        return byId(id).getDomProperty("textContent").trim();
    }

    private String metric(String key) {
        return driver.findElement(By.cssSelector("[data-testid=metric-" + key + "] dd")).getText().trim();
    }

    /** The whole page: the window is made as tall as the document first. */
    private void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1600, Math.min(4000, height.intValue() + 140)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name).toAbsolutePath();
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("dashboard screenshot: " + target);
    }
}
