/*
 * Dhrystone 2.1 in C, to check the Java port that rates the host (platforms/host Dhrystone.java).
 * Written from the same reference structure; the final values are checked as the reference program
 * prints them. asfast compiles and runs it beside the Java rating (./asfast mips, and every run), as
 *
 *   dhrystone <trial-ms> <trials>     warm up for 0.25 s, then <trials> trials of about <trial-ms> ms
 *
 * and reads one CSV line per trial: trial,runs,seconds. Without arguments it prints a rating, the best
 * of 400 trials of 5 ms, as HostMips keeps the best:
 *
 *   gcc -O2 -fno-inline -o dhrystone tools/cbench/dhrystone.c && ./dhrystone
 *
 * -fno-inline keeps the procedure calls the benchmark is meant to count; without it gcc folds much
 * of the loop away and the rating says more about the compiler than the machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { Ident_1, Ident_2, Ident_3, Ident_4, Ident_5 } Enumeration;
typedef int One_Thirty;
typedef int One_Fifty;
typedef char Capital_Letter;
typedef int Boolean;
typedef char Str_30[31];
typedef int Arr_1_Dim[50];
typedef int Arr_2_Dim[50][50];

typedef struct record {
    struct record *Ptr_Comp;
    Enumeration Discr;
    Enumeration Enum_Comp;
    int Int_Comp;
    char Str_Comp[31];
} Rec_Type, *Rec_Pointer;

static Rec_Pointer Ptr_Glob, Next_Ptr_Glob;
static int Int_Glob;
static Boolean Bool_Glob;
static char Ch_1_Glob, Ch_2_Glob;
static int Arr_1_Glob[50];
static int Arr_2_Glob[50][50];

static void Proc_1(Rec_Pointer);
static void Proc_2(One_Fifty *);
static void Proc_3(Rec_Pointer *);
static void Proc_4(void);
static void Proc_5(void);
static void Proc_6(Enumeration, Enumeration *);
static void Proc_7(One_Fifty, One_Fifty, One_Fifty *);
static void Proc_8(Arr_1_Dim, Arr_2_Dim, int, int);
static Enumeration Func_1(Capital_Letter, Capital_Letter);
static Boolean Func_2(Str_30, Str_30);
static Boolean Func_3(Enumeration);

static One_Fifty Int_1_Loc, Int_2_Loc, Int_3_Loc;
static Enumeration Enum_Loc;
static Str_30 Str_1_Loc, Str_2_Loc;

static void run(long runs) {
    char Ch_Index;
    Next_Ptr_Glob = (Rec_Pointer) malloc(sizeof(Rec_Type));
    Ptr_Glob = (Rec_Pointer) malloc(sizeof(Rec_Type));
    Ptr_Glob->Ptr_Comp = Next_Ptr_Glob;
    Ptr_Glob->Discr = Ident_1;
    Ptr_Glob->Enum_Comp = Ident_3;
    Ptr_Glob->Int_Comp = 40;
    strcpy(Ptr_Glob->Str_Comp, "DHRYSTONE PROGRAM, SOME STRING");
    strcpy(Str_1_Loc, "DHRYSTONE PROGRAM, 1'ST STRING");
    memset(Arr_2_Glob, 0, sizeof Arr_2_Glob);
    memset(Arr_1_Glob, 0, sizeof Arr_1_Glob);
    Arr_2_Glob[8][7] = 10;
    for (long Run_Index = 1; Run_Index <= runs; ++Run_Index) {
        Proc_5();
        Proc_4();
        Int_1_Loc = 2;
        Int_2_Loc = 3;
        strcpy(Str_2_Loc, "DHRYSTONE PROGRAM, 2'ND STRING");
        Enum_Loc = Ident_2;
        Bool_Glob = !Func_2(Str_1_Loc, Str_2_Loc);
        while (Int_1_Loc < Int_2_Loc) {
            Int_3_Loc = 5 * Int_1_Loc - Int_2_Loc;
            Proc_7(Int_1_Loc, Int_2_Loc, &Int_3_Loc);
            Int_1_Loc += 1;
        }
        Proc_8(Arr_1_Glob, Arr_2_Glob, Int_1_Loc, Int_3_Loc);
        Proc_1(Ptr_Glob);
        for (Ch_Index = 'A'; Ch_Index <= Ch_2_Glob; ++Ch_Index) {
            if (Enum_Loc == Func_1(Ch_Index, 'C')) {
                Proc_6(Ident_1, &Enum_Loc);
                strcpy(Str_2_Loc, "DHRYSTONE PROGRAM, 3'RD STRING");
                Int_2_Loc = Run_Index;
                Int_Glob = Run_Index;
            }
        }
        Int_2_Loc = Int_2_Loc * Int_1_Loc;
        Int_1_Loc = Int_2_Loc / Int_3_Loc;
        Int_2_Loc = 7 * (Int_2_Loc - Int_3_Loc) - Int_1_Loc;
        Proc_2(&Int_1_Loc);
    }
}

static void Proc_1(Rec_Pointer Ptr_Val_Par) {
    Rec_Pointer Next_Record = Ptr_Val_Par->Ptr_Comp;
    *Ptr_Val_Par->Ptr_Comp = *Ptr_Glob;
    Ptr_Val_Par->Int_Comp = 5;
    Next_Record->Int_Comp = Ptr_Val_Par->Int_Comp;
    Next_Record->Ptr_Comp = Ptr_Val_Par->Ptr_Comp;
    Proc_3(&Next_Record->Ptr_Comp);
    if (Next_Record->Discr == Ident_1) {
        Next_Record->Int_Comp = 6;
        Proc_6(Ptr_Val_Par->Enum_Comp, &Next_Record->Enum_Comp);
        Next_Record->Ptr_Comp = Ptr_Glob->Ptr_Comp;
        Proc_7(Next_Record->Int_Comp, 10, &Next_Record->Int_Comp);
    } else {
        *Ptr_Val_Par = *Ptr_Val_Par->Ptr_Comp;
    }
}

static void Proc_2(One_Fifty *Int_Par_Ref) {
    One_Fifty Int_Loc = *Int_Par_Ref + 10;
    Enumeration Enum_Loc2 = Ident_2;
    do
        if (Ch_1_Glob == 'A') {
            Int_Loc -= 1;
            *Int_Par_Ref = Int_Loc - Int_Glob;
            Enum_Loc2 = Ident_1;
        }
    while (Enum_Loc2 != Ident_1);
}

static void Proc_3(Rec_Pointer *Ptr_Ref_Par) {
    if (Ptr_Glob != NULL)
        *Ptr_Ref_Par = Ptr_Glob->Ptr_Comp;
    Proc_7(10, Int_Glob, &Ptr_Glob->Int_Comp);
}

static void Proc_4(void) {
    Boolean Bool_Loc = Ch_1_Glob == 'A';
    Bool_Glob = Bool_Loc | Bool_Glob;
    Ch_2_Glob = 'B';
}

static void Proc_5(void) {
    Ch_1_Glob = 'A';
    Bool_Glob = 0;
}

static void Proc_6(Enumeration Enum_Val_Par, Enumeration *Enum_Ref_Par) {
    *Enum_Ref_Par = Enum_Val_Par;
    if (!Func_3(Enum_Val_Par))
        *Enum_Ref_Par = Ident_4;
    switch (Enum_Val_Par) {
        case Ident_1: *Enum_Ref_Par = Ident_1; break;
        case Ident_2: *Enum_Ref_Par = Int_Glob > 100 ? Ident_1 : Ident_4; break;
        case Ident_3: *Enum_Ref_Par = Ident_2; break;
        case Ident_4: break;
        case Ident_5: *Enum_Ref_Par = Ident_3; break;
    }
}

static void Proc_7(One_Fifty Int_1_Par_Val, One_Fifty Int_2_Par_Val, One_Fifty *Int_Par_Ref) {
    One_Fifty Int_Loc = Int_1_Par_Val + 2;
    *Int_Par_Ref = Int_2_Par_Val + Int_Loc;
}

static void Proc_8(Arr_1_Dim Arr_1_Par_Ref, Arr_2_Dim Arr_2_Par_Ref, int Int_1_Par_Val, int Int_2_Par_Val) {
    One_Fifty Int_Loc = Int_1_Par_Val + 5;
    Arr_1_Par_Ref[Int_Loc] = Int_2_Par_Val;
    Arr_1_Par_Ref[Int_Loc + 1] = Arr_1_Par_Ref[Int_Loc];
    Arr_1_Par_Ref[Int_Loc + 30] = Int_Loc;
    for (One_Fifty Int_Index = Int_Loc; Int_Index <= Int_Loc + 1; ++Int_Index)
        Arr_2_Par_Ref[Int_Loc][Int_Index] = Int_Loc;
    Arr_2_Par_Ref[Int_Loc][Int_Loc - 1] += 1;
    Arr_2_Par_Ref[Int_Loc + 20][Int_Loc] = Arr_1_Par_Ref[Int_Loc];
    Int_Glob = 5;
}

static Enumeration Func_1(Capital_Letter Ch_1_Par_Val, Capital_Letter Ch_2_Par_Val) {
    Capital_Letter Ch_1_Loc = Ch_1_Par_Val;
    Capital_Letter Ch_2_Loc = Ch_1_Loc;
    if (Ch_2_Loc != Ch_2_Par_Val)
        return Ident_1;
    Ch_1_Glob = Ch_1_Loc;
    return Ident_2;
}

static Boolean Func_2(Str_30 Str_1_Par_Ref, Str_30 Str_2_Par_Ref) {
    One_Thirty Int_Loc = 2;
    Capital_Letter Ch_Loc = 0;
    while (Int_Loc <= 2)
        if (Func_1(Str_1_Par_Ref[Int_Loc], Str_2_Par_Ref[Int_Loc + 1]) == Ident_1) {
            Ch_Loc = 'A';
            Int_Loc += 1;
        }
    if (Ch_Loc >= 'W' && Ch_Loc < 'Z')
        Int_Loc = 7;
    if (Ch_Loc == 'R')
        return 1;
    if (strcmp(Str_1_Par_Ref, Str_2_Par_Ref) > 0) {
        Int_Loc += 7;
        Int_Glob = Int_Loc;
        return 1;
    }
    return 0;
}

static Boolean Func_3(Enumeration Enum_Par_Val) {
    return Enum_Par_Val == Ident_3;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void verify(long runs) {
    int ok = Int_Glob == 5 && Bool_Glob == 1 && Ch_1_Glob == 'A' && Ch_2_Glob == 'B' && Arr_1_Glob[8] == 7
            && Arr_2_Glob[8][7] == runs + 10 && Ptr_Glob->Int_Comp == 17 && Next_Ptr_Glob->Int_Comp == 18
            && Int_1_Loc == 5 && Int_2_Loc == 13 && Int_3_Loc == 7 && Enum_Loc == Ident_2
            && !strcmp(Str_2_Loc, "DHRYSTONE PROGRAM, 2'ND STRING");
    if (!ok) {
        fprintf(stderr, "dhrystone: wrong final values\n");
        exit(1);
    }
}

/* Times one trial of runs Dhrystones; returns its seconds. */
static double trial(long runs) {
    double start = now();
    run(runs);
    double elapsed = now() - start;
    verify(runs);
    return elapsed;
}

int main(int argc, char **argv) {
    int csv = argc > 1;
    double trial_seconds = (csv ? atof(argv[1]) : 5) / 1e3;
    int trials = argc > 2 ? atoi(argv[2]) : 400;
    if (trial_seconds <= 0 || trials <= 0) {
        fprintf(stderr, "usage: dhrystone [trial-ms [trials]]\n");
        return 2;
    }
    /* Warm up (caches, CPU frequency) for a quarter second, adjusting the run count to last a trial. */
    long runs = 1000;
    double elapsed;
    while ((elapsed = trial(runs)) < trial_seconds / 4) runs *= 2;
    double fastest = runs / elapsed;
    for (double warm = 0; warm < 0.25; warm += elapsed) {
        runs = (long) (fastest * trial_seconds) + 1;
        elapsed = trial(runs);
        if (runs / elapsed > fastest) fastest = runs / elapsed;
    }
    double best = 0;
    if (csv) printf("trial,runs,seconds\n");
    for (int i = 1; i <= trials; i++) {
        double seconds = trial(runs);
        if (csv) printf("%d,%ld,%.9f\n", i, runs, seconds);
        if (runs / seconds > best) best = runs / seconds;
    }
    if (!csv) printf("%.0f Dhrystones/s = %.0f VAX MIPS (best of %d trials of %ld runs)\n", best, best / 1757, trials, runs);
    return 0;
}
