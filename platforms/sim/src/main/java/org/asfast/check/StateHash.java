package org.asfast.check;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 64-bit fingerprint of what a node's objects hold, found by walking them: the fields of the system's own
 * classes (lambdas included: what they captured is state too), and the contents of the JDK's collections,
 * maps, strings, boxes and arrays. Two states whose objects hold the same values get the same fingerprint, so
 * a search meets a state it reached by another order of events once only.
 *
 * <p>Unordered collections are hashed without regard to order. An object met again while it is being walked
 * (a cycle, such as a lambda that captured its node) is hashed as a back reference to its place in the walk.
 * A JDK object of another kind counts by its own {@code hashCode} if its class defines one, else by its class
 * alone: such objects (a random generator, say) are assumed not to decide what a node does.
 */
final class StateHash {
    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private final Map<Object, Long> done = new IdentityHashMap<>();
    private final Map<Object, Integer> walking = new IdentityHashMap<>();
    private final Map<Object, Long> opaque;

    /** @param opaque objects hashed as the given value instead of walked (a node's context: its address) */
    StateHash(Map<Object, Long> opaque) {
        this.opaque = opaque;
    }

    long of(Object o) {
        if (o == null) {
            return 0x9E3779B97F4A7C15L;
        }
        long value = value(o);
        if (value != NOT_A_VALUE) {
            return value; // values hold no references: no need to remember them
        }
        Long fixed = opaque.get(o);
        if (fixed != null) {
            return mix(fixed ^ 0x5DEECE66DL);
        }
        Long known = done.get(o);
        if (known != null) {
            return known;
        }
        Integer place = walking.get(o);
        if (place != null) {
            return mix(0xB5AD4ECEDA1CE2A9L + place);
        }
        walking.put(o, walking.size());
        long h;
        try {
            h = walk(o);
        } finally {
            walking.remove(o);
        }
        done.put(o, h);
        return h;
    }

    private static final long NOT_A_VALUE = 0x7FF8_DEAD_BEEF_0001L;

    private static long value(Object o) {
        long h = o.getClass().hashCode(); // identity of the class: stable within the run, which is all a search needs
        long v = switch (o) {
            case String s -> h + s.hashCode();
            case Integer i -> h + i;
            case Long l -> h + l;
            case Number n when n.getClass().getModule().isNamed() -> h + Double.hashCode(n.doubleValue()) * 31L + n.longValue();
            case Boolean b -> h + (b ? 1 : 2);
            case Character c -> h + c;
            case Enum<?> e -> h + e.ordinal();
            case Class<?> c -> h + c.getName().hashCode();
            case byte[] a -> h + Arrays.hashCode(a) * 0x100000001B3L + a.length;
            case int[] a -> h + Arrays.hashCode(a);
            case long[] a -> h + Arrays.hashCode(a);
            case boolean[] a -> h + Arrays.hashCode(a);
            case double[] a -> h + Arrays.hashCode(a);
            case BitSet b -> h + Arrays.hashCode(b.toLongArray());
            default -> NOT_A_VALUE;
        };
        return v == NOT_A_VALUE ? v : mix(v);
    }

    private long walk(Object o) {
        Class<?> type = o.getClass();
        long h = mix(type.hashCode());
        return switch (o) {
            case Object[] a -> ordered(h, Arrays.asList(a));
            case Optional<?> opt -> mix(h + of(opt.orElse(null)));
            case Map<?, ?> m -> isOrdered(m) ? orderedEntries(h, m) : unorderedEntries(h, m);
            case Collection<?> c -> isOrdered(c) ? ordered(h, c) : unordered(h, c);
            default -> type.getModule().isNamed() ? jdkObject(h, o) : fields(h, o);
        };
    }

    private static boolean isOrdered(Object o) {
        return o instanceof SequencedMap<?, ?> || o instanceof SequencedCollection<?>; // lists, queues, sorted and linked ones
    }

    private long orderedEntries(long h, Map<?, ?> m) {
        for (var e : m.entrySet()) {
            h = mix(h * 31 + of(e.getKey()));
            h = mix(h * 31 + of(e.getValue()));
        }
        return mix(h + m.size());
    }

    private long unorderedEntries(long h, Map<?, ?> m) {
        long sum = 0;
        for (var e : m.entrySet()) {
            sum += mix(of(e.getKey()) * 31 + of(e.getValue()) + 0x632BE59BD9B4E019L);
        }
        return mix(h ^ sum ^ m.size());
    }

    private long ordered(long h, Collection<?> items) {
        for (Object item : items) {
            h = mix(h * 31 + of(item));
        }
        return mix(h + items.size());
    }

    private long unordered(long h, Collection<?> items) {
        long sum = 0;
        for (Object item : items) {
            sum += mix(of(item) + 0x632BE59BD9B4E019L);
        }
        return mix(h ^ sum ^ items.size());
    }

    private static long jdkObject(long h, Object o) {
        return OWN_HASH.computeIfAbsent(o.getClass(), StateHash::definesHashCode) ? mix(h + o.hashCode()) : h;
    }

    private static final Map<Class<?>, Boolean> OWN_HASH = new ConcurrentHashMap<>();

    private static boolean definesHashCode(Class<?> type) {
        try {
            return type.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private long fields(long h, Object o) {
        for (Field f : fieldsOf(o.getClass())) {
            try {
                h = mix(h * 31 + of(f.get(o)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f + " to hash a node's state", e);
            }
        }
        return h;
    }

    private static Field[] fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> all = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class && !c.getModule().isNamed(); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && f.trySetAccessible()) {
                        all.add(f);
                    }
                }
            }
            return all.toArray(Field[]::new);
        });
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
