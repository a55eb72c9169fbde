package org.asfast.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live loop in one JVM: delivery, timers, accounting, storage, stray datagrams, a busy port. */
class LiveNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path scratch;

    /** A server node run by its own thread, and a client driven by the test's thread. */
    private record Pair(LiveNode server, LiveNode client, Thread serverThread) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            server.stop();
            serverThread.join(10_000);
            server.close();
            client.close();
        }
    }

    private Pair pair(Node server, Node client, String faults) {
        LiveNode s = LiveNode.open(new NodeSetup(0, 0, scratch.resolve("s"), Map.of(), 1, 42, faults), server);
        LiveNode c = LiveNode.open(new NodeSetup(1, 0, scratch.resolve("c"), Map.of(), 1, 42, faults), client);
        Map<Integer, InetSocketAddress> table = Map.of(0, s.address(), 1, c.address());
        s.connect(table);
        c.connect(table);
        s.start();
        c.start();
        Thread t = new Thread(s::run, "server-loop");
        t.start();
        return new Pair(s, c, t);
    }

    /** One node on its own, started, that sends only to itself. */
    private LiveNode alone(Node node) {
        LiveNode live = LiveNode.open(NodeSetup.of(0, scratch), node);
        live.connect(Map.of(0, live.address()));
        live.start();
        return live;
    }

    @Test
    void aDrivenClientGetsItsReplyOnItsOwnThread() throws Exception {
        Fixtures.Inbox inbox = new Fixtures.Inbox();
        try (Pair p = pair(new EchoNode(), inbox, "")) {
            for (int size : new int[] {8, 16384, 30000}) {
                int before = inbox.messages.size();
                p.client.send(0, EchoNode.request(size, 0));
                assertTrue(p.client.runUntil(() -> inbox.messages.size() > before, WAIT));
                assertEquals(size, inbox.messages.get(before).length, "the echo of " + size + " bytes");
            }
            p.client.send(0, EchoNode.request(8, 30000));
            assertTrue(p.client.runUntil(() -> inbox.messages.size() == 4, WAIT));
            assertEquals(30000, inbox.messages.get(3).length);
            Load client = p.client.load();
            assertEquals(4, client.count("sent"));
            assertEquals(4, client.count("received"));
            assertEquals(8 + 16384 + 30000 + 8, client.count("bytes_out"));
        }
    }

    @Test
    void timersFireInDeadlineOrderNeverEarlyAndACancelledOneNever() throws Exception {
        try (LiveNode node = alone(new Fixtures.Inbox())) {
            List<String> fired = new ArrayList<>();
            long t0 = node.nanos();
            long[] firedAt = new long[1];
            node.after(30_000_000, () -> { fired.add("c"); firedAt[0] = node.nanos(); });
            node.after(10_000_000, () -> fired.add("a"));
            node.after(20_000_000, () -> fired.add("b")).cancel();
            node.after(10_000_000, () -> fired.add("a2"));
            assertTrue(node.runUntil(() -> fired.contains("c"), WAIT));
            assertEquals(List.of("a", "a2", "c"), fired);
            assertTrue(firedAt[0] - t0 >= 30_000_000, "a timer never fires before its time");
            assertFalse(node.runUntil(() -> fired.size() > 3, Duration.ofMillis(50)), "the cancelled timer never fires");
        }
    }

    @Test
    void cancelledTimersLeaveTheQueueLongBeforeTheirDeadlineAndTheOthersStillFireInOrder() throws Exception {
        try (LiveNode node = alone(new Fixtures.Inbox())) {
            List<Integer> fired = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int index = i;
                node.after(20_000_000 + i, () -> fired.add(index));
            }
            for (int i = 0; i < 10_000; i++) { // a retransmission timer per call, each answered at once
                node.after(60_000_000_000L, () -> fired.add(-1)).cancel();
            }
            assertTrue(node.queuedTimers() <= 5 + 2 * 65, "cancelled timers are cleared out, not kept for a minute: " + node.queuedTimers());
            assertTrue(node.runUntil(() -> fired.size() == 5, WAIT));
            assertEquals(List.of(0, 1, 2, 3, 4), fired);
            assertFalse(node.runUntil(() -> fired.size() > 5, Duration.ofMillis(20)), "no cancelled timer fires");
        }
    }

    @Test
    void theSpinPropertyIsWholeMicrosecondsFromZeroToASecondAndAnythingElseIsRefusedInOneLine() {
        assertEquals(Duration.ofNanos(50_000), LiveNode.spinFromProperty(null));
        assertEquals(Duration.ZERO, LiveNode.spinFromProperty("0"));
        assertEquals(Duration.ofNanos(120_000), LiveNode.spinFromProperty("120"));
        for (String bad : List.of("fifty", "-5", "1.5", "", "1000001")) {
            LiveException e = assertThrows(LiveException.class, () -> LiveNode.spinFromProperty(bad), bad); // one line for the command, not a stack trace
            assertEquals("-Dasfast.live.spinMicros=" + bad + " is not a spin: give whole microseconds from 0 (never spin) to 1000000, or leave it unset for 50",
                    e.getMessage());
        }
    }

    @Test
    void aTaskPostedFromAnotherThreadWakesALoopWaitingInTheKernelAndOneWithNoSpinAtAll() throws Exception {
        for (Duration spin : List.of(LiveNode.defaultSpin(), Duration.ZERO)) {
            try (LiveNode node = alone(new Fixtures.Inbox())) {
                node.spin(spin);
                for (int round = 0; round < 50; round++) {
                    boolean[] ran = new boolean[1];
                    long delay = round % 2 == 0 ? 0 : 2_000_000;
                    Thread poster = new Thread(() -> {
                        NodeContextHolder.spin(delay); // now, or once the loop waits in the kernel
                        node.post(() -> ran[0] = true);
                    });
                    poster.start();
                    long t0 = System.nanoTime();
                    assertTrue(node.runUntil(() -> ran[0], WAIT), "spin " + spin + ", round " + round + ": the posted task ran");
                    assertTrue(System.nanoTime() - t0 < WAIT.toNanos() / 2, "a post is not left until a timeout");
                    poster.join();
                }
            }
        }
    }

    /** Busy-waits, so that a stretch of a handler takes real time. */
    static final class NodeContextHolder {
        static void spin(long nanos) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void workCountsTheRealTimeOfEachKindAndTheDeclaredInstructions() {
        NodeContext[] ctx = new NodeContext[1];
        Node node = new Node() {
            @Override
            public void start(NodeContext context) {
                ctx[0] = context;
            }

            @Override
            public void receive(int from, byte[] message) {
                NodeContextHolder.spin(1_000_000); // unclassified: before the first work() call
                ctx[0].work(Work.PROCEDURE, 500);
                NodeContextHolder.spin(3_000_000);
                ctx[0].work(Work.REPLY, 20);
                NodeContextHolder.spin(2_000_000);
            }
        };
        LiveNode live = LiveNode.open(NodeSetup.of(0, scratch), node);
        try (live) {
            live.connect(Map.of(0, live.address()));
            live.start();
            live.send(0, new byte[1]);
            assertTrue(live.runUntil(() -> live.load().count("received") == 1, WAIT));
            Load load = live.load();
            assertTrue(load.count("nanos.UNCLASSIFIED") >= 1_000_000, load.toLine());
            // No upper bound: a loaded machine stretches a 3 ms spin to 100 ms (tests do not depend on the wall clock's speed).
            assertTrue(load.nanos(Work.PROCEDURE) >= 3_000_000, load.toLine());
            assertTrue(load.nanos(Work.REPLY) >= 2_000_000, load.toLine());
            assertEquals(0, load.nanos(Work.DATA_TRANSFER));
            assertEquals(500, load.count("instructions.PROCEDURE"));
            assertEquals(20, load.count("instructions.REPLY"));
            assertTrue(load.handlerNanos() >= 6_000_000);
            assertEquals(load, Load.parse(load.toLine()));
        }
    }

    @Test
    void storageWritesReadBackAndSurviveReopening() {
        byte[][] read = new byte[2][];
        boolean[] written = new boolean[1];
        Node writer = new Node() {
            @Override
            public void start(NodeContext context) {
                Storage log = context.storage("log");
                log.write(4096, "hello".getBytes(), true, () -> written[0] = true);
            }

            @Override
            public void receive(int from, byte[] message) {
            }
        };
        LiveNode first = LiveNode.open(NodeSetup.of(0, scratch), writer);
        try (first) {
            first.connect(Map.of(0, first.address()));
            first.start();
            assertFalse(written[0], "completion is reported on the loop, not inside the call");
            assertTrue(first.runUntil(() -> written[0], WAIT));
        }
        Node reader = new Node() {
            @Override
            public void start(NodeContext context) {
                Storage log = context.storage("log");
                assertEquals(4096 + 5, log.size());
                log.read(4094, 8, data -> read[0] = data);
                log.read(100_000, 2, data -> read[1] = data);
            }

            @Override
            public void receive(int from, byte[] message) {
            }
        };
        LiveNode second = LiveNode.open(NodeSetup.of(0, scratch), reader);
        try (second) {
            second.connect(Map.of(0, second.address()));
            second.start();
            assertTrue(second.runUntil(() -> read[1] != null, WAIT));
            assertArrayEquals(new byte[] {0, 0, 'h', 'e', 'l', 'l', 'o', 0}, read[0]);
            assertArrayEquals(new byte[2], read[1], "bytes never written read as zero");
        }
    }

    @Test
    void aDatagramOfAnotherRunIsIgnoredAndCounted() throws Exception {
        Fixtures.Inbox inbox = new Fixtures.Inbox();
        LiveNode node = LiveNode.open(new NodeSetup(0, 0, scratch, Map.of(), 1, 42, ""), inbox);
        try (node; DatagramChannel other = DatagramChannel.open()) {
            node.connect(Map.of(0, node.address()));
            node.start();
            other.send(ByteBuffer.allocate(12).putInt(41).putInt(0).putInt(7).flip(), node.address()); // tag 41, not 42
            other.send(ByteBuffer.allocate(3).flip(), node.address()); // too short for the header
            assertTrue(node.runUntil(() -> node.load().count("stray") == 2, WAIT));
            assertTrue(inbox.messages.isEmpty());
        }
    }

    @Test
    void aBusyPortIsAOneLineError() throws Exception {
        try (DatagramChannel squatter = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) squatter.getLocalAddress()).getPort();
            LiveException e = assertThrows(LiveException.class,
                    () -> LiveNode.open(NodeSetup.of(3, scratch).withPort(port), new Fixtures.Inbox()));
            assertEquals("node 3: UDP port " + port + " on 127.0.0.1 is busy (another program uses it); choose another port, or 0 for any free one", e.getMessage());
        }
    }

    @Test
    void withLossEveryCallOfRequestReplyStillCompletesExactlyOnce() throws Exception {
        Fixtures.Caller caller = new Fixtures.Caller();
        try (Pair p = pair(new Fixtures.Counter(), caller, "drop=0.1,dup=0.05,delay=0-1ms,reorder=0.05,seed=3")) {
            for (int i = 1; i <= 200; i++) {
                caller.call(0);
                int expected = i;
                assertTrue(p.client.runUntil(() -> caller.replies.size() == expected || caller.failure != null, WAIT));
                assertEquals(expected, caller.replies.get(expected - 1), "call " + i + " ran exactly once");
            }
            assertTrue(caller.rpc.retransmissions() > 0);
            Load load = p.client.load();
            assertTrue(load.count("faults.dropped") > 0 && load.count("faults.duplicated") > 0 && load.count("faults.delayed") > 0, load.toLine());
        }
    }

    @Test
    void switchToRunsOnTheNodesOneOtherThreadAndCreateThreadOnANewOneEachTime() {
        LiveNode node = LiveNode.open(NodeSetup.of(0, scratch), new Fixtures.Inbox());
        List<Thread> ranOn = new ArrayList<>();
        try (node) {
            for (int i = 0; i < 3; i++) {
                node.switchTo(() -> ranOn.add(Thread.currentThread()));
            }
            assertEquals(3, ranOn.size(), "each switch ran its body before it returned");
            assertTrue(ranOn.stream().allMatch(t -> t == ranOn.get(0)) && ranOn.get(0) != Thread.currentThread(), "one partner thread, not the caller: " + ranOn);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> node.switchTo(() -> {
                throw new IllegalStateException("from the partner");
            }));
            assertEquals("from the partner", thrown.getMessage());
            assertTrue(node.partnerAlive());
            List<Thread> created = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                node.createThread(() -> created.add(Thread.currentThread()));
            }
            assertEquals(3, created.stream().distinct().count(), "a new thread each time");
            assertTrue(created.stream().noneMatch(Thread::isAlive) && !created.contains(Thread.currentThread()), "each had ended when createThread returned");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (node.partnerAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(node.partnerAlive(), "the partner thread ends with its node");
    }

    @Test
    void theCallerAndItsPartnerAndCreatedThreadsShareTheCallersOneCpuUntilCloseGivesTheCallerItsCpusBack() throws Exception {
        String before = cpusAllowed();
        LiveNode node = LiveNode.open(NodeSetup.of(0, scratch), new Fixtures.Inbox());
        List<String> partner = new ArrayList<>();
        List<String> created = new ArrayList<>();
        String during;
        try (node) {
            assertEquals(-1, node.pinnedCpu(), "nothing held before the first switch");
            assertEquals(before, cpusAllowed());
            node.switchTo(() -> partner.add(cpusAllowed()));
            during = cpusAllowed();
            node.createThread(() -> created.add(cpusAllowed()));
        }
        assertEquals(List.of(during), partner, "the partner reports the caller's CPUs during the switch");
        assertEquals(List.of(during), created, "the created thread reports the caller's CPUs");
        assertTrue(during.matches("\\d+"), "one CPU: " + during);
        assertEquals(Integer.parseInt(during), node.pinnedCpu());
        assertEquals(before, cpusAllowed(), "close gave the caller back its CPUs");
    }

    @Test
    void aPinThatFailsLeavesTheCallersCpusAsTheyWere() throws Exception {
        String before = cpusAllowed();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> CpuPin.to(1023)); // no such CPU here
        assertTrue(thrown.getMessage().startsWith("sched_setaffinity to CPU 1023 failed"), thrown.getMessage());
        assertEquals(before, cpusAllowed());
    }

    @Test
    void aPinClosedFromAnotherThreadGivesItsThreadBackItsCpus() throws Exception {
        String before = cpusAllowed();
        CpuPin pin = CpuPin.here();
        assertEquals(String.valueOf(pin.cpu()), cpusAllowed());
        Thread closer = Thread.ofPlatform().start(pin::close); // as a node closed by a thread other than its loop's
        closer.join();
        assertEquals(before, cpusAllowed());
    }

    /** The CPUs the calling thread may run on, as the kernel lists them (e.g. "0-1" or "1"). */
    private static String cpusAllowed() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
