package org.asfast.xfs;

import java.util.Arrays;

/** A block cut into the data fragments of a stripe plus their parity (RAID-5 style XOR), and put back together. */
final class Stripes {
    private Stripes() {
    }

    /** The {@code width} fragments of {@code block}: width - 1 data fragments of equal size (the last padded with zeros), then their XOR. */
    static byte[][] split(byte[] block, int width) {
        int size = fragmentBytes(block.length, width);
        byte[][] fragments = new byte[width][];
        byte[] parity = new byte[size];
        for (int i = 0; i < width - 1; i++) {
            int from = Math.min(block.length, i * size);
            fragments[i] = Arrays.copyOf(Arrays.copyOfRange(block, from, Math.min(block.length, from + size)), size);
            xorInto(parity, fragments[i]);
        }
        fragments[width - 1] = parity;
        return fragments;
    }

    static int fragmentBytes(int blockBytes, int width) {
        return (blockBytes + width - 2) / (width - 1);
    }

    /**
     * The block from its fragments, of which at most one may be null (lost): a missing fragment is the XOR of all
     * the others, parity included.
     */
    static byte[] join(byte[][] fragments, int blockBytes) {
        int missing = -1;
        for (int i = 0; i < fragments.length; i++) {
            if (fragments[i] == null) {
                if (missing >= 0) {
                    throw new IllegalArgumentException("two fragments of a stripe are missing; parity rebuilds only one");
                }
                missing = i;
            }
        }
        if (missing >= 0) {
            fragments = fragments.clone();
            fragments[missing] = rebuild(fragments, missing);
        }
        byte[] block = new byte[blockBytes];
        int size = fragments[0].length;
        for (int i = 0; i < fragments.length - 1; i++) {
            int from = i * size;
            if (from < blockBytes) {
                System.arraycopy(fragments[i], 0, block, from, Math.min(size, blockBytes - from));
            }
        }
        return block;
    }

    /** Fragment {@code missing} as the XOR of every other fragment of its stripe. */
    static byte[] rebuild(byte[][] fragments, int missing) {
        byte[] out = null;
        for (int i = 0; i < fragments.length; i++) {
            if (i != missing) {
                if (out == null) {
                    out = fragments[i].clone();
                } else {
                    xorInto(out, fragments[i]);
                }
            }
        }
        return out;
    }

    private static void xorInto(byte[] into, byte[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] ^= from[i];
        }
    }
}
