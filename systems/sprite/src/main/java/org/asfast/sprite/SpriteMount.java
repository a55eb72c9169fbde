package org.asfast.sprite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.asfast.model.ModelRow;
import org.asfast.model.ModelSpec;
import org.asfast.model.Parameter;
import org.asfast.model.RemoteFileSystem;
import org.asfast.nodes.Faults;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.DiskTiming;
import org.asfast.sim.cluster.Ethernet;
import org.asfast.sim.cluster.Hardware;
import org.asfast.spi.Clock;
import org.asfast.spi.Files;
import org.asfast.systems.SimulatedSystem;
import org.asfast.systems.SystemParameters;

/**
 * A modelled diskless Sprite machine's file system: a caching {@link SpriteFsClient} on the machine and a
 * {@link SpriteFileServer} on a second machine of the same kind (Ousterhout §9), one Ethernet between them, in the
 * model platform's own simulation. The machines' figures and Sprite's UNIX-side paths come from the model's row, with
 * any what-if; Sprite's RPC and cache figures from this module's parameters; the server's disk is timed by the model.
 */
final class SpriteMount extends SpriteFsPlatform implements RemoteFileSystem.Mount {
    /** A call that takes longer than this in virtual time has gone wrong. */
    private static final double DEADLINE_NANOS = 600e9;
    /** The bytes of one memory access in a copy at memory_mbs: a 32-bit word. */
    private static final double WORD_BYTES = 4;
    /** The program the model's processes load (cp, the compiler's passes): diskless clients keep theirs on the server. */
    private static final String PROGRAM = "bin/program";
    /** From the model's row: the machine, its Ethernet, and Sprite's paths and per-operation work there. */
    private static final List<String> FROM_MODEL = List.of("mips", "kernel_cpi", "memory_mbs", "trap_instructions", "switched_registers",
            "ethernet_mbps", "packet_bytes", "ethernet_framing_bytes", "packet_instructions", "switch_instructions", "open_instructions",
            "lookup_instructions", "close_instructions", "read_instructions", "write_instructions", "create_extra_instructions",
            "delete_extra_instructions", "delete_sync_writes", "remote_open_instructions");
    /** Sprite's own, the same on every machine: its RPC's and its caches'. */
    private static final List<String> OWN = List.of("header_bytes", "fragment_bytes", "max_fragments", "rpc_client_instructions",
            "rpc_server_instructions", "null_procedure_instructions", "retransmit_ms", "fragmented_retry_ms", "max_timeout_wait_ms", "max_ack_wait_ms",
            "max_tries", "delayed_write_s", "write_retry_s", "cache_block_instructions", "sprite_disk_mb");

    private final SimulatedSystem system;
    private final SpriteFsClient client;
    private final int clientAddress;
    private final List<Parameter> own;

    SpriteMount(Simulation simulation, ModelSpec spec, DiskTiming serverDisk) {
        super(spec.row().platform() + " Sprite file system");
        SystemParameters sprite = SystemParameters.of(SpriteMount.class, "parameters.csv");
        own = OWN.stream().map(sprite::parameter).toList();
        Map<String, Double> numbers = new LinkedHashMap<>();
        FROM_MODEL.forEach(name -> numbers.put(name, spec.number(name)));
        own.forEach(p -> numbers.put(p.name(), p.number()));
        system = new SimulatedSystem(simulation, new Ethernet(simulation, spec.number("ethernet_mbps"), (int) spec.number("packet_bytes"),
                (int) spec.number("ethernet_framing_bytes"), spec.number("packet_instructions"), false, spec.flag("network_dma_transmit")), Faults.NONE);
        ModelRow row = spec.row();
        int server = system.cluster().addNode(system.cluster().addHost(machine("file server " + row.machine(), spec)), new SpriteFileServer(), numbers,
                wholeBlocks(serverDisk));
        client = new SpriteFsClient(true, server);
        clientAddress = system.cluster().addNode(system.cluster().addHost(machine(row.machine(), spec)), client, numbers);
        simulation.runUntil(simulation.now()); // the kernels start
        Files files = files();
        files.mkdir("tmp");
        files.mkdir("bin");
        files.close(files.create(PROGRAM));
    }

    /**
     * Sprite's disk moves whole file-system blocks: a file descriptor (128 bytes, 32 to a block: fsdm.h's FSDM_MAX_FILE_DESC_SIZE
     * and FSDM_FILE_DESC_PER_BLOCK) goes to disk in the 4 KB block that holds it (Fsdm_FileDescStore through the block cache).
     */
    private static DiskTiming wholeBlocks(DiskTiming disk) {
        return (arrival, storage, offset, bytes) -> {
            long first = offset / SpriteFs.BLOCK * SpriteFs.BLOCK;
            long end = (offset + bytes + SpriteFs.BLOCK - 1) / SpriteFs.BLOCK * SpriteFs.BLOCK;
            return disk.book(arrival, storage, first, (int) (end - first));
        };
    }

    /**
     * The cluster copies each packet into the interface's buffer and out of it at the hardware's memory speed. A buffer
     * that takes fewer bytes per access than a word (the DS3100's Lance buffer: 16 bits in each 32-bit word) is copied
     * that much slower.
     */
    private static Hardware machine(String name, ModelSpec spec) {
        double packetCopyMbs = spec.number("memory_mbs") * spec.number("network_buffer_access_bytes") / WORD_BYTES;
        return new Hardware(name, spec.number("mips"), spec.number("kernel_cpi"), packetCopyMbs);
    }

    @Override
    protected <T> T await(SpriteFsClient c, String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation) {
        Result<T> result = new Result<>(c::nanos);
        system.await(clientAddress, () -> operation.accept(c, result), result.outcome, DEADLINE_NANOS, "Sprite " + what);
        return result.value;
    }

    @Override
    SpriteFsClient client() {
        return client;
    }

    @Override
    public Clock clock() {
        return system.clock();
    }

    @Override
    public Files files() {
        return require(Files.class);
    }

    @Override
    public void loadProgram() {
        Files files = files();
        files.close(files.openForReading(PROGRAM));
    }

    @Override
    public List<Parameter> parameters() {
        return own;
    }
}
