/*
 * The same loops as asfast's host workloads, written in C, to validate the Java figures.
 * Not part of the build: tools/cbench/compare.sh compiles it with gcc -O2 and runs it right after
 * a JMH run. Each figure is the mean of 5 trials of about 0.5 s after a warm-up, as JMH's quick
 * profile measures; units match results.csv (us, ms, MB/s with 1 MB = 2^20 bytes, s).
 *
 *   ousterhout <target-dir> <andrew-source-dir> [idle-threads] [fd-base]
 *
 * idle-threads starts that many sleeping threads first: select and the file calls cost more in a
 * multithreaded process (the JVM is one), so the fair comparison has threads too. fd-base gives the
 * select workload's pipes descriptor numbers at least that high, as they are in a JVM.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRIALS 5
#define TRIAL_NS 500000000.0

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

/* Runs op until a trial's time has passed; returns ns per op, mean of TRIALS after one warm-up trial. */
typedef void (*op_fn)(void *);
static double measure(op_fn op, void *arg) {
    double sum = 0;
    for (int trial = -1; trial < TRIALS; trial++) {
        long n = 0;
        double start = now(), elapsed;
        do {
            for (int i = 0; i < 64; i++) op(arg);
            n += 64;
            elapsed = now() - start;
        } while (elapsed < TRIAL_NS);
        if (trial >= 0) sum += elapsed / n;
    }
    return sum / TRIALS;
}

static void op_getpid(void *arg) { (void) arg; syscall(SYS_getpid); }

struct cswitch { int to, from; char b; };
static void op_roundtrip(void *arg) {
    struct cswitch *c = arg;
    if (write(c->to, &c->b, 1) != 1 || read(c->from, &c->b, 1) != 1) die("cswitch");
}

static double cswitch(int pinned) {
    int to[2], from[2];
    if (pipe(to) || pipe(from)) die("pipe");
    cpu_set_t old, one;
    sched_getaffinity(0, sizeof old, &old);
    if (pinned) {
        CPU_ZERO(&one);
        CPU_SET(sched_getcpu(), &one);
        sched_setaffinity(0, sizeof one, &one);
    }
    pid_t child = fork();
    if (child == 0) {
        close(to[1]); close(from[0]);
        char buf[128 * 1024];
        ssize_t n;
        while ((n = read(to[0], buf, sizeof buf)) > 0)
            if (write(from[1], buf, n) != n) _exit(1);
        _exit(0);
    }
    close(to[0]); close(from[1]);
    struct cswitch c = {to[1], from[0], 'x'};
    double ns = measure(op_roundtrip, &c);
    close(to[1]);
    waitpid(child, NULL, 0);
    close(from[0]);
    sched_setaffinity(0, sizeof old, &old);
    return ns;
}

struct selectarg { int n, nfds; fd_set set; };
static void op_select(void *arg) {
    struct selectarg *s = arg;
    fd_set copy = s->set;
    struct timeval zero = {0, 0};
    if (select(s->nfds, &copy, NULL, NULL, &zero) < 0) die("select");
}

/* The JVM already has dozens of descriptors open, so its pipes get higher numbers; match them. */
static int fd_base;
static void raise_fds(int fds[2]) {
    for (int e = 0; e < 2 && fd_base > 0; e++) {
        int high = fcntl(fds[e], F_DUPFD, fd_base);
        if (high < 0) die("F_DUPFD");
        close(fds[e]);
        fds[e] = high;
    }
}

static double select_pipes(int count, int full) {
    struct selectarg s = {count, 0};
    int fds[10][2];
    FD_ZERO(&s.set);
    for (int i = 0; i < count; i++) {
        if (pipe(fds[i])) die("pipe");
        raise_fds(fds[i]);
        if (full && write(fds[i][1], "x", 1) != 1) die("write");
        FD_SET(fds[i][0], &s.set);
        if (fds[i][0] + 1 > s.nfds) s.nfds = fds[i][0] + 1;
    }
    double ns = measure(op_select, &s);
    for (int i = 0; i < count; i++) { close(fds[i][0]); close(fds[i][1]); }
    return ns;
}

static long cache_size(int want_shared) {
    long best = 0;
    for (int i = 0; i < 8; i++) {
        char path[128], buf[64];
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", i);
        FILE *f = fopen(path, "r");
        if (!f) break;
        fscanf(f, "%63s", buf); fclose(f);
        if (!strcmp(buf, "Instruction")) continue;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", i);
        f = fopen(path, "r"); long kb; char unit = 'K';
        fscanf(f, "%ld%c", &kb, &unit); fclose(f);
        long bytes = unit == 'M' ? kb << 20 : kb << 10;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/shared_cpu_list", i);
        f = fopen(path, "r"); fscanf(f, "%63s", buf); fclose(f);
        int private = !strchr(buf, ',') && !strchr(buf, '-');
        if ((want_shared || private) && bytes > best) best = bytes;
    }
    return best;
}

struct copyarg { char *src, *dst; size_t n; };
static void op_copy(void *arg) {
    struct copyarg *c = arg;
    memcpy(c->dst, c->src, c->n);
    __asm__ volatile("" : : "r"(c->dst) : "memory");
}

static double bcopy_mbs(size_t block) {
    struct copyarg c = {aligned_alloc(4096, block), aligned_alloc(4096, block), block};
    memset(c.src, 1, block); memset(c.dst, 0, block);
    double ns = measure(op_copy, &c);
    free(c.src); free(c.dst);
    return block / (ns * 1e-9) / (1 << 20);
}

struct readarg { int fd; char *buf; };
static void op_read(void *arg) {
    struct readarg *r = arg;
    ssize_t n = read(r->fd, r->buf, 16384);
    if (n == 0) { lseek(r->fd, 0, SEEK_SET); n = read(r->fd, r->buf, 16384); }
    if (n <= 0) die("read");
}

static double read_mbs(long file_bytes) {
    char *chunk = malloc(1 << 20);
    memset(chunk, 'r', 1 << 20);
    int fd = open("read.dat", O_CREAT | O_TRUNC | O_WRONLY, 0644);
    for (long w = 0; w < file_bytes; w += 1 << 20)
        if (write(fd, chunk, 1 << 20) != 1 << 20) die("write read.dat");
    close(fd);
    struct readarg r = {open("read.dat", O_RDONLY), aligned_alloc(4096, 16384)};
    while (read(r.fd, chunk, 1 << 20) > 0) {}
    lseek(r.fd, 0, SEEK_SET);
    double ns = measure(op_read, &r);
    close(r.fd); unlink("read.dat"); free(chunk); free(r.buf);
    return 16384 / (ns * 1e-9) / (1 << 20);
}

static void op_openclose(void *arg) {
    int fd = open(arg, O_RDONLY);
    if (fd < 0) die("open");
    close(fd);
}

struct cdarg { char *buf; int n; };
static void op_createdelete(void *arg) {
    struct cdarg *c = arg;
    int fd = open("temp", O_CREAT | O_TRUNC | O_WRONLY, 0644);
    if (c->n && write(fd, c->buf, c->n) != c->n) die("write temp");
    close(fd);
    fd = open("temp", O_RDONLY);
    if (c->n && read(fd, c->buf, c->n) != c->n) die("read temp");
    close(fd);
    unlink("temp");
}

/* Andrew copy phases: MakeDir, Copy (one cp process per file), ScanDir (stat), ReadAll. */
static char dirs[64][256], files[256][256];
static int ndirs, nfiles, copies;
static void op_andrew_copy(void *arg) {
    const char *src = arg;
    char dest[64], path[8192], from[8192], buf[16384];
    snprintf(dest, sizeof dest, "andrew-copy-%d", ++copies);
    mkdir(dest, 0755);
    for (int i = 0; i < ndirs; i++) { snprintf(path, sizeof path, "%s/%s", dest, dirs[i]); mkdir(path, 0755); }
    for (int i = 0; i < nfiles; i++) {
        snprintf(from, sizeof from, "%s/%s", src, files[i]);
        snprintf(path, sizeof path, "%s/%s", dest, files[i]);
        pid_t p = fork();
        if (p == 0) { execlp("cp", "cp", from, path, (char *) NULL); _exit(127); }
        int status; waitpid(p, &status, 0);
        if (status) die("cp");
    }
    struct stat st;
    for (int i = 0; i < nfiles; i++) { snprintf(path, sizeof path, "%s/%s", dest, files[i]); stat(path, &st); }
    for (int i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/%s", dest, files[i]);
        int fd = open(path, O_RDONLY);
        while (read(fd, buf, sizeof buf) > 0) {}
        close(fd);
    }
}

static void *idle(void *arg) { (void) arg; for (;;) pause(); return NULL; }

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s target-dir andrew-source-dir [idle-threads]\n", argv[0]); return 2; }
    int threads = argc > 3 ? atoi(argv[3]) : 0;
    fd_base = argc > 4 ? atoi(argv[4]) : 0;
    for (int i = 0; i < threads; i++) { pthread_t t; pthread_create(&t, NULL, idle, NULL); }
    char andrew[4096];
    if (!realpath(argv[2], andrew)) die("andrew source");
    char scratch[4096];
    snprintf(scratch, sizeof scratch, "%s/asfast-cbench-XXXXXX", argv[1]);
    if (!mkdtemp(scratch) || chdir(scratch)) die("scratch");

    printf("getpid,%.4f,us\n", measure(op_getpid, NULL) / 1e3);
    printf("cswitch,%.5f,ms\n", cswitch(1) / 1e6);
    printf("cswitch cross-CPU,%.5f,ms\n", cswitch(0) / 1e6);
    printf("select 1 pipe,%.4f,us\n", select_pipes(1, 0) / 1e3);
    printf("select 10 empty,%.4f,us\n", select_pipes(10, 0) / 1e3);
    printf("select 10 full,%.4f,us\n", select_pipes(10, 1) / 1e3);
    long priv = cache_size(0), llc = cache_size(1);
    printf("bcopy Cached,%.1f,MB/s\n", bcopy_mbs(priv / 4 / 4096 * 4096));
    printf("bcopy Uncached,%.1f,MB/s\n", bcopy_mbs(4 * llc / 4096 * 4096));
    long file = 4 * llc > (64L << 20) ? 4 * llc : 64L << 20;
    printf("read,%.1f,MB/s\n", read_mbs(file / (1 << 20) * (1 << 20)));
    mkdir("a", 0755); mkdir("a/b", 0755); mkdir("a/b/c", 0755);
    close(open("foo", O_CREAT | O_WRONLY, 0644)); close(open("a/b/c/foo", O_CREAT | O_WRONLY, 0644));
    printf("open-close foo,%.6f,ms\n", measure(op_openclose, "foo") / 1e6);
    printf("open-close a/b/c/foo,%.6f,ms\n", measure(op_openclose, "a/b/c/foo") / 1e6);
    static char data[100 * 1024];
    int sizes[] = {0, 10 * 1024, 100 * 1024};
    const char *names[] = {"No data", "10 kbytes", "100 kbytes"};
    for (int i = 0; i < 3; i++) {
        struct cdarg c = {data, sizes[i]};
        printf("create-delete %s,%.5f,ms\n", names[i], measure(op_createdelete, &c) / 1e6);
    }
    char manifest[4200];
    snprintf(manifest, sizeof manifest, "%s/MANIFEST", andrew);
    FILE *m = fopen(manifest, "r");
    if (!m) die("MANIFEST");
    char line[300];
    while (fgets(line, sizeof line, m)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == 'd') strcpy(dirs[ndirs++], line + 2);
        else if (line[0] == 'f') strcpy(files[nfiles++], line + 2);
    }
    fclose(m);
    double total = 0;
    for (int i = -3; i < 5; i++) { double s = now(); op_andrew_copy(andrew); if (i >= 0) total += now() - s; }
    printf("andrew Copy,%.4f,s\n", total / 5 / 1e9);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (chdir("/") || system(cmd)) die("cleanup");
    return 0;
}
