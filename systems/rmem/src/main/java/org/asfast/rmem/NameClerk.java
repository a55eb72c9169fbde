package org.asfast.rmem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.asfast.nodes.Work;
import org.asfast.rmem.RmemKernel.Completion;
import org.asfast.rmem.RmemKernel.Descriptor;
import org.asfast.systems.Charges;

/**
 * The segment name server's clerk on one machine (Thekkath et al. §4): there is no central server, only a clerk per
 * machine. Each exports at boot a well-known registry, an open-addressed hash table with the same hash function on
 * every machine; an export is entered there with local stores. An import is answered from the clerk's cache of
 * imported names or, failing that, by remote READs of the hinted machine's registry at the name's hash position,
 * probing on past collisions; or, when asked, by control transfer: a WRITE with notification to the other clerk,
 * which looks the name up and WRITEs the entry back while this clerk spin-waits. A revoke marks the entry deleted.
 *
 * <p>A user's export, import or revoke is a kernel call that the kernel turns into a local RPC to the clerk: a switch
 * to the clerk's process, the request read and the reply written with a trap and a copy each, a switch back.
 */
public final class NameClerk {
    /** The well-known segments every machine exports at boot, in this order (so with these generations). */
    static final int REGISTRY = 0;
    static final int REQUESTS = 1;
    static final int REPLIES = 2;
    static final int SLOTS = 64;
    /** An entry fits one cell (§4.3): state, a 20-byte name, machine, segment, generation, size. */
    static final int ENTRY = 40;
    /** Where in the reply segment a probe's remote read lands: past the answer slots, so it never mixes with an answer. */
    private static final int PROBED = SLOTS * ENTRY;
    static final int NAME_BYTES = 20;
    private static final int EMPTY = 0;
    private static final int VALID = 1;
    private static final int DELETED = 2;
    /** A slot a remote publisher has claimed with CAS and is about to fill. */
    private static final int CLAIMED = 3;

    private final RmemKernel kernel;
    private final Map<String, Descriptor> imported = new HashMap<>();
    private final Map<String, Integer> exported = new HashMap<>();
    private long remoteProbes;
    private Completion awaitingReply;
    /** Fails the awaited lookup if its answer does not come ({@code clerk_reply_timeout_ms}): the other machine may be down. */
    private org.asfast.nodes.Timer replyDue;
    /** Lookups by control transfer waiting for the one before them: a machine has one request slot on each clerk. */
    private final java.util.ArrayDeque<Runnable> queuedLookups = new java.util.ArrayDeque<>();
    /**
     * Where in the reply segment the awaited answer goes: each lookup by control transfer names a slot of its own, in
     * turn, so an answer that comes after its lookup was given up lands where no later lookup looks.
     */
    private int replyAt;
    private int lookupsByControlTransfer;
    /** The bytes of the awaited reply that have landed: with retransmission a reply is two cells, which may come in either order. */
    private final java.util.BitSet replyLanded = new java.util.BitSet(ENTRY);
    /**
     * The name the awaited answer must carry: the other clerk has one request slot per machine, so a delayed cell of a
     * lookup given up could mix into the next request there, and its answer name the wrong entry; that one is not taken.
     */
    private byte[] awaitedKey;

    NameClerk(RmemKernel kernel) {
        this.kernel = kernel;
        for (int segment : new int[] {REGISTRY, REQUESTS, REPLIES}) {
            kernel.export(kernel.allocate(segment == REPLIES ? PROBED + ENTRY : SLOTS * ENTRY));
        }
        kernel.onNotify(REQUESTS, (from, segment, offset) -> answer(offset));
        kernel.onDeposit(REPLIES, (from, offset, count) -> {
            Completion waiting = awaitingReply;
            if (waiting == null || offset < replyAt || offset >= replyAt + ENTRY) {
                return; // an answer to an earlier lookup, given up on: it went to that lookup's slot
            }
            replyLanded.set(offset - replyAt, Math.min(offset + count, replyAt + ENTRY) - replyAt);
            byte[] memory = kernel.memory(REPLIES);
            if (replyLanded.cardinality() == ENTRY && Arrays.equals(memory, replyAt + 4, replyAt + 4 + NAME_BYTES, awaitedKey, 0, NAME_BYTES)) {
                endLookup(waiting, Arrays.copyOfRange(memory, replyAt, replyAt + ENTRY), null);
            }
        });
    }

    /** The well-known registry of machine {@code node} (its generation is the same on every machine: exported first at boot). */
    static Descriptor registryOf(int node) {
        return new Descriptor(node, REGISTRY, REGISTRY + 1, SLOTS * ENTRY);
    }

    static Descriptor requestsOf(int node) {
        return new Descriptor(node, REQUESTS, REQUESTS + 1, SLOTS * ENTRY);
    }

    /** ADDNAME: exports {@code segment} under {@code name}; completes with its descriptor. */
    public void export(String name, int segment, Completion done) {
        byte[] key = keyOrFail(name, done);
        if (key == null) {
            return;
        }
        Integer earlier = exported.get(name);
        if (earlier != null && earlier != segment) {
            done.completed(null, "the name '" + name + "' is exported already, for segment " + earlier + "; revoke it first");
            return;
        }
        kernelCall();
        kernel.context().work(Work.KERNEL_CALL, kernel.context().parameter("export_kernel_instructions"));
        // The slot before the export: a full registry fails the call with the segment not exported (there would be no name to revoke it by).
        int slot = slotToEnter(kernel.memory(REGISTRY), key);
        if (slot >= 0) {
            kernel.export(segment); // again for a name exported already: a new generation, so earlier imports see a protection error
        }
        toClerk();
        if (slot < 0) {
            fromClerk();
            done.completed(null, "the name registry of machine " + kernel.context().self() + " is full (" + SLOTS + " names); revoke some first");
            return;
        }
        Descriptor d = kernel.descriptor(segment);
        System.arraycopy(entryOf(key, d), 0, kernel.memory(REGISTRY), slot * ENTRY, ENTRY);
        exported.put(name, segment);
        fromClerk();
        done.completed(encode(d), null);
    }

    /**
     * Enters a name this machine exported in machine {@code nameServer}'s registry as well, by remote operations only:
     * a CAS claims the first free slot on the name's probe path, then one WRITE fills it (a one-cell write lands whole;
     * with stamped cells, which hold less, the entry's rest is written first and its VALID word last).
     * Importers that name {@code nameServer} as their hint then find it there.
     */
    public void publish(String name, int nameServer, Completion done) {
        Integer segment = exported.get(name);
        if (segment == null) {
            done.completed(null, "unknown name '" + name + "': this machine exported no segment by that name");
            return;
        }
        Descriptor d = kernel.descriptor(segment);
        claim(registryOf(nameServer), entryOf(key(name), d), hashOf(key(name)), 0, done);
    }

    private void claim(Descriptor registry, byte[] entry, int slot, int tries, Completion done) {
        if (tries == SLOTS) {
            done.completed(null, "the name registry of machine " + registry.node() + " is full (" + SLOTS + " names)");
            return;
        }
        kernel.cas(registry, slot * ENTRY, EMPTY, CLAIMED, (result, error) -> {
            if (error != null) {
                done.completed(null, error);
            } else if (AtmCell.intAt(result, 0) == 1 && entry.length <= kernel.pieceBytes()) {
                kernel.write(registry, slot * ENTRY, entry, false, false, Work.DATA_TRANSFER, done);
            } else if (AtmCell.intAt(result, 0) == 1) {
                // Stamped cells (retransmission on) carry fewer bytes than an entry, and an importer could read the VALID
                // word before the descriptor's last words land: the rest goes first, acknowledged, and the VALID word last.
                kernel.write(registry, slot * ENTRY + 4, Arrays.copyOfRange(entry, 4, ENTRY), false, true, Work.DATA_TRANSFER, (r, e) -> {
                    if (e != null) {
                        done.completed(null, e);
                    } else {
                        kernel.write(registry, slot * ENTRY, Arrays.copyOf(entry, 4), false, true, Work.DATA_TRANSFER, done);
                    }
                });
            } else {
                claim(registry, entry, (slot + 1) % SLOTS, tries + 1, done);
            }
        });
    }

    /** DELETENAME: revokes the segment exported under {@code name} and marks its entry deleted. */
    public void revoke(String name, Completion done) {
        kernelCall();
        Integer segment = exported.remove(name);
        if (segment == null) {
            done.completed(null, "unknown name '" + name + "': this machine exported no segment by that name");
            return;
        }
        kernel.revoke(segment);
        toClerk();
        int slot = slotOf(kernel.memory(REGISTRY), key(name));
        if (slot >= 0) {
            ByteBuffer.wrap(kernel.memory(REGISTRY), slot * ENTRY, 4).putInt(DELETED);
        }
        fromClerk();
        done.completed(new byte[0], null);
    }

    /**
     * LOOKUPNAME: from the cache of imported names, this machine's own registry, or the registry of machine {@code hint}
     * by remote reads; {@code uncached} forces the remote lookup (as a user may, §4.1). Completes with the descriptor.
     */
    public void lookup(String name, int hint, boolean uncached, Completion done) {
        byte[] key = keyOrFail(name, done);
        if (key == null) {
            return;
        }
        kernelCall();
        toClerk();
        Descriptor known = uncached ? null : imported.get(name);
        if (known == null && (hint == kernel.context().self() || !uncached)) {
            int slot = slotOf(kernel.memory(REGISTRY), key);
            known = slot < 0 ? null : entry(kernel.memory(REGISTRY), slot * ENTRY);
        }
        if (known != null || hint == kernel.context().self()) {
            answerUser(name, known, done);
            return;
        }
        probe(name, key, hint, hashOf(key), 0, done);
    }

    /** LOOKUP with notification (Table 3's last row): the other clerk does the lookup and writes the entry back. */
    public void lookupByControlTransfer(String name, int hint, Completion done) {
        byte[] key = keyOrFail(name, done);
        if (key == null) {
            return;
        }
        if (awaitingReply != null) {
            queuedLookups.add(() -> lookupByControlTransfer(name, hint, done));
            return;
        }
        kernelCall();
        toClerk();
        Descriptor replies = kernel.descriptor(REPLIES);
        replyAt = lookupsByControlTransfer++ % SLOTS * ENTRY;
        byte[] request = ByteBuffer.allocate(ENTRY).put(key).putInt(replies.node()).putInt(replies.segment()).putInt(replies.generation())
                .putInt(replies.bytes()).putInt(replyAt).array();
        replyLanded.clear();
        awaitedKey = key;
        Completion waiting = (entry, error) -> {
            if (error != null) {
                fromClerk();
                done.completed(null, error);
            } else {
                answerUser(name, decodeEntry(entry, 0), done);
            }
        };
        awaitingReply = waiting;
        long timeout = Math.round(kernel.context().parameter("clerk_reply_timeout_ms") * 1e6);
        replyDue = kernel.context().after(timeout, () -> endLookup(waiting, null, "lookup of '" + name + "' by control transfer: machine " + hint
                + "'s clerk did not answer within " + Math.round(timeout / 1e6) + " ms; is that machine up?"));
        kernel.write(requestsOf(hint), slotFor(kernel.context().self()) * ENTRY, request, true, false, Work.DATA_TRANSFER, (r, error) -> {
            if (error != null) {
                endLookup(waiting, null, error);
            }
        });
    }

    /**
     * Ends the awaited lookup by control transfer, if {@code waiting} is still it (its answer, its timeout or its
     * request's failure, whichever comes first), and starts the next one queued.
     */
    private void endLookup(Completion waiting, byte[] entry, String error) {
        if (awaitingReply != waiting) {
            return;
        }
        awaitingReply = null;
        replyDue.cancel();
        waiting.completed(entry, error);
        Runnable next = queuedLookups.poll();
        if (next != null) {
            next.run();
        }
    }

    /** Remote reads of the hinted registry, one slot per read, until the name, an empty slot or the whole table. */
    private void probe(String name, byte[] key, int hint, int slot, int probes, Completion done) {
        if (probes == SLOTS) {
            answerUser(name, null, done);
            return;
        }
        remoteProbes++;
        kernel.read(registryOf(hint), slot * ENTRY, ENTRY, REPLIES, PROBED, false, (entry, error) -> {
            if (error != null) {
                fromClerk();
                done.completed(null, error);
                return;
            }
            int state = ByteBuffer.wrap(entry).getInt(0);
            if (state == VALID && Arrays.equals(key, Arrays.copyOfRange(entry, 4, 4 + NAME_BYTES))) {
                Descriptor d = decodeEntry(entry, 0);
                imported.put(name, d);
                answerUser(name, d, done);
            } else if (state == EMPTY) {
                answerUser(name, null, done);
            } else {
                probe(name, key, hint, (slot + 1) % SLOTS, probes + 1, done);
            }
        });
    }

    /** Another clerk asked by control transfer: look the name up here and write the entry back to its reply segment. */
    private void answer(int offset) {
        byte[] request = Arrays.copyOfRange(kernel.memory(REQUESTS), offset - offset % ENTRY, offset - offset % ENTRY + ENTRY);
        kernel.context().work(Work.PROCEDURE, kernel.context().parameter("clerk_lookup_instructions"));
        byte[] key = Arrays.copyOf(request, NAME_BYTES);
        ByteBuffer b = ByteBuffer.wrap(request, NAME_BYTES, 20);
        Descriptor replyTo = new Descriptor(b.getInt(), b.getInt(), b.getInt(), b.getInt());
        int replyAt = b.getInt();
        int slot = slotOf(kernel.memory(REGISTRY), key);
        byte[] entry = slot < 0 ? unknown(key) : Arrays.copyOfRange(kernel.memory(REGISTRY), slot * ENTRY, slot * ENTRY + ENTRY);
        kernel.write(replyTo, replyAt, entry, false, false, Work.REPLY, (r, error) -> {
        });
    }

    /** The answer for a name not in the registry: not VALID, and naming the name asked for, as every answer does. */
    private static byte[] unknown(byte[] key) {
        byte[] entry = new byte[ENTRY];
        System.arraycopy(key, 0, entry, 4, NAME_BYTES);
        return entry;
    }

    private void answerUser(String name, Descriptor d, Completion done) {
        kernel.context().work(Work.PROCEDURE, kernel.context().parameter("clerk_lookup_instructions"));
        fromClerk();
        if (d == null) {
            done.completed(null, "unknown name '" + name + "': no machine's registry holds it; export it first or check the spelling");
        } else {
            done.completed(encode(d), null);
        }
    }

    public long remoteProbes() {
        return remoteProbes;
    }

    /** Forgets imported names, as a refresh does for entries no longer valid (§4.1). */
    public void flush() {
        imported.clear();
    }

    public static Descriptor decode(byte[] encoded) {
        ByteBuffer b = ByteBuffer.wrap(encoded);
        return new Descriptor(b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    private static byte[] encode(Descriptor d) {
        return AtmCell.ints(d.node(), d.segment(), d.generation(), d.bytes());
    }

    private static Descriptor decodeEntry(byte[] entry, int at) {
        if (ByteBuffer.wrap(entry).getInt(at) != VALID) {
            return null;
        }
        return entry(entry, at);
    }

    private static Descriptor entry(byte[] table, int at) {
        ByteBuffer b = ByteBuffer.wrap(table, at + 4 + NAME_BYTES, 16);
        return new Descriptor(b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    /** The user's trap into the kernel, which then calls the clerk. */
    private void kernelCall() {
        kernel.trap(Work.KERNEL_CALL);
    }

    /** The local RPC's call half: switch to the clerk, which reads the request (a trap and a one-cell copy). */
    private void toClerk() {
        Charges.contextSwitch(kernel.context(), kernel.context().parameter("switch_instructions"));
        kernel.trap(Work.CONTROL_TRANSFER);
        Charges.copy(kernel.context(), Work.CONTROL_TRANSFER, ENTRY);
    }

    /** The reply half: the clerk writes its answer (a trap and a copy) and the CPU switches back to the user. */
    private void fromClerk() {
        kernel.trap(Work.CONTROL_TRANSFER);
        Charges.copy(kernel.context(), Work.CONTROL_TRANSFER, ENTRY);
        Charges.contextSwitch(kernel.context(), kernel.context().parameter("switch_instructions"));
    }

    private static int slotFor(int node) {
        return node % SLOTS;
    }

    static int hashOf(byte[] key) {
        return Math.floorMod(Arrays.hashCode(key), SLOTS);
    }

    /** The slot of the name's valid entry on its probe path (which ends at an empty slot); -1 if none. */
    private static int slotOf(byte[] table, byte[] key) {
        int start = hashOf(key);
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) % SLOTS;
            int state = stateAt(table, slot);
            if (state == VALID && Arrays.equals(key, Arrays.copyOfRange(table, slot * ENTRY + 4, slot * ENTRY + 4 + NAME_BYTES))) {
                return slot;
            }
            if (state == EMPTY) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where an export of the name goes: its valid entry if it has one (a second export replaces it, so the name is never
     * entered twice), else the first empty or deleted slot on its probe path; never a slot a remote publisher has
     * claimed. -1 if the registry is full.
     */
    private static int slotToEnter(byte[] table, byte[] key) {
        int existing = slotOf(table, key);
        if (existing >= 0) {
            return existing;
        }
        int start = hashOf(key);
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) % SLOTS;
            int state = stateAt(table, slot);
            if (state == EMPTY || state == DELETED) {
                return slot;
            }
        }
        return -1;
    }

    private static int stateAt(byte[] table, int slot) {
        return ByteBuffer.wrap(table).getInt(slot * ENTRY);
    }

    /** The name as the registry stores it (20 bytes, zero-padded), or null if it does not fit. */
    static byte[] key(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (name.isEmpty() || bytes.length > NAME_BYTES || !name.chars().allMatch(c -> c > 32 && c < 127)) {
            return null;
        }
        return Arrays.copyOf(bytes, NAME_BYTES);
    }

    /** The name's key, or null after failing {@code done} with what is wrong with the name. */
    private static byte[] keyOrFail(String name, Completion done) {
        byte[] key = key(name);
        if (key == null) {
            done.completed(null, "bad segment name '" + name + "': use 1 to " + NAME_BYTES + " printable ASCII characters without spaces");
        }
        return key;
    }

    /** A registry entry: valid, the name, and where the segment is. */
    static byte[] entryOf(byte[] key, Descriptor d) {
        return ByteBuffer.allocate(ENTRY).putInt(VALID).put(key).putInt(d.node()).putInt(d.segment()).putInt(d.generation()).putInt(d.bytes()).array();
    }
}
