package org.asfast.xfs;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.asfast.xfs.Message.Kind;

/**
 * The central file server xFS is set against: one machine (node 0) holds every block in its memory cache and on its
 * {@code central_disks} disks (a block's disk fixed by its number), serves every client's read miss itself, and on a
 * write invalidates the other clients' copies and answers once the block is on disk. It runs the same state-machine
 * work per message as an xFS node, so the two differ only in where the work lands. Invalidations are not waited for:
 * the comparison is of load, and a server that waited would only saturate sooner.
 */
public final class CentralServer extends XfsNode {
    private final Map<Long, byte[]> memory = new HashMap<>();
    private final Map<Long, TreeSet<Integer>> cachers = new HashMap<>();
    private final java.util.Set<Long> written = new java.util.HashSet<>();

    @Override
    void handle(int from, Message m) {
        chargeHandler();
        long block = m.block();
        switch (m.kind()) {
            case READ_MISS -> {
                cachers.computeIfAbsent(block, b -> new TreeSet<>()).add(from);
                byte[] cached = memory.get(block);
                if (cached == null && !written.contains(block)) {
                    cached = new byte[(int) context.parameter("block_bytes")]; // never written: zeros, as an xFS manager answers
                }
                if (cached != null) {
                    send(from, new Message(Kind.DATA, block, m.request(), 0, context.self(), 0, 0, cached));
                } else {
                    disk(block).read(offset(block), (int) context.parameter("block_bytes"), data -> {
                        memory.putIfAbsent(block, data);
                        send(from, new Message(Kind.DATA, block, m.request(), 0, context.self(), 0, 0, memory.get(block)));
                    });
                }
            }
            case STORE -> {
                TreeSet<Integer> copies = cachers.computeIfAbsent(block, b -> new TreeSet<>());
                for (int c : copies) {
                    if (c != from) {
                        send(c, Message.of(Kind.INVALIDATE, block, 0, 0, from, 0, 0));
                    }
                }
                copies.clear();
                copies.add(from);
                memory.put(block, m.data());
                written.add(block);
                disk(block).write(offset(block), m.data(), true, () -> send(from, Message.of(Kind.STORED, block, m.request(), 0, context.self(), 0, 0)));
            }
            default -> {
                // not a central server's message
            }
        }
    }

    private org.asfast.nodes.Storage disk(long block) {
        return context.storage("disk" + Math.floorMod(block, (long) context.parameter("central_disks")));
    }

    private long offset(long block) {
        return block / (long) context.parameter("central_disks") * (long) context.parameter("block_bytes");
    }
}
