import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.asfast.live.EchoNode;
import org.asfast.live.LiveNode;
import org.asfast.live.NodeSetup;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.Rpc;

/**
 * Where the live null RPC's time goes, stage by stage: the same 16-byte-datagram loopback round trip built up from
 * plain Java to a system's live platform, each printed in udp_pingpong.c's format so stages.sh can set it against
 * the C floor measured in the same window. Run as a source file with a system module's class path.
 *
 *   java -cp CP Stages.java STAGE ROUNDS
 *
 * STAGE is one of
 *   channel            two non-blocking DatagramChannels in this JVM, each side polling receive (as the C floor)
 *   channel-yield      the same, each side yielding its CPU (sched_yield) between polls, as the live loop polls
 *   channel-select     the same, each side waiting in a Selector (epoll) whenever nothing is there
 *   transport          LiveNode client on this thread, LiveNode EchoNode server on a second thread of this JVM
 *   transport-ack      the same, and the client acknowledges each reply with one more datagram, as Amoeba's kernel
 *                      does, which the server takes and drops
 *   PLATFORM           a live platform by name (amoeba-live, sprite-live, v-live): its null call (V: a remote
 *                      transaction with no segment), the server node in a JVM of its own, as the benchmarks run it
 */
public class Stages {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    enum Wait { SPIN, YIELD, SELECT }

    interface RoundTrip {
        void once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String stage = args[0];
        int rounds = Integer.parseInt(args[1]);
        switch (stage) {
            case "channel" -> channel(rounds, Wait.SPIN);
            case "channel-yield" -> channel(rounds, Wait.YIELD);
            case "channel-select" -> channel(rounds, Wait.SELECT);
            case "transport" -> transport(rounds, false);
            case "transport-ack" -> transport(rounds, true);
            default -> platform(stage, rounds);
        }
        System.exit(0);
    }

    private static void measure(String stage, int rounds, RoundTrip trip) throws Exception {
        long[] samples = new long[rounds];
        for (int i = -rounds / 2; i < rounds; i++) { // a long warm-up: the JIT compiles the loop
            long t0 = System.nanoTime();
            trip.once();
            if (i >= 0) {
                samples[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "%s rounds=%d request_bytes=16 reply_bytes=16 mean_ns=%.0f p50_ns=%d p99_ns=%d p999_ns=%d%n", stage, rounds,
                Arrays.stream(samples).average().orElseThrow(), samples[rounds / 2], samples[(int) (rounds * 0.99)], samples[(int) (rounds * 0.999)]);
    }

    /** The live runtime's channel set-up (non-blocking, direct buffers) with nothing on top. */
    private static void channel(int rounds, Wait wait) throws Exception {
        DatagramChannel server = open();
        DatagramChannel client = open();
        InetSocketAddress serverAddress = (InetSocketAddress) server.getLocalAddress();
        Thread echo = new Thread(() -> {
            ByteBuffer in = ByteBuffer.allocateDirect(65536);
            try (Selector selector = Selector.open()) {
                server.register(selector, SelectionKey.OP_READ);
                while (true) {
                    in.clear();
                    var from = server.receive(in);
                    if (from == null) {
                        idle(wait, selector);
                        continue;
                    }
                    in.flip();
                    server.send(in, from);
                }
            } catch (Exception e) {
                // the JVM exits
            }
        }, "echo");
        echo.setDaemon(true);
        echo.start();
        ByteBuffer out = ByteBuffer.allocateDirect(16);
        ByteBuffer in = ByteBuffer.allocateDirect(65536);
        Selector selector = Selector.open();
        client.register(selector, SelectionKey.OP_READ);
        measure("channel" + (wait == Wait.SPIN ? "" : "-" + wait.name().toLowerCase(Locale.ROOT)), rounds, () -> {
            out.clear();
            client.send(out, serverAddress);
            while (true) {
                in.clear();
                if (client.receive(in) != null) {
                    return;
                }
                idle(wait, selector);
            }
        });
    }

    private static void idle(Wait wait, Selector selector) throws java.io.IOException {
        switch (wait) {
            case SPIN -> Thread.onSpinWait();
            case YIELD -> Thread.yield();
            case SELECT -> {
                selector.select();
                selector.selectedKeys().clear();
            }
        }
    }

    private static DatagramChannel open() throws Exception {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(LOOPBACK, 0));
        channel.configureBlocking(false);
        return channel;
    }

    /** LiveNode on both sides, in one JVM: the runtime's loop, header, copies and timers, no protocol. */
    private static void transport(int rounds, boolean ack) throws Exception {
        Path scratch = Files.createTempDirectory("asfast-stages-");
        long[] replies = new long[1];
        byte[] acknowledgement = {1, 0, 0, 0, 0, 0, 0, 0};
        NodeContext[] clientContext = new NodeContext[1];
        Node counter = new Node() {
            @Override
            public void start(NodeContext context) {
                clientContext[0] = context;
            }

            @Override
            public void receive(int from, byte[] message) {
                replies[0]++;
                if (ack) {
                    clientContext[0].send(from, acknowledgement);
                }
            }
        };
        EchoNode echo = new EchoNode();
        Node server = !ack ? echo : new Node() {
            @Override
            public void start(NodeContext context) {
                echo.start(context);
            }

            @Override
            public void receive(int from, byte[] message) {
                if (message[0] == 0) {
                    echo.receive(from, message);
                }
            }
        };
        transport(rounds, ack ? "transport-ack" : "transport", scratch, server, counter, replies);
    }

    private static void transport(int rounds, String stage, Path scratch, Node serverNode, Node counter, long[] replies) throws Exception {
        LiveNode server = LiveNode.open(NodeSetup.of(1, scratch.resolve("1")), serverNode);
        LiveNode client = LiveNode.open(NodeSetup.of(0, scratch.resolve("0")), counter);
        Map<Integer, InetSocketAddress> table = Map.of(0, client.address(), 1, server.address());
        server.connect(table);
        client.connect(table);
        server.start();
        client.start();
        Thread loop = new Thread(server::run, "server-loop");
        loop.setDaemon(true);
        loop.start();
        byte[] request = EchoNode.request(8, 0);
        measure(stage, rounds, () -> {
            long expected = replies[0] + 1;
            client.send(1, request);
            if (!client.runUntil(() -> replies[0] == expected, Duration.ofSeconds(5))) {
                throw new IllegalStateException("no reply within 5 s");
            }
        });
        server.stop();
        loop.join();
        server.close();
        client.close();
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A live platform's null call, as the benchmarks make it: Douglis Table 1a's kernel-level null RPC
     * (RpcLatencyBenchmark), or for V, Cheriton Table I's remote transaction with no segment (VIpcLatencyBenchmark).
     */
    private static void platform(String name, int rounds) throws Exception {
        for (PlatformProvider provider : ServiceLoader.load(PlatformProvider.class)) {
            if (provider.names().contains(name)) {
                try (Platform platform = provider.open(name, PlatformSettings.defaults())) {
                    if (platform instanceof Ipc ipc) {
                        Ipc.Server server = ipc.server(Ipc.Where.REMOTE);
                        measure(name, rounds, () -> ipc.send(server, Ipc.Transfer.REPLY_SEGMENT, 0));
                        return;
                    }
                    try (Rpc.Client client = platform.require(Rpc.class).connect(Rpc.Level.KERNEL)) {
                        measure(name, rounds, () -> client.call(0, 0));
                    }
                }
                return;
            }
        }
        throw new IllegalArgumentException("no platform " + name);
    }
}
