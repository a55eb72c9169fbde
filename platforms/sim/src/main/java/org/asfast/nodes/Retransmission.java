package org.asfast.nodes;

import java.util.Locale;

/**
 * A caller's retransmissions of one message until it is answered: it waits, sends again when nothing came, and gives
 * up after its tries with a one-line reason (a crashed peer is an error after its timeout, never a hang). The waits
 * follow a {@link Backoff}. Each of the papers' protocols (and {@link RequestReply}) keeps one per outstanding call;
 * what a retransmission sends is the protocol's own business.
 *
 * <p>Single-threaded, like the node that owns it.
 */
public final class Retransmission {
    /**
     * The waits: {@code firstNanos} before the first retransmission, multiplied by {@code factor} after each
     * unanswered try up to {@code maxNanos}; the call fails when {@code tries} waits have gone unanswered.
     */
    public record Backoff(long firstNanos, double factor, long maxNanos, int tries) {
        public Backoff {
            if (firstNanos <= 0 || factor < 1 || maxNanos < firstNanos || tries < 1) {
                throw new IllegalArgumentException("a back-off needs a first wait > 0, a factor >= 1, a cap >= the first wait and at least one try");
            }
        }

        /** The same wait every time. */
        public static Backoff fixed(long nanos, int tries) {
            return new Backoff(nanos, 1, nanos, tries);
        }

        /** Every wait from the first until the caller gives up, added: how long a peer that never answers keeps it. */
        public long giveUpNanos() {
            long total = 0;
            long wait = firstNanos;
            for (int i = 0; i < tries; i++) {
                total += wait;
                wait = next(wait, maxNanos);
            }
            return total;
        }

        long next(long wait, long cap) {
            return Math.min(Math.round(wait * factor), Math.max(cap, wait));
        }
    }

    private final NodeContext node;
    private final Backoff backoff;
    private final Runnable resend;
    private final Runnable giveUp;
    private long wait;
    private long waited;
    private int tries;
    private Timer timer;
    private boolean over;

    /**
     * @param resend sends the message again (the caller counts what it sent)
     * @param giveUp runs once, when the last wait went unanswered; {@link #reason} says why in one line
     */
    public Retransmission(NodeContext node, Backoff backoff, Runnable resend, Runnable giveUp) {
        this.node = node;
        this.backoff = backoff;
        this.resend = resend;
        this.giveUp = giveUp;
        this.wait = backoff.firstNanos();
    }

    /** Starts the first wait (call after the first send). */
    public Retransmission start() {
        arm();
        return this;
    }

    /** The message was answered: no more retransmissions. */
    public void stop() {
        over = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Answered, or given up. */
    public boolean over() {
        return over;
    }

    /**
     * The peer says it has the message and is still at work: the tries start again, and the next wait is the
     * current one multiplied by the back-off's factor, up to {@code maxNanos} (Sprite's acknowledgements).
     */
    public void stillWorking(long maxNanos) {
        if (over) {
            return;
        }
        tries = 0;
        wait = backoff.next(wait, maxNanos);
        arm();
    }

    /** The peer has the message (a partial acknowledgement): the tries start again, the wait stays. */
    public void heard() {
        if (!over) {
            tries = 0;
            arm();
        }
    }

    /** Waits that went unanswered since the last answer. */
    public int tries() {
        return tries;
    }

    /** Nanoseconds of those waits. */
    public long waitedNanos() {
        return waited;
    }

    /** Why the call was given up, in one line. */
    public String reason(String what) {
        return String.format(Locale.ROOT, "no reply %s after %d tries over %s", what, tries, duration(waited));
    }

    private static String duration(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9) : Math.round(nanos / 1e6) + " ms";
    }

    private void arm() {
        if (timer != null) {
            timer.cancel();
        }
        timer = node.after(wait, this::expired);
    }

    private void expired() {
        if (over) {
            return;
        }
        waited += wait;
        tries++;
        wait = backoff.next(wait, backoff.maxNanos());
        if (tries >= backoff.tries()) {
            over = true;
            giveUp.run();
            return;
        }
        resend.run();
        arm();
    }
}
