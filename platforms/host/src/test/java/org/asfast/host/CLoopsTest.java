package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C loops: their output parser, and the program's figures and clean-up (with gcc, where there is one). */
class CLoopsTest {
    @TempDir
    Path dir;

    @Test
    void outputIsParsedIntoOneFigurePerBenchmarkAndParameters() {
        List<CLoops.Figure> figures = CLoops.parse("""
                benchmark,params,trial,ns_per_op
                org.asfast.jmh.GetpidBenchmark.getpid,,1,110.5
                org.asfast.jmh.GetpidBenchmark.getpid,,2,111.5
                org.asfast.jmh.SelectBenchmark.select,pipes=TEN_FULL,1,640.000
                org.asfast.jmh.X.y,a=1;b=2,1,3
                """);
        assertEquals(3, figures.size());
        assertEquals(new CLoops.Figure("org.asfast.jmh.GetpidBenchmark.getpid", Map.of(), List.of(110.5, 111.5)), figures.get(0));
        assertEquals(Map.of("pipes", "TEN_FULL"), figures.get(1).params());
        assertEquals(List.of(640.0), figures.get(1).nanosPerOp());
        assertEquals(Map.of("a", "1", "b", "2"), figures.get(2).params());
    }

    @Test
    void malformedOutputIsRefusedWithTheLine() {
        for (String bad : List.of("", "getpid,1,2\n", "benchmark,params,trial,ns_per_op\n",
                "benchmark,params,trial,ns_per_op\nx,,1\n", "benchmark,params,trial,ns_per_op\nx,,one,5\n",
                "benchmark,params,trial,ns_per_op\nx,,1,fast\n", "benchmark,params,trial,ns_per_op\nx,,1,0\n",
                "benchmark,params,trial,ns_per_op\nx,,1,-3\n", "benchmark,params,trial,ns_per_op\nx,,1,Infinity\n",
                "benchmark,params,trial,ns_per_op\nx,pipes,1,5\n", "benchmark,params,trial,ns_per_op\n,,1,5\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CLoops.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("the C loops printed"), e.getMessage());
        }
    }

    @Test
    void theProgramMeasuresEachCaseInItsOwnDirectoryAndRemovesIt() throws Exception {
        Path program = compiledOrSkip();
        Path target = Files.createDirectory(dir.resolve("target"));
        List<CLoops.Figure> figures = CLoops.run(program, target,
                new CLoops.Settings(3, 40, 2, 2, 8192, 65536, 1 << 20, List.of("getpid", "select", "bcopy", "read", "open-close", "create-delete")));
        List<String> names = figures.stream().map(f -> f.benchmark().substring("org.asfast.jmh.".length()) + f.params().values()).toList();
        assertEquals(List.of("GetpidBenchmark.getpid[]", "SelectBenchmark.select[ONE_EMPTY]", "SelectBenchmark.select[TEN_EMPTY]",
                "SelectBenchmark.select[TEN_FULL]", "BcopyBenchmark.bcopy[CACHED]", "BcopyBenchmark.bcopy[UNCACHED]", "ReadBenchmark.read[]",
                "OpenCloseBenchmark.openClose[FOO]", "OpenCloseBenchmark.openClose[A_B_C_FOO]", "CreateDeleteBenchmark.createDelete[NO_DATA]",
                "CreateDeleteBenchmark.createDelete[TEN_KB]", "CreateDeleteBenchmark.createDelete[HUNDRED_KB]"), names);
        assertTrue(figures.stream().allMatch(f -> f.nanosPerOp().size() == 2), "two trials each, after the warm-up trial");
        try (var left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "the program removed its directory");
        }
    }

    @Test
    void theProgramRemovesItsFilesWhenStopped() throws Exception {
        Path program = compiledOrSkip();
        Path target = Files.createDirectory(dir.resolve("target"));
        Process p = new ProcessBuilder(program.toString(), "-d", target.toString(), "-m", "60000", "-n", "1", "create-delete")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 500 && isEmpty(target); i++) {
            Thread.sleep(10);
        }
        assertFalse(isEmpty(target), "the program made its directory");
        p.destroy(); // SIGTERM, as the run's clean-up sends
        assertEquals(3, p.waitFor(), "it stops, with its own exit code for a stop");
        assertTrue(isEmpty(target), "and leaves nothing behind");
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        Path program = compiledOrSkip();
        for (List<String> args : List.of(List.of("getpid"), List.of("-d", dir.toString(), "andrew"), List.of("-d", dir.toString(), "bcopy"))) {
            List<String> command = new java.util.ArrayList<>(List.of(program.toString()));
            command.addAll(args);
            assertEquals(2, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(), args.toString());
        }
    }

    private Path compiledOrSkip() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        try {
            return CLoops.compile(bin);
        } catch (CCompiler.Unavailable e) {
            assumeTrue(false, "no C compiler here: " + e.getMessage());
            throw e;
        }
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
