package org.asfast.spi;

/** A platform's clock. Real platforms read the wall clock; modelled platforms advance virtual time. */
public interface Clock {

    /** Nanoseconds since an arbitrary origin. */
    long nanos();

    /** True when time is modelled rather than measured. */
    boolean isVirtual();

    /** The wall clock of this computer. */
    Clock WALL = new Clock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public boolean isVirtual() {
            return false;
        }
    };
}
