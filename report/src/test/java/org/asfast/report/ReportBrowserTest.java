package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Opens the generated index.html from file:// in Debian's headless Chromium (installed by
 * the build, tools/ensure-chromium.sh; Playwright's own browser download is skipped) and checks what a reader
 * sees: every table and chart, every image loaded, no console errors. Leaves a screenshot in
 * report/target/report-screenshot.png.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Paths.get(System.getProperty("asfast.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    @Test
    void reportOpensFromDiskWithEveryTableAndChart() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser test needs Debian's chromium at " + CHROMIUM
                + "; the build installs it before the tests (tools/ensure-chromium.sh), or apt-get install chromium");
        Path results = ReportFixtures.results(dir);
        Path run = ReportFixtures.run(results, "browser");
        Path model = ReportFixtures.modelRun(results, "browser-model");
        XfsScaling.write(model.resolve(XfsScaling.FILE), XfsScalingTest.ROWS); // the run's xFS scaling, drawn in the report
        Path report = ReportGenerator.forRuns(results, List.of(Run.load(run), Run.load(model)), Baselines.load(results.resolve("baselines"))).writeAll();

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error") || m.type().equals("warning")) {
                    problems.add(m.type() + ": " + m.text());
                }
            });
            page.onPageError(e -> problems.add("page error: " + e));
            page.onRequestFailed(r -> problems.add("failed request: " + r.url()));
            page.navigate(report.resolve("index.html").toUri().toString());
            page.waitForLoadState();

            assertEquals(OusterhoutReport.TABLES.size(), page.locator("section.ousterhout-table table").count(), "Tables 2-10");
            for (String table : OusterhoutReport.TABLES) {
                assertTrue(page.locator("#ousterhout1990-table" + table + " tbody tr").count() > 10, "rows of table " + table);
                assertTrue(page.locator("#ousterhout1990-table" + table + " tr.measured").count() >= 1, "this run's row in table " + table);
            }
            long otherTables = Baselines.load(results.resolve("baselines")).tables().stream()
                    .filter(t -> !(t.paper().equals("ousterhout1990") && OusterhoutReport.TABLES.contains(t.table()))).count();
            assertEquals(otherTables, page.locator(".other-table table").count(), "every other baseline table, Ousterhout's Table 1 and text included");
            Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
            assertTrue(((Number) pageWidth).intValue() <= 1200, "nothing overflows the page sideways: " + pageWidth);
            int charts = page.locator(".chart img").count();
            assertEquals(1 + 8 + 2, charts, "Figure 1, one chart per table but Table 8, and xFS's two scaling charts");
            assertEquals(XfsScalingTest.ROWS.size(), page.locator("#xfs-scaling tbody tr").count(), "the scaling chart's numbers");
            assertTrue(page.locator("#xfs-scaling img[src$='xfs-scaling-latency.svg']").count() == 1, "the xFS latency chart");
            // The charts are SVG files beside the page, some loaded lazily: load them all, then each must have drawn.
            page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
            page.waitForFunction("() => Array.from(document.images).every(i => i.complete)");
            Object sizes = page.evaluate("() => Array.from(document.querySelectorAll('.chart img')).map(i => { const r = i.getBoundingClientRect(); return i.naturalWidth > 0 ? r.width * r.height : 0; })");
            for (Object area : (List<?>) sizes) {
                assertTrue(((Number) area).doubleValue() > 10_000, "every chart image is drawn: " + sizes);
            }
            try (var svgs = Files.newDirectoryStream(report.resolve("charts"), "*.svg")) {
                for (Path svg : svgs) {
                    String text = Files.readString(svg);
                    assertTrue(text.startsWith("<svg") && text.split("<path").length > 50, "every chart has its axes, labels and points: " + svg);
                }
            }
            assertTrue(page.locator("#errata tbody tr").count() >= 7, "errata listed");
            assertTrue(page.locator("#environment").innerText().contains("VAX MIPS"));
            assertTrue(page.locator("#figure1 tr.measured").count() == 1, "the host is in Figure 1");
            assertTrue(page.locator("#ousterhout1990-table3 tr.model").count() >= 15, "model rows in Table 3");
            assertEquals(8, page.locator("#model-fidelity table.fidelity-summary tbody tr").count(), "fidelity per table");
            assertTrue(page.locator("#model-fidelity").innerText().contains("The five worst predictions"));
            assertTrue(page.locator("#what-if table.fidelity tbody tr").count() >= 4, "the cells each what-if changes");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "report-screenshot.png")).setFullPage(true));
            assertEquals(List.of(), problems, "no console errors or failed loads");
        }
    }
}
