package org.asfast.systems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.asfast.live.LiveException;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.UserError;

/**
 * A distributed system's platforms by name: simulated ones (virtual time on modelled machines) and live ones (its
 * nodes on this computer). The settings' fault setting ({@link PlatformSettings#faults}, from the system property
 * {@value PlatformSettings#FAULTS} in a benchmark's fork) puts a fault schedule on the network of either; a malformed
 * one, like a live platform that cannot start, is a one-line {@link UserError}. A subclass registers its platforms in
 * its constructor.
 */
public abstract class SystemProvider implements PlatformProvider {
    private record Entry(PlatformKind kind, BiFunction<String, PlatformSettings, Platform> open) {
    }

    private final Map<String, Entry> platforms = new LinkedHashMap<>();

    /** A simulated platform: {@code open} gets the parsed fault schedule and the settings. */
    protected final void simulated(String name, BiFunction<Faults, PlatformSettings, Platform> open) {
        platforms.put(name, new Entry(PlatformKind.SIMULATED, (setting, settings) -> open.apply(parse(setting), settings)));
    }

    /**
     * A live platform: {@code open} gets the fault setting's text (its nodes' runtime applies it) and the settings;
     * a malformed setting is refused before any node starts.
     */
    protected final void live(String name, BiFunction<String, PlatformSettings, Platform> open) {
        platforms.put(name, new Entry(PlatformKind.LIVE, (setting, settings) -> {
            parse(setting);
            return open.apply(setting, settings);
        }));
    }

    @Override
    public PlatformKind kind(String name) {
        return entry(name).kind();
    }

    @Override
    public List<String> names() {
        return List.copyOf(platforms.keySet());
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        Entry entry = entry(name);
        try {
            return entry.open().apply(settings.faults(), settings);
        } catch (IllegalArgumentException | LiveException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private Entry entry(String name) {
        Entry entry = platforms.get(name);
        if (entry == null) {
            throw new UserError("unknown platform '" + name + "'; choose one of " + String.join(", ", names()));
        }
        return entry;
    }

    private static Faults parse(String setting) {
        try {
            return Faults.parse(setting);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
