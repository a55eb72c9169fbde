package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.report.Baselines;
import org.asfast.spi.Compiler;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Platforms;
import org.asfast.spi.Processes;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.LivePrograms;
import org.asfast.systems.SimulatedPaper;
import org.asfast.workloads.AndrewSourceTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Andrew benchmark, unchanged, on the simulated Amoeba and Sprite file systems: predictions with no paper value. */
class AndrewCellsTest {
    private static List<SimulatedPapers.Compared> compared;

    @BeforeAll
    static void simulate() {
        compared = SimulatedPapers.compare(new AndrewCells(), Baselines.load(Path.of("..", "results", "baselines")));
        compared.forEach(c -> System.out.printf(java.util.Locale.ROOT, "Andrew %-8s %-18s %10.2f s  %s%n", c.cell().config(), c.cell().column(), c.cell().value(), c.tag()));
    }

    private static double seconds(String phase, String column) {
        return compared.stream().filter(c -> c.cell().config().equals(phase) && c.cell().column().equals(column)).findFirst().orElseThrow().cell().value();
    }

    @Test
    void everyConfigurationHasBothPhasesLabelledAsPredictionsNothingCanCheck() {
        Map<String, List<String>> phases = compared.stream().collect(Collectors.groupingBy(c -> c.cell().column(), java.util.TreeMap::new,
                Collectors.mapping(c -> c.cell().config(), Collectors.toList())));
        assertEquals(Map.of("Amoeba BULLET", List.of("Copy", "Compile"), "Amoeba BULLET/DIR", List.of("Copy", "Compile"),
                "Sprite CACHE", List.of("Copy", "Compile"), "Sprite NOCACHE", List.of("Copy", "Compile")), phases);
        for (SimulatedPapers.Compared c : compared) {
            assertEquals(SimulatedPaper.NO_PAPER_VALUE, c.tag(), c.cell().key());
            assertEquals(null, c.paper(), "the paper has no Andrew figures for " + c.cell().key());
            assertTrue(c.cell().value() > 0, c.cell().key());
        }
        assertTrue(SimulatedPapers.summaries(compared).isEmpty(), "no fidelity is claimed for cells without a paper value");
    }

    @Test
    void theCompilePhaseRunsTheCompilersWorkAtTheSun360sRating() {
        // at least the compiler's own instructions per source byte at the machine's MIPS; the file traffic comes on top
        double bytes = AndrewSourceTree.bundled().javaSources().stream().mapToLong(s -> AndrewSourceTree.bundled().files().get(s).length).sum();
        for (String column : List.of("Amoeba BULLET", "Sprite CACHE")) {
            var parameters = (column.startsWith("Amoeba") ? AmoebaSimulated.parameters() : SpriteSimulated.parameters())
                    .withModel(column.startsWith("Amoeba") ? "sun3-60-sunos3.5-local" : "sun3-60-sprite-local", List.of("compile_instructions_per_byte"));
            double cpu = parameters.number("compile_instructions_per_byte") * bytes / (parameters.number("mips") * 1e6);
            assertTrue(seconds("Compile", column) > cpu, column + ": compile " + seconds("Compile", column) + " s, its CPU alone " + cpu + " s");
        }
    }

    @Test
    void amoebasReplicatedDirectoryEntriesCostTheCopyPhase() {
        // BULLET/DIR enters every copied file's and directory's name in both replicas before it answers; BULLET keeps them in the process
        assertTrue(seconds("Copy", "Amoeba BULLET") < seconds("Copy", "Amoeba BULLET/DIR"), "the replicated directory entries cost the copy");
    }

    @Test
    void theLivePlatformsRunTheLiveProgramsNotTheModelledOnes() {
        for (String live : List.of("sprite-cache-live", "amoeba-bullet-live")) {
            try (Platform p = Platforms.open(live, PlatformSettings.defaults())) {
                Compiler compiler = p.require(Compiler.class);
                assertInstanceOf(LivePrograms.class, compiler, live);
                assertSame(compiler, p.require(Processes.class), "cp and javac are one program set: " + live);
            }
        }
    }
}
