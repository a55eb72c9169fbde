package org.asfast.sprite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.asfast.spi.Clock;
import org.asfast.systems.LivePair;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's file system live on this computer: the file server in a JVM of its own, its cache in memory and its
 * disk two files ("inodes" and "data") in the run's scratch folder, which delayed blocks are written to; the
 * client's kernel, its cache included, in this JVM, driven by the caller's thread; UDP on 127.0.0.1.
 */
public final class SpriteFsLive extends SpriteFsPlatform {
    /** Generous: a loaded machine, and a call that waits for a restarted server. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LivePair pair;
    private final SpriteFsClient client;

    public SpriteFsLive(String name, SystemParameters parameters, String faults, boolean caching, Path scratchIn) {
        super(name);
        client = new SpriteFsClient(caching, 0); // the server is the first node the pair starts
        pair = new LivePair(SpriteFileServer.class.getName(), client, parameters.numbers(), faults, scratchIn);
        if (pair.server() != 0) {
            pair.close();
            throw new IllegalStateException("the file server came up as node " + pair.server() + ", not 0");
        }
    }

    @Override
    protected <T> T await(SpriteFsClient c, String what, BiConsumer<SpriteFsClient, SpriteFsClient.Done<T>> operation) {
        if (c != client) {
            throw new IllegalArgumentException("a live Sprite platform has one client");
        }
        Result<T> result = new Result<>(client::nanos);
        pair.await(() -> operation.accept(client, result), result.outcome, TIMEOUT, "Sprite " + what);
        return result.value;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    /** Runs the client's kernel for {@code time} with nothing asked of it: its delayed writes go out meanwhile. */
    void idle(Duration time) {
        pair.idle(time);
    }

    @Override
    SpriteFsClient client() {
        return client;
    }

    /** The client machine crashes and boots again: what it had not written back is lost. */
    void rebootClient() {
        client.reboot();
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
        try {
            pair.close();
        } finally {
            super.close();
        }
    }
}
