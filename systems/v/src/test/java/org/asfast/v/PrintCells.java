package org.asfast.v;

/** Prints every simulated cell (run with -Dtest=PrintCells; not a test). */
class PrintCells {
    public static void main(String[] args) {
        for (VCells.Cell c : VCells.all()) {
            System.out.printf("%-110s %10.4f %s%n", c.key(), c.value(), c.unit());
        }
    }
}
