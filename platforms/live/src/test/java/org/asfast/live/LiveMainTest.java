package org.asfast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asfast live}: a system's nodes start and stop; bad input is one line, exit 2, nothing left behind. */
class LiveMainTest {

    /** A system whose second node fails to start. */
    public static final class Broken implements LiveSystem {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int minNodes() {
            return 2;
        }

        @Override
        public int maxNodes() {
            return 2;
        }

        @Override
        public String nodeClass(int address, int nodes) {
            return address == 0 ? EchoNode.class.getName() : Fixtures.FailsToStart.class.getName();
        }

        @Override
        public Map<String, Double> parameters() {
            return Map.of();
        }
    }

    @TempDir
    Path scratch;

    private record Result(int code, String out, String err) {
    }

    private Result live(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--scratch", scratch.toString())).toArray(String[]::new);
        int code = LiveMain.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), all);
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process was left running");
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "a scratch file was left behind");
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertBadInput(Result result, String message) {
        assertEquals(2, result.code, result.err);
        assertEquals("asfast live: " + message + "\n", result.err);
        assertEquals("", result.out);
    }

    @Test
    void startsASystemsNodesReportsThemAndStopsThem() throws IOException {
        Result result = live("--system", "echo", "--nodes", "2", "--faults", "drop=0.1,seed=3");
        assertEquals(0, result.code, result.err);
        assertEquals("", result.err);
        String[] lines = result.out.split("\n");
        assertEquals(3, lines.length, result.out);
        assertTrue(lines[0].matches("echo: 2 nodes up, faults drop=0\\.1,dup=0\\.0,delay=0\\.0-0\\.0ms,reorder=0\\.0,seed=3: "
                + "0=127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\) 1=127\\.0\\.0\\.1:\\d+ \\(pid \\d+\\)"), lines[0]);
        assertTrue(lines[1].startsWith("node 0: ") && lines[1].contains("received=0"), lines[1]);
    }

    @Test
    void anUnknownSystem() throws IOException {
        assertBadInput(live("--system", "vax", "--nodes", "2"), "unknown system 'vax'; the systems that run live are: broken, echo");
    }

    @Test
    void aNodeCountTheSystemDoesNotRunWith() throws IOException {
        assertBadInput(live("--system", "echo", "--nodes", "0"), "system echo runs with 1 to 16 nodes, not 0; give --nodes in that range");
        assertBadInput(live("--system", "echo", "--nodes", "17"), "system echo runs with 1 to 16 nodes, not 17; give --nodes in that range");
        assertBadInput(live("--system", "echo", "--nodes", "two"), "--nodes must be a whole number, not 'two'");
    }

    @Test
    void anUnknownOptionLastIsUnknownNotMissingItsValue() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LiveMain.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--system", "echo", "--nodes", "1", "--verbose");
        assertBadInput(new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)), "unknown option --verbose; see --help");
    }

    @Test
    void aBusyPort() throws IOException {
        try (DatagramChannel squatter = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int busy = ((InetSocketAddress) squatter.getLocalAddress()).getPort();
            assertBadInput(live("--system", "echo", "--nodes", "1", "--port", Integer.toString(busy)),
                    "node 0: UDP port " + busy + " on 127.0.0.1 is busy (another program uses it); choose another port, or 0 for any free one");
        }
    }

    @Test
    void aNodeThatFailsToStart() throws IOException {
        Result result = live("--system", "broken", "--nodes", "2");
        assertEquals(2, result.code);
        assertTrue(result.err.startsWith("asfast live: node 1 (" + Fixtures.FailsToStart.class.getName() + ") failed to start: "), result.err);
        assertEquals(1, result.err.lines().count());
    }

    @Test
    void aMalformedFaultSetting() throws IOException {
        assertBadInput(live("--system", "echo", "--nodes", "1", "--faults", "drop=0.1,loss=0.2"),
                "unknown fault setting 'loss'; use drop, dup, delay, reorder or seed");
        assertBadInput(live("--system", "echo", "--nodes", "1", "--faults", "drop=2"),
                "fault setting drop=2.0 is not a probability between 0 and 1");
    }

    private static Result liveAsGiven(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = LiveMain.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process was left running");
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScratchFolderThatIsNotOneIsRefusedAndNotMade() throws IOException {
        Path file = Files.writeString(scratch.resolve("a-file"), "x");
        assertBadInput(liveAsGiven("--system", "echo", "--nodes", "1", "--scratch", file.toString()),
                "--scratch " + file + " is not a folder; give an existing one, or leave it out for the temp folder");
        Path missing = scratch.resolve("missing").resolve("deeper");
        assertBadInput(liveAsGiven("--system", "echo", "--nodes", "1", "--scratch", missing.toString()),
                "--scratch " + missing + " is not a folder; give an existing one, or leave it out for the temp folder");
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(file), left.toList(), "the missing folders were made, and nothing removes them");
        }
    }

    @Test
    void aScratchFolderThatCannotBeMadeIsTheUsersToFixInOneLine() throws IOException {
        Path file = Files.writeString(scratch.resolve("a-file"), "x");
        LiveException e = org.junit.jupiter.api.Assertions.assertThrows(LiveException.class, () -> Scratch.create(file.resolve("under-a-file")));
        assertEquals("cannot create a scratch folder in " + file.resolve("under-a-file") + ": Not a directory; give a writable folder", e.getMessage());
    }

    @Test
    void secondsThatAreNotANumberOfSeconds() throws IOException {
        assertBadInput(live("--system", "echo", "--nodes", "1", "--seconds", "NaN"), "--seconds must be a number of seconds, 0 or more, not NaN");
        assertBadInput(live("--system", "echo", "--nodes", "1", "--seconds", "Infinity"), "--seconds must be a number of seconds, 0 or more, not Infinity");
        assertBadInput(live("--system", "echo", "--nodes", "1", "--seconds", "-1"), "--seconds must be a number of seconds, 0 or more, not -1.0");
    }

    @Test
    void aBadSpinPropertyIsOneLineNamingItAndItsRangeBeforeANodeStarts() throws IOException {
        // It was an ExceptionInInitializerError in each node JVM, and this command said only "its last words: ... 1 more".
        String before = System.getProperty(LiveNode.SPIN_PROPERTY);
        System.setProperty(LiveNode.SPIN_PROPERTY, "bad");
        try {
            assertBadInput(live("--system", "echo", "--nodes", "1"),
                    "-Dasfast.live.spinMicros=bad is not a spin: give whole microseconds from 0 (never spin) to 1000000, or leave it unset for 50");
        } finally {
            if (before == null) {
                System.clearProperty(LiveNode.SPIN_PROPERTY);
            } else {
                System.setProperty(LiveNode.SPIN_PROPERTY, before);
            }
        }
    }
}
