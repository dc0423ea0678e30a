/*
 * Benchmark nodes for procsim's benchmark: tiny, fast, and the same binary under every router.
 * Results go to stderr (stdout carries the protocol), as one line each, with CLOCK_MONOTONIC times
 * that are comparable across processes on one machine.
 *
 *   node ping   <prefix> <count>        serial ping-pong: send, wait for the echo, repeat;
 *                                       prints "ping <count> <total_ns> <p50_rtt_ns> <p99_rtt_ns>", exits
 *   node window <prefix> <count> <w>    pipelined: keep <w> messages in flight until <count> echoes;
 *                                       prints "window <count> <total_ns>", exits
 *   node echo   <prefix>                answers every line with <prefix><line>
 *   node fanout <count> <targets>       sends <count> lines round robin to t0..t<targets-1>;
 *                                       prints "start <ns>" first
 *   node sink   <expected>              counts lines; at <expected> prints "got <expected> <ns>"
 *   node jwindow <count> <w>            as window, in Maelstrom's JSON from "ping" to "pong"
 *   node jecho                          answers each Maelstrom message with its body, back to its src
 *   node mecho                          a Maelstrom node for the echo workload: init_ok, echo_ok
 *
 * <prefix> is what makes a line a message: "send pong " under procsim or the relay, "" on a direct pipe.
 * With PROCSIM_ACK set (procsim's acknowledgement protocol, for stepped runs), ping and echo print that
 * marker once ready and after handling each input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

static const char *ack;

/* The JSON string value of "key" in line, copied into out (escapes kept); 0 if absent. */
static int string_field(const char *line, const char *key, char *out, size_t size) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  const char *at = strstr(line, pattern);
  if (!at) return 0;
  at += strlen(pattern);
  size_t n = 0;
  while (at[n] && at[n] != '"' && n + 1 < size) {
    if (at[n] == '\\' && at[n + 1]) {
      out[n] = at[n];
      n++;
    }
    out[n] = at[n];
    n++;
  }
  out[n] = 0;
  return 1;
}

/* The integer value of "key" in line; -1 if absent. */
static long long number_field(const char *line, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  const char *at = strstr(line, pattern);
  return at ? atoll(at + strlen(pattern)) : -1;
}

static void acknowledge(void) {
  if (ack) {
    printf("%s\n", ack);
    fflush(stdout);
  }
}

int main(int argc, char **argv) {
  char line[4096];
  if (argc < 2) return 2;
  ack = getenv("PROCSIM_ACK");
  const char *mode = argv[1];
  if (strcmp(mode, "ping") == 0) {
    const char *prefix = argv[2];
    long count = atol(argv[3]);
    long long *rtt = malloc(sizeof(long long) * count);
    setvbuf(stdout, NULL, _IOLBF, 0);
    long long start = now_ns();
    for (long i = 0; i < count; i++) {
      long long t0 = now_ns();
      printf("%s%ld\n", prefix, i);
      acknowledge(); /* ready (first time), or done with the echo just read */
      if (!fgets(line, sizeof line, stdin)) return 1;
      rtt[i] = now_ns() - t0;
    }
    long long total = now_ns() - start;
    qsort(rtt, count, sizeof(long long), cmp);
    fprintf(stderr, "ping %ld %lld %lld %lld\n", count, total, rtt[count / 2], rtt[count * 99 / 100]);
  } else if (strcmp(mode, "window") == 0) {
    const char *prefix = argv[2];
    long count = atol(argv[3]), window = atol(argv[4]), sent = 0, received = 0;
    long long start = now_ns();
    for (; sent < window && sent < count; sent++) printf("%s%ld\n", prefix, sent);
    fflush(stdout);
    while (received < count && fgets(line, sizeof line, stdin)) {
      received++;
      if (sent < count) {
        printf("%s%ld\n", prefix, sent++);
        fflush(stdout);
      }
    }
    fprintf(stderr, "window %ld %lld\n", received, now_ns() - start);
  } else if (strcmp(mode, "echo") == 0) {
    const char *prefix = argv[2];
    setvbuf(stdout, NULL, _IOLBF, 0);
    acknowledge();
    while (fgets(line, sizeof line, stdin)) {
      printf("%s%s", prefix, line);
      acknowledge();
    }
  } else if (strcmp(mode, "fanout") == 0) {
    long count = atol(argv[2]), targets = atol(argv[3]);
    fprintf(stderr, "start %lld\n", now_ns());
    for (long i = 0; i < count; i++) printf("send t%ld %ld\n", i % targets, i);
    fflush(stdout);
    while (fgets(line, sizeof line, stdin)) {
    }
  } else if (strcmp(mode, "sink") == 0) {
    long expected = atol(argv[2]), got = 0;
    while (fgets(line, sizeof line, stdin)) {
      if (++got == expected) fprintf(stderr, "got %ld %lld\n", got, now_ns());
    }
  } else if (strcmp(mode, "jwindow") == 0) {
    long count = atol(argv[2]), window = atol(argv[3]), sent = 0, received = 0;
    const char *fmt = "{\"src\":\"ping\",\"dest\":\"pong\",\"body\":{\"type\":\"ping\",\"msg_id\":%ld}}\n";
    long long start = now_ns();
    for (; sent < window && sent < count; sent++) printf(fmt, sent);
    fflush(stdout);
    while (received < count && fgets(line, sizeof line, stdin)) {
      received++;
      if (sent < count) {
        printf(fmt, sent++);
        fflush(stdout);
      }
    }
    fprintf(stderr, "jwindow %ld %lld\n", received, now_ns() - start);
  } else if (strcmp(mode, "jecho") == 0) {
    char src[256];
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (fgets(line, sizeof line, stdin)) {
      const char *body = strstr(line, "\"body\":");
      if (!body || !string_field(line, "src", src, sizeof src)) continue;
      printf("{\"src\":\"pong\",\"dest\":\"%s\",%s", src, body);
    }
  } else if (strcmp(mode, "mecho") == 0) {
    char src[256], self[256] = "n0", echo[1024];
    long long next = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    while (fgets(line, sizeof line, stdin)) {
      if (!string_field(line, "src", src, sizeof src)) continue;
      long long id = number_field(line, "msg_id");
      if (strstr(line, "\"type\":\"init\"")) {
        string_field(line, "node_id", self, sizeof self);
        printf("{\"src\":\"%s\",\"dest\":\"%s\",\"body\":{\"type\":\"init_ok\",\"msg_id\":%lld,"
               "\"in_reply_to\":%lld}}\n", self, src, next++, id);
      } else if (string_field(line, "echo", echo, sizeof echo)) {
        printf("{\"src\":\"%s\",\"dest\":\"%s\",\"body\":{\"type\":\"echo_ok\",\"echo\":\"%s\","
               "\"msg_id\":%lld,\"in_reply_to\":%lld}}\n", self, src, echo, next++, id);
      }
    }
  } else {
    return 2;
  }
  return 0;
}
