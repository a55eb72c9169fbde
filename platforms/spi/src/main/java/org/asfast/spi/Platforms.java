package org.asfast.spi;

import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds a platform by name among the providers on the class path. */
public final class Platforms {
    private Platforms() {
    }

    /** Every platform name that can be opened here, sorted. */
    public static TreeSet<String> known() {
        TreeSet<String> names = new TreeSet<>();
        for (PlatformProvider provider : ServiceLoader.load(PlatformProvider.class)) {
            names.addAll(provider.names());
        }
        return names;
    }

    /** Opens the named platform, or throws a {@link UserError} listing the known names. */
    public static Platform open(String name, PlatformSettings settings) {
        for (PlatformProvider provider : ServiceLoader.load(PlatformProvider.class)) {
            if (provider.opens(name)) {
                return provider.open(name, settings);
            }
        }
        throw unknown(name);
    }

    /** Throws a {@link UserError} listing the known names unless {@code name} is one. */
    public static void requireKnown(String name) {
        boolean opened = false;
        for (PlatformProvider provider : ServiceLoader.load(PlatformProvider.class)) {
            opened |= provider.opens(name);
        }
        if (!opened) {
            throw unknown(name);
        }
    }

    private static UserError unknown(String name) {
        return new UserError("unknown platform '" + name + "'; choose one of " + String.join(", ", known()));
    }
}
