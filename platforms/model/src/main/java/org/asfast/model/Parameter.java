package org.asfast.model;

/**
 * One model parameter and where its value comes from.
 *
 * @param subject   what it describes: a machine ({@code DS3100}), an instruction-set family
 *                  ({@code isa:sparc}), an operating system ({@code os:Sprite}), a configuration
 *                  ({@code config:NFS}), a machine running one system ({@code DS3100+Mach 2.5}), or {@code all}
 * @param name      the parameter, e.g. {@code disk_rotation_ms}
 * @param value     a number, or a word for the few descriptive ones ({@code cache = write-through})
 * @param unit      its unit, as written in the file
 * @param source    {@code documented: ...}, {@code assumption: ...}, {@code calibration: <cell>[; <cell>...] (note)} or
 *                  {@code what-if: ...}, as {@link org.asfast.spi.Provenance} reads it
 */
public record Parameter(String subject, String name, String value, String unit, String source) {

    /** Where the value comes from, parsed. */
    public org.asfast.spi.Provenance provenance() {
        return org.asfast.spi.Provenance.parse(source);
    }

    /** The first paper cell a calibrated parameter was solved from or chosen on, {@code paper|table|machine|os|config|column}, or null. */
    public String calibrationCell() {
        return isCalibration() ? provenance().cells().getFirst() : null;
    }

    /** Every paper cell a calibrated parameter was read from, solved on or chosen while looking at; empty for other sources. */
    public java.util.List<String> calibrationCells() {
        return provenance().cells();
    }

    public boolean isCalibration() {
        return source.startsWith("calibration:");
    }

    /** A calibration that {@code asfast model --calibrate} solves again (not one chosen or read off by hand). */
    public boolean isSolved() {
        return isCalibration() && provenance().isSolved();
    }

    public double number() {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model parameter " + subject + "/" + name + " is '" + value + "', not a number");
        }
    }
}
