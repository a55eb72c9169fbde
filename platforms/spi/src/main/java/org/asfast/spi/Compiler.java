package org.asfast.spi;

import java.util.List;

/**
 * The one compiler every platform uses for the Andrew benchmark's compile phase, as Ousterhout
 * insisted (§9): the same compiler generating code for the same target everywhere.
 */
public interface Compiler extends Capability {

    /**
     * javac's own options wherever the JDK's javac compiles the tree (the host's files, a live file service's), so that
     * compile times compare file systems and machines rather than compilers. Where the classes go and the (empty) class
     * path are each platform's file locations, not options of the compiler.
     */
    List<String> JAVAC_OPTIONS = List.of("-proc:none", "-implicit:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8");

    /** Compiles the sources (relative paths in the scratch directory) into {@code outputDir}. */
    void compile(List<String> sources, String outputDir);
}
