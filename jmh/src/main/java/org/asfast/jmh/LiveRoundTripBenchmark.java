package org.asfast.jmh;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.asfast.live.EchoNode;
import org.asfast.live.Launcher;
import org.asfast.live.LiveNode;
import org.asfast.live.LocalProcessPlacement;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The live runtime's round trip between two of its nodes on this computer's loopback: a client node in this JVM,
 * driven by the benchmark's thread (it polls its own socket, no hand-off between threads), and an {@link EchoNode}
 * in a JVM of its own. No protocol on top: this is the runtime's own cost, the figure set against the C UDP
 * ping-pong of {@code tools/live/udp_pingpong.c} ({@code tools/live/floor.sh} runs both in one window).
 *
 * <ul>
 *   <li>{@code null}: 8 bytes each way (16-byte datagrams with the runtime's header), the null round trip;</li>
 *   <li>{@code 16384}, {@code 30000}: that many bytes to the server, 8 back; bandwidth is bytes / round trip.</li>
 * </ul>
 *
 * <p>JMH's sample mode gives the mean and its percentiles; each measured round trip also goes into an
 * HdrHistogram, printed at the end of the trial as one line ({@code live-rtt ... p50_ns= p99_ns= p999_ns=}) in the
 * C program's format.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LiveRoundTripBenchmark {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    /** {@code null} for 8 bytes each way, or the bytes sent to the server (8 come back). */
    @Param({"null", "16384", "30000"})
    public String transfer;

    /** How long the client polls its socket without blocking before it waits in the kernel (0: never); the server node polls for LiveNode.defaultSpin(). */
    @Param({"50"})
    public int spinMicros;

    /** Counts replies; the benchmark's thread runs its loop. */
    static final class Replies implements Node {
        long count;

        @Override
        public void start(NodeContext context) {
        }

        @Override
        public void receive(int from, byte[] message) {
            count++;
        }
    }

    private Launcher launcher;
    private LiveNode client;
    private final Replies replies = new Replies();
    private long expected;
    private final BooleanSupplier replied = () -> replies.count == expected;
    private byte[] request;
    private int requestBytes;
    private int replyBytes;
    private final TrialLatencies latencies = new TrialLatencies();

    @Setup(Level.Trial)
    public void start() {
        boolean isNull = transfer.equals("null");
        requestBytes = isNull ? 8 : Integer.parseInt(transfer);
        replyBytes = 8;
        request = EchoNode.request(requestBytes, isNull ? 0 : replyBytes);
        launcher = new Launcher(new LocalProcessPlacement(), Launcher.Settings.of(Map.of(), ""));
        launcher.add(EchoNode.class.getName());
        client = launcher.addLocal(replies);
        client.spin(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(spinMicros)));
        launcher.start();
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        latencies.iteration(params);
    }

    @Benchmark
    public long roundTrip() {
        long t0 = System.nanoTime();
        expected = replies.count + 1;
        client.send(0, request);
        if (!client.runUntil(replied, REPLY_TIMEOUT)) {
            throw new IllegalStateException("the echo node did not answer within " + REPLY_TIMEOUT.toSeconds() + " s");
        }
        latencies.since(t0);
        return expected;
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (latencies.count() > 0) {
                double mean = latencies.meanNanos();
                System.out.printf(Locale.ROOT, "%nlive-rtt transfer=%s spin_us=%d rounds=%d request_bytes=%d reply_bytes=%d mean_ns=%.0f %s mbs=%.1f%n",
                        transfer, spinMicros, latencies.count(), requestBytes + 8, replyBytes + 8, mean, latencies.percentiles(),
                        requestBytes / mean * 1e9 / (1 << 20));
            }
        } finally {
            launcher.close();
        }
    }
}
