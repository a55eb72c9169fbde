package org.asfast.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.asfast.amoeba.AmoebaFilesLive;
import org.asfast.amoeba.AmoebaFilesSimulated;
import org.asfast.amoeba.AmoebaProvider;
import org.asfast.amoeba.AmoebaSimulated;
import org.asfast.live.LiveException;
import org.asfast.live.LiveNode;
import org.asfast.nodes.Faults;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.spi.UserError;
import org.asfast.sprite.SpriteFsLive;
import org.asfast.sprite.SpriteFsSimulated;
import org.asfast.sprite.SpriteProvider;
import org.asfast.sprite.SpriteSimulated;
import org.asfast.systems.SystemParameters;

/**
 * {@code asfast systems --put FILE --on PLATFORM}: one file of the user's stored on one of Douglis et al.'s file
 * configurations (Amoeba BULLET or BULLET/DIR, Sprite CACHE or NOCACHE; simulated or live), read back and compared,
 * with the time each took. What the file system refuses (a name, a full store) is a one-line error; the platform,
 * and with it every file a live server wrote, is gone when it returns.
 */
final class FilePut {
    /** The largest file taken: the stores hold 128 MB. */
    private static final long MAX_BYTES = 64L << 20;

    /** Units of things counted one by one (a packet of 0 bytes, 0 tries): a whole number of at least one. */
    private static final Set<String> WHOLE_COUNTS = Set.of("bytes", "fragments", "i-nodes", "directories", "streams", "tries", "processes");
    /** Units of sizes and speeds that may be fractional (a store of 0.5 MB) but not nothing. */
    private static final Set<String> POSITIVE_AMOUNTS = Set.of("KB", "MB", "MB/s", "MIPS", "Mbit/s", "ratio", "words");

    /** {@code live}: its servers are node JVMs, started with this JVM's live settings (the spin). */
    private record Configuration(boolean amoeba, boolean live, Function<SystemParameters, Platform> open) {
    }

    private static final Map<String, Configuration> CONFIGURATIONS = configurations();

    private FilePut() {
    }

    private static Map<String, Configuration> configurations() {
        Map<String, Configuration> c = new LinkedHashMap<>();
        c.put(AmoebaProvider.BULLET_SIMULATED, new Configuration(true, false, p -> new AmoebaFilesSimulated(AmoebaProvider.BULLET_SIMULATED, "BULLET", p, Faults.NONE)));
        c.put(AmoebaProvider.BULLET_DIR_SIMULATED, new Configuration(true, false, p -> new AmoebaFilesSimulated(AmoebaProvider.BULLET_DIR_SIMULATED, "BULLET/DIR", p, Faults.NONE)));
        c.put(SpriteProvider.CACHE_SIMULATED, new Configuration(false, false, p -> new SpriteFsSimulated(SpriteProvider.CACHE_SIMULATED, p, Faults.NONE, true)));
        c.put(SpriteProvider.NOCACHE_SIMULATED, new Configuration(false, false, p -> new SpriteFsSimulated(SpriteProvider.NOCACHE_SIMULATED, p, Faults.NONE, false)));
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        c.put(AmoebaProvider.BULLET_LIVE, new Configuration(true, true, p -> new AmoebaFilesLive(AmoebaProvider.BULLET_LIVE, "BULLET", p, "", scratch)));
        c.put(AmoebaProvider.BULLET_DIR_LIVE, new Configuration(true, true, p -> new AmoebaFilesLive(AmoebaProvider.BULLET_DIR_LIVE, "BULLET/DIR", p, "", scratch)));
        c.put(SpriteProvider.CACHE_LIVE, new Configuration(false, true, p -> new SpriteFsLive(SpriteProvider.CACHE_LIVE, p, "", true, scratch)));
        c.put(SpriteProvider.NOCACHE_LIVE, new Configuration(false, true, p -> new SpriteFsLive(SpriteProvider.NOCACHE_LIVE, p, "", false, scratch)));
        return c;
    }

    /** Stores {@code file} as {@code name} on {@code platform} with the parameter changes {@code settings} (name=value). */
    static int put(Path file, String platform, String name, List<String> settings, PrintStream out) {
        Configuration configuration = CONFIGURATIONS.get(platform);
        if (configuration == null) {
            throw new UserError("unknown file configuration '" + platform + "' for --on; choose one of " + String.join(", ", CONFIGURATIONS.keySet()));
        }
        SystemParameters parameters = changed(configuration.amoeba() ? AmoebaSimulated.parameters() : SpriteSimulated.parameters(), settings);
        byte[] data = read(file);
        String as = name != null ? name : file.getFileName().toString();
        String changes = changes(settings);
        if (configuration.live()) {
            try {
                LiveNode.defaultSpin(); // a bad -Dasfast.live.spinMicros is its own one line, not a fault of the --set values
            } catch (LiveException e) {
                throw new UserError(e.getMessage());
            }
        }
        Platform opened;
        try {
            opened = configuration.open().apply(parameters);
        } catch (RuntimeException e) { // a server that cannot start with these parameters (a store too small for its i-nodes)
            throw cannotStart(platform, settings, e);
        }
        try (Platform p = opened) {
            org.asfast.spi.Files files = p.require(org.asfast.spi.Files.class);
            MemorySegment buffer = p.require(Memory.class).allocate(Math.max(1, data.length), 8);
            MemorySegment.copy(data, 0, buffer, ValueLayout.JAVA_BYTE, 0, data.length);
            files.requireFreeSpace(data.length, "'" + as + "'");
            long start = p.clock().nanos();
            int fd = files.create(as);
            for (long written = 0; written < data.length; ) {
                written += files.write(fd, buffer.asSlice(written), data.length - written);
            }
            files.close(fd);
            long stored = p.clock().nanos();
            MemorySegment back = p.require(Memory.class).allocate(Math.max(1, data.length), 8);
            fd = files.openForReading(as);
            long got = 0;
            for (long n; got < data.length && (n = files.read(fd, back.asSlice(got), data.length - got)) > 0; ) {
                got += n;
            }
            files.close(fd);
            long readBack = p.clock().nanos();
            if (got != data.length || !Arrays.equals(data, back.asSlice(0, got).toArray(ValueLayout.JAVA_BYTE))) {
                throw new IllegalStateException(platform + " gave back " + got + " bytes of '" + as + "' that differ from the " + data.length + " stored");
            }
            String clock = p.clock().isVirtual() ? "simulated" : "wall clock";
            out.printf(Locale.ROOT, "%s: stored '%s' (%d bytes) in %.3f ms and read it back, byte for byte, in %.3f ms (%s)%n",
                    platform, as, data.length, (stored - start) / 1e6, (readBack - stored) / 1e6, clock);
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UserError(platform + " refuses '" + as + "'" + changes + ": " + e.getMessage());
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) { // with the shipped parameters this is a defect, and its stack trace shows where
            if (settings.isEmpty()) {
                throw e;
            }
            throw new UserError(platform + " cannot work with these parameters" + changes + ": " + e.getMessage() + "; change the --set values");
        }
    }

    /**
     * A platform that failed to start: with --set values, they are the likely cause and the hint says to change them;
     * without, the shipped parameters were used, so the failure is passed on as it is (a UserError's line, or a
     * defect's stack trace).
     */
    static RuntimeException cannotStart(String platform, List<String> settings, RuntimeException e) {
        if (settings.isEmpty()) {
            return e;
        }
        return new UserError(platform + " cannot start with these parameters" + changes(settings) + ": " + e.getMessage() + "; change the --set values");
    }

    /** The --set values as a message quotes them, or nothing when none were given. */
    private static String changes(List<String> settings) {
        return settings.isEmpty() ? "" : " (--set " + String.join(", ", settings) + ")";
    }

    private static SystemParameters changed(SystemParameters parameters, List<String> settings) {
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            String name = eq < 0 ? setting : setting.substring(0, eq).strip();
            try {
                parameters.parameter(name);
            } catch (IllegalArgumentException e) { // says which parameters there are
                throw new UserError("--set '" + setting + "': " + e.getMessage());
            }
            double value;
            try {
                value = Double.parseDouble(setting.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new UserError("--set '" + setting + "': give PARAMETER=VALUE with one of the system's parameters and a number, e.g. bullet_store_mb=1");
            }
            if (eq < 0 || !Double.isFinite(value)) {
                throw new UserError("--set '" + setting + "': give PARAMETER=VALUE with one of the system's parameters and a number, e.g. bullet_store_mb=1");
            }
            String unit = parameters.parameter(name).unit();
            String valid = WHOLE_COUNTS.contains(unit) ? (value >= 1 && value == Math.rint(value) ? null : "a whole number of 1 or more")
                    : POSITIVE_AMOUNTS.contains(unit) ? (value > 0 ? null : "a number above 0")
                    : value >= 0 ? null : "a number of 0 or more";
            if (valid != null) {
                throw new UserError("--set '" + setting + "': " + name + " (" + unit + ") must be " + valid);
            }
            parameters = parameters.with(name, value);
        }
        return parameters;
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserError("--put " + file + " is not a regular file; give a file to store");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError("--put " + file + " is larger than " + (MAX_BYTES >> 20) + " MB; give a smaller file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read --put " + file + ": " + e.getMessage());
        }
    }
}
