package org.asfast.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server nodes in JVMs of their own: start, call, crash, restart, faults, and every way starting can fail. */
class LauncherTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path scratchIn;

    private Launcher launcher(String faults) {
        return new Launcher(new LocalProcessPlacement(), new Launcher.Settings(Map.of("answer", 42.0), faults, 1, Duration.ofSeconds(60), scratchIn));
    }

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "a node process outlived its launcher");
        try (Stream<Path> left = Files.list(scratchIn)) {
            assertEquals(List.of(), left.toList(), "the run's scratch root was not deleted");
        }
    }

    @Test
    void aClientInThisJvmCallsAServerInItsOwnProcess() {
        try (Launcher launcher = launcher("")) {
            int server = launcher.add(EchoNode.class.getName());
            Fixtures.Inbox inbox = new Fixtures.Inbox();
            LiveNode client = launcher.addLocal(inbox);
            launcher.start();
            assertTrue(launcher.alive(server));
            assertTrue(launcher.pid(server) != ProcessHandle.current().pid());
            for (int i = 0; i < 100; i++) {
                int before = inbox.messages.size();
                client.send(server, EchoNode.request(8, 0));
                assertTrue(client.runUntil(() -> inbox.messages.size() > before, WAIT));
            }
            Load load = launcher.load(server);
            assertEquals(100, load.count("received"));
            assertEquals(100, load.count("sent"));
            assertEquals(800, load.count("bytes_in"));
        }
    }

    @Test
    void withLossAndDuplicationEveryCallCompletesAndRunsExactlyOnce() {
        try (Launcher launcher = launcher("drop=0.1,dup=0.05,seed=11")) {
            int server = launcher.add(Fixtures.Counter.class.getName());
            Fixtures.Caller caller = new Fixtures.Caller();
            LiveNode client = launcher.addLocal(caller);
            launcher.start();
            int calls = 300;
            for (int i = 1; i <= calls; i++) {
                caller.call(server);
                int expected = i;
                assertTrue(client.runUntil(() -> caller.replies.size() == expected || caller.failure != null, WAIT), "call " + i);
                assertEquals(expected, caller.replies.get(expected - 1), "call " + i + " got the count after its own single execution");
            }
            assertTrue(caller.rpc.retransmissions() > 0, "10% loss forces retransmissions; they are counted");
            Load serverLoad = launcher.load(server);
            Load clientLoad = client.load();
            assertTrue(serverLoad.count("faults.dropped") > 0 && clientLoad.count("faults.dropped") > 0, serverLoad.toLine());
            assertTrue(serverLoad.count("faults.duplicated") + clientLoad.count("faults.duplicated") > 0);
            assertTrue(serverLoad.count("received") > calls, "retransmitted and duplicated requests reached the server");
        }
    }

    @Test
    void aCrashedServerIsAOneLineErrorAfterTheTimeoutAndARestartedOneAnswersAgain() {
        try (Launcher launcher = launcher("")) {
            int server = launcher.add(Fixtures.Counter.class.getName());
            Fixtures.Caller caller = new Fixtures.Caller();
            LiveNode client = launcher.addLocal(caller);
            launcher.start();
            caller.call(server);
            assertTrue(client.runUntil(() -> caller.replies.size() == 1, WAIT));
            long pid = launcher.pid(server);

            launcher.crash(server);
            assertFalse(launcher.alive(server));
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "kill -9 ended the process");
            long t0 = System.nanoTime();
            caller.call(server);
            assertTrue(client.runUntil(() -> caller.failure != null, WAIT), "the call fails instead of hanging");
            long waited = System.nanoTime() - t0;
            assertEquals("no reply from node 0 after 25 attempts over 500 ms; it may have crashed or be unreachable", caller.failure);
            assertTrue(waited >= 500_000_000 && waited < 10_000_000_000L, "it fails after its timeout: " + waited / 1e6 + " ms");

            launcher.restart(server);
            assertTrue(launcher.alive(server));
            caller.failure = null;
            caller.call(server);
            assertTrue(client.runUntil(() -> caller.replies.size() == 2, WAIT));
            assertEquals(1, caller.replies.get(1), "the restarted server lost its memory: its count began again");
        }
    }

    @Test
    void aBusyPortIsAOneLineErrorAndNothingIsLeft() throws IOException {
        try (DatagramChannel squatter = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) squatter.getLocalAddress()).getPort();
            Launcher launcher = launcher("");
            launcher.add(EchoNode.class.getName());
            launcher.add(EchoNode.class.getName(), port);
            LiveException e = assertThrows(LiveException.class, launcher::start);
            assertEquals("node 1: UDP port " + port + " on 127.0.0.1 is busy (another program uses it); choose another port, or 0 for any free one", e.getMessage());
        }
    }

    @Test
    void aNodeThatFailsToStartIsAOneLineErrorAndNothingIsLeft() {
        Launcher launcher = launcher("");
        launcher.add(EchoNode.class.getName());
        launcher.add(Fixtures.FailsToStart.class.getName());
        LiveException e = assertThrows(LiveException.class, launcher::start);
        assertTrue(e.getMessage().startsWith("node 1 (" + Fixtures.FailsToStart.class.getName() + ") failed to start: "), e.getMessage());
        assertTrue(e.getMessage().contains("no parameter 'no_such_parameter'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnknownNodeClassIsAOneLineErrorAndNothingIsLeft() {
        Launcher launcher = launcher("");
        launcher.add("org.asfast.nowhere.Missing");
        LiveException e = assertThrows(LiveException.class, launcher::start);
        assertEquals("node 0 (org.asfast.nowhere.Missing): no node class org.asfast.nowhere.Missing on the class path; check the system's node class names", e.getMessage());
    }

    @Test
    void aMalformedFaultSettingIsRefusedBeforeAnythingStarts() {
        LiveException e = assertThrows(LiveException.class, () -> launcher("drop=lots"));
        assertEquals("fault setting drop=lots is not a number", e.getMessage());
    }
}
