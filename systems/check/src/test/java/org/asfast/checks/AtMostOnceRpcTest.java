package org.asfast.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.check.ControlledNetwork.Crash;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Explorer.Result;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.RequestReply;
import org.junit.jupiter.api.Test;

class AtMostOnceRpcTest {

    @Test
    void acrossAServerRestartACallRunsTwice() {
        Result r = Explorer.explore(new AtMostOnceRpc(1, 1, Crash.RESTARTS, false, AtMostOnceRpc.Server::new), new Bounds(16, 0, 1, 1, 100_000));
        assertFalse(r.holds());
        List<String> trace = r.violation().trace();
        assertTrue(trace.stream().anyMatch(s -> s.startsWith("crash node 0")), r.violation().render());
        assertEquals(2, trace.stream().filter(s -> s.contains("request seq 1")).count(), r.violation().render());
        assertTrue(r.violation().invariant().startsWith("call c1#1 executed 2 times"), r.violation().render());
    }

    @Test
    void aServerWithoutItsDuplicateFilterIsCaughtWithTheTrace() {
        Result r = Explorer.explore(new AtMostOnceRpc(2, 1, Crash.NEVER, false, Forgetful::new), new Bounds(16, 0, 1, 0, 100_000));
        System.out.println(r.violation().render());
        assertEquals("call c1#1 executed 2 times on the server (at most once)", r.violation().invariant());
        // the shortest way there: the request arrives twice, once as the network's duplicate
        assertEquals(List.of("duplicate 1→0 request seq 1 'c1#1' (caller incarnation 0, lowest unanswered 1)",
                "deliver 1→0 request seq 1 'c1#1' (caller incarnation 0, lowest unanswered 1)"), r.violation().trace());
        // without duplicates from the network, the client's own retransmission does it
        Result noDuplicates = Explorer.explore(new AtMostOnceRpc(2, 1, Crash.NEVER, false, Forgetful::new), new Bounds(16, 0, 0, 0, 100_000));
        assertEquals(List.of("deliver 1→0 request seq 1 'c1#1' (caller incarnation 0, lowest unanswered 1)",
                "timer of node 1 fires at 10.0 ms",
                "deliver 1→0 request seq 1 'c1#1' (caller incarnation 0, lowest unanswered 1)"), noDuplicates.violation().trace());
    }

    /** The injected bug: a server whose duplicate filter is off (a fresh RequestReply, its reply cache empty, per datagram). */
    static final class Forgetful implements Node {
        private final RequestReply.Service service;
        private NodeContext context;

        Forgetful(RequestReply.Service service) {
            this.service = service;
        }

        @Override
        public void start(NodeContext context) {
            this.context = context;
        }

        @Override
        public void receive(int from, byte[] message) {
            new RequestReply(context, AtMostOnceRpc.RETRANSMIT_NANOS, AtMostOnceRpc.ATTEMPTS).serve(service).receive(from, message);
        }
    }
}
