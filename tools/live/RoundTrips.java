import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.asfast.live.EchoNode;
import org.asfast.live.LiveNode;
import org.asfast.live.NodeSetup;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;

/**
 * One half of a loopback ping-pong on the live runtime, to pair with the other half in C (udp_pingpong serve/call),
 * so split.sh can tell how much of the live round trip each side adds. Run as a source file with the live module
 * on the class path. The C half sends zeros, which read as the header of run tag 0 and node 0.
 *
 *   java -cp CP RoundTrips.java serve PORT PEER_PORT           an EchoNode (node 1) answering node 0 at PEER_PORT
 *   java -cp CP RoundTrips.java call SERVER_PORT PORT ROUNDS   node 0, driven by this thread, calling node 1
 */
public class RoundTrips {
    private static long replies;

    public static void main(String[] args) throws Exception {
        Path scratch = Files.createTempDirectory("asfast-roundtrips-");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (args[0].equals("serve")) {
            LiveNode server = LiveNode.open(NodeSetup.of(1, scratch).withPort(Integer.parseInt(args[1])), new EchoNode());
            server.connect(Map.of(0, new InetSocketAddress(loopback, Integer.parseInt(args[2])), 1, server.address()));
            server.start();
            Files.delete(scratch);
            server.run();
            return;
        }
        Node counter = new Node() {
            @Override
            public void start(NodeContext context) {
            }

            @Override
            public void receive(int from, byte[] message) {
                replies++;
            }
        };
        LiveNode client = LiveNode.open(NodeSetup.of(0, scratch).withPort(Integer.parseInt(args[2])), counter);
        client.connect(Map.of(0, client.address(), 1, new InetSocketAddress(loopback, Integer.parseInt(args[1]))));
        client.start();
        Files.delete(scratch);
        int rounds = Integer.parseInt(args[3]);
        long[] samples = new long[rounds];
        byte[] request = EchoNode.request(8, 0);
        for (int i = -rounds / 2; i < rounds; i++) { // a long warm-up: the JIT compiles the loop
            long t0 = System.nanoTime();
            long expected = replies + 1;
            client.send(1, request);
            if (!client.runUntil(() -> replies == expected, Duration.ofSeconds(5))) {
                throw new IllegalStateException("no reply from port " + args[1] + " within 5 s");
            }
            if (i >= 0) {
                samples[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "rounds=%d request_bytes=16 reply_bytes=16 mean_ns=%.0f p50_ns=%d p99_ns=%d p999_ns=%d%n", rounds,
                Arrays.stream(samples).average().orElseThrow(), samples[rounds / 2], samples[(int) (rounds * 0.99)], samples[(int) (rounds * 0.999)]);
        client.close();
    }
}
