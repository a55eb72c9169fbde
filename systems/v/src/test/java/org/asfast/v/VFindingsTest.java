package org.asfast.v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Ipc;
import org.asfast.spi.Uio;
import org.junit.jupiter.api.Test;

/** Cheriton's qualitative findings, as the simulated V reproduces them from its mechanisms. */
class VFindingsTest {
    private static VPlatform sun3() {
        return new VPlatform("test", VParameters.on("Sun3", List.of()), Faults.NONE);
    }

    private static VPlatform mvax2() {
        return new VPlatform("test", VParameters.on("MVAX2", List.of()), Faults.NONE);
    }

    @Test
    void dataRateGrowsWithSegmentSizeTowardTheEthernetsLimit() {
        int[] kbytes = {1, 2, 4, 8, 12, 16};
        double[] rate = new double[kbytes.length];
        for (int i = 0; i < kbytes.length; i++) {
            double ms = VCells.transaction(sun3(), Ipc.Where.REMOTE, kbytes[i] * 1024);
            rate[i] = kbytes[i] * 1024 * 8 / (ms * 1e3);
        }
        for (int i = 1; i < rate.length; i++) {
            assertTrue(rate[i] > rate[i - 1], "rate at " + kbytes[i] + " KB (" + rate[i] + ") should exceed that at " + kbytes[i - 1] + " KB");
            assertTrue(rate[i] < 10, "no rate can exceed the 10 Mbit/s Ethernet: " + rate[i]);
        }
        // Toward a limit: each added kilobyte buys less rate than the one before (per KB of segment).
        double early = (rate[1] - rate[0]) / (kbytes[1] - kbytes[0]);
        double late = (rate[5] - rate[4]) / (kbytes[5] - kbytes[4]);
        assertTrue(late < early / 4, "the rate should level off: +" + early + " per KB early, +" + late + " per KB late");
    }

    @Test
    void packetGroupPipeliningIsBoundByTheInterfacesSingleTransmitBuffer() {
        // With one outgoing frame in the interface, the sender copies the next frame in only after the last one
        // left: copying and the wire take turns. A second buffer lets them overlap, so a 16 KB packet group gets
        // faster, while a single-packet transaction does not change.
        List<org.asfast.model.Parameter> two = List.of(new org.asfast.model.Parameter("V", "interface_transmit_buffers", "2", "packets", "what-if"));
        VPlatform oneBuffer = sun3();
        VPlatform twoBuffers = new VPlatform("test", VParameters.on("Sun3", two), Faults.NONE);
        assertEquals(VCells.transaction(oneBuffer, Ipc.Where.REMOTE, 0), VCells.transaction(twoBuffers, Ipc.Where.REMOTE, 0), 1e-9);
        double serial = VCells.transaction(sun3(), Ipc.Where.REMOTE, 16384);
        double overlapped = VCells.transaction(new VPlatform("test", VParameters.on("Sun3", two), Faults.NONE), Ipc.Where.REMOTE, 16384);
        assertTrue(overlapped < 0.8 * serial, "16 KB: " + serial + " ms with one transmit buffer, " + overlapped + " ms with two");
    }

    @Test
    void remoteBlockReadCostsMoreThanLocalAndGetbyteAddsLittleOnTop() {
        double local = VCells.blockRead(mvax2(), Uio.Where.LOCAL_SERVER);
        double remote = VCells.blockRead(mvax2(), Uio.Where.REMOTE_SERVER);
        assertTrue(remote > local, "remote block read " + remote + " ms should cost more than local " + local + " ms");
        // Reading a kilobyte byte by byte costs the block read plus the getbyte calls and nothing more:
        // the buffer means one kernel IPC per 1024 getbytes.
        double bytes = VCells.getbytes(mvax2(), Uio.Where.REMOTE_SERVER, true);
        double calls = VCells.getbytes(mvax2(), Uio.Where.REMOTE_SERVER, false);
        assertEquals(remote + calls, bytes, 0.02 * bytes, "byte-stream reading should be block read + getbyte calls");
        assertTrue(calls / 1024 < remote / 100, "one getbyte should cost far less than one block read");
    }

    @Test
    void getbyteReadsOneBlockPerKilobyte() {
        VPlatform p = mvax2();
        Uio.File file = p.open(Uio.Where.REMOTE_SERVER, 8 * 1024);
        long readsBefore = p.simulation().serverKernel().requestsDelivered();
        for (int i = 0; i < 8 * 1024; i++) {
            assertEquals(FileServer.content(i) & 0xff, p.getbyte(file), "byte " + i);
        }
        assertEquals(-1, p.getbyte(file), "end of file");
        long reads = p.simulation().serverKernel().requestsDelivered() - readsBefore;
        assertEquals(9, reads, "8 block reads and one that finds the end of the file");
    }

    @Test
    void localIpcIsMuchFasterThanRemote() {
        double local = VCells.transaction(sun3(), Ipc.Where.LOCAL, 8192);
        double remote = VCells.transaction(sun3(), Ipc.Where.REMOTE, 8192);
        assertTrue(remote > 3 * local, "remote 8 KB " + remote + " ms vs local " + local + " ms");
    }

    @Test
    void aPageFrameCacheMissIsTheReadersOwnRequestSentOnToTheBackingServer() {
        // The kernel has the faulting process's request sent to the file server: the miss costs a remote block read
        // plus the memory server's look-up, the hop into the kernel and the copy out of the page frame, and no
        // second kernel operation or process switch of a nested transaction.
        VParameters mvax2 = VParameters.on("MVAX2", List.of());
        double remote = VCells.blockRead(mvax2(), Uio.Where.REMOTE_SERVER);
        double miss = VCells.blockRead(mvax2(), Uio.Where.PAGE_CACHE_MISS);
        double instructionNanos = mvax2.number("kernel_cpi") / mvax2.number("mips") * 1e3;
        double copyNanosPerByte = 1e9 / (mvax2.number("memory_mbs") * (1 << 20));
        double lookUp = mvax2.number("uio_instructions") * mvax2.number("uio_server_share") * instructionNanos;
        double copies = (Packet.MESSAGE_BYTES + Packet.MESSAGE_BYTES + 1024) * copyNanosPerByte;
        assertEquals(remote + (lookUp + copies) / 1e6, miss, 1e-6, "miss " + miss + " ms, remote block read " + remote + " ms");
    }

    @Test
    void aPipeCarriesTheWritersBytesToTheReaderAndAServerProcessCostsMoreThanTheKernel() {
        double server = sun3().pipeRoundMillis(false);
        double kernel = sun3().pipeRoundMillis(true);
        // The server process adds, per request, the switch to it and back and its Receive and Reply.
        VParameters sun3 = VParameters.on("Sun3", List.of());
        double instructionNanos = sun3.number("kernel_cpi") / sun3.number("mips") * 1e3;
        assertTrue(server - kernel > 4 * sun3.number("kernel_operation_instructions") * instructionNanos / 1e6, server + " vs " + kernel + " ms");
    }
}
