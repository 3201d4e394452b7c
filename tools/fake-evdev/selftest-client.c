/*
 * selftest-client: drives a mounted fake-evdev with the real libevdev.
 * Used by selftest.sh; every subcommand prints "ok - ..." / "not ok - ..."
 * lines and exits non-zero if any check failed.
 *
 *   selftest-client canon FILE                  canonical form of an evemu description
 *   selftest-client egalax-info DEV
 *   selftest-client frame DEV CTL NAME
 *   selftest-client nonblock DEV
 *   selftest-client poll DEV CTL NAME
 *   selftest-client sync DEV CTL NAME
 *   selftest-client overflow DEV CTL NAME
 *   selftest-client led DEV CTL NAME
 *   selftest-client protoa DEV CTL NAME
 *   selftest-client unplug DEV CTL NAME DESCRIPTION
 *   selftest-client kill DEV CTL NAME
 *   selftest-client count DEV|fd:N N            raw-read all queued events, expect N
 */
#define _GNU_SOURCE
#include <libevdev/libevdev.h>
#include <linux/input.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void check(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check(int cond, const char *fmt, ...)
{
	va_list ap;
	printf("%s - ", cond ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		failures++;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* write one ctl batch in a single write(); returns 0 or -errno */
static int ctl(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ctl(const char *path, const char *fmt, ...)
{
	char buf[65536];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof buf)
		return -E2BIG;
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	int rc = 0;
	ssize_t w = write(fd, buf, (size_t)n);
	if (w < 0)
		rc = -errno;
	else if (w != n)
		rc = -EIO;
	if (close(fd) < 0 && rc == 0)
		rc = -errno;
	return rc;
}

static struct libevdev *open_dev(const char *path, int flags, int *fdp)
{
	int fd = open(path, flags);
	if (fd < 0) {
		check(0, "open %s: %s", path, strerror(errno));
		return NULL;
	}
	struct libevdev *dev = NULL;
	int rc = libevdev_new_from_fd(fd, &dev);
	if (rc < 0) {
		check(0, "libevdev_new_from_fd(%s): %s", path, strerror(-rc));
		close(fd);
		return NULL;
	}
	*fdp = fd;
	return dev;
}

static void close_dev(struct libevdev *dev, int fd)
{
	libevdev_free(dev);
	close(fd);
}

struct evlist {
	struct input_event ev[4096];
	int n;
};

/* read with NORMAL flag until -EAGAIN (non-blocking fds only) */
static int drain(struct libevdev *dev, struct evlist *l)
{
	struct input_event ev;
	int rc;
	l->n = 0;
	while ((rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev)) == LIBEVDEV_READ_STATUS_SUCCESS)
		if (l->n < 4096)
			l->ev[l->n++] = ev;
	return rc;
}

static int has_event(const struct evlist *l, unsigned type, unsigned code, int value)
{
	for (int i = 0; i < l->n; i++)
		if (l->ev[i].type == type && l->ev[i].code == code && l->ev[i].value == value)
			return 1;
	return 0;
}

static void print_events(const char *what, const struct evlist *l)
{
	printf("# %s:", what);
	for (int i = 0; i < l->n; i++)
		printf(" %s/%s=%d", libevdev_event_type_get_name(l->ev[i].type),
		       libevdev_event_code_get_name(l->ev[i].type, l->ev[i].code), l->ev[i].value);
	printf("\n");
}

/* ------------------------------------------------------------------ */

static int cmd_canon(const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		perror(file);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	unsigned mbytes[EV_CNT] = {0}, pbytes = 0;
	while (getline(&line, &cap, f) >= 0) {
		char *s = line;
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '#' || !*s)
			continue;
		size_t n = strlen(s);
		while (n && isspace((unsigned char)s[n - 1]))
			s[--n] = 0;
		if (!strncmp(s, "N:", 2)) {
			char *p = s + 2;
			while (*p == ' ')
				p++;
			printf("N %s\n", p);
			continue;
		}
		char *h = strchr(s, '#');
		if (h)
			*h = 0;
		unsigned a[9];
		int iv[6] = {0};
		if (!strncmp(s, "I:", 2) && sscanf(s + 2, "%x %x %x %x", &a[0], &a[1], &a[2], &a[3]) == 4) {
			printf("I %04x %04x %04x %04x\n", a[0], a[1], a[2], a[3]);
		} else if (!strncmp(s, "P:", 2) &&
			   sscanf(s + 2, "%x %x %x %x %x %x %x %x", &a[0], &a[1], &a[2], &a[3], &a[4], &a[5], &a[6],
				  &a[7]) == 8) {
			for (int i = 0; i < 8; i++, pbytes++)
				for (int b = 0; b < 8; b++)
					if (a[i] & (1u << b))
						printf("P %u\n", pbytes * 8 + b);
		} else if (!strncmp(s, "B:", 2) &&
			   sscanf(s + 2, "%x %x %x %x %x %x %x %x %x", &a[8], &a[0], &a[1], &a[2], &a[3], &a[4], &a[5],
				  &a[6], &a[7]) == 9 &&
			   a[8] < EV_CNT) {
			unsigned t = a[8];
			for (int i = 0; i < 8; i++, mbytes[t]++)
				for (int b = 0; b < 8; b++)
					if (t != 0 && (a[i] & (1u << b)))
						printf("B %u %u\n", t, mbytes[t] * 8 + b);
		} else if (!strncmp(s, "A:", 2) &&
			   sscanf(s + 2, "%x %d %d %d %d %d", &a[0], &iv[1], &iv[2], &iv[3], &iv[4], &iv[5]) >= 5) {
			printf("A %u %d %d %d %d %d\n", a[0], iv[1], iv[2], iv[3], iv[4], iv[5]);
		} else if ((!strncmp(s, "L:", 2) || !strncmp(s, "S:", 2)) && sscanf(s + 2, "%x %d", &a[0], &iv[0]) == 2) {
			if (iv[0])
				printf("%c %u %d\n", s[0], a[0], iv[0]);
		} else if (!strncmp(s, "E:", 2)) {
			continue;
		} else {
			printf("? %s\n", s);
		}
	}
	free(line);
	fclose(f);
	return 0;
}

static int cmd_egalax_info(const char *path)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	const char *name = libevdev_get_name(dev);
	check(name && !strcmp(name, "eGalax-Inc.-USB-TouchController Virtual Device"), "name is '%s'", name);
	check(libevdev_get_id_bustype(dev) == 3 && libevdev_get_id_vendor(dev) == 0x0eef &&
		      libevdev_get_id_product(dev) == 0x72a1 && libevdev_get_id_version(dev) == 0x210,
	      "id %04x:%04x:%04x:%04x", libevdev_get_id_bustype(dev), libevdev_get_id_vendor(dev),
	      libevdev_get_id_product(dev), libevdev_get_id_version(dev));
	check(libevdev_get_driver_version(dev) == 0x010001, "driver version %#x", libevdev_get_driver_version(dev));
	const char *phys = libevdev_get_phys(dev);
	check(phys && !strncmp(phys, "fake-evdev/", 11), "phys '%s'", phys ? phys : "(null)");
	check(libevdev_get_uniq(dev) == NULL, "no uniq");
	check(libevdev_has_event_code(dev, EV_KEY, BTN_TOUCH), "has BTN_TOUCH");
	check(!libevdev_has_event_type(dev, EV_REP) && !libevdev_has_event_type(dev, EV_LED), "no EV_REP, no EV_LED");
	static const unsigned axes[] = {ABS_X, ABS_Y, ABS_MT_POSITION_X, ABS_MT_POSITION_Y};
	for (unsigned i = 0; i < 4; i++) {
		const struct input_absinfo *ai = libevdev_get_abs_info(dev, axes[i]);
		check(ai && ai->minimum == 0 && ai->maximum == 32760 && ai->fuzz == 31 && ai->flat == 0,
		      "%s range %d..%d fuzz %d", libevdev_event_code_get_name(EV_ABS, axes[i]), ai ? ai->minimum : -1,
		      ai ? ai->maximum : -1, ai ? ai->fuzz : -1);
	}
	const struct input_absinfo *tid = libevdev_get_abs_info(dev, ABS_MT_TRACKING_ID);
	check(tid && tid->minimum == 0 && tid->maximum == 65535, "tracking id range 0..65535");
	check(libevdev_get_num_slots(dev) == 2, "%d slots", libevdev_get_num_slots(dev));
	check(libevdev_get_slot_value(dev, 0, ABS_MT_TRACKING_ID) == -1 &&
		      libevdev_get_slot_value(dev, 1, ABS_MT_TRACKING_ID) == -1,
	      "initial tracking ids are -1 (EVIOCGMTSLOTS at init)");

	/* raw ioctl details */
	char small[5];
	int rc = ioctl(fd, EVIOCGNAME(sizeof small), small);
	check(rc == 5 && !memcmp(small, "eGala", 5), "EVIOCGNAME(5) truncates and returns 5 (rc %d)", rc);
	unsigned char types[8] = {0};
	rc = ioctl(fd, EVIOCGBIT(0, sizeof types), types);
	check(rc == 8 && types[0] == 0x0b, "EVIOCGBIT(0) = %02x (rc %d)", types[0], rc);
	unsigned char keys[KEY_MAX / 8 + 1];
	rc = ioctl(fd, EVIOCGBIT(EV_KEY, sizeof keys), keys);
	check(rc == 96, "EVIOCGBIT(EV_KEY) returns 96 bytes (rc %d)", rc);
	rc = ioctl(fd, EVIOCGBIT(EV_REP, 8), types);
	check(rc < 0 && errno == EINVAL, "EVIOCGBIT(EV_REP) fails with EINVAL like the kernel (%s)", strerror(errno));
	unsigned rep[2];
	rc = ioctl(fd, EVIOCGREP, rep);
	check(rc < 0, "EVIOCGREP without EV_REP fails (%s)", strerror(errno));
	rc = ioctl(fd, EVIOCGNAME(16), small); /* still works after the error above */
	check(rc > 0, "ioctls still work after an error reply");
	rc = ioctl(fd, _IOR('E', 0xaf, int), rep); /* unknown 'E' ioctl */
	check(rc < 0 && errno == EINVAL, "unknown 'E' ioctl: EINVAL (%s)", strerror(errno));
	rc = ioctl(fd, _IOR('X', 1, int), rep);
	check(rc < 0 && errno == ENOTTY, "foreign ioctl: ENOTTY (%s)", strerror(errno));
	rc = ioctl(fd, EVIOCGRAB, (void *)1);
	check(rc < 0 && errno == EFAULT, "EVIOCGRAB (libevdev style) fails with EFAULT before FUSE (%s)",
	      strerror(errno));
	int clk = CLOCK_MONOTONIC;
	rc = ioctl(fd, EVIOCSCLOCKID, &clk);
	check(rc == 0, "EVIOCSCLOCKID(CLOCK_MONOTONIC) accepted");
	char tiny[8];
	ssize_t r = read(fd, tiny, sizeof tiny);
	check(r < 0 && errno == EINVAL, "read of 8 bytes: EINVAL (%s)", strerror(errno));
	close_dev(dev, fd);
	return failures != 0;
}

#define TS_SEC 1700000000
#define TS_USEC 123456

static int cmd_frame(const char *path, const char *ctlp, const char *name)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	const char *ts = "1700000000.123456";
	int rc = ctl(ctlp,
		     "emit %s EV_ABS ABS_MT_SLOT 0 %s\n"
		     "emit %s EV_ABS ABS_MT_TRACKING_ID 42 %s\n"
		     "emit %s 3 0x35 1000 %s\n"
		     "emit %s 3 0x36 2000 %s\n"
		     "emit %s 1 330 1 %s\n"
		     "emit %s 3 0 1000 %s\n"
		     "emit %s 3 1 2000 %s\n"
		     "emit %s 0 0 0 %s\n",
		     name, ts, name, ts, name, ts, name, ts, name, ts, name, ts, name, ts, name, ts);
	check(rc == 0, "ctl write of a touch-down frame (%s)", strerror(-rc));
	static const struct {
		unsigned t, c;
		int v;
	} want[] = {
		{EV_ABS, ABS_MT_SLOT, 0}, {EV_ABS, ABS_MT_TRACKING_ID, 42}, {EV_ABS, ABS_MT_POSITION_X, 1000},
		{EV_ABS, ABS_MT_POSITION_Y, 2000}, {EV_KEY, BTN_TOUCH, 1}, {EV_ABS, ABS_X, 1000},
		{EV_ABS, ABS_Y, 2000}, {EV_SYN, SYN_REPORT, 0},
	};
	struct evlist *l = calloc(1, sizeof *l);
	rc = drain(dev, l);
	print_events("frame", l);
	check(rc == -EAGAIN, "queue empty afterwards (-EAGAIN)");
	check(l->n == 8, "8 events delivered (got %d)", l->n);
	int good = l->n == 8, stamp = 1;
	for (int i = 0; i < l->n && i < 8; i++) {
		if (l->ev[i].type != want[i].t || l->ev[i].code != want[i].c || l->ev[i].value != want[i].v)
			good = 0;
		if (l->ev[i].input_event_sec != TS_SEC || l->ev[i].input_event_usec != TS_USEC)
			stamp = 0;
	}
	check(good, "types/codes/values in order");
	check(stamp, "explicit timestamp 1700000000.123456 on every event");
	check(libevdev_get_slot_value(dev, 0, ABS_MT_TRACKING_ID) == 42, "libevdev slot 0 tracking id 42");

	/* second finger in slot 1, then both lift; no timestamp: CLOCK_REALTIME now */
	struct timespec before;
	clock_gettime(CLOCK_REALTIME, &before);
	rc = ctl(ctlp,
		 "emit %s EV_ABS ABS_MT_SLOT 1\nemit %s EV_ABS ABS_MT_TRACKING_ID 43\n"
		 "emit %s EV_ABS ABS_MT_POSITION_X 3000\nemit %s EV_ABS ABS_MT_POSITION_Y 4000\n"
		 "emit %s EV_SYN SYN_REPORT 0\n",
		 name, name, name, name, name);
	check(rc == 0, "second finger frame");
	rc = drain(dev, l);
	check(l->n == 5 && l->ev[0].input_event_sec >= before.tv_sec && l->ev[0].input_event_sec <= before.tv_sec + 2,
	      "5 events, stamped with CLOCK_REALTIME now (%ld vs %ld)", (long)(l->n ? l->ev[0].input_event_sec : 0),
	      (long)before.tv_sec);
	check(libevdev_get_slot_value(dev, 1, ABS_MT_POSITION_X) == 3000, "libevdev slot 1 x 3000");
	rc = ctl(ctlp,
		 "emit %s 3 0x39 -1\nemit %s 3 0x2f 0\nemit %s 3 0x39 -1\nemit %s 1 330 0\nemit %s 0 0 0\n", name,
		 name, name, name, name);
	check(rc == 0, "lift frame");
	rc = drain(dev, l);
	check(l->n == 5 && has_event(l, EV_KEY, BTN_TOUCH, 0), "lift delivered (%d events)", l->n);
	check(libevdev_get_slot_value(dev, 0, ABS_MT_TRACKING_ID) == -1 &&
		      libevdev_get_slot_value(dev, 1, ABS_MT_TRACKING_ID) == -1,
	      "both slots released");

	/* partial frames stay invisible until SYN_REPORT, like the kernel */
	rc = ctl(ctlp, "emit %s 3 0 7\n", name);
	struct pollfd p = {fd, POLLIN, 0};
	int pr = poll(&p, 1, 0);
	rc = drain(dev, l);
	check(pr == 0 && l->n == 0, "event without SYN_REPORT is not readable yet");
	rc = ctl(ctlp, "emit %s 0 0 0\n", name);
	rc = drain(dev, l);
	check(l->n == 2 && l->ev[0].code == ABS_X && l->ev[0].value == 7, "... and is after the SYN_REPORT");

	/* EVIOCSCLOCKID: events stamped "now" use the handle's clock */
	int fdm = open(path, O_RDONLY | O_NONBLOCK);
	int clk = CLOCK_MONOTONIC;
	rc = ioctl(fdm, EVIOCSCLOCKID, &clk);
	struct timespec mono;
	clock_gettime(CLOCK_MONOTONIC, &mono);
	ctl(ctlp, "emit %s 0 0 0\n", name);
	struct input_event raw;
	ssize_t rr = read(fdm, &raw, sizeof raw);
	check(rc == 0 && rr == sizeof raw && raw.input_event_sec >= mono.tv_sec && raw.input_event_sec <= mono.tv_sec + 2,
	      "EVIOCSCLOCKID(CLOCK_MONOTONIC): timestamp %ld, monotonic now %ld", (long)raw.input_event_sec,
	      (long)mono.tv_sec);
	close(fdm);
	drain(dev, l);

	/* bad commands */
	rc = ctl(ctlp, "emit %s 1 30 1\n", name); /* KEY_A: not on this device */
	check(rc == -EINVAL, "emit of an unsupported code is rejected with EINVAL (%s)", strerror(-rc));
	rc = ctl(ctlp, "frobnicate %s\n", name);
	check(rc == -EINVAL, "unknown command rejected with EINVAL");
	rc = ctl(ctlp, "emit %s 3 0x2f 5\n", name);
	check(rc == -EINVAL, "slot beyond ABS_MT_SLOT max rejected");
	rc = ctl(ctlp, "emit nosuchdev 0 0 0\n");
	check(rc == -EINVAL, "unknown device rejected");
	free(l);
	close_dev(dev, fd);
	return failures != 0;
}

static int cmd_nonblock(const char *path)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	struct input_event ev;
	int rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == -EAGAIN, "libevdev_next_event on empty O_NONBLOCK fd: %d (%s)", rc, strerror(-rc));
	char buf[24 * 4];
	ssize_t r = read(fd, buf, sizeof buf);
	check(r < 0 && errno == EAGAIN, "raw read: EAGAIN");
	struct pollfd p = {fd, POLLIN | POLLOUT, 0};
	int n = poll(&p, 1, 0);
	check(n == 1 && (p.revents & POLLOUT) && !(p.revents & POLLIN), "poll: POLLOUT only (revents %#x)", p.revents);
	close_dev(dev, fd);

	/* O_NONBLOCK set later with fcntl is honoured too (FUSE passes the
	 * current file flags with every read) */
	fd = open(path, O_RDONLY);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	r = read(fd, buf, sizeof buf);
	check(r < 0 && errno == EAGAIN, "O_NONBLOCK via fcntl: EAGAIN");
	close(fd);
	return failures != 0;
}

static pid_t emit_later(const char *ctlp, int ms, const char *fmt, const char *name)
{
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(ms);
		int rc = ctl(ctlp, fmt, name, name);
		_exit(rc == 0 ? 0 : 1);
	}
	return pid;
}

static int cmd_poll(const char *path, const char *ctlp, const char *name)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	const char *frame = "emit %s EV_ABS ABS_X 555\nemit %s EV_SYN SYN_REPORT 0\n";
	pid_t pid = emit_later(ctlp, 300, frame, name);
	double t0 = now_ms();
	struct pollfd p = {fd, POLLIN, 0};
	int n = poll(&p, 1, 5000);
	double dt = now_ms() - t0;
	check(n == 1 && (p.revents & POLLIN), "poll woke with POLLIN (revents %#x) after %.0f ms", p.revents, dt);
	check(dt > 200 && dt < 2000, "poll really waited for the other process (%.0f ms)", dt);
	struct input_event ev;
	int rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == 0 && ev.type == EV_ABS && ev.code == ABS_X && ev.value == 555, "event ABS_X 555 read");
	int st;
	waitpid(pid, &st, 0);
	close_dev(dev, fd);

	/* blocking read parked in the server and answered later */
	dev = open_dev(path, O_RDONLY, &fd);
	if (!dev)
		return 1;
	pid = emit_later(ctlp, 300, "emit %s EV_ABS ABS_Y 777\nemit %s EV_SYN SYN_REPORT 0\n", name);
	t0 = now_ms();
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL | LIBEVDEV_READ_FLAG_BLOCKING, &ev);
	dt = now_ms() - t0;
	check(rc == 0 && ev.code == ABS_Y && ev.value == 777 && dt > 200,
	      "blocking libevdev_next_event returned ABS_Y 777 after %.0f ms", dt);
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == 0 && ev.type == EV_SYN, "then SYN_REPORT");
	waitpid(pid, &st, 0);

	/* epoll-like repeated polling: a second wake-up on the same fd */
	pid = emit_later(ctlp, 200, "emit %s EV_ABS ABS_Y 778\nemit %s EV_SYN SYN_REPORT 0\n", name);
	p.fd = fd;
	p.revents = 0;
	n = poll(&p, 1, 5000);
	check(n == 1 && (p.revents & POLLIN), "second poll on the same fd woke too");
	waitpid(pid, &st, 0);
	close_dev(dev, fd);

	/* edge-triggered epoll: every new packet is a new edge, even unread */
	fd = open(path, O_RDONLY | O_NONBLOCK);
	int ep = epoll_create1(0);
	struct epoll_event ee = {.events = EPOLLIN | EPOLLET, .data.fd = fd};
	epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ee);
	int wakes = 0;
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 3; i++) {
			sleep_ms(150);
			ctl(ctlp, "emit %s EV_SYN SYN_REPORT 0\n", name);
		}
		_exit(0);
	}
	t0 = now_ms();
	while (now_ms() - t0 < 3000 && wakes < 3) {
		struct epoll_event got;
		if (epoll_wait(ep, &got, 1, 1000) == 1)
			wakes++;
	}
	check(wakes == 3, "edge-triggered epoll woke for each of 3 unread packets (%d)", wakes);
	waitpid(pid, &st, 0);
	close(ep);
	close(fd);
	return failures != 0;
}

static int cmd_sync(const char *path, const char *ctlp, const char *name)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	struct evlist *l = calloc(1, sizeof *l);
	int rc = ctl(ctlp,
		     "emit %s 3 0x2f 0\nemit %s 3 0x39 7\nemit %s 3 0x35 100\nemit %s 3 0x36 200\n"
		     "emit %s 1 330 1\nemit %s 3 0 100\nemit %s 3 1 200\nemit %s 0 0 0\n",
		     name, name, name, name, name, name, name, name);
	check(rc == 0, "touch down");
	drain(dev, l);
	check(libevdev_get_slot_value(dev, 0, ABS_MT_TRACKING_ID) == 7 &&
		      libevdev_get_event_value(dev, EV_KEY, BTN_TOUCH) == 1,
	      "libevdev sees finger 7 down");

	rc = ctl(ctlp, "drop %s\n", name);
	check(rc == 0, "drop");
	rc = ctl(ctlp, "emit %s 3 0x39 -1\nemit %s 1 330 0\nemit %s 0 0 0\n", name, name, name);
	check(rc == 0, "emit lift while dropping");
	struct pollfd p = {fd, POLLIN, 0};
	check(poll(&p, 1, 0) == 0, "nothing queued while dropping");
	rc = ctl(ctlp, "resume %s\n", name);
	check(rc == 0, "resume");

	struct input_event ev;
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == LIBEVDEV_READ_STATUS_SYNC && ev.type == EV_SYN && ev.code == SYN_DROPPED,
	      "libevdev_next_event returns LIBEVDEV_READ_STATUS_SYNC with SYN_DROPPED (rc %d)", rc);
	l->n = 0;
	while ((rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_SYNC, &ev)) == LIBEVDEV_READ_STATUS_SYNC)
		l->ev[l->n++] = ev;
	print_events("sync", l);
	check(rc == -EAGAIN, "sync sequence ends with -EAGAIN (rc %d)", rc);
	check(has_event(l, EV_ABS, ABS_MT_TRACKING_ID, -1), "sync delivered ABS_MT_TRACKING_ID -1 (EVIOCGMTSLOTS)");
	check(has_event(l, EV_KEY, BTN_TOUCH, 0), "sync delivered BTN_TOUCH 0 (EVIOCGKEY)");
	check(l->n && l->ev[l->n - 1].type == EV_SYN && l->ev[l->n - 1].code == SYN_REPORT, "sync ends with SYN_REPORT");
	check(libevdev_get_slot_value(dev, 0, ABS_MT_TRACKING_ID) == -1 &&
		      libevdev_get_event_value(dev, EV_KEY, BTN_TOUCH) == 0,
	      "libevdev state is up to date");
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == -EAGAIN, "then the queue is empty");

	/* a touch that starts during the drop is synced as well (ABS values via EVIOCGABS) */
	ctl(ctlp, "drop %s\n", name);
	ctl(ctlp, "emit %s 3 0x39 8\nemit %s 3 0x35 300\nemit %s 3 0x36 400\nemit %s 1 330 1\nemit %s 3 0 300\n"
		  "emit %s 3 1 400\nemit %s 0 0 0\n",
	    name, name, name, name, name, name, name);
	ctl(ctlp, "resume %s\n", name);
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == LIBEVDEV_READ_STATUS_SYNC, "second drop: SYNC");
	l->n = 0;
	while ((rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_SYNC, &ev)) == LIBEVDEV_READ_STATUS_SYNC)
		l->ev[l->n++] = ev;
	print_events("sync", l);
	check(has_event(l, EV_ABS, ABS_MT_TRACKING_ID, 8) && has_event(l, EV_ABS, ABS_MT_POSITION_X, 300) &&
		      has_event(l, EV_KEY, BTN_TOUCH, 1) && has_event(l, EV_ABS, ABS_X, 300) &&
		      has_event(l, EV_ABS, ABS_Y, 400),
	      "sync delivered the new touch (tracking id 8, x/y 300/400, BTN_TOUCH 1)");
	ctl(ctlp, "emit %s 3 0x39 -1\nemit %s 1 330 0\nemit %s 0 0 0\n", name, name, name);
	drain(dev, l);
	free(l);
	close_dev(dev, fd);
	return failures != 0;
}

static int cmd_overflow(const char *path, const char *ctlp, const char *name)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	struct libevdev *dev = NULL;
	char *buf = malloc(65536);
	struct input_event *evs = calloc(512, sizeof *evs);
	/* exactly 256 events fit */
	size_t off = 0;
	for (int i = 0; i < 128; i++)
		off += (size_t)sprintf(buf + off, "emit %s 3 0 %d\nemit %s 0 0 0\n", name, i, name);
	int rc = ctl(ctlp, "%s", buf);
	check(rc == 0, "256 events in one write");
	ssize_t r = read(fd, evs, 512 * sizeof *evs);
	int dropped = 0;
	for (int i = 0; i < r / (int)sizeof *evs; i++)
		dropped |= evs[i].type == EV_SYN && evs[i].code == SYN_DROPPED;
	check(r == 256 * (ssize_t)sizeof *evs && !dropped, "256 events queued, no SYN_DROPPED (read %zd)",
	      r / (ssize_t)sizeof *evs);
	close(fd);

	dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	off = 0;
	for (int i = 0; i < 150; i++)
		off += (size_t)sprintf(buf + off, "emit %s 3 0 %d\nemit %s 0 0 0\n", name, 1000 + i, name);
	rc = ctl(ctlp, "%s", buf);
	check(rc == 0, "300 events in one write");
	struct input_event ev;
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == LIBEVDEV_READ_STATUS_SYNC, "overflow: libevdev reports SYNC (rc %d)", rc);
	while ((rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_SYNC, &ev)) == LIBEVDEV_READ_STATUS_SYNC)
		;
	check(libevdev_get_event_value(dev, EV_ABS, ABS_X) == 1149, "after resync ABS_X is the newest value (%d)",
	      libevdev_get_event_value(dev, EV_ABS, ABS_X));
	while (libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev) >= 0)
		;
	close_dev(dev, fd);
	free(buf);
	free(evs);
	return failures != 0;
}

static int cmd_led(const char *path, const char *ctlp, const char *name)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDWR | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	(void)ctlp;
	(void)name;
	check(libevdev_has_event_code(dev, EV_LED, LED_NUML), "keypad has LED_NUML");
	check(libevdev_get_event_value(dev, EV_LED, LED_NUML) == 0, "NumLock initially off");
	check(libevdev_has_event_type(dev, EV_REP) && libevdev_has_event_code(dev, EV_MSC, MSC_SCAN),
	      "EV_REP and MSC_SCAN");
	int delay = 0, period = 0;
	int rc = libevdev_get_repeat(dev, &delay, &period);
	check(rc == 0 && delay == 250 && period == 33, "EVIOCGREP: delay %d period %d", delay, period);
	rc = libevdev_kernel_set_led_value(dev, LED_NUML, LIBEVDEV_LED_ON);
	check(rc == 0, "libevdev_kernel_set_led_value(LED_NUML, ON) = %d", rc);
	unsigned char leds[8] = {0};
	rc = ioctl(fd, EVIOCGLED(sizeof leds), leds);
	check(rc >= 1 && (leds[0] & 1), "EVIOCGLED has the NumLock bit (rc %d, %02x)", rc, leds[0]);
	struct evlist *l = calloc(1, sizeof *l);
	drain(dev, l);
	print_events("echo", l);
	check(has_event(l, EV_LED, LED_NUML, 1), "the LED change is passed on to readers like the kernel does");

	int fd2;
	struct libevdev *dev2 = open_dev(path, O_RDONLY | O_NONBLOCK, &fd2);
	check(dev2 && libevdev_get_event_value(dev2, EV_LED, LED_NUML) == 1, "a new client sees NumLock on");
	if (dev2)
		close_dev(dev2, fd2);
	rc = libevdev_kernel_set_led_value(dev, LED_NUML, LIBEVDEV_LED_OFF);
	memset(leds, 0xff, sizeof leds);
	ioctl(fd, EVIOCGLED(sizeof leds), leds);
	check(rc == 0 && !(leds[0] & 1), "NumLock off again");
	drain(dev, l);

	/* key press + scan code */
	rc = ctl(ctlp, "emit %s EV_MSC MSC_SCAN 0x70059\nemit %s EV_KEY KEY_KP1 1\nemit %s EV_SYN SYN_REPORT 0\n", name,
		 name, name);
	drain(dev, l);
	check(rc == 0 && l->n == 3 && has_event(l, EV_MSC, MSC_SCAN, 0x70059) && has_event(l, EV_KEY, KEY_KP1, 1),
	      "KEY_KP1 press with MSC_SCAN");
	unsigned char keys[KEY_MAX / 8 + 1] = {0};
	ioctl(fd, EVIOCGKEY(sizeof keys), keys);
	check(keys[KEY_KP1 / 8] & (1 << (KEY_KP1 % 8)), "EVIOCGKEY has KEY_KP1 down");
	ctl(ctlp, "emit %s EV_KEY KEY_KP1 0\nemit %s EV_SYN SYN_REPORT 0\n", name, name);
	drain(dev, l);
	free(l);
	close_dev(dev, fd);
	return failures != 0;
}

static int cmd_protoa(const char *path, const char *ctlp, const char *name)
{
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	check(libevdev_get_num_slots(dev) == -1, "protocol A device: no slots (%d)", libevdev_get_num_slots(dev));
	check(!libevdev_has_event_code(dev, EV_ABS, ABS_MT_SLOT) &&
		      !libevdev_has_event_code(dev, EV_ABS, ABS_MT_TRACKING_ID) &&
		      libevdev_has_event_code(dev, EV_ABS, ABS_MT_POSITION_X),
	      "MT positions without slot/tracking id");
	int rc = ctl(ctlp,
		     "emit %s 3 0x35 10\nemit %s 3 0x36 20\nemit %s 0 2 0\n"
		     "emit %s 3 0x35 30\nemit %s 3 0x36 40\nemit %s 0 2 0\n"
		     "emit %s 1 330 1\nemit %s 3 0 10\nemit %s 3 1 20\nemit %s 0 0 0\n",
		     name, name, name, name, name, name, name, name, name, name);
	check(rc == 0, "protocol A frame with two SYN_MT_REPORTs");
	struct evlist *l = calloc(1, sizeof *l);
	drain(dev, l);
	print_events("protocol A", l);
	int mt_reports = 0;
	for (int i = 0; i < l->n; i++)
		mt_reports += l->ev[i].type == EV_SYN && l->ev[i].code == SYN_MT_REPORT;
	check(l->n == 10 && mt_reports == 2 && has_event(l, EV_ABS, ABS_MT_POSITION_X, 30),
	      "all 10 events incl. 2 SYN_MT_REPORT delivered");
	free(l);
	close_dev(dev, fd);
	return failures != 0;
}

static int cmd_unplug(const char *path, const char *ctlp, const char *name, const char *desc)
{
	struct stat st_old, st_new;
	check(stat(path, &st_old) == 0, "device file exists");

	/* a reader blocked in libevdev_next_event in another process */
	pid_t reader = fork();
	if (reader == 0) {
		int fd;
		struct libevdev *dev = open_dev(path, O_RDONLY, &fd);
		if (!dev)
			_exit(3);
		struct input_event ev;
		int rc;
		/* events emitted below reach this reader too; read on until the unplug */
		while ((rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL | LIBEVDEV_READ_FLAG_BLOCKING, &ev)) >= 0)
			;
		_exit(rc == -ENODEV ? 0 : 1);
	}
	int fd;
	struct libevdev *dev = open_dev(path, O_RDWR | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	/* leave an unread frame on this fd */
	int rc = ctl(ctlp, "emit %s 0 0 0\n", name);
	(void)rc;
	/* a second fd, empty, polled while the device goes away */
	int fd2 = open(path, O_RDONLY | O_NONBLOCK);
	char b[24 * 8];
	while (read(fd2, b, sizeof b) > 0)
		;
	sleep_ms(200); /* let the reader block */
	pid_t remover = fork();
	if (remover == 0) {
		sleep_ms(300);
		_exit(ctl(ctlp, "remove %s\n", name) == 0 ? 0 : 1);
	}
	double t0 = now_ms();
	struct pollfd p = {fd2, POLLIN, 0};
	int n = poll(&p, 1, 5000);
	double dt = now_ms() - t0;
	check(n == 1 && (p.revents & POLLHUP) && (p.revents & POLLERR) && !(p.revents & POLLIN),
	      "waiting poll woke with POLLHUP|POLLERR (revents %#x) after %.0f ms", p.revents, dt);
	check(dt > 150 && dt < 3000, "poll woke promptly on remove");
	int st;
	double t1 = now_ms();
	pid_t w;
	while ((w = waitpid(reader, &st, WNOHANG)) == 0 && now_ms() - t1 < 3000)
		sleep_ms(10);
	check(w == reader && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "blocked libevdev_next_event in another process returned -ENODEV");
	waitpid(remover, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "remove command accepted");

	p.fd = fd;
	p.events = POLLIN;
	n = poll(&p, 1, 0);
	check(n == 1 && (p.revents & (POLLHUP | POLLERR | POLLIN)) == (POLLHUP | POLLERR | POLLIN),
	      "dead fd with unread events: POLLHUP|POLLERR|POLLIN (revents %#x)", p.revents);
	ssize_t r = read(fd, b, sizeof b);
	check(r < 0 && errno == ENODEV, "read on dead fd: ENODEV even with unread events");
	struct input_event ev;
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == -ENODEV, "libevdev_next_event on dead fd: -ENODEV (%d)", rc);
	char nm[64];
	check(ioctl(fd, EVIOCGNAME(sizeof nm), nm) < 0 && errno == ENODEV, "ioctl on dead fd: ENODEV");
	struct input_event led = {.type = EV_SYN};
	check(write(fd, &led, sizeof led) < 0 && errno == ENODEV, "write on dead fd: ENODEV");
	check(stat(path, &st_new) < 0 && errno == ENOENT, "device file is gone");
	int fd3 = open(path, O_RDONLY);
	check(fd3 < 0 && errno == ENOENT, "open of a removed device: ENOENT");

	/* plug it in again */
	rc = ctl(ctlp, "add %s %s\n", name, desc);
	check(rc == 0, "add again");
	rc = stat(path, &st_new);
	check(rc == 0 && st_new.st_ino != st_old.st_ino, "re-added device has a new inode (%lu -> %lu)",
	      (unsigned long)st_old.st_ino, (unsigned long)st_new.st_ino);
	int nfd;
	struct libevdev *ndev = open_dev(path, O_RDONLY | O_NONBLOCK, &nfd);
	check(ndev != NULL, "new open + libevdev_new_from_fd works");
	rc = ctl(ctlp, "emit %s 0 0 0\n", name);
	if (ndev) {
		rc = libevdev_next_event(ndev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
		check(rc == 0 && ev.type == EV_SYN, "new fd gets events");
		close_dev(ndev, nfd);
	}
	check(read(fd, b, sizeof b) < 0 && errno == ENODEV, "old fd stays dead");
	close(fd2);
	close_dev(dev, fd);
	return failures != 0;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static int cmd_kill(const char *path, const char *ctlp, const char *name)
{
	/* SIGKILL while blocked in read: the kernel sends FUSE_INTERRUPT and
	 * waits (uninterruptibly) for the server's answer */
	pid_t child = fork();
	if (child == 0) {
		int fd = open(path, O_RDONLY);
		char b[24 * 16];
		read(fd, b, sizeof b);
		_exit(7);
	}
	sleep_ms(300);
	kill(child, SIGKILL);
	double t0 = now_ms();
	int st;
	pid_t w;
	while ((w = waitpid(child, &st, WNOHANG)) == 0 && now_ms() - t0 < 3000)
		sleep_ms(10);
	check(w == child && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	      "reader blocked in read() died of SIGKILL within %.0f ms", now_ms() - t0);
	if (w == 0) { /* stuck in D state: the server ignored FUSE_INTERRUPT */
		printf("# child still blocked, /proc/%d/stat state: ", child);
		fflush(stdout);
		char cmd[64];
		snprintf(cmd, sizeof cmd, "cut -d' ' -f3 /proc/%d/stat", child);
		system(cmd);
	}

	/* a catchable signal (no SA_RESTART) interrupts the read with EINTR */
	child = fork();
	if (child == 0) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_usr1;
		sigaction(SIGUSR1, &sa, NULL);
		int fd = open(path, O_RDONLY);
		char b[24 * 16];
		ssize_t r = read(fd, b, sizeof b);
		_exit(r < 0 && errno == EINTR ? 0 : 1);
	}
	sleep_ms(300);
	kill(child, SIGUSR1);
	t0 = now_ms();
	while ((w = waitpid(child, &st, WNOHANG)) == 0 && now_ms() - t0 < 3000)
		sleep_ms(10);
	check(w == child && WIFEXITED(st) && WEXITSTATUS(st) == 0, "SIGUSR1 interrupts a blocked read with EINTR");
	if (w == 0) {
		kill(child, SIGKILL);
		waitpid(child, &st, 0);
	}

	/* the server still serves */
	int fd;
	struct libevdev *dev = open_dev(path, O_RDONLY | O_NONBLOCK, &fd);
	if (!dev)
		return 1;
	int rc = ctl(ctlp, "emit %s 0 0 0\n", name);
	struct input_event ev;
	rc = libevdev_next_event(dev, LIBEVDEV_READ_FLAG_NORMAL, &ev);
	check(rc == 0 && ev.type == EV_SYN, "server still answers after the interrupted reads");
	close_dev(dev, fd);
	return failures != 0;
}

static int cmd_count(const char *path, int want)
{
	/* "fd:N" = an inherited descriptor (opening /proc/self/fd/N would
	 * create a new handle with an empty queue) */
	int fd = !strncmp(path, "fd:", 3) ? atoi(path + 3) : open(path, O_RDONLY);
	if (fd < 0 || fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		check(0, "open %s", path);
		return 1;
	}
	struct input_event evs[64];
	int n = 0;
	ssize_t r;
	while ((r = read(fd, evs, sizeof evs)) > 0)
		n += (int)(r / (ssize_t)sizeof evs[0]);
	check(n == want, "%d events read (want %d)", n, want);
	close(fd);
	return failures != 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3) {
		fprintf(stderr, "usage: see the head of selftest-client.c\n");
		return 2;
	}
	const char *c = argv[1];
	if (!strcmp(c, "canon"))
		return cmd_canon(argv[2]);
	if (!strcmp(c, "egalax-info"))
		return cmd_egalax_info(argv[2]);
	if (!strcmp(c, "nonblock"))
		return cmd_nonblock(argv[2]);
	if (!strcmp(c, "count") && argc == 4)
		return cmd_count(argv[2], atoi(argv[3]));
	if (argc < 5) {
		fprintf(stderr, "%s: needs DEV CTL NAME\n", c);
		return 2;
	}
	if (!strcmp(c, "frame"))
		return cmd_frame(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "poll"))
		return cmd_poll(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "sync"))
		return cmd_sync(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "overflow"))
		return cmd_overflow(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "led"))
		return cmd_led(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "protoa"))
		return cmd_protoa(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "kill"))
		return cmd_kill(argv[2], argv[3], argv[4]);
	if (!strcmp(c, "unplug") && argc == 6)
		return cmd_unplug(argv[2], argv[3], argv[4], argv[5]);
	fprintf(stderr, "unknown subcommand %s\n", c);
	return 2;
}
