package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** publish: where it may write, what it refuses, and what the comparison computes. */
class PublishCommandTest {
    @TempDir
    Path dir;
    Path results;

    @BeforeEach
    void runs() throws IOException {
        results = ReportFixtures.results(dir);
        SiteFixtures.run(results, "20261130T000000Z", "vm", "ext4", 1);
        SiteFixtures.run(results, "20261130T010000Z", "vm", "tmpfs", 2);
    }

    @Test
    void aPublishFolderThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("site"), "my notes");
        publish(file).isBadInput("is a file");
        assertEquals("my notes", Files.readString(file));
        assertNoStaging();
    }

    @Test
    void aPublishFolderThatCannotBeWrittenIsRefused() {
        // /proc is not writable even for root, unlike a chmod-ed folder.
        RunArchiveTest.execute(new PublishCommand(), "--results", results.toString(), "/proc/asfast-site").isBadInput("not writable");
        assertFalse(Files.exists(Path.of("/proc/asfast-site")));
    }

    @Test
    void aFolderOfSomethingElseIsNotReplaced() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("cat.jpg"), "meow");
        publish(folder).isBadInput("not empty and holds no asfast site");
        assertEquals("meow", Files.readString(folder.resolve("cat.jpg")));
        assertNoStaging();
    }

    @Test
    void anEarlierSiteIsReplacedWhole() throws IOException {
        Path site = dir.resolve("site");
        RunArchiveTest.Result first = publish(site);
        assertEquals(0, first.code(), first.err());
        Files.writeString(site.resolve("stale.html"), "old");
        RunArchiveTest.Result again = publish(site);
        assertEquals(0, again.code(), again.err());
        assertFalse(Files.exists(site.resolve("stale.html")));
        assertEquals(Site.SCHEMA, new ObjectMapper().readTree(site.resolve("site.json").toFile()).path("schema").asText());
        assertNoStaging();
    }

    @Test
    void theComparisonGivesRatiosVerdictsAndMeansFromTheRunsOwnNumbers() {
        Run base = Run.load(results.resolve("runs/20261130T000000Z"));
        Run slower = Run.load(results.resolve("runs/20261130T010000Z"));
        OusterhoutReport both = new OusterhoutReport(Baselines.load(results.resolve("baselines")), List.of(base, slower));
        RunComparison comparison = RunComparison.of(both.measurements(), Baselines.load(results.resolve("baselines")));

        RunComparison.Row getpid = comparison.tables().stream().filter(t -> t.table().equals("2")).findFirst().orElseThrow().rows().getFirst();
        assertEquals("baseline", getpid.cells().get(0).verdict());
        assertEquals("2.00", getpid.cells().get(1).ratio(), "getpid took twice as long");
        assertEquals("beyond error", getpid.cells().get(1).verdict(), "the fixture's interval is far narrower than a factor of two");
        RunComparison.Row select = comparison.tables().stream().filter(t -> t.table().equals("4")).findFirst().orElseThrow().rows().getFirst();
        assertEquals("1.00", select.cells().get(1).ratio());
        assertEquals("within error", select.cells().get(1).verdict(), "the same numbers overlap");

        RunComparison.Mean baseMean = comparison.means().get(0);
        RunComparison.Mean slowerMean = comparison.means().get(1);
        assertEquals(1.0, baseMean.relativeSpeed(), 1e-12);
        int cells = slowerMean.relativeCells();
        assertTrue(cells > 10, "every measured cell both runs have: " + cells);
        assertEquals(Math.pow(0.5, 1.0 / cells), slowerMean.relativeSpeed(), 1e-9, "one cell of " + cells + " half as fast");
        assertTrue(slowerMean.figure1() < baseMean.figure1(), "a slower getpid lowers Figure 1's mean");
    }

    @Test
    void aBandwidthWhoseTimeIntervalReachesZeroHasNoUpperBound() throws IOException {
        // Five scattered samples on a busy machine: the time's 99.9% interval reaches below zero.
        Path file = results.resolve("runs/20261130T010000Z").resolve(Run.JMH_FILE);
        var jmh = (com.fasterxml.jackson.databind.node.ArrayNode) new ObjectMapper().readTree(file.toFile());
        for (var benchmark : jmh) {
            if (benchmark.path("benchmark").asText().endsWith("ReadBenchmark.read")) {
                var ci = (com.fasterxml.jackson.databind.node.ArrayNode) benchmark.path("primaryMetric").path("scoreConfidence");
                ci.set(0, -ci.get(1).asDouble());
            }
        }
        new ObjectMapper().writeValue(file.toFile(), jmh);
        Run base = Run.load(results.resolve("runs/20261130T000000Z"));
        Run scattered = Run.load(results.resolve("runs/20261130T010000Z"));
        Baselines baselines = Baselines.load(results.resolve("baselines"));
        RunComparison comparison = RunComparison.of(new OusterhoutReport(baselines, List.of(base, scattered)).measurements(), baselines);
        RunComparison.Cell read = comparison.tables().stream().filter(t -> t.table().equals("6")).findFirst().orElseThrow().rows().getFirst().cells().get(1);
        assertTrue(read.text().endsWith(", ∞)"), "shown as an interval without an upper bound: " + read.text());
        assertEquals("within error", read.verdict(), "an unbounded interval overlaps the baseline's");
    }

    private RunArchiveTest.Result publish(Path site) {
        return RunArchiveTest.execute(new PublishCommand(), "--results", results.toString(), site.toString());
    }

    private void assertNoStaging() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().contains(".publish-")).toList());
        }
    }
}
