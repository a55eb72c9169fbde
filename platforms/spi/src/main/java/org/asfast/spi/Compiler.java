package org.asfast.spi;

import java.util.List;

/**
 * The one compiler every platform uses for the Andrew benchmark's compile phase, as Ousterhout
 * insisted (§9): the same compiler generating code for the same target everywhere.
 */
public interface Compiler extends Capability {

    /** Compiles the sources (relative paths in the scratch directory) into {@code outputDir}. */
    void compile(List<String> sources, String outputDir);
}
