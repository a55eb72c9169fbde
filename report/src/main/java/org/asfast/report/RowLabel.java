package org.asfast.report;

/**
 * A table row's identity: the machine, its operating system and its configuration (Local, NFS,
 * AFS, Diskless, Remote; empty where the paper's table has no configuration column).
 */
public record RowLabel(String machine, String os, String config) {

    public RowLabel {
        machine = machine == null ? "" : machine;
        os = os == null ? "" : os;
        config = config == null ? "" : config;
    }

    /** True for the configurations where files live on another machine. */
    public boolean isRemote() {
        return !config.isEmpty() && !config.equals("Local") && !config.startsWith("Local,");
    }

    @Override
    public String toString() {
        return java.util.stream.Stream.of(machine, os, config).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.joining(" "));
    }
}
