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

    /** The provider that opens {@code name}, or a {@link UserError} listing the known names. */
    public static PlatformProvider providerOf(String name) {
        for (PlatformProvider provider : ServiceLoader.load(PlatformProvider.class)) {
            if (provider.opens(name)) {
                return provider;
            }
        }
        throw unknown(name);
    }

    /** The kind its provider declares for the named platform. */
    public static PlatformKind kindOf(String name) {
        return providerOf(name).kind(name);
    }

    /** Opens the named platform, or throws a {@link UserError} listing the known names. */
    public static Platform open(String name, PlatformSettings settings) {
        return providerOf(name).open(name, settings);
    }

    /** Throws a {@link UserError} listing the known names unless {@code name} is one. */
    public static void requireKnown(String name) {
        providerOf(name);
    }

    private static UserError unknown(String name) {
        return new UserError("unknown platform '" + name + "'; choose one of " + String.join(", ", known()));
    }
}
