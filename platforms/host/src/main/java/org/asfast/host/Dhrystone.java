package org.asfast.host;

import java.util.Arrays;

/**
 * Dhrystone 2.1 (Weicker, 1988), ported statement for statement from the C reference, so that its
 * rate can be expressed in VAX MIPS: a VAX-11/780 ran 1757 Dhrystones per second.
 *
 * <p>C strings are byte arrays copied with {@link System#arraycopy} as strcpy would, and struct
 * assignment copies every field, so the JIT has the same work to do as a C compiler. After a run,
 * {@link #verify(int)} checks the final values that the reference program prints as "should be".
 */
final class Dhrystone {
    static final double DHRYSTONES_PER_VAX_MIPS = 1757.0;

    private static final int IDENT_1 = 0;
    private static final int IDENT_2 = 1;
    private static final int IDENT_3 = 2;
    private static final int IDENT_4 = 3;
    private static final int IDENT_5 = 4;
    private static final int STR_LEN = 31;

    private static final byte[] SOME_STRING = cString("DHRYSTONE PROGRAM, SOME STRING");
    private static final byte[] FIRST_STRING = cString("DHRYSTONE PROGRAM, 1'ST STRING");
    private static final byte[] SECOND_STRING = cString("DHRYSTONE PROGRAM, 2'ND STRING");
    private static final byte[] THIRD_STRING = cString("DHRYSTONE PROGRAM, 3'RD STRING");

    /** Rec_Type with its variant 1 (the only one the program uses). */
    private static final class Record {
        Record ptrComp;
        int discr;
        int enumComp;
        int intComp;
        final byte[] strComp = new byte[STR_LEN];

        void assign(Record other) {
            ptrComp = other.ptrComp;
            discr = other.discr;
            enumComp = other.enumComp;
            intComp = other.intComp;
            System.arraycopy(other.strComp, 0, strComp, 0, STR_LEN);
        }
    }

    private Record ptrGlob;
    private Record nextPtrGlob;
    private int intGlob;
    private boolean boolGlob;
    private byte ch1Glob;
    private byte ch2Glob;
    private final int[] arr1Glob = new int[50];
    private final int[][] arr2Glob = new int[50][50];

    // Locals of main that the reference program prints after the loop.
    private int int1Loc;
    private int int2Loc;
    private int int3Loc;
    private int enumLoc;
    private final byte[] str1Loc = new byte[STR_LEN];
    private final byte[] str2Loc = new byte[STR_LEN];

    /** Runs the main loop {@code runs} times from a fresh state. */
    void run(int runs) {
        nextPtrGlob = new Record();
        ptrGlob = new Record();
        ptrGlob.ptrComp = nextPtrGlob;
        ptrGlob.discr = IDENT_1;
        ptrGlob.enumComp = IDENT_3;
        ptrGlob.intComp = 40;
        System.arraycopy(SOME_STRING, 0, ptrGlob.strComp, 0, STR_LEN);
        System.arraycopy(FIRST_STRING, 0, str1Loc, 0, STR_LEN);
        for (int[] row : arr2Glob) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(arr1Glob, 0);
        arr2Glob[8][7] = 10;
        intGlob = 0;
        boolGlob = false;
        ch1Glob = 0;
        ch2Glob = 0;

        int[] int3Ref = new int[1];
        int[] enumRef = new int[1];
        int[] int1Ref = new int[1];
        for (int runIndex = 1; runIndex <= runs; ++runIndex) {
            proc5();
            proc4();
            int1Loc = 2;
            int2Loc = 3;
            System.arraycopy(SECOND_STRING, 0, str2Loc, 0, STR_LEN);
            enumLoc = IDENT_2;
            boolGlob = !func2(str1Loc, str2Loc);
            while (int1Loc < int2Loc) {
                int3Loc = 5 * int1Loc - int2Loc;
                int3Ref[0] = int3Loc;
                proc7(int1Loc, int2Loc, int3Ref);
                int3Loc = int3Ref[0];
                int1Loc += 1;
            }
            proc8(arr1Glob, arr2Glob, int1Loc, int3Loc);
            proc1(ptrGlob);
            for (byte chIndex = 'A'; chIndex <= ch2Glob; ++chIndex) {
                if (enumLoc == func1(chIndex, (byte) 'C')) {
                    enumRef[0] = enumLoc;
                    proc6(IDENT_1, enumRef);
                    enumLoc = enumRef[0];
                    System.arraycopy(THIRD_STRING, 0, str2Loc, 0, STR_LEN);
                    int2Loc = runIndex;
                    intGlob = runIndex;
                }
            }
            int2Loc = int2Loc * int1Loc;
            int1Loc = int2Loc / int3Loc;
            int2Loc = 7 * (int2Loc - int3Loc) - int1Loc;
            int1Ref[0] = int1Loc;
            proc2(int1Ref);
            int1Loc = int1Ref[0];
        }
    }

    private void proc1(Record ptrValPar) {
        Record nextRecord = ptrValPar.ptrComp;
        ptrValPar.ptrComp.assign(ptrGlob);
        ptrValPar.intComp = 5;
        nextRecord.intComp = ptrValPar.intComp;
        nextRecord.ptrComp = ptrValPar.ptrComp;
        nextRecord.ptrComp = proc3(nextRecord.ptrComp);
        if (nextRecord.discr == IDENT_1) {
            nextRecord.intComp = 6;
            int[] enumRef = {nextRecord.enumComp};
            proc6(ptrValPar.enumComp, enumRef);
            nextRecord.enumComp = enumRef[0];
            nextRecord.ptrComp = ptrGlob.ptrComp;
            int[] intRef = {nextRecord.intComp};
            proc7(nextRecord.intComp, 10, intRef);
            nextRecord.intComp = intRef[0];
        } else {
            ptrValPar.assign(ptrValPar.ptrComp);
        }
    }

    private void proc2(int[] intParRef) {
        int intLoc = intParRef[0] + 10;
        int enumLoc2 = IDENT_2;
        do {
            if (ch1Glob == 'A') {
                intLoc -= 1;
                intParRef[0] = intLoc - intGlob;
                enumLoc2 = IDENT_1;
            }
        } while (enumLoc2 != IDENT_1);
    }

    /** Returns the new value of *Ptr_Ref_Par. */
    private Record proc3(Record ptrRefPar) {
        Record result = ptrRefPar;
        if (ptrGlob != null) {
            result = ptrGlob.ptrComp;
        }
        int[] intRef = {ptrGlob.intComp};
        proc7(10, intGlob, intRef);
        ptrGlob.intComp = intRef[0];
        return result;
    }

    private void proc4() {
        boolean boolLoc = ch1Glob == 'A';
        boolGlob = boolLoc | boolGlob;
        ch2Glob = 'B';
    }

    private void proc5() {
        ch1Glob = 'A';
        boolGlob = false;
    }

    private void proc6(int enumValPar, int[] enumRefPar) {
        enumRefPar[0] = enumValPar;
        if (!func3(enumValPar)) {
            enumRefPar[0] = IDENT_4;
        }
        switch (enumValPar) {
            case IDENT_1 -> enumRefPar[0] = IDENT_1;
            case IDENT_2 -> enumRefPar[0] = intGlob > 100 ? IDENT_1 : IDENT_4;
            case IDENT_3 -> enumRefPar[0] = IDENT_2;
            case IDENT_4 -> {
            }
            case IDENT_5 -> enumRefPar[0] = IDENT_3;
            default -> throw new IllegalStateException();
        }
    }

    private static void proc7(int int1ParVal, int int2ParVal, int[] intParRef) {
        int intLoc = int1ParVal + 2;
        intParRef[0] = int2ParVal + intLoc;
    }

    private void proc8(int[] arr1ParRef, int[][] arr2ParRef, int int1ParVal, int int2ParVal) {
        int intLoc = int1ParVal + 5;
        arr1ParRef[intLoc] = int2ParVal;
        arr1ParRef[intLoc + 1] = arr1ParRef[intLoc];
        arr1ParRef[intLoc + 30] = intLoc;
        for (int intIndex = intLoc; intIndex <= intLoc + 1; ++intIndex) {
            arr2ParRef[intLoc][intIndex] = intLoc;
        }
        arr2ParRef[intLoc][intLoc - 1] += 1;
        arr2ParRef[intLoc + 20][intLoc] = arr1ParRef[intLoc];
        intGlob = 5;
    }

    private int func1(byte ch1ParVal, byte ch2ParVal) {
        byte ch1Loc = ch1ParVal;
        byte ch2Loc = ch1Loc;
        if (ch2Loc != ch2ParVal) {
            return IDENT_1;
        }
        ch1Glob = ch1Loc;
        return IDENT_2;
    }

    private boolean func2(byte[] str1ParRef, byte[] str2ParRef) {
        int intLoc = 2;
        byte chLoc = 0;
        while (intLoc <= 2) {
            if (func1(str1ParRef[intLoc], str2ParRef[intLoc + 1]) == IDENT_1) {
                chLoc = 'A';
                intLoc += 1;
            }
        }
        if (chLoc >= 'W' && chLoc < 'Z') {
            intLoc = 7;
        }
        if (chLoc == 'R') {
            return true;
        }
        if (strcmp(str1ParRef, str2ParRef) > 0) {
            intLoc += 7;
            intGlob = intLoc;
            return true;
        }
        return false;
    }

    private static boolean func3(int enumParVal) {
        return enumParVal == IDENT_3;
    }

    private static int strcmp(byte[] a, byte[] b) {
        for (int i = 0; ; i++) {
            if (a[i] != b[i] || a[i] == 0) {
                return a[i] - b[i];
            }
        }
    }

    private static byte[] cString(String s) {
        byte[] bytes = Arrays.copyOf(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII), STR_LEN);
        if (s.length() != STR_LEN - 1) {
            throw new IllegalArgumentException(s);
        }
        return bytes;
    }

    /** Checks the values the reference program prints after {@code runs} runs against its "should be" lines. */
    void verify(int runs) {
        check(intGlob == 5, "Int_Glob");
        check(boolGlob, "Bool_Glob");
        check(ch1Glob == 'A', "Ch_1_Glob");
        check(ch2Glob == 'B', "Ch_2_Glob");
        check(arr1Glob[8] == 7, "Arr_1_Glob[8]");
        check(arr2Glob[8][7] == runs + 10, "Arr_2_Glob[8][7]");
        check(ptrGlob.discr == IDENT_1 && ptrGlob.enumComp == IDENT_3 && ptrGlob.intComp == 17, "Ptr_Glob");
        check(Arrays.equals(ptrGlob.strComp, SOME_STRING), "Ptr_Glob->Str_Comp");
        check(nextPtrGlob.discr == IDENT_1 && nextPtrGlob.enumComp == IDENT_2 && nextPtrGlob.intComp == 18, "Next_Ptr_Glob");
        check(int1Loc == 5 && int2Loc == 13 && int3Loc == 7 && enumLoc == IDENT_2, "locals");
        check(Arrays.equals(str1Loc, FIRST_STRING) && Arrays.equals(str2Loc, SECOND_STRING), "strings");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Dhrystone computed a wrong value for " + what);
        }
    }
}
