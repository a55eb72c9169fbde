package org.asfast.workloads.thekkath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;
import org.asfast.spi.RemoteMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each Thekkath workload makes exactly the remote-memory calls its table's cell is defined by, and counts its bytes. */
class ThekkathWorkloadsTest {

    /** A platform whose remote memory only records its calls. */
    private static final class Recording implements Platform, RemoteMemory {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Clock clock() {
            return Clock.WALL;
        }

        @Override
        public <C extends Capability> C require(Class<C> capability) {
            if (capability != RemoteMemory.class) {
                throw new CapabilityMissing(name(), capability);
            }
            return capability.cast(this);
        }

        @Override
        public void close() {
        }

        @Override
        public Segment open(String name) {
            calls.add("open " + name);
            return new Segment() {
                @Override
                public byte[] read(int offset, int bytes) {
                    calls.add("read");
                    return new byte[bytes];
                }

                @Override
                public void write(int offset, byte[] data) {
                    calls.add("write");
                }

                @Override
                public void writeBlocks(int offset, byte[] block, int count) {
                    calls.add("writeBlocks " + name + " " + offset + " " + block.length + " x" + count);
                }

                @Override
                public boolean compareAndSwap(int offset, int expected, int replacement) {
                    calls.add("cas");
                    return true;
                }

                @Override
                public int bytes() {
                    return 4096;
                }
            };
        }

        @Override
        public void writeEcho(String name, boolean notify) {
            calls.add("echo " + name + (notify ? " notify" : ""));
        }

        @Override
        public void export(String name) {
            calls.add("export " + name);
        }

        @Override
        public void revoke(String name) {
            calls.add("revoke " + name);
        }

        @Override
        public void lookup(String name, boolean cached) {
            calls.add("lookup " + name + (cached ? " cached" : " remote"));
        }

        @Override
        public void lookupByNotification(String name) {
            calls.add("lookup by notification " + name);
        }
    }

    @Test
    void aWriteOperationIsOneEchoOfTwoWrites() {
        Recording p = new Recording();
        new RemoteWriteLatency(p, true).echo();
        new RemoteWriteLatency(p, false).echo();
        // each set-up's notified echo first (the same CPU placement for both rows), then the timed one
        assertEquals(List.of("echo bench-echo notify", "echo bench-echo notify", "echo bench-echo notify", "echo bench-echo"), p.calls);
        assertEquals(2, RemoteWriteLatency.WRITES_PER_OPERATION);
    }

    @Test
    void theThroughputWritesEightFourKilobyteBlocksAndCountsTheirBytes() {
        Recording p = new Recording();
        assertEquals(8 * 4096, new BlockWriteThroughput(p).writeBlocks());
        assertEquals(List.of("open bench", "writeBlocks bench 0 4096 x8"), p.calls);
    }

    @ParameterizedTest
    @EnumSource(NameServerOperation.Operation.class)
    void eachNameServerOperationIsOneCallAfterItsUntimedPreparation(NameServerOperation.Operation operation) {
        Recording p = new Recording();
        NameServerOperation w = new NameServerOperation(p, operation);
        w.prepare();
        int prepared = p.calls.size();
        w.operate();
        List<String> expectedBefore = operation == NameServerOperation.Operation.REVOKE
                ? List.of("open bench", "export table3") // something to revoke
                : List.of("open bench"); // the first import: the name is published, and in the clerk's cache
        String expected = switch (operation) {
            case EXPORT -> "export table3";
            case IMPORT_CACHED -> "lookup bench cached";
            case IMPORT_UNCACHED -> "lookup bench remote";
            case REVOKE -> "revoke table3";
            case LOOKUP_WITH_NOTIFICATION -> "lookup by notification bench";
        };
        assertEquals(expectedBefore, p.calls.subList(0, prepared));
        assertEquals(List.of(expected), p.calls.subList(prepared, p.calls.size()));
    }
}
