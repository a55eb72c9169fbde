package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Publishes ten runs (two machines' worth, ext4 and tmpfs, one of them brought in by export and
 * import through a temporary folder) and opens the site from file:// in Debian's headless
 * Chromium: every page reached by following the links loads without errors or failed requests,
 * every link is relative and resolves (to a file, and to an element for #fragments), every chart
 * image draws. Prints the site's size and each page's load time; leaves screenshots in
 * report/target/site-*.png.
 */
class SiteBrowserTest {
    @TempDir
    Path dir;

    @Test
    void siteOfTenRunsOpensFromDiskWithEveryPageLinkAndChart() throws Exception {
        Path results = ReportFixtures.results(dir);
        for (int i = 0; i < 9; i++) {
            SiteFixtures.run(results, "2026113" + i + "T000000Z", i < 5 ? "vm" : "other", i % 2 == 0 ? "ext4" : "tmpfs", 1 + i * 0.25);
        }
        // The tenth comes from another machine through export and import.
        Path elsewhere = ReportFixtures.results(dir.resolve("elsewhere"));
        SiteFixtures.run(elsewhere, "20261201T000000Z", "laptop", "tmpfs", 0.5);
        Path transfer = Files.createDirectories(dir.resolve("transfer"));
        Path archive = RunArchive.export(elsewhere.resolve("runs"), "20261201T000000Z", transfer.resolve("run.zip"));
        RunArchive.importRun(archive, results.resolve("runs"));

        List<Run> runs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(results.resolve("runs"))) {
            folders.sorted().forEach(f -> runs.add(Run.load(f)));
        }
        assertEquals(10, runs.size());
        Path site = dir.resolve("site");
        long start = System.nanoTime();
        Site.publish(runs, Baselines.load(results.resolve("baselines")), site);
        long bytes;
        try (Stream<Path> files = Files.walk(site)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("site of 10 runs: %.2f MB, written in %.1f s%n", bytes / 1e6, (System.nanoTime() - start) / 1e9);
        assertTrue(bytes < 20_000_000, "the site for 10 runs stays under 20 MB: " + bytes);
        assertEquals("laptop", Run.load(site.getParent().resolve("results/runs/20261201T000000Z")).environment().path("host").path("hostname").asText(),
                "the imported run keeps its own environment");

        Crawl crawl = crawl(site);
        assertEquals(12, crawl.pages().size(), "index, comparison and ten run reports: " + crawl.pages());
        assertTrue(crawl.images() >= 10 * 9 + 2, "every chart: " + crawl.images());
        assertTrue(crawl.beyondError() > 0 && crawl.withinError() > 0, "verdicts of both kinds on the comparison page");
        assertEquals(10, crawl.indexRows(), "every run in the index");
        assertEquals(10, crawl.means(), "a geometric mean per run");
        assertTrue(crawl.indexText().contains("laptop"), "the imported run's own machine");
    }

    /**
     * A site published by ./asfast publish, checked the same way: {@code -Dasfast.site=DIR}
     * (skipped without it). Prints each page's load time and its size.
     */
    @Test
    @EnabledIfSystemProperty(named = "asfast.site", matches = ".+")
    void publishedSiteOpensFromDisk() throws Exception {
        Path site = Path.of(System.getProperty("asfast.site")).toAbsolutePath().normalize();
        Crawl crawl = crawl(site);
        assertTrue(crawl.indexRows() >= 1 && crawl.pages().size() == crawl.indexRows() + 2, "index, comparison and each run: " + crawl.pages());
    }

    /** What a crawl saw. */
    record Crawl(Set<Path> pages, int images, int beyondError, int withinError, int indexRows, int means, String indexText) {
    }

    /**
     * Opens the site's index.html from file:// and follows every link: each page loads without
     * console errors, failed requests or requests off the site; every link is relative, stays in the
     * site and resolves to a file (and its #fragment to an element); every image draws; no page
     * overflows sideways. Leaves screenshots in target/site-*.png and prints load times.
     */
    static Crawl crawl(Path site) throws Exception {
        assertTrue(Files.isExecutable(ReportBrowserTest.CHROMIUM), "the browser test needs Debian's chromium at " + ReportBrowserTest.CHROMIUM);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(ReportBrowserTest.CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add(page.url() + ": " + m.type() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add(page.url() + ": page error: " + e));
            page.onRequestFailed(r -> problems.add("failed request: " + r.url()));
            page.onRequest(r -> {
                if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) {
                    problems.add("request off the site: " + r.url());
                }
            });

            Deque<Path> toVisit = new ArrayDeque<>(List.of(site.resolve("index.html")));
            Set<Path> visited = new LinkedHashSet<>();
            Map<Path, Double> loadMillis = new LinkedHashMap<>();
            Map<Path, Set<String>> fragments = new LinkedHashMap<>(); // "#id" links, by the page they point into
            Map<Path, List<String>> ids = new LinkedHashMap<>();
            int links = 0;
            int images = 0;
            int beyond = 0;
            int within = 0;
            int indexRows = 0;
            int means = 0;
            String indexText = "";
            while (!toVisit.isEmpty()) {
                Path file = toVisit.poll().normalize();
                if (!visited.add(file)) {
                    continue;
                }
                page.navigate(file.toUri().toString());
                page.waitForLoadState();
                loadMillis.put(site.relativize(file), ((Number) page.evaluate(
                        "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }")).doubleValue());
                // Lazy images below the fold: load them all, then every one must have drawn.
                page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
                page.waitForFunction("() => Array.from(document.images).every(i => i.complete)");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.evaluate(
                        "() => Array.from(document.images).map(i => ({src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight, shown: i.getBoundingClientRect().width}))");
                for (Map<String, Object> img : drawn) {
                    assertTrue(((Number) img.get("w")).intValue() > 100 && ((Number) img.get("h")).intValue() > 100, "chart draws: " + img + " on " + file);
                    assertTrue(((Number) img.get("shown")).doubleValue() > 100, "chart shown on the page: " + img + " on " + file);
                    images++;
                }
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertTrue(((Number) width).intValue() <= 1200, "nothing overflows " + file + " sideways: " + width);
                @SuppressWarnings("unchecked")
                List<String> hrefs = (List<String>) page.evaluate(
                        "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).concat([...document.querySelectorAll('link[href], img[src], script[src]')].map(e => e.getAttribute('href') || e.getAttribute('src')))");
                for (String href : hrefs) {
                    links++;
                    URI uri = URI.create(href);
                    assertFalse(uri.isAbsolute() || href.startsWith("/"), "only relative links: " + href + " on " + file);
                    String path = uri.getPath();
                    Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                    assertTrue(target.startsWith(site), "link stays in the site: " + href + " on " + file);
                    assertTrue(Files.isRegularFile(target), "link resolves: " + href + " on " + file);
                    if (uri.getFragment() != null) {
                        fragments.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(uri.getFragment());
                    }
                    if (target.toString().endsWith(".html")) {
                        toVisit.add(target);
                    }
                }
                @SuppressWarnings("unchecked")
                List<String> pageIds = (List<String>) page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)");
                ids.put(file, pageIds);
                if (file.equals(site.resolve("compare.html"))) {
                    beyond = page.locator("td.verdict.beyond-error").count();
                    within = page.locator("td.verdict.within-error").count();
                    means = page.locator("#means tbody tr").count();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "site-compare.png")));
                }
                if (file.equals(site.resolve("index.html"))) {
                    indexRows = page.locator("table.runs tbody tr").count();
                    indexText = page.locator("table.runs").innerText();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "site-index.png")).setFullPage(true));
                }
            }
            fragments.forEach((target, anchors) -> anchors.forEach(anchor ->
                    assertTrue(ids.get(target).contains(anchor), "anchor #" + anchor + " exists in " + target)));
            System.out.printf("opened %d pages, %d links and %d images; load times (ms, file://): %s%n", visited.size(), links, images, loadMillis);
            assertEquals(List.of(), problems, "no console errors, failed loads or requests off the site");
            return new Crawl(visited, images, beyond, within, indexRows, means, indexText);
        }
    }
}
