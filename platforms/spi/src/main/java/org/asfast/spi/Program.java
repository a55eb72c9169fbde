package org.asfast.spi;

/** The programs a workload can spawn, named by what they do so that every platform can provide them. */
public sealed interface Program {

    /** Copies its standard input to its standard output until end of file (cat). */
    record Echo() implements Program {
    }

    /** Copies one file to another, both relative to the scratch directory (cp). */
    record CopyFile(String from, String to) implements Program {
    }

    static Program echo() {
        return new Echo();
    }

    static Program copyFile(String from, String to) {
        return new CopyFile(from, to);
    }
}
