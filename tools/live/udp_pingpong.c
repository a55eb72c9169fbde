/*
 * The floor for the live runtime's round trip: a C UDP ping-pong on 127.0.0.1, two processes, each polling its
 * socket (recvfrom with MSG_DONTWAIT) rather than blocking, one datagram each way, timed per round trip with
 * CLOCK_MONOTONIC. Blocking would pay the idle CPU's wake-up on every message (54 us p50 against 5.2 us polling
 * on a quiet 2-core machine), which the live nodes, polling before they block, do not.
 *
 *   udp_pingpong ROUNDS REQUEST_BYTES REPLY_BYTES [CLIENT_CPU SERVER_CPU]
 *   udp_pingpong serve PORT                          echo every datagram back as it came (split.sh)
 *   udp_pingpong call SERVER_PORT CLIENT_PORT ROUNDS  16-byte round trips from CLIENT_PORT (split.sh)
 *
 * A live null round trip sends 8 bytes of payload plus the runtime's 8-byte header each way, so
 * "udp_pingpong 100000 16 16" is its floor. With CPUs given, each process is pinned to one (-1: not pinned).
 * Prints one line: rounds, sizes, mean, p50, p99, p99.9 in nanoseconds. The server dies with its parent.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void pin(int cpu) {
    if (cpu < 0) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) { perror("sched_setaffinity"); exit(2); }
}

static int bound_socket(struct sockaddr_in *addr) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) { perror("socket"); exit(1); }
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof *addr;
    if (bind(fd, (struct sockaddr *)addr, len) != 0 || getsockname(fd, (struct sockaddr *)addr, &len) != 0) { perror("bind"); exit(1); }
    return fd;
}

static int compare(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    return addr;
}

static void report(const char *what, long *samples, long rounds, double sum, int request, int reply) {
    qsort(samples, rounds, sizeof(long), compare);
    printf("%srounds=%ld request_bytes=%d reply_bytes=%d mean_ns=%.0f p50_ns=%ld p99_ns=%ld p999_ns=%ld\n", what, rounds, request, reply,
           sum / rounds, samples[rounds / 2], samples[(long)(rounds * 0.99)], samples[(long)(rounds * 0.999)]);
}

/* One half of the ping-pong, to pair with the live runtime's other half: serve, or call a server at a port. */
static int half(int argc, char **argv) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in self = loopback(atoi(argv[argc == 3 ? 2 : 3]));
    if (fd < 0 || bind(fd, (struct sockaddr *)&self, sizeof self) != 0) { perror("bind"); return 2; }
    static char in[65536], out[16]; /* zeros: the live header of run tag 0, node 0 */
    if (argc == 3) {
        for (;;) {
            struct sockaddr_in from;
            socklen_t len = sizeof from;
            ssize_t n = recvfrom(fd, in, sizeof in, 0, (struct sockaddr *)&from, &len);
            if (n >= 0) sendto(fd, in, n, 0, (struct sockaddr *)&from, len);
        }
    }
    struct sockaddr_in server = loopback(atoi(argv[2]));
    long rounds = atol(argv[4]);
    long *samples = malloc(sizeof(long) * rounds);
    double sum = 0;
    for (long i = -(rounds / 10 + 100); i < rounds; i++) {
        long t0 = now_ns();
        sendto(fd, out, sizeof out, 0, (struct sockaddr *)&server, sizeof server);
        if (recv(fd, in, sizeof in, 0) < 0) { perror("recv"); return 1; }
        long t = now_ns() - t0;
        if (i >= 0) { samples[i] = t; sum += t; }
    }
    report("", samples, rounds, sum, 16, 16);
    return 0;
}

/* Waits for a datagram by polling, as the live nodes' loops do before they block: a floor that blocked would pay the
 * idle CPU's wake-up on every message, which the nodes do not, and would be no floor on a quiet machine. */
static ssize_t spin_recvfrom(int fd, char *buffer, struct sockaddr *from, socklen_t *len) {
    for (;;) {
        ssize_t n = recvfrom(fd, buffer, 65536, MSG_DONTWAIT, from, len);
        if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) return n;
    }
}

int main(int argc, char **argv) {
    if ((argc == 3 && strcmp(argv[1], "serve") == 0) || (argc == 5 && strcmp(argv[1], "call") == 0)) {
        return half(argc, argv);
    }
    if (argc != 4 && argc != 6) {
        fprintf(stderr, "usage: udp_pingpong ROUNDS REQUEST_BYTES REPLY_BYTES [CLIENT_CPU SERVER_CPU]\n");
        return 2;
    }
    long rounds = atol(argv[1]);
    int request = atoi(argv[2]), reply = atoi(argv[3]);
    int client_cpu = argc == 6 ? atoi(argv[4]) : -1, server_cpu = argc == 6 ? atoi(argv[5]) : -1;
    if (rounds < 1 || request < 1 || reply < 1 || request > 65507 || reply > 65507) {
        fprintf(stderr, "udp_pingpong: ROUNDS >= 1 and sizes 1-65507\n");
        return 2;
    }
    struct sockaddr_in server_addr, client_addr;
    int server_fd = bound_socket(&server_addr);
    int client_fd = bound_socket(&client_addr);
    char *buffer = calloc(1, 65536);
    pid_t server = fork();
    if (server == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        pin(server_cpu);
        close(client_fd);
        for (;;) {
            struct sockaddr_in from;
            socklen_t len = sizeof from;
            if (spin_recvfrom(server_fd, buffer, (struct sockaddr *)&from, &len) < 0) _exit(1);
            sendto(server_fd, buffer, reply, 0, (struct sockaddr *)&from, len);
        }
    }
    pin(client_cpu);
    close(server_fd);
    long warmup = rounds / 10 + 100;
    long *samples = malloc(sizeof(long) * rounds);
    double sum = 0;
    for (long i = -warmup; i < rounds; i++) {
        long t0 = now_ns();
        sendto(client_fd, buffer, request, 0, (struct sockaddr *)&server_addr, sizeof server_addr);
        if (spin_recvfrom(client_fd, buffer, NULL, NULL) < 0) { perror("recv"); return 1; }
        long t = now_ns() - t0;
        if (i >= 0) { samples[i] = t; sum += t; }
    }
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    report("", samples, rounds, sum, request, reply);
    return 0;
}
