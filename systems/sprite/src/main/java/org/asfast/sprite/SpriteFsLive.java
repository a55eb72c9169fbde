package org.asfast.sprite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.asfast.spi.Clock;
import org.asfast.systems.LivePair;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's file system live on this computer: the file server in a JVM of its own, its cache in memory and its
 * disk two files ("inodes" and "data") in the run's scratch folder, which delayed blocks are written to; the
 * client's kernel, its cache included, in this JVM, driven by the caller's thread; UDP on 127.0.0.1. Between calls a
 * daemon thread drives the client's kernel, so that its delayed writes go out when they are due (every
 * {@code live_flush_check_ms}) whether or not the benchmark calls it: a crash of the client loses at most the writes
 * of the last {@code delayed_write_s}, and that check, as Sprite promises.
 */
public final class SpriteFsLive extends SpriteFsPlatform {
    /** Generous: a loaded machine, and a call that waits for a restarted server. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** How long the daemon drives the kernel each time it wakes, unless a call comes first. */
    private static final Duration FLUSH_SLICE = Duration.ofMillis(20);

    private final LivePair pair;
    private final SpriteFsClient client;
    /** Held by whoever drives the client's kernel: a call, or the delayed-write daemon. */
    private final ReentrantLock kernel = new ReentrantLock();
    /** Calls waiting for the kernel: the daemon lets go as soon as there is one. */
    private final java.util.concurrent.atomic.AtomicInteger callers = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread flusher;
    private volatile boolean closing;
    private volatile RuntimeException flusherFailed;

    public SpriteFsLive(String name, SystemParameters parameters, String faults, boolean caching, Path scratchIn) {
        super(name);
        client = new SpriteFsClient(caching, 0); // the server is the first node the pair starts
        pair = new LivePair(SpriteFileServer.class.getName(), client, parameters.numbers(), faults, scratchIn);
        if (pair.server() != 0) {
            pair.close();
            throw new IllegalStateException("the file server came up as node " + pair.server() + ", not 0");
        }
        Duration every = Duration.ofMillis(Math.max(1, Math.round(parameters.number("live_flush_check_ms"))));
        flusher = Thread.ofPlatform().daemon().name("sprite-live-delayed-writes").start(() -> flushWhileIdle(every));
    }

    /** The delayed-write daemon: when no call holds the client's kernel, it runs the kernel's due timers (write-backs) and their replies. */
    private void flushWhileIdle(Duration every) {
        while (!closing) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (callers.get() > 0 || !kernel.tryLock()) {
                continue; // a call drives the kernel now, and its timers with it
            }
            try {
                if (!closing) {
                    pair.idle(FLUSH_SLICE, () -> callers.get() > 0);
                }
            } catch (RuntimeException e) {
                flusherFailed = e;
                return;
            } finally {
                kernel.unlock();
            }
        }
    }

    /** Takes the client's kernel from the daemon, which lets go as soon as it sees a caller waiting. */
    private void acquire() {
        callers.incrementAndGet();
        try {
            if (!kernel.tryLock()) {
                pair.wake();
                kernel.lock();
            }
        } finally {
            callers.decrementAndGet();
        }
        if (flusherFailed != null) {
            kernel.unlock();
            throw new IllegalStateException("the Sprite client's delayed-write daemon failed: " + flusherFailed.getMessage(), flusherFailed);
        }
    }

    @Override
    protected <T> T await(SpriteFsClient c, String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation) {
        if (c != client) {
            throw new IllegalArgumentException("a live Sprite platform has one client");
        }
        Result<T> result = new Result<>(client::nanos);
        acquire();
        try {
            pair.await(() -> operation.accept(client, result), result.outcome, TIMEOUT, "Sprite " + what);
        } finally {
            kernel.unlock();
        }
        return result.value;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    /** Runs the client's kernel for {@code time} with nothing asked of it: its delayed writes go out meanwhile. */
    void idle(Duration time) {
        acquire();
        try {
            pair.idle(time);
        } finally {
            kernel.unlock();
        }
    }

    @Override
    SpriteFsClient client() {
        return client;
    }

    /** The client machine crashes and boots again: what it had not written back is lost. */
    void rebootClient() {
        acquire();
        try {
            client.reboot();
        } finally {
            kernel.unlock();
        }
    }

    /** Bytes written on the client and not yet sent to the server, read between the kernel's events. */
    long dirtyBytes() {
        acquire();
        try {
            return client.dirtyBytes();
        } finally {
            kernel.unlock();
        }
    }

    /** kill -9 of the file server's process; its disk files stay. */
    void crashServer() {
        pair.crashServer();
    }

    /** A fresh server process on the same port and disk files. */
    void restartServer() {
        pair.restartServer();
    }

    /** The server's scratch folder, where its disk files are. */
    Path serverFolder() {
        return pair.serverFolder();
    }

    @Override
    public void close() {
        closing = true;
        flusher.interrupt();
        try {
            flusher.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pair.close();
        } finally {
            super.close();
        }
    }
}
