/*
 * Whether the memory bandwidth a copy gets moves while the guest's other CPUs do nothing: a copy of a 64 MB buffer
 * (many times the last-level cache, as Table 5's uncached bcopy is; asfast's is four times it) on CPU 0, reported every
 * 100 ms as MB/s, beside the jiffies the other CPUs spent busy (user, nice, system, irq, softirq) in that slice, from
 * /proc/stat. A slow spell while the other CPUs stay idle does not come from the guest's other work.
 *
 *   gcc -O2 -o /tmp/membw tools/probes/membw.c && /tmp/membw 120 > /tmp/membw.csv
 *
 * A probe for reading, not part of a run: nothing in asfast compiles it.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BYTES (64L << 20)

static volatile char sink;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Busy jiffies of every CPU but CPU 0 since boot. */
static long othersBusy(void) {
    FILE *f = fopen("/proc/stat", "r");
    if (!f) {
        perror("/proc/stat");
        exit(2);
    }
    char line[512];
    long busy = 0;
    while (fgets(line, sizeof line, f)) {
        int cpu;
        long user, nice, system, idle, iowait, irq, softirq;
        if (line[0] == 'c' && line[3] >= '0' && line[3] <= '9' /* cpuN, not the "cpu " total */
            && sscanf(line, "cpu%d %ld %ld %ld %ld %ld %ld %ld", &cpu, &user, &nice, &system, &idle, &iowait, &irq, &softirq) == 8 && cpu != 0) {
            busy += user + nice + system + irq + softirq;
        }
    }
    fclose(f);
    return busy;
}

int main(int argc, char **argv) {
    char *end = NULL;
    double seconds = argc == 2 ? strtod(argv[1], &end) : 0;
    if (argc != 2 || *end || !(seconds > 0)) {
        fprintf(stderr, "usage: membw <seconds, more than 0>\n");
        return 2;
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    if (sched_setaffinity(0, sizeof one, &one)) {
        perror("sched_setaffinity");
        return 2;
    }
    char *from = malloc(BYTES), *to = malloc(BYTES);
    if (!from || !to) {
        fprintf(stderr, "membw: no memory for two %ld MB buffers\n", BYTES >> 20);
        return 2;
    }
    memset(from, 1, BYTES);
    memset(to, 2, BYTES);
    printf("mb_per_s,other_cpus_busy_jiffies\n");
    for (double stop = now() + seconds; now() < stop;) {
        long busy0 = othersBusy(), copies = 0;
        double start = now();
        while (now() - start < 0.1) {
            memcpy(to, from, BYTES);
            sink += to[copies++ % BYTES]; /* the copy is read, so the compiler keeps it */
        }
        double elapsed = now() - start;
        printf("%.0f,%ld\n", copies * (double) BYTES / elapsed / 1e6, othersBusy() - busy0);
        fflush(stdout);
    }
    free(from);
    free(to);
    return 0;
}
