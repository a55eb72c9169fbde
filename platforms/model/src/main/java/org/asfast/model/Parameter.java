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
 * @param source    {@code documented: ...}, {@code assumption: ...}, {@code calibration: <cell>} or {@code what-if: ...}
 */
public record Parameter(String subject, String name, String value, String unit, String source) {

    /** The paper cell a calibrated parameter was solved from, {@code paper | table | machine | os | config | column}, without any note in parentheses. */
    public String calibrationCell() {
        if (!isCalibration()) {
            return null;
        }
        String cell = source.substring("calibration:".length());
        int note = cell.indexOf(" (");
        return (note < 0 ? cell : cell.substring(0, note)).trim();
    }

    public boolean isCalibration() {
        return source.startsWith("calibration:");
    }

    public double number() {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model parameter " + subject + "/" + name + " is '" + value + "', not a number");
        }
    }
}
