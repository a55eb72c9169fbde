package org.asfast.sprite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.asfast.spi.Clock;
import org.asfast.systems.LivePair;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's file system live on this computer: the file server in a JVM of its own, its cache in memory and its
 * disk two files ("inodes" and "data") in the run's scratch folder, which delayed blocks are written to; the
 * client's kernel, its cache included, in this JVM, driven by the caller's thread; UDP on 127.0.0.1. Between calls a
 * daemon thread drives the client's kernel when a delayed write is due, so that it goes out whether or not the
 * benchmark calls it: a crash of the client loses at most the writes of the last {@code delayed_write_s}, as Sprite
 * promises. With nothing due the daemon sleeps, so a benchmark's calls never wait for it.
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
    private final AtomicInteger callers = new AtomicInteger();
    private final Thread flusher;
    private volatile boolean closing;
    /** The client's next delayed write ({@link SpriteFsClient#nextWriteBack}), as whoever last drove its kernel left it. */
    private volatile long nextWriteBack = Long.MAX_VALUE;
    /** Times the daemon took the client's kernel. */
    private volatile long daemonTurns;
    /** How the daemon last failed, told once to the next call. */
    private final AtomicReference<RuntimeException> flusherFailed = new AtomicReference<>();

    public SpriteFsLive(String name, SystemParameters parameters, String faults, boolean caching, Path scratchIn) {
        super(name);
        client = new SpriteFsClient(caching, 0); // the server is the first node the pair starts
        pair = new LivePair(SpriteFileServer.class.getName(), client, parameters.numbers(), faults, scratchIn);
        if (pair.server() != 0) {
            pair.close();
            throw new IllegalStateException("the file server came up as node " + pair.server() + ", not 0");
        }
        flusher = Thread.ofPlatform().daemon().name("sprite-live-delayed-writes").start(this::flushWhenDue);
    }

    /**
     * The delayed-write daemon: it sleeps until the client's next write-back is due (or a call changes that), then,
     * when no call holds the client's kernel, runs the kernel until the write-backs due are sent and answered.
     */
    private void flushWhenDue() {
        while (!closing) {
            long next = nextWriteBack;
            long wait = next == Long.MAX_VALUE ? Long.MAX_VALUE : next == Long.MIN_VALUE ? 0 : next - client.nanos();
            if (wait > 0 || callers.get() > 0 || !kernel.tryLock()) {
                LockSupport.parkNanos(this, wait > 0 ? wait : FLUSH_SLICE.toNanos()); // a call's release wakes it early
                continue;
            }
            daemonTurns++; // only this thread writes it
            try {
                if (!closing) {
                    pair.idle(FLUSH_SLICE, () -> callers.get() > 0 || client.nextWriteBack() > client.nanos());
                }
            } catch (RuntimeException e) {
                flusherFailed.set(e); // told to the next call; the daemon goes on when a call has run the kernel again
            } finally {
                release();
            }
        }
    }

    /** Takes the client's kernel from the daemon, which lets go as soon as it sees a caller waiting; a failure of the daemon is told here, once. */
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
        RuntimeException failed = flusherFailed.getAndSet(null);
        if (failed != null) {
            release();
            throw new IllegalStateException("the Sprite client's delayed-write daemon failed: " + failed.getMessage(), failed);
        }
    }

    /** Lets go of the client's kernel, leaving the daemon the time of its next write-back, and waking it if that is sooner. */
    private void release() {
        boolean daemon = Thread.currentThread() == flusher;
        long next = daemon && flusherFailed.get() != null ? Long.MAX_VALUE : client.nextWriteBack();
        long before = nextWriteBack;
        nextWriteBack = next;
        kernel.unlock();
        if (next < before && !daemon) {
            LockSupport.unpark(flusher);
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
            release();
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
            release();
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
            release();
        }
    }

    /** Bytes written on the client and not yet sent to the server, read between the kernel's events. */
    long dirtyBytes() {
        acquire();
        try {
            return client.dirtyBytes();
        } finally {
            release();
        }
    }

    /** The client's kernel throws {@code failure} from a timer {@code after} from now, as a bug in a handler would (a test's fault). */
    void throwInTheClientKernel(Duration after, RuntimeException failure) {
        acquire();
        try {
            client.after(after.toNanos(), () -> {
                throw failure;
            });
        } finally {
            release();
        }
    }

    /** Times the delayed-write daemon has taken the client's kernel so far. */
    long daemonTurns() {
        return daemonTurns;
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
