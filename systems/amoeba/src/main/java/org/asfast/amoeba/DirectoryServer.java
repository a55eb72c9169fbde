package org.asfast.amoeba;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.asfast.nodes.Node;
import org.asfast.nodes.NodeContext;
import org.asfast.nodes.Storage;
import org.asfast.nodes.Work;

/**
 * Amoeba's directory server (Douglis et al. §3.3; the soap server of Amoeba's sources): it maps path names to
 * capabilities, walking a whole path in one transaction, and refuses a name as soap's bad_name does (a component
 * of 1 to 255 printable characters, no space). It keeps every directory on two replicas ({@code replica-0} and
 * {@code replica-1}: two disks simulated, two files live). A change is answered only when both replicas hold it;
 * each replica takes it as soap stores a directory change: the intention in its commit block, the changed
 * directories written afresh in one contiguous piece (soap writes a new Bullet file for each), their descriptors
 * (the capabilities of those files), and the commit block again, clean at the next sequence number. Replica 0 is
 * written before replica 1, so a crash leaves at least one replica whole; at restart the server takes the newest
 * whole replica and writes it over the other, so losing one replica loses no name.
 */
public final class DirectoryServer implements Node {
    static final byte LOOKUP = 1, ENTER = 2, REMOVE = 3, MKDIR = 4;
    static final byte OK = 0, NOT_FOUND = 1, EXISTS = 2, BAD_NAME = 3, NOT_A_DIRECTORY = 4, IS_A_DIRECTORY = 5, FULL = 6;
    static final byte FILE = 1, DIRECTORY = 2;
    static final int NAME_MAX = 255;
    private static final int BLOCK = 512;
    private static final int SLOT_BYTES = 16;
    private static final int MAGIC = 0x534f4150; // "SOAP"
    private static final byte CLEAN = 0, INTENTION = 1;

    private final AmoebaKernel kernel = new AmoebaKernel(this::serve);
    private final String[] replicaNames;
    private NodeContext node;
    private final Storage[] replicas = new Storage[2];
    private int slots;
    private long dataStart;
    private boolean ready;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    /** Directory number to its rows, name to entry; directory 0 is the root. */
    private final TreeMap<Integer, Map<String, Entry>> directories = new TreeMap<>();
    private long sequence;
    private final long[] nextFree = new long[2];

    record Entry(byte kind, int number, long check) {
    }

    public DirectoryServer() {
        this("replica-0", "replica-1");
    }

    /** A server on replicas of other names (a test gives one a fresh name: a replaced disk). */
    DirectoryServer(String replica0, String replica1) {
        replicaNames = new String[] {replica0, replica1};
    }

    @Override
    public void start(NodeContext context) {
        node = context;
        kernel.start(context);
        slots = (int) node.parameter("dir_max_directories");
        dataStart = BLOCK + (long) Math.ceilDiv(slots * SLOT_BYTES, BLOCK) * BLOCK;
        for (int r = 0; r < 2; r++) {
            replicas[r] = node.storage(replicaNames[r]);
        }
        replicas[0].read(0, (int) replicas[0].size(), first -> replicas[1].read(0, (int) replicas[1].size(), second -> recover(first, second)));
    }

    @Override
    public void receive(int from, byte[] message) {
        kernel.receive(from, message);
    }

    /** The names in the directory at {@code path} ("" for the root), for tests. */
    List<String> list(String path) {
        Resolved r = resolve(path.isEmpty() ? List.of() : List.of(path.split("/")), true);
        return r.status == OK ? new ArrayList<>(directories.get(r.entry.number).keySet()) : List.of();
    }

    // ---- requests

    private void serve(int client, byte[] request, Consumer<byte[]> reply) {
        if (!ready) {
            waiting.add(() -> serve(client, request, reply)); // still reading its replicas after a restart
            return;
        }
        node.work(Work.PROCEDURE, node.parameter("dir_request_instructions"));
        ByteBuffer in = ByteBuffer.wrap(request);
        byte op = in.get();
        Entry given = op == ENTER ? new Entry(FILE, in.getInt(), in.getLong()) : null;
        String path = StandardCharsets.UTF_8.decode(in).toString();
        List<String> components = List.of(path.split("/", -1));
        node.work(Work.PROCEDURE, components.size() * node.parameter("dir_component_instructions"));
        for (String c : components) {
            if (badName(c)) {
                reply.accept(new byte[] {BAD_NAME});
                return;
            }
        }
        switch (op) {
            case LOOKUP -> {
                Resolved r = resolve(components, true);
                reply.accept(r.status != OK ? new byte[] {r.status} : entry(OK, r.entry));
            }
            case ENTER, REMOVE, MKDIR -> change(op, components, given, reply);
            default -> reply.accept(new byte[] {BAD_NAME});
        }
    }

    /** soap's bad_name: 1 to 255 characters from '!' to '~', no slash. */
    static boolean badName(String name) {
        if (name.isEmpty() || name.length() > NAME_MAX) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < '!' || ch > '~' || ch == '/') {
                return true;
            }
        }
        return false;
    }

    private static byte[] entry(byte status, Entry e) {
        return ByteBuffer.allocate(14).put(status).put(e.kind).putInt(e.number).putLong(e.check).array();
    }

    private record Resolved(byte status, Entry entry, Map<String, Entry> parent, int parentNumber) {
    }

    /** Walks {@code components} from the root; with {@code whole}, to the last one, else to its parent directory. */
    private Resolved resolve(List<String> components, boolean whole) {
        int number = 0;
        Entry entry = new Entry(DIRECTORY, 0, 0);
        int walk = whole ? components.size() : components.size() - 1;
        for (int i = 0; i < walk; i++) {
            if (entry.kind != DIRECTORY) {
                return new Resolved(NOT_A_DIRECTORY, null, null, -1);
            }
            entry = directories.get(number).get(components.get(i));
            if (entry == null) {
                return new Resolved(NOT_FOUND, null, null, -1);
            }
            number = entry.number;
        }
        if (!whole && entry.kind != DIRECTORY) {
            return new Resolved(NOT_A_DIRECTORY, null, null, -1);
        }
        return new Resolved(OK, entry, whole ? null : directories.get(number), number);
    }

    private void change(byte op, List<String> components, Entry given, Consumer<byte[]> reply) {
        Resolved parent = resolve(components, false);
        if (parent.status != OK) {
            reply.accept(new byte[] {parent.status});
            return;
        }
        String name = components.getLast();
        Entry old = parent.parent.get(name);
        List<Integer> changed = new ArrayList<>(List.of(parent.parentNumber));
        byte[] answer;
        switch (op) {
            case ENTER -> {
                if (old != null && old.kind == DIRECTORY) {
                    reply.accept(new byte[] {IS_A_DIRECTORY});
                    return;
                }
                parent.parent.put(name, given);
                answer = old == null ? new byte[] {OK} : entry(OK, old); // the old file's capability, for the caller to destroy
            }
            case REMOVE -> {
                if (old == null || old.kind == DIRECTORY) {
                    reply.accept(new byte[] {old == null ? NOT_FOUND : IS_A_DIRECTORY});
                    return;
                }
                parent.parent.remove(name);
                answer = entry(OK, old);
            }
            default -> { // MKDIR
                if (old != null) {
                    reply.accept(new byte[] {EXISTS});
                    return;
                }
                int number = directories.lastKey() + 1;
                if (number >= slots) {
                    reply.accept(new byte[] {FULL});
                    return;
                }
                directories.put(number, new LinkedHashMap<>());
                parent.parent.put(name, new Entry(DIRECTORY, number, 0));
                changed.add(number);
                answer = new byte[] {OK};
            }
        }
        node.work(Work.PROCEDURE, node.parameter("dir_update_instructions"));
        sequence++;
        String intention = op + " " + String.join("/", components);
        store(0, changed, intention, () -> store(1, changed, intention, () -> reply.accept(answer)));
    }

    // ---- the replicas

    /** Writes a change to replica {@code r}: intention, directories, descriptors, clean commit block; then {@code done}. */
    private void store(int r, List<Integer> changed, String intention, Runnable done) {
        Storage disk = replicas[r];
        TreeSet<Integer> numbers = new TreeSet<>(changed);
        ByteBuffer data = ByteBuffer.allocate(numbers.stream().mapToInt(n -> encode(directories.get(n)).length).sum());
        long at = nextFree[r];
        Map<Integer, long[]> descriptors = new TreeMap<>();
        for (int n : numbers) {
            byte[] encoded = encode(directories.get(n));
            descriptors.put(n, new long[] {at + data.position(), encoded.length, crc(encoded)});
            data.put(encoded);
        }
        nextFree[r] = at + data.capacity();
        int firstBlock = numbers.first() * SLOT_BYTES / BLOCK;
        int lastBlock = numbers.last() * SLOT_BYTES / BLOCK;
        disk.write(0, commitBlock(INTENTION, intention), true,
                () -> disk.write(at, data.array(), true,
                        () -> disk.write(BLOCK + (long) firstBlock * BLOCK, descriptorBlocks(r, firstBlock, lastBlock, descriptors), true,
                                () -> disk.write(0, commitBlock(CLEAN, ""), true, done))));
    }

    private byte[] commitBlock(byte state, String intention) {
        byte[] text = intention.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(BLOCK).putInt(MAGIC).putInt(slots).putLong(sequence).put(state);
        b.putShort((short) Math.min(text.length, BLOCK - 32)).put(text, 0, Math.min(text.length, BLOCK - 32));
        return b.array();
    }

    /** Where each directory of replica {@code r} lies: number to {offset, length, crc}. */
    private final List<Map<Integer, long[]>> placed = List.of(new TreeMap<>(), new TreeMap<>());

    private byte[] descriptorBlocks(int r, int firstBlock, int lastBlock, Map<Integer, long[]> changed) {
        placed.get(r).putAll(changed);
        ByteBuffer b = ByteBuffer.allocate((lastBlock - firstBlock + 1) * BLOCK);
        for (Map.Entry<Integer, long[]> e : placed.get(r).entrySet()) {
            int position = e.getKey() * SLOT_BYTES - firstBlock * BLOCK;
            if (position >= 0 && position < b.capacity()) {
                b.putLong(position, e.getValue()[0]).putInt(position + 8, (int) e.getValue()[1]).putInt(position + 12, (int) e.getValue()[2]);
            }
        }
        return b.array();
    }

    private static byte[] encode(Map<String, Entry> directory) {
        ByteBuffer b = ByteBuffer.allocate(4 + directory.keySet().stream().mapToInt(n -> 2 + n.length() + 13).sum());
        b.putInt(directory.size());
        directory.forEach((name, e) -> {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            b.putShort((short) bytes.length).put(bytes).put(e.kind).putInt(e.number).putLong(e.check);
        });
        return b.array();
    }

    private static Map<String, Entry> decode(ByteBuffer b) {
        Map<String, Entry> directory = new LinkedHashMap<>();
        int n = b.getInt();
        for (int i = 0; i < n; i++) {
            byte[] name = new byte[b.getShort()];
            b.get(name);
            directory.put(new String(name, StandardCharsets.US_ASCII), new Entry(b.get(), b.getInt(), b.getLong()));
        }
        return directory;
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** What one replica holds, if it is whole (a clean commit block, every directory matching its checksum). */
    private record Image(long sequence, Map<Integer, Map<String, Entry>> directories, Map<Integer, long[]> placed, long end) {
    }

    private Image read(byte[] bytes) {
        if (bytes.length < dataStart) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC || b.getInt() != slots) {
            return null;
        }
        long seq = b.getLong();
        if (b.get() != CLEAN) {
            return null; // a change was under way on this replica when the server stopped
        }
        Map<Integer, Map<String, Entry>> dirs = new TreeMap<>();
        Map<Integer, long[]> where = new TreeMap<>();
        long end = dataStart;
        for (int n = 0; n < slots; n++) {
            ByteBuffer slot = ByteBuffer.wrap(bytes, BLOCK + n * SLOT_BYTES, SLOT_BYTES);
            long offset = slot.getLong();
            int length = slot.getInt();
            int crc = slot.getInt();
            if (length == 0) {
                continue;
            }
            if (offset < dataStart || offset + length > bytes.length) {
                return null;
            }
            byte[] encoded = java.util.Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
            if (crc(encoded) != crc) {
                return null;
            }
            dirs.put(n, decode(ByteBuffer.wrap(encoded)));
            where.put(n, new long[] {offset, length, crc});
            end = Math.max(end, offset + length);
        }
        return new Image(seq, dirs, where, end);
    }

    /** Takes the newest whole replica; writes it over the other if that one is behind or lost. */
    private void recover(byte[] first, byte[] second) {
        Image[] images = {read(first), read(second)};
        int best = images[0] == null ? 1 : images[1] == null ? 0 : images[0].sequence >= images[1].sequence ? 0 : 1;
        Image chosen = images[best];
        if (chosen == null) { // a new server, or neither replica whole: start with an empty root
            directories.put(0, new LinkedHashMap<>());
            nextFree[0] = nextFree[1] = dataStart;
            becomeReady();
            return;
        }
        directories.putAll(chosen.directories);
        directories.putIfAbsent(0, new LinkedHashMap<>());
        sequence = chosen.sequence;
        placed.get(best).putAll(chosen.placed);
        nextFree[best] = chosen.end;
        int other = 1 - best;
        Image behind = images[other];
        if (behind != null && behind.sequence == chosen.sequence) {
            placed.get(other).putAll(behind.placed);
            nextFree[other] = behind.end;
            becomeReady();
            return;
        }
        nextFree[other] = dataStart; // rewrite the lost or stale replica whole
        store(other, new ArrayList<>(directories.keySet()), "copy of replica " + best, this::becomeReady);
    }

    private void becomeReady() {
        ready = true;
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }
}
