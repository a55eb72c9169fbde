package org.asfast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No node process outlives its run, even when the run's JVM is killed with kill -9. */
class NoOrphansTest {

    /** A run that starts two server nodes, says their pids and its scratch root, and waits to be killed. */
    public static final class Run {
        public static void main(String[] args) throws Exception {
            Launcher launcher = new Launcher(new LocalProcessPlacement(),
                    new Launcher.Settings(Map.of(), "", 1, Duration.ofSeconds(60), Path.of(args[0])));
            launcher.add(EchoNode.class.getName());
            launcher.add(EchoNode.class.getName());
            launcher.start();
            System.out.println("nodes " + launcher.pid(0) + " " + launcher.pid(1) + " " + launcher.root());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void killingTheRunWithKill9EndsItsNodesAndTheyDeleteItsScratch(@TempDir Path scratchIn) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), Run.class.getName(), scratchIn.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<ProcessHandle> nodes = new ArrayList<>();
        Path root;
        try {
            String line = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("nodes "), "the run started its nodes: " + line);
            String[] words = line.split(" ");
            for (int i = 1; i <= 2; i++) {
                nodes.add(ProcessHandle.of(Long.parseLong(words[i])).orElseThrow());
            }
            root = Path.of(words[3]);
            assertTrue(Files.isDirectory(root));
            assertTrue(nodes.stream().allMatch(ProcessHandle::isAlive));
        } finally {
            run.destroyForcibly(); // SIGKILL: no shutdown hook runs in the run's JVM
        }
        run.waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((nodes.stream().anyMatch(ProcessHandle::isAlive) || Files.exists(root)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (ProcessHandle node : nodes) {
            assertFalse(node.isAlive(), "node process " + node.pid() + " outlived its run");
        }
        assertFalse(Files.exists(root), "the nodes deleted the dead run's scratch root");
        try (var left = Files.list(scratchIn)) {
            assertEquals(0, left.count());
        }
    }
}
