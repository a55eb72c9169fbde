package org.asfast.checks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.asfast.check.ControlledNetwork;
import org.asfast.check.Scenario;
import org.asfast.sprite.SpriteKernel;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.Packets;

/**
 * Sprite's kernel-to-kernel RPC ({@link SpriteKernel}, Douglis et al. §3.2): node 0's kernel serves a procedure,
 * nodes 1..n each call it {@code callsEach} times, one after another, on their one channel, through a network that
 * may reorder, duplicate and lose packets (a retransmission with "please acknowledge" after {@code retransmit_ms}).
 * The invariants are {@link AtMostOnceRpc}'s: each call executed at most once, each completed call got its own
 * reply, none ended twice.
 */
public record SpriteRpc(int clients, int callsEach) implements Scenario {
    /** Two tries, not the shipped eight: each is a timer that multiplies the orders, and the filter is the same on every try. */
    private static final Map<String, Double> PARAMETERS = SpriteSimulated.parameters().with("max_tries", 2).numbers();
    private static final int HEADER = PARAMETERS.get("header_bytes").intValue();

    @Override
    public Invariants build(ControlledNetwork network) {
        AtMostOnceRpc.Ledger ledger = new AtMostOnceRpc.Ledger(network, true, SpriteRpc::packet);
        network.add(new SpriteKernel((from, request, reply) -> {
            String call = new String(request, StandardCharsets.UTF_8);
            ledger.executed(call);
            reply.accept(AtMostOnceRpc.answer(call).getBytes(StandardCharsets.UTF_8));
        }), PARAMETERS);
        for (int c = 0; c < clients; c++) {
            SpriteKernel kernel = new SpriteKernel();
            int address = network.add(kernel, PARAMETERS);
            network.invoke(address, () -> callNext(ledger, kernel, address, 1));
        }
        return ledger;
    }

    private static final String[] TYPES = {"?", "request", "reply", "ack"};

    /** A Sprite RPC packet as a trace shows it: its type, the call's id on the channel, the fragment, please-ack, its text. */
    static String packet(byte[] p) {
        int type = Packets.field(p, 0);
        String text = p.length > HEADER ? " '" + new String(p, HEADER, p.length - HEADER, StandardCharsets.UTF_8) + "'" : "";
        return (type > 0 && type < TYPES.length ? TYPES[type] : "type " + type) + " id " + Packets.field(p, 2) + " fragment " + Packets.field(p, 3)
                + "/" + Packets.field(p, 4) + ((Packets.field(p, 7) & 1) != 0 ? " please-ack" : "") + (Packets.field(p, 8) != 0 ? " mask " + Packets.field(p, 8) : "") + text;
    }

    private void callNext(AtMostOnceRpc.Ledger ledger, SpriteKernel kernel, int self, int made) {
        if (made > callsEach) {
            return;
        }
        String call = "c" + self + "#" + made;
        kernel.call(0, call.getBytes(StandardCharsets.UTF_8), reply -> {
            ledger.completed(call, new String(reply, StandardCharsets.UTF_8));
            callNext(ledger, kernel, self, made + 1);
        }, error -> {
            ledger.failed(call);
            callNext(ledger, kernel, self, made + 1);
        });
    }
}
