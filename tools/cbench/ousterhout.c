/*
 * The host workloads' loops in C: the same system calls, with the same flags and sizes, as
 * asfast's Java workloads make through their downcalls, so that a run can show what the JVM adds.
 * Every run compiles it (gcc -O2) into its scratch directory and runs it twice in the same target
 * directory: with one thread, as the paper's processes were, and with the JVM's thread count and
 * descriptor numbers, as the JMH fork that measured the Java figures was.
 *
 *   ousterhout -d DIR [-t THREADS] [-f FD_BASE] [-m TRIAL_MS] [-n TRIALS]
 *              [-c CACHED_BYTES] [-u UNCACHED_BYTES] [-r READ_FILE_BYTES] WORKLOAD...
 *
 * WORKLOAD is one of getpid, cswitch, select, bcopy, read, open-close, create-delete (bcopy needs -c
 * and -u, read needs -r). Each figure is one warm-up trial, then TRIALS trials of about TRIAL_MS.
 * Output is CSV, one line per trial, named like the JMH benchmark it mirrors:
 *
 *   benchmark,params,trial,ns_per_op
 *
 * It works in a fresh directory under DIR and removes it at the end, and also when it gets SIGTERM,
 * SIGINT or SIGHUP, or its parent dies.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define JMH "org.asfast.jmh."

static char scratch[4096];
static int scratch_fd = -1;
static pid_t partner;
static volatile sig_atomic_t stop_requested;
static int trials = 5;
static double trial_ns = 100e6;
static int fd_base;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void) st; (void) flag; (void) ftw;
    return remove(path) && errno != ENOENT ? -1 : 0;
}

/* Removes the scratch directory and the echo partner, then exits. */
static void finish(int status) {
    if (partner > 0) {
        kill(partner, SIGKILL);
        waitpid(partner, NULL, 0);
    }
    if (scratch_fd >= 0) close(scratch_fd);
    if (scratch[0] && nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS)) {
        perror("ousterhout: removing the scratch directory");
        status = status ? status : 1;
    }
    exit(status);
}

static void die(const char *what) {
    fprintf(stderr, "ousterhout: %s: %s\n", what, strerror(errno));
    finish(1);
}

static void on_signal(int sig) { (void) sig; stop_requested = 1; }

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

/*
 * Runs op in batches until a trial's time has passed; prints ns per op for each trial after a warm-up trial. A batch
 * is 16 ops, so that the clock is read seldom next to a short op, or one op when one takes more than a hundredth of a
 * trial (judged by the second op): 16 copies of 2 GB (the uncached block where the processor reports a 508 MB L3) made a 50 ms trial last 6 s.
 */
typedef void (*op_fn)(void *);
static void measure(const char *benchmark, const char *params, op_fn op, void *arg) {
    op(arg); /* the first may pay for a start (cswitch's partner process): the second is timed */
    double second = now();
    op(arg);
    int batch = now() - second > trial_ns / 100 ? 1 : 16;
    for (int trial = 0; trial <= trials; trial++) {
        long n = 0;
        double start = now(), elapsed;
        do {
            for (int i = 0; i < batch; i++) op(arg);
            n += batch;
            elapsed = now() - start;
            if (stop_requested) finish(3);
        } while (elapsed < trial_ns);
        if (trial > 0) printf("%s%s,%s,%d,%.3f\n", JMH, benchmark, params, trial, elapsed / n);
    }
    fflush(stdout);
}

/* The JVM's descriptors are many and its pipes get high numbers; -f gives ours numbers at least that high. */
static int raise_fd(int fd) {
    if (fd_base <= 0) return fd;
    int high = fcntl(fd, F_DUPFD_CLOEXEC, fd_base);
    if (high < 0) die("F_DUPFD");
    close(fd);
    return high;
}

static void open_pipe(int fds[2]) {
    if (pipe2(fds, O_CLOEXEC)) die("pipe2");
    fds[0] = raise_fd(fds[0]);
    fds[1] = raise_fd(fds[1]);
}

/* Table 2: getpid through syscall(2), as the Java workload calls it. */
static void op_getpid(void *arg) { (void) arg; syscall(SYS_getpid); }

/* Table 3: a one-byte round trip with cat(1), the Java workload's echo partner. */
struct cswitch { int to, from; char byte; };
static void op_roundtrip(void *arg) {
    struct cswitch *c = arg;
    if (write(c->to, &c->byte, 1) != 1 || read(c->from, &c->byte, 1) != 1) die("cswitch round trip");
}

/* same_cpu: both on the CPU we are on, as the paper's uniprocessors were; otherwise pinned to two CPUs, as the
 * Java workload's CROSS_CPU placement does (left to the scheduler, the pair sometimes shares a CPU). */
static void cswitch(int same_cpu) {
    int to[2], from[2];
    open_pipe(to);
    open_pipe(from);
    cpu_set_t old, one;
    sched_getaffinity(0, sizeof old, &old);
    partner = fork();
    if (partner < 0) die("fork");
    if (partner == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (dup2(to[0], 0) < 0 || dup2(from[1], 1) < 0) _exit(126);
        execlp("cat", "cat", (char *) NULL);
        _exit(127);
    }
    close(to[0]);
    close(from[1]);
    int cpu = sched_getcpu(), other = cpu;
    for (int i = 0; !same_cpu && i < CPU_SETSIZE && other == cpu; i++) {
        if (i != cpu && CPU_ISSET(i, &old)) other = i;
    }
    if (!same_cpu && other == cpu) { /* one CPU: no cross-CPU figure, as the Java side's n/a; the other loops go on */
        fprintf(stderr, "ousterhout: no cross-CPU round trip: this process may use only CPU %d\n", cpu);
        close(to[1]);
        waitpid(partner, NULL, 0);
        partner = 0;
        close(from[0]);
        return;
    }
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one)) die("sched_setaffinity");
    CPU_ZERO(&one);
    CPU_SET(other, &one);
    if (sched_setaffinity(partner, sizeof one, &one)) die("sched_setaffinity");
    struct cswitch c = {to[1], from[0], 'x'};
    measure("CswitchBenchmark.roundTrip", same_cpu ? "placement=SAME_CPU" : "placement=CROSS_CPU", op_roundtrip, &c);
    close(to[1]); /* end of file: cat exits */
    waitpid(partner, NULL, 0);
    partner = 0;
    close(from[0]);
    sched_setaffinity(0, sizeof old, &old);
}

/* Table 4: select with a zero timeout; nfds is the highest descriptor + 1, as in the Java workload. */
struct selectarg { int nfds; fd_set set; };
static void op_select(void *arg) {
    struct selectarg *s = arg;
    fd_set copy = s->set;
    struct timeval zero = {0, 0};
    if (select(s->nfds, &copy, NULL, NULL, &zero) < 0) die("select");
}

static void select_pipes(const char *params, int count, int full) {
    struct selectarg s = {0};
    int fds[10][2];
    FD_ZERO(&s.set);
    for (int i = 0; i < count; i++) {
        open_pipe(fds[i]);
        if (full && write(fds[i][1], "x", 1) != 1) die("write");
        FD_SET(fds[i][0], &s.set);
        if (fds[i][0] + 1 > s.nfds) s.nfds = fds[i][0] + 1;
    }
    measure("SelectBenchmark.select", params, op_select, &s);
    for (int i = 0; i < count; i++) { close(fds[i][0]); close(fds[i][1]); }
}

/* Table 5: memcpy between 4096-aligned blocks of the Java workload's sizes. */
struct copyarg { char *src, *dst; size_t n; };
static void op_copy(void *arg) {
    struct copyarg *c = arg;
    memcpy(c->dst, c->src, c->n);
    __asm__ volatile("" : : "r"(c->dst) : "memory");
}

static void bcopy_block(const char *params, size_t block) {
    struct copyarg c = {aligned_alloc(4096, block), aligned_alloc(4096, block), block};
    if (!c.src || !c.dst) die("aligned_alloc");
    memset(c.src, 1, block);
    memset(c.dst, 0, block);
    measure("BcopyBenchmark.bcopy", params, op_copy, &c);
    free(c.src);
    free(c.dst);
}

/* Table 6: 16 KB reads from a file in the page cache, starting over at its end. */
struct readarg { int fd; char *buf; };
static void op_read(void *arg) {
    struct readarg *r = arg;
    ssize_t n = read(r->fd, r->buf, 16384);
    if (n == 0) {
        if (lseek(r->fd, 0, SEEK_SET) < 0) die("lseek");
        n = read(r->fd, r->buf, 16384);
    }
    if (n <= 0) die("read");
}

static void read_file(long file_bytes) {
    char *chunk = aligned_alloc(4096, 1 << 20);
    if (!chunk) die("aligned_alloc");
    memset(chunk, 'r', 1 << 20);
    int fd = openat(scratch_fd, "read.dat", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) die("create read.dat");
    for (long written = 0; written < file_bytes; ) {
        long want = file_bytes - written < (1 << 20) ? file_bytes - written : (1 << 20);
        ssize_t n = write(fd, chunk, want);
        if (n <= 0) die("write read.dat");
        written += n;
    }
    close(fd);
    struct readarg r = {openat(scratch_fd, "read.dat", O_RDONLY | O_NOFOLLOW | O_CLOEXEC), aligned_alloc(4096, 16384)};
    if (r.fd < 0 || !r.buf) die("open read.dat");
    while (read(r.fd, r.buf, 16384) > 0) {} /* into the page cache */
    if (lseek(r.fd, 0, SEEK_SET) < 0) die("lseek");
    measure("ReadBenchmark.read", "", op_read, &r);
    close(r.fd);
    if (unlinkat(scratch_fd, "read.dat", 0)) die("unlink read.dat");
    free(chunk);
    free(r.buf);
}

/* Table 9: open and close, relative to the scratch directory as the Java workload's openat is. */
static void op_openclose(void *arg) {
    int fd = openat(scratch_fd, arg, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) die("open");
    close(fd);
}

static void open_close(void) {
    if (mkdirat(scratch_fd, "a", 0755) || mkdirat(scratch_fd, "a/b", 0755) || mkdirat(scratch_fd, "a/b/c", 0755)) die("mkdir a/b/c");
    for (int i = 0; i < 2; i++) {
        int fd = openat(scratch_fd, i ? "a/b/c/foo" : "foo", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) die("create foo");
        close(fd);
    }
    measure("OpenCloseBenchmark.openClose", "path=FOO", op_openclose, "foo");
    measure("OpenCloseBenchmark.openClose", "path=A_B_C_FOO", op_openclose, "a/b/c/foo");
}

/* Table 10: create, write, close, reopen, read, close and delete a file. */
struct cdarg { char *buf; int n; };
static void op_createdelete(void *arg) {
    struct cdarg *c = arg;
    int fd = openat(scratch_fd, "temp", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) die("create temp");
    for (int done = 0; done < c->n; ) {
        ssize_t w = write(fd, c->buf + done, c->n - done);
        if (w <= 0) die("write temp");
        done += w;
    }
    close(fd);
    fd = openat(scratch_fd, "temp", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) die("open temp");
    int got = 0;
    for (ssize_t r; got < c->n && (r = read(fd, c->buf + got, c->n - got)) > 0; ) got += r;
    close(fd);
    if (unlinkat(scratch_fd, "temp", 0)) die("unlink temp");
    if (got != c->n) { errno = EIO; die("read back temp"); }
}

static void create_delete(void) {
    static const struct { const char *params; int bytes; } cases[] = {
        {"data=NO_DATA", 0}, {"data=TEN_KB", 10 * 1024}, {"data=HUNDRED_KB", 100 * 1024}};
    char *buf = aligned_alloc(4096, 100 * 1024);
    if (!buf) die("aligned_alloc");
    memset(buf, 'c', 100 * 1024);
    for (int i = 0; i < 3; i++) {
        struct cdarg c = {buf, cases[i].bytes};
        measure("CreateDeleteBenchmark.createDelete", cases[i].params, op_createdelete, &c);
    }
    free(buf);
}

static void *idle(void *arg) { (void) arg; for (;;) pause(); return NULL; }

static void usage(void) {
    fprintf(stderr, "usage: ousterhout -d DIR [-t THREADS] [-f FD_BASE] [-m TRIAL_MS] [-n TRIALS] "
            "[-c CACHED_BYTES] [-u UNCACHED_BYTES] [-r READ_FILE_BYTES] WORKLOAD...\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *dir = NULL;
    int threads = 1;
    long cached = 0, uncached = 0, read_bytes = 0;
    for (int opt; (opt = getopt(argc, argv, "d:t:f:m:n:c:u:r:")) != -1; ) {
        switch (opt) {
            case 'd': dir = optarg; break;
            case 't': threads = atoi(optarg); break;
            case 'f': fd_base = atoi(optarg); break;
            case 'm': trial_ns = atof(optarg) * 1e6; break;
            case 'n': trials = atoi(optarg); break;
            case 'c': cached = atol(optarg); break;
            case 'u': uncached = atol(optarg); break;
            case 'r': read_bytes = atol(optarg); break;
            default: usage();
        }
    }
    if (!dir || threads < 1 || trials < 1 || trial_ns <= 0 || optind == argc) usage();
    for (int i = optind; i < argc; i++) {
        const char *w = argv[i];
        if (strcmp(w, "getpid") && strcmp(w, "cswitch") && strcmp(w, "select") && strcmp(w, "bcopy") && strcmp(w, "read")
                && strcmp(w, "open-close") && strcmp(w, "create-delete")) usage();
        if ((!strcmp(w, "bcopy") && (cached <= 0 || uncached <= 0)) || (!strcmp(w, "read") && read_bytes <= 0)) usage();
    }

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1) return 3; /* the parent died before we could ask to hear of it */

    snprintf(scratch, sizeof scratch, "%s/asfast-cbench-XXXXXX", dir);
    if (!mkdtemp(scratch)) { scratch[0] = 0; die("mkdtemp in the target directory"); }
    scratch_fd = open(scratch, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (scratch_fd < 0) die("open the scratch directory");
    /* The JVM is a multithreaded process; so is this one with -t, its extra threads idle as most of the JVM's are. */
    for (int i = 1; i < threads; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, idle, NULL)) { errno = EAGAIN; die("pthread_create"); }
    }

    printf("benchmark,params,trial,ns_per_op\n");
    for (int i = optind; i < argc; i++) {
        const char *w = argv[i];
        if (!strcmp(w, "getpid")) measure("GetpidBenchmark.getpid", "", op_getpid, NULL);
        if (!strcmp(w, "cswitch")) { cswitch(1); cswitch(0); }
        if (!strcmp(w, "select")) {
            select_pipes("pipes=ONE_EMPTY", 1, 0);
            select_pipes("pipes=TEN_EMPTY", 10, 0);
            select_pipes("pipes=TEN_FULL", 10, 1);
        }
        if (!strcmp(w, "bcopy")) { bcopy_block("size=CACHED", cached); bcopy_block("size=UNCACHED", uncached); }
        if (!strcmp(w, "read")) read_file(read_bytes);
        if (!strcmp(w, "open-close")) open_close();
        if (!strcmp(w, "create-delete")) create_delete();
    }
    finish(0);
}
