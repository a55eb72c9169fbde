/*
 * Where the cross-CPU round trip's time goes: the Table 3 ping-pong (one byte each way over two pipes) between this
 * process on CPU 0 and a child on CPU <other>, reported every 250 ms as the mean round trip in µs and, from /proc/stat,
 * the interrupts and context switches the whole system took per round trip. If the round trip changes level while the
 * guest's work per round trip (its interrupts and switches) stays the same, the time went outside the guest.
 *
 *   gcc -O2 -o /tmp/wakeups tools/probes/wakeups.c && /tmp/wakeups 90 1     # 90 s across CPUs 0 and 1
 *   /tmp/wakeups 60 0                                                       # the same on one CPU
 *
 * A probe for reading, not part of a run: nothing in asfast compiles it.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set)) die("sched_setaffinity");
}

/* The system's interrupts and context switches since boot. */
static void counters(long *interrupts, long *switches) {
    *interrupts = *switches = 0;
    FILE *f = fopen("/proc/stat", "r");
    if (!f) die("/proc/stat");
    static char line[1 << 16];
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "intr ", 5)) *interrupts = atol(line + 5);
        if (!strncmp(line, "ctxt ", 5)) *switches = atol(line + 5);
    }
    fclose(f);
}

int main(int argc, char **argv) {
    char *end1 = NULL, *end2 = NULL;
    double seconds = argc == 3 ? strtod(argv[1], &end1) : 0;
    long other = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (argc != 3 || *end1 || *end2 || !(seconds > 0) || other < 0 || other >= cpus) {
        fprintf(stderr, "usage: wakeups <seconds, more than 0> <the other CPU, 0 to %ld>\n", cpus - 1);
        return 2;
    }
    int there[2], back[2];
    if (pipe(there) || pipe(back)) die("pipe");
    char byte = 'x';
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* the parent's die() leaves no child behind */
        close(there[1]);
        close(back[0]);
        pin((int) other);
        while (read(there[0], &byte, 1) == 1 && write(back[1], &byte, 1) == 1) {
        }
        _exit(0);
    }
    close(there[0]); /* if the child exits, the parent's read sees end of file, or its write EPIPE, instead of waiting for ever */
    close(back[1]);
    signal(SIGPIPE, SIG_IGN);
    pin(0);
    printf("round_trip_us,interrupts_per_round_trip,switches_per_round_trip\n");
    for (double end = now() + seconds; now() < end;) {
        long interrupts0, switches0, interrupts1, switches1, trips = 0;
        counters(&interrupts0, &switches0);
        double start = now();
        while (now() - start < 0.25) {
            if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1) die("ping-pong (the child on the other CPU has gone)");
            trips++;
        }
        double elapsed = now() - start;
        counters(&interrupts1, &switches1);
        printf("%.2f,%.3f,%.3f\n", elapsed / trips * 1e6, (double) (interrupts1 - interrupts0) / trips, (double) (switches1 - switches0) / trips);
        fflush(stdout);
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
