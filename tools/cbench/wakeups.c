/*
 * Where the cross-CPU round trip's time goes: the Table 3 ping-pong (one byte each way over two pipes) between this
 * process on CPU 0 and a child on CPU <other>, reported every 250 ms as the mean round trip in µs and, from /proc/stat,
 * the interrupts and context switches the whole system took per round trip. If the round trip changes level while the
 * guest's work per round trip (its interrupts and switches) stays the same, the time went outside the guest.
 *
 *   gcc -O2 -o /tmp/wakeups tools/cbench/wakeups.c && /tmp/wakeups 90 1     # 90 s across CPUs 0 and 1
 *   /tmp/wakeups 60 0                                                       # the same on one CPU
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
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
    if (argc != 3) {
        fprintf(stderr, "usage: wakeups <seconds> <other cpu>\n");
        return 2;
    }
    double seconds = atof(argv[1]);
    int other = atoi(argv[2]);
    int there[2], back[2];
    if (pipe(there) || pipe(back)) die("pipe");
    char byte = 'x';
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        pin(other);
        while (read(there[0], &byte, 1) == 1 && write(back[1], &byte, 1) == 1) {
        }
        _exit(0);
    }
    pin(0);
    printf("round_trip_us,interrupts_per_round_trip,switches_per_round_trip\n");
    for (double end = now() + seconds; now() < end;) {
        long interrupts0, switches0, interrupts1, switches1, trips = 0;
        counters(&interrupts0, &switches0);
        double start = now();
        while (now() - start < 0.25) {
            if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1) die("ping-pong");
            trips++;
        }
        double elapsed = now() - start;
        counters(&interrupts1, &switches1);
        printf("%.2f,%.3f,%.3f\n", elapsed / trips * 1e6, (double) (interrupts1 - interrupts0) / trips, (double) (switches1 - switches0) / trips);
        fflush(stdout);
    }
    kill(child, SIGKILL);
    return 0;
}
