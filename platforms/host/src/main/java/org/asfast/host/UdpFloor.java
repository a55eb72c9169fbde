package org.asfast.host;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor under the live systems' round trips: tools/live/udp_pingpong.c, a C UDP ping-pong between two processes
 * on 127.0.0.1 with polling sockets, compiled with gcc and run with the live null RPC's datagram sizes (8 bytes of
 * payload and the live runtime's 8-byte header each way). Its round trip is timed one by one; the program prints the
 * mean and the 50th, 99th and 99.9th percentiles.
 */
public final class UdpFloor {
    static final String SOURCE = "udp_pingpong.c";
    /** The live null round trip's datagrams: 8 bytes and the runtime's 8-byte header. */
    public static final int DATAGRAM_BYTES = 16;

    private UdpFloor() {
    }

    /** One run's figures, in nanoseconds per round trip. */
    public record Figure(long rounds, int requestBytes, int replyBytes, double meanNs, long p50Ns, long p99Ns, long p999Ns) {
        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rounds", rounds);
            json.put("requestBytes", requestBytes);
            json.put("replyBytes", replyBytes);
            json.put("meanNs", meanNs);
            json.put("p50Ns", p50Ns);
            json.put("p99Ns", p99Ns);
            json.put("p999Ns", p999Ns);
            return json;
        }
    }

    /** Compiles the ping-pong into {@code dir} and runs {@code rounds} null round trips (after its own warm-up). */
    public static Figure measure(Path dir, long rounds) throws CCompiler.Unavailable {
        Path program = CCompiler.compile(SOURCE, dir, List.of("-O2"));
        String out = CCompiler.run(List.of(program.toString(), Long.toString(rounds), Integer.toString(DATAGRAM_BYTES), Integer.toString(DATAGRAM_BYTES)), 300);
        return parse(out);
    }

    /** The program's line: {@code rounds=.. request_bytes=.. reply_bytes=.. mean_ns=.. p50_ns=.. p99_ns=.. p999_ns=..}. */
    static Figure parse(String line) throws CCompiler.Unavailable {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : line.strip().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        try {
            return new Figure(Long.parseLong(fields.get("rounds")), Integer.parseInt(fields.get("request_bytes")), Integer.parseInt(fields.get("reply_bytes")),
                    Double.parseDouble(fields.get("mean_ns")), Long.parseLong(fields.get("p50_ns")), Long.parseLong(fields.get("p99_ns")),
                    Long.parseLong(fields.get("p999_ns")));
        } catch (RuntimeException e) {
            throw new CCompiler.Unavailable("the UDP ping-pong printed '" + line.strip() + "', not its figures");
        }
    }
}
