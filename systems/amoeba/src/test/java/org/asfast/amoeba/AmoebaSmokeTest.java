package org.asfast.amoeba;

import org.asfast.nodes.Faults;
import org.asfast.spi.Rpc;
import org.junit.jupiter.api.Test;

class AmoebaSmokeTest {
    @Test
    void prints() {
        try (AmoebaSimulated a = new AmoebaSimulated("x", AmoebaSimulated.parameters(), Faults.NONE)) {
            for (Rpc.Level level : Rpc.Level.values()) {
                Rpc.Client c = a.connect(level);
                for (int bytes : new int[] {0, 16384, 30000}) {
                    c.call(bytes, 0);
                    long t0 = a.clock().nanos();
                    for (int i = 0; i < 10; i++) c.call(bytes, 0);
                    System.out.printf("SMOKE %s %d %.3f ms%n", level, bytes, (a.clock().nanos() - t0) / 10 / 1e6);
                }
            }
            long t0 = a.clock().nanos();
            for (int i = 0; i < 10; i++) a.switchRoundTrip();
            System.out.printf("SMOKE cswitch %.3f ms%n", (a.clock().nanos() - t0) / 10 / 1e6);
            t0 = a.clock().nanos();
            for (int i = 0; i < 10; i++) a.createAndJoin();
            System.out.printf("SMOKE thread %.3f ms%n", (a.clock().nanos() - t0) / 10 / 1e6);
        }
    }
}
