/*
 * The baseline router: the least a router must do. It starts each node (`relay <name> <command>
 * [<name> <command> ...]`, commands run by /bin/sh -c "exec ..."), poll()s their stdouts, and for each
 * line "send <target> <body>" writes "<body>\n" to the target's stdin with one write(). Other lines are
 * printed as "<name>: <line>". Nodes' stderr is inherited. No log, no faults, no checks.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_NODES 512
#define BUF (1 << 16)

static char *names[MAX_NODES];
static int in_fd[MAX_NODES], out_fd[MAX_NODES];
static char *buf[MAX_NODES];
static size_t len[MAX_NODES];

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return;
    p += w;
    n -= (size_t)w;
  }
}

static int find(const char *name, size_t n, int nodes) {
  for (int i = 0; i < nodes; i++)
    if (strlen(names[i]) == n && memcmp(names[i], name, n) == 0) return i;
  return -1;
}

int main(int argc, char **argv) {
  int nodes = (argc - 1) / 2;
  for (int i = 0; i < nodes; i++) {
    int to_child[2], from_child[2];
    if (pipe(to_child) || pipe(from_child)) return 1;
    names[i] = argv[1 + 2 * i];
    if (fork() == 0) {
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      for (int fd = 3; fd < 3 + 4 * MAX_NODES && fd < 4096; fd++) close(fd);
      char cmd[8192];
      snprintf(cmd, sizeof cmd, "exec %s", argv[2 + 2 * i]);
      execl("/bin/sh", "sh", "-c", cmd, (char *)0);
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_fd[i] = to_child[1];
    out_fd[i] = from_child[0];
    buf[i] = malloc(BUF);
  }
  struct pollfd fds[MAX_NODES];
  int open_count = nodes;
  for (int i = 0; i < nodes; i++) fds[i] = (struct pollfd){.fd = out_fd[i], .events = POLLIN};
  while (open_count > 0) {
    if (poll(fds, nodes, -1) < 0) return 1;
    for (int i = 0; i < nodes; i++) {
      if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf[i] + len[i], BUF - len[i]);
      if (n <= 0) {
        fds[i].fd = -1;
        open_count--;
        continue;
      }
      len[i] += (size_t)n;
      size_t start = 0;
      for (size_t j = 0; j < len[i]; j++) {
        if (buf[i][j] != '\n') continue;
        char *l = buf[i] + start;
        size_t ll = j - start;
        if (ll > 5 && memcmp(l, "send ", 5) == 0) {
          char *target = l + 5;
          char *space = memchr(target, ' ', ll - 5);
          size_t tl = space ? (size_t)(space - target) : ll - 5;
          int t = find(target, tl, nodes);
          if (t >= 0) {
            char *body = space ? space + 1 : l + ll;
            write_all(in_fd[t], body, (size_t)(l + ll + 1 - body));
          }
        } else {
          printf("%s: %.*s\n", names[i], (int)ll, l);
          fflush(stdout);
        }
        start = j + 1;
      }
      memmove(buf[i], buf[i] + start, len[i] - start);
      len[i] -= start;
    }
  }
  return 0;
}
