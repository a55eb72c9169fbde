package org.asfast.nodes;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the network does to datagrams, drawn from a seeded random stream so that the same seed gives the
 * same fault schedule: each datagram is dropped, duplicated, delayed and reordered with the given
 * probabilities. Both runtimes consult it on every send; in simulation the schedule is then exactly
 * repeatable, live it is repeatable in the decisions (which datagram is dropped) but not in timing.
 *
 * <p>Written as {@code drop=0.1,dup=0.05,delay=0-2ms,reorder=0.1,seed=7}; every key is optional.
 */
public final class Faults {
    /** No faults: every datagram is delivered once, in order, without added delay. */
    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 1);

    private final double drop;
    private final double duplicate;
    private final double reorder;
    private final long minDelayNanos;
    private final long maxDelayNanos;
    private final long seed;

    public Faults(double drop, double duplicate, double reorder, long minDelayNanos, long maxDelayNanos, long seed) {
        this.drop = probability("drop", drop);
        this.duplicate = probability("dup", duplicate);
        this.reorder = probability("reorder", reorder);
        if (minDelayNanos < 0 || maxDelayNanos < minDelayNanos) {
            throw new IllegalArgumentException("fault setting delay: give MIN-MAXms with 0 <= MIN <= MAX, e.g. delay=0-2ms");
        }
        this.minDelayNanos = minDelayNanos;
        this.maxDelayNanos = maxDelayNanos;
        this.seed = seed;
    }

    /** Parses a fault setting; throws {@link IllegalArgumentException} with a one-line message saying how to write it. */
    public static Faults parse(String setting) {
        String text = setting == null ? "" : setting.strip();
        if (text.isEmpty() || text.equals("none")) {
            return NONE;
        }
        double drop = 0, dup = 0, reorder = 0;
        long min = 0, max = 0, seed = 1;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("fault setting '" + part.strip() + "' is not KEY=VALUE; write e.g. drop=0.1,dup=0.05,delay=0-2ms,reorder=0.1,seed=7");
            }
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            if (!given.add(key.equals("duplicate") ? "dup" : key)) { // the last would win silently
                throw new IllegalArgumentException("fault setting '" + key + "' is given twice in '" + text + "'; give each once");
            }
            switch (key) {
                case "drop" -> drop = number(key, value);
                case "dup", "duplicate" -> dup = number(key, value);
                case "reorder" -> reorder = number(key, value);
                case "seed" -> seed = whole(key, value);
                case "delay" -> {
                    String range = value.toLowerCase(Locale.ROOT);
                    if (!range.endsWith("ms")) {
                        throw new IllegalArgumentException("fault setting delay=" + value + " needs a unit: write e.g. delay=0-2ms");
                    }
                    String[] bounds = range.substring(0, range.length() - 2).split("-", 2);
                    double lo = number(key, bounds[0]);
                    double hi = bounds.length == 2 ? number(key, bounds[1]) : lo;
                    if (hi > 60_000) {
                        throw new IllegalArgumentException("fault setting delay=" + value + " is longer than a minute; give at most 60000ms");
                    }
                    min = Math.round(lo * 1e6);
                    max = Math.round(hi * 1e6);
                }
                default -> throw new IllegalArgumentException("unknown fault setting '" + key + "'; use drop, dup, delay, reorder or seed");
            }
        }
        return new Faults(drop, dup, reorder, min, max, seed);
    }

    private static double number(String key, String value) {
        try {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("fault setting " + key + "=" + value + " is not a number");
    }

    private static long whole(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault setting " + key + "=" + value + " is not a whole number");
        }
    }

    private static double probability(String key, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("fault setting " + key + "=" + p + " is not a probability between 0 and 1");
        }
        return p;
    }

    /** True when every datagram arrives once, in order and on time. */
    public boolean none() {
        return drop == 0 && duplicate == 0 && reorder == 0 && maxDelayNanos == 0;
    }

    /** The random stream of one sending node: the same seed and node give the same decisions. */
    public Stream stream(int node) {
        return new Stream(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + node));
    }

    @Override
    public String toString() {
        return none() ? "none" : String.format(Locale.ROOT, "drop=%s,dup=%s,delay=%s-%sms,reorder=%s,seed=%d",
                drop, duplicate, minDelayNanos / 1e6, maxDelayNanos / 1e6, reorder, seed);
    }

    /** The decisions for one sender's datagrams, in the order it sends them. */
    public final class Stream {
        private final SplittableRandom random;
        private long dropped;
        private long duplicated;

        private Stream(SplittableRandom random) {
            this.random = random;
        }

        /**
         * Decides one datagram's fate: the extra delay of each copy to deliver, in nanoseconds; an empty
         * array when it is dropped, two entries when it is duplicated. A reordered copy is held back by
         * the maximum delay plus one, so that later datagrams overtake it.
         */
        public long[] fate() {
            if (none()) {
                return ON_TIME;
            }
            if (random.nextDouble() < drop) {
                dropped++;
                return DROPPED;
            }
            int copies = random.nextDouble() < duplicate ? 2 : 1;
            if (copies == 2) {
                duplicated++;
            }
            long[] delays = new long[copies];
            for (int i = 0; i < copies; i++) {
                long d = maxDelayNanos == minDelayNanos ? minDelayNanos : random.nextLong(minDelayNanos, maxDelayNanos + 1);
                if (random.nextDouble() < reorder) {
                    d += maxDelayNanos + 1_000_000; // held back past the datagrams sent after it
                }
                delays[i] = d;
            }
            return delays;
        }

        public long dropped() {
            return dropped;
        }

        public long duplicated() {
            return duplicated;
        }
    }

    private static final long[] ON_TIME = {0};
    private static final long[] DROPPED = {};
}
