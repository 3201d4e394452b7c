/*
 * fake-evdev: a FUSE low-level server whose regular files behave like Linux
 * evdev character devices (/dev/input/eventN) closely enough that the real
 * libevdev runs on them: EVIOCG* ioctls, blocking/non-blocking read, poll,
 * SYN_DROPPED resync, LED writes, unplug.
 *
 *   fake-evdev [options] MOUNTPOINT
 *
 * Tree:  MOUNTPOINT/ctl       command file (see README.md)
 *        MOUNTPOINT/dev/NAME  one file per fake device
 *
 * Single-threaded: everything runs inside fuse_session_loop(); nothing ever
 * blocks the loop.  A blocking read that finds no event is parked as a
 * pending request and answered later (events, EINTR via the interrupt
 * callback, or ENODEV on unplug).
 */
#define _GNU_SOURCE
#define FUSE_USE_VERSION 35

#include <fuse_lowlevel.h>
#include <libevdev/libevdev.h>
#include <linux/input.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* constants                                                          */

#define INO_ROOT 1
#define INO_CTL 2
#define INO_DEV 3
#define INO_FIRST_DEVICE 16

#define ABS_MT_FIRST_ ABS_MT_TOUCH_MAJOR /* kernel's ABS_MT_FIRST */
#define ABS_MT_LAST_ ABS_MT_TOOL_Y       /* kernel's ABS_MT_LAST */
#define MT_NVALS (ABS_MT_LAST_ - ABS_MT_FIRST_ + 1)
#define MAX_SLOTS 256
#define MAX_NAME 255
#define EV_SIZE ((size_t)sizeof(struct input_event))
#define BITS_BYTES(maxbit) ((((maxbit) + 64) / 64) * 8) /* BITS_TO_LONGS(maxbit)*8 */
#define KEY_BYTES BITS_BYTES(KEY_MAX)                   /* 96 on x86_64 */

/* ------------------------------------------------------------------ */
/* data structures                                                    */

struct device;

struct pending_read {
	struct pending_read *prev, *next;
	struct handle *h;
	fuse_req_t req;
	size_t size;
};

enum handle_kind { H_DEVICE, H_CTL };

struct handle {
	enum handle_kind kind;
	struct handle *all_prev, *all_next; /* global list (device handles) */
	struct handle *dev_prev, *dev_next; /* device's list */
	struct device *dev;
	/* event queue (ring) */
	struct input_event *q;
	unsigned cap, head, count, visible; /* visible: complete packets */
	int dead;
	int dirty;     /* needs wake-up processing */
	clockid_t clk; /* EVIOCSCLOCKID */
	struct fuse_pollhandle *ph;
	struct pending_read pending; /* list head */
	int mt_last;                 /* EVIOCGMTSLOTS fallback cycle */
	/* ctl handles */
	char *buf;
	size_t len, alloc;
};

struct device {
	struct device *next;
	char name[MAX_NAME + 1];
	fuse_ino_t ino;
	int removed;
	uint64_t nlookup;
	unsigned nhandles;
	struct timespec ctime;
	/* description */
	char devname[MAX_NAME + 1];
	struct input_id id;
	uint8_t props[8];
	uint8_t bits[EV_CNT][KEY_BYTES]; /* bits[0] = supported types */
	struct input_absinfo abs[ABS_CNT];
	/* true state */
	uint8_t key[KEY_BYTES], led[8], sw[8], snd[8];
	int rep[REP_CNT];
	int num_slots, cur_slot;
	int (*slots)[MT_NVALS];
	int dropping;
	struct handle *grab;
	struct handle handles; /* list head */
	/* LED events written by clients, echoed at the next written SYN_REPORT */
	struct input_event echo[LED_CNT];
	int necho;
};

static struct {
	struct fuse_session *se;
	struct device *devices;
	struct handle all; /* list head of device handles */
	fuse_ino_t next_ino;
	unsigned queue_cap;
	int verbose;
	int led_echo;
	struct timespec start;
	int no_vm_readv; /* testing aid: force the EVIOCGMTSLOTS fallback */
	int in_register; /* inside fuse_req_interrupt_func */
	int sync_intr;   /* interrupt callback fired synchronously */
} g;

/* ------------------------------------------------------------------ */
/* helpers                                                            */

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

static void dbg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void dbg(const char *fmt, ...)
{
	va_list ap;
	if (!g.verbose)
		return;
	fputs("fake-evdev: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static inline int bit_test(const uint8_t *b, unsigned n) { return (b[n / 8] >> (n % 8)) & 1; }
static inline void bit_set(uint8_t *b, unsigned n, int v)
{
	if (v)
		b[n / 8] |= (uint8_t)(1u << (n % 8));
	else
		b[n / 8] &= (uint8_t)~(1u << (n % 8));
}

/* highest code of a type as the kernel's EVIOCGBIT knows it, -1: EINVAL */
static int type_max(unsigned type)
{
	switch (type) {
	case 0: return EV_MAX; /* EVIOCGBIT(0) = supported types */
	case EV_KEY: return KEY_MAX;
	case EV_REL: return REL_MAX;
	case EV_ABS: return ABS_MAX;
	case EV_MSC: return MSC_MAX;
	case EV_LED: return LED_MAX;
	case EV_SND: return SND_MAX;
	case EV_FF: return FF_MAX;
	case EV_SW: return SW_MAX;
	default: return -1;
	}
}

/* highest code an event of this type may carry (for emit validation) */
static int code_max(unsigned type)
{
	switch (type) {
	case EV_SYN: return SYN_MAX;
	case EV_REP: return REP_MAX;
	case EV_PWR: return 0;
	case EV_FF_STATUS: return FF_STATUS_MAX;
	default: return type_max(type) < 0 ? -1 : type_max(type);
	}
}

static int has_type(const struct device *d, unsigned type)
{
	return type < EV_CNT && bit_test(d->bits[0], type);
}

static int has_code(const struct device *d, unsigned type, unsigned code)
{
	if (!has_type(d, type))
		return 0;
	if (type == EV_REP)
		return code <= REP_MAX;
	if (type == EV_SYN)
		return code <= SYN_MAX;
	int max = type_max(type);
	return max >= 0 && code <= (unsigned)max && bit_test(d->bits[type], code);
}

static int is_mt_value(unsigned code) { return code >= ABS_MT_FIRST_ && code <= ABS_MT_LAST_; }

static struct timespec now_clock(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts;
}

/* ------------------------------------------------------------------ */
/* lists                                                              */

static void list_init_h(struct handle *head, int all)
{
	if (all)
		head->all_prev = head->all_next = head;
	else
		head->dev_prev = head->dev_next = head;
}

static void pr_unlink(struct pending_read *pr)
{
	pr->prev->next = pr->next;
	pr->next->prev = pr->prev;
	pr->prev = pr->next = pr;
}

static struct device *find_device_name(const char *name)
{
	for (struct device *d = g.devices; d; d = d->next)
		if (!d->removed && strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

static struct device *find_device_ino(fuse_ino_t ino)
{
	for (struct device *d = g.devices; d; d = d->next)
		if (d->ino == ino)
			return d;
	return NULL;
}

static void device_maybe_free(struct device *d)
{
	if (!d->removed || d->nlookup || d->nhandles)
		return;
	for (struct device **pp = &g.devices; *pp; pp = &(*pp)->next) {
		if (*pp == d) {
			*pp = d->next;
			break;
		}
	}
	free(d->slots);
	free(d);
}

/* ------------------------------------------------------------------ */
/* evemu description parsing                                          */

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int parse_desc(struct device *d, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t lcap = 0;
	int lineno = 0, have_n = 0, have_i = 0, rc = -1;
	unsigned pbytes = 0, mbytes[EV_CNT] = {0};

	while (getline(&line, &lcap, f) >= 0) {
		lineno++;
		char *s = line;
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0' || *s == '#')
			continue;
		if (strncmp(s, "N:", 2) == 0) {
			char *name = trim(s + 2);
			snprintf(d->devname, sizeof d->devname, "%s", name);
			have_n = 1;
			continue;
		}
		char *hash = strchr(s, '#');
		if (hash)
			*hash = '\0';
		s = trim(s);
		if (strncmp(s, "E:", 2) == 0)
			continue;
		if (strncmp(s, "I:", 2) == 0) {
			unsigned bus, vid, pid, ver;
			if (sscanf(s + 2, "%x %x %x %x", &bus, &vid, &pid, &ver) != 4)
				goto bad;
			d->id.bustype = bus;
			d->id.vendor = vid;
			d->id.product = pid;
			d->id.version = ver;
			have_i = 1;
		} else if (strncmp(s, "P:", 2) == 0) {
			unsigned m[8];
			if (sscanf(s + 2, "%x %x %x %x %x %x %x %x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5],
				   &m[6], &m[7]) != 8)
				goto bad;
			for (int i = 0; i < 8; i++, pbytes++)
				if (pbytes < sizeof d->props)
					d->props[pbytes] = (uint8_t)m[i];
		} else if (strncmp(s, "B:", 2) == 0) {
			unsigned t, m[8];
			if (sscanf(s + 2, "%x %x %x %x %x %x %x %x %x", &t, &m[0], &m[1], &m[2], &m[3], &m[4],
				   &m[5], &m[6], &m[7]) != 9 || t >= EV_CNT)
				goto bad;
			for (int i = 0; i < 8; i++, mbytes[t]++) {
				if (t == EV_SYN) /* "B: 00" is ambiguous across evemu versions: ignored */
					continue;
				for (int b = 0; b < 8; b++) {
					if (!(m[i] & (1u << b)))
						continue;
					unsigned code = mbytes[t] * 8 + b;
					if (t == EV_REP) {
						if (code <= REP_MAX)
							bit_set(d->bits[0], EV_REP, 1);
						continue;
					}
					int max = code_max(t);
					if (max < 0 || code > (unsigned)max)
						continue;
					if (code < KEY_BYTES * 8)
						bit_set(d->bits[t], code, 1);
					bit_set(d->bits[0], t, 1);
				}
			}
		} else if (strncmp(s, "A:", 2) == 0) {
			unsigned code;
			int mn, mx, fuzz, flat, res = 0;
			int n = sscanf(s + 2, "%x %d %d %d %d %d", &code, &mn, &mx, &fuzz, &flat, &res);
			if (n < 5 || code > ABS_MAX)
				goto bad;
			d->abs[code].minimum = mn;
			d->abs[code].maximum = mx;
			d->abs[code].fuzz = fuzz;
			d->abs[code].flat = flat;
			d->abs[code].resolution = n == 6 ? res : 0;
		} else if (strncmp(s, "L:", 2) == 0 || strncmp(s, "S:", 2) == 0) {
			unsigned code;
			int v;
			if (sscanf(s + 2, "%x %d", &code, &v) != 2)
				goto bad;
			if (s[0] == 'L' && code <= LED_MAX)
				bit_set(d->led, code, v != 0);
			else if (s[0] == 'S' && code <= SW_MAX)
				bit_set(d->sw, code, v != 0);
		} else {
			goto bad;
		}
	}
	if (!have_n || !have_i) {
		snprintf(err, errlen, "%s: missing %s line", path, have_n ? "I:" : "N:");
		goto out;
	}
	bit_set(d->bits[0], EV_SYN, 1);
	rc = 0;
	goto out;
bad:
	snprintf(err, errlen, "%s:%d: cannot parse: %.60s", path, lineno, trim(line));
out:
	free(line);
	fclose(f);
	return rc;
}

static struct device *device_new(const char *name, const char *path, char *err, size_t errlen)
{
	struct device *d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (parse_desc(d, path, err, errlen) < 0) {
		free(d);
		return NULL;
	}
	snprintf(d->name, sizeof d->name, "%s", name);
	d->ino = g.next_ino++;
	clock_gettime(CLOCK_REALTIME, &d->ctime);
	list_init_h(&d->handles, 0);
	d->rep[REP_DELAY] = 250;
	d->rep[REP_PERIOD] = 33;
	d->num_slots = -1;
	if (has_code(d, EV_ABS, ABS_MT_SLOT)) {
		int n = d->abs[ABS_MT_SLOT].maximum + 1;
		if (n < 1)
			n = 1;
		if (n > MAX_SLOTS)
			n = MAX_SLOTS;
		d->slots = calloc((size_t)n, sizeof *d->slots);
		if (!d->slots) {
			free(d);
			snprintf(err, errlen, "out of memory");
			return NULL;
		}
		d->num_slots = n;
		for (int i = 0; i < n; i++)
			d->slots[i][ABS_MT_TRACKING_ID - ABS_MT_FIRST_] = -1;
		d->cur_slot = d->abs[ABS_MT_SLOT].value;
		if (d->cur_slot < 0 || d->cur_slot >= n)
			d->cur_slot = 0;
	}
	d->next = g.devices;
	g.devices = d;
	return d;
}

/* ------------------------------------------------------------------ */
/* event queues                                                       */

static void q_push_raw(struct handle *h, const struct input_event *ev)
{
	h->q[(h->head + h->count) % h->cap] = *ev;
	h->count++;
}

static void q_clear(struct handle *h)
{
	h->head = h->count = h->visible = 0;
}

static void q_push_dropped(struct handle *h, struct timeval tv)
{
	struct input_event d = {.time = tv, .type = EV_SYN, .code = SYN_DROPPED, .value = 0};
	if (h->count == h->cap)
		q_clear(h);
	q_push_raw(h, &d);
	h->visible = h->count;
	h->dirty = 1;
}

static void q_push(struct handle *h, const struct input_event *ev)
{
	if (h->count == h->cap) {
		/* overflow: like the kernel, drop everything unread and leave
		 * SYN_DROPPED followed by the newest event */
		q_clear(h);
		q_push_dropped(h, ev->time);
	}
	q_push_raw(h, ev);
	if (ev->type == EV_SYN && (ev->code == SYN_REPORT || ev->code == SYN_DROPPED)) {
		h->visible = h->count;
		h->dirty = 1;
	}
}

static struct timeval ts_to_tv(struct timespec ts)
{
	struct timeval tv = {.tv_sec = ts.tv_sec, .tv_usec = ts.tv_nsec / 1000};
	return tv;
}

/* Deliver one event to the handles of a device (unless dropping). */
static void deliver(struct device *d, unsigned type, unsigned code, int value, const struct timeval *explicit_tv)
{
	if (d->dropping)
		return;
	struct timespec now[3];
	int have_now = 0;
	for (struct handle *h = d->handles.dev_next; h != &d->handles; h = h->dev_next) {
		if (h->dead)
			continue;
		if (d->grab && d->grab != h)
			continue;
		struct input_event ev = {.type = (uint16_t)type, .code = (uint16_t)code, .value = value};
		if (explicit_tv) {
			ev.time = *explicit_tv;
		} else {
			if (!have_now) {
				now[0] = now_clock(CLOCK_REALTIME);
				now[1] = now_clock(CLOCK_MONOTONIC);
				now[2] = now_clock(CLOCK_BOOTTIME);
				have_now = 1;
			}
			ev.time = ts_to_tv(h->clk == CLOCK_MONOTONIC ? now[1] : h->clk == CLOCK_BOOTTIME ? now[2] : now[0]);
		}
		q_push(h, &ev);
	}
}

static struct timeval handle_now(const struct handle *h)
{
	return ts_to_tv(now_clock(h->clk));
}

/* ------------------------------------------------------------------ */
/* device state                                                       */

static int *slot_val(struct device *d, int slot, unsigned code)
{
	return &d->slots[slot][code - ABS_MT_FIRST_];
}

/* Apply an emitted event to the true state. */
static void apply_state(struct device *d, unsigned type, unsigned code, int value)
{
	switch (type) {
	case EV_KEY: bit_set(d->key, code, value != 0); break;
	case EV_LED: bit_set(d->led, code, value != 0); break;
	case EV_SW: bit_set(d->sw, code, value != 0); break;
	case EV_SND: bit_set(d->snd, code, value != 0); break;
	case EV_REP: d->rep[code] = value; break;
	case EV_ABS:
		if (code == ABS_MT_SLOT && d->num_slots > 0) {
			d->cur_slot = value;
			d->abs[ABS_MT_SLOT].value = value;
			for (unsigned c = ABS_MT_FIRST_; c <= ABS_MT_LAST_; c++)
				if (has_code(d, EV_ABS, c))
					d->abs[c].value = *slot_val(d, value, c);
			break;
		}
		d->abs[code].value = value;
		if (is_mt_value(code) && d->num_slots > 0)
			*slot_val(d, d->cur_slot, code) = value;
		break;
	default: break;
	}
}

static int emit(struct device *d, unsigned type, unsigned code, int value, const struct timeval *tv, char *err,
		size_t errlen)
{
	int max = code_max(type);
	if (type >= EV_CNT || max < 0) {
		snprintf(err, errlen, "unknown event type %u", type);
		return -1;
	}
	if (code > (unsigned)max) {
		snprintf(err, errlen, "event code %u out of range for type %u", code, type);
		return -1;
	}
	if (type != EV_SYN && !has_code(d, type, code)) {
		snprintf(err, errlen, "device does not have event type %u code %u", type, code);
		return -1;
	}
	if (type == EV_ABS && code == ABS_MT_SLOT && d->num_slots > 0 && (value < 0 || value >= d->num_slots)) {
		snprintf(err, errlen, "slot %d out of range (device has %d slots)", value, d->num_slots);
		return -1;
	}
	apply_state(d, type, code, value);
	deliver(d, type, code, value, tv);
	return 0;
}

/* ------------------------------------------------------------------ */
/* wake-ups                                                           */

static void serve_read(struct handle *h, fuse_req_t req, size_t size)
{
	unsigned n = (unsigned)(size / EV_SIZE);
	if (n > h->visible)
		n = h->visible;
	/* reply straight from the ring: at most two segments */
	struct iovec iov[2];
	int cnt = 0;
	unsigned first = h->cap - h->head;
	if (first > n)
		first = n;
	if (first) {
		iov[cnt].iov_base = &h->q[h->head];
		iov[cnt++].iov_len = first * EV_SIZE;
	}
	if (n > first) {
		iov[cnt].iov_base = &h->q[0];
		iov[cnt++].iov_len = (n - first) * EV_SIZE;
	}
	h->head = (h->head + n) % h->cap;
	h->count -= n;
	h->visible -= n;
	fuse_reply_iov(req, iov, cnt);
}

/* Answer pending reads and notify pollers of every handle marked dirty.
 * Called once at the end of each ctl/device write, so that a batch is
 * delivered atomically. */
static void wake_dirty(void)
{
	for (struct handle *h = g.all.all_next; h != &g.all; h = h->all_next) {
		if (!h->dirty)
			continue;
		h->dirty = 0;
		while (h->pending.next != &h->pending) {
			struct pending_read *pr = h->pending.next;
			if (h->dead) {
				pr_unlink(pr);
				fuse_reply_err(pr->req, ENODEV);
				free(pr);
			} else if (h->visible > 0) {
				pr_unlink(pr);
				serve_read(h, pr->req, pr->size);
				free(pr);
			} else {
				break;
			}
		}
		if (h->ph)
			fuse_lowlevel_notify_poll(h->ph);
	}
}

static void handle_kill(struct handle *h)
{
	h->dead = 1;
	h->dirty = 1;
	if (h->dev && h->dev->grab == h)
		h->dev->grab = NULL;
}

/* ------------------------------------------------------------------ */
/* ctl commands                                                       */

static int valid_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MAX_NAME || strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
		return 0;
	for (; *s; s++)
		if (*s == '/' || !isgraph((unsigned char)*s))
			return 0;
	return 1;
}

static int parse_long(const char *s, long *v)
{
	char *end;
	errno = 0;
	*v = strtol(s, &end, 0);
	return errno == 0 && end != s && *end == '\0';
}

static int parse_type(const char *s, unsigned *type)
{
	long v;
	if (parse_long(s, &v)) {
		if (v < 0 || v >= EV_CNT)
			return -1;
		*type = (unsigned)v;
		return 0;
	}
	int t = libevdev_event_type_from_name(s);
	if (t < 0)
		return -1;
	*type = (unsigned)t;
	return 0;
}

static int parse_code(unsigned type, const char *s, unsigned *code)
{
	long v;
	if (parse_long(s, &v)) {
		if (v < 0 || v > 0xffff)
			return -1;
		*code = (unsigned)v;
		return 0;
	}
	int c = libevdev_event_code_from_name(type, s);
	if (c < 0)
		return -1;
	*code = (unsigned)c;
	return 0;
}

/* "SEC.USEC" or "SEC"; the fraction is a decimal fraction (up to 6 digits) */
static int parse_time(const char *s, struct timeval *tv)
{
	char *end;
	errno = 0;
	long long sec = strtoll(s, &end, 10);
	if (errno || end == s || sec < 0)
		return -1;
	long usec = 0;
	if (*end == '.') {
		const char *p = end + 1;
		int digits = 0;
		while (isdigit((unsigned char)*p)) {
			if (digits < 6) {
				usec = usec * 10 + (*p - '0');
				digits++;
			}
			p++;
		}
		if (p == end + 1)
			return -1;
		for (; digits < 6; digits++)
			usec *= 10;
		end = (char *)p;
	}
	if (*end)
		return -1;
	tv->tv_sec = (time_t)sec;
	tv->tv_usec = usec;
	return 0;
}

static int cmd_error(const char *line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int cmd_error(const char *line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	out("error %s (in: %.200s)", msg, line);
	return -1;
}

static int ctl_line(char *line)
{
	char orig[512];
	snprintf(orig, sizeof orig, "%s", line);
	char *s = trim(line);
	if (*s == '\0' || *s == '#')
		return 0;
	dbg("ctl: %s", s);

	char *save = NULL;
	char *cmd = strtok_r(s, " \t", &save);
	char *name = strtok_r(NULL, " \t", &save);
	if (!name)
		return cmd_error(orig, "missing device name");

	if (strcmp(cmd, "add") == 0) {
		char *path = save ? trim(save) : NULL;
		char err[512];
		if (!valid_name(name))
			return cmd_error(orig, "invalid device name '%s'", name);
		if (!path || !*path)
			return cmd_error(orig, "missing description path");
		if (find_device_name(name))
			return cmd_error(orig, "device %s already exists", name);
		if (!device_new(name, path, err, sizeof err))
			return cmd_error(orig, "%s", err);
		return 0;
	}

	struct device *d = find_device_name(name);
	if (!d)
		return cmd_error(orig, "no device named '%s'", name);

	if (strcmp(cmd, "remove") == 0) {
		if (strtok_r(NULL, " \t", &save))
			return cmd_error(orig, "too many arguments");
		d->removed = 1;
		d->grab = NULL;
		for (struct handle *h = d->handles.dev_next; h != &d->handles; h = h->dev_next)
			handle_kill(h);
		device_maybe_free(d);
		return 0;
	}
	if (strcmp(cmd, "drop") == 0) {
		if (strtok_r(NULL, " \t", &save))
			return cmd_error(orig, "too many arguments");
		d->dropping = 1;
		for (struct handle *h = d->handles.dev_next; h != &d->handles; h = h->dev_next)
			q_clear(h);
		return 0;
	}
	if (strcmp(cmd, "resume") == 0) {
		if (strtok_r(NULL, " \t", &save))
			return cmd_error(orig, "too many arguments");
		d->dropping = 0;
		for (struct handle *h = d->handles.dev_next; h != &d->handles; h = h->dev_next)
			if (!h->dead)
				q_push_dropped(h, handle_now(h));
		return 0;
	}
	if (strcmp(cmd, "emit") == 0) {
		char *ts = strtok_r(NULL, " \t", &save), *cs = strtok_r(NULL, " \t", &save),
		     *vs = strtok_r(NULL, " \t", &save), *tms = strtok_r(NULL, " \t", &save);
		unsigned type, code;
		long value;
		struct timeval tv;
		char err[256];
		if (!ts || !cs || !vs)
			return cmd_error(orig, "usage: emit NAME TYPE CODE VALUE [SEC.USEC]");
		if (strtok_r(NULL, " \t", &save))
			return cmd_error(orig, "too many arguments");
		if (parse_type(ts, &type) < 0)
			return cmd_error(orig, "bad event type '%s'", ts);
		if (parse_code(type, cs, &code) < 0)
			return cmd_error(orig, "bad event code '%s'", cs);
		if (!parse_long(vs, &value) || value < INT32_MIN || value > (long)UINT32_MAX)
			return cmd_error(orig, "bad value '%s'", vs);
		if (tms && parse_time(tms, &tv) < 0)
			return cmd_error(orig, "bad timestamp '%s'", tms);
		if (emit(d, type, code, (int)(int32_t)(uint32_t)value, tms ? &tv : NULL, err, sizeof err) < 0)
			return cmd_error(orig, "%s", err);
		return 0;
	}
	return cmd_error(orig, "unknown command '%s'", cmd);
}

/* Apply every complete line of a ctl handle's buffer (and the rest, if
 * final).  Returns the number of failed lines. */
static int ctl_process(struct handle *h, int final)
{
	int errors = 0;
	size_t start = 0;
	for (size_t i = 0; i < h->len; i++) {
		if (h->buf[i] != '\n')
			continue;
		h->buf[i] = '\0';
		if (ctl_line(h->buf + start) < 0)
			errors++;
		start = i + 1;
	}
	if (final && start < h->len) {
		char *rest = malloc(h->len - start + 1);
		if (rest) {
			memcpy(rest, h->buf + start, h->len - start);
			rest[h->len - start] = '\0';
			if (ctl_line(rest) < 0)
				errors++;
			free(rest);
		}
		start = h->len;
	}
	memmove(h->buf, h->buf + start, h->len - start);
	h->len -= start;
	return errors;
}

/* ------------------------------------------------------------------ */
/* attributes                                                         */

static int fill_attr(fuse_ino_t ino, struct stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_ino = ino;
	st->st_uid = getuid();
	st->st_gid = getgid();
	st->st_blksize = 4096;
	st->st_atim = st->st_mtim = st->st_ctim = g.start;
	switch (ino) {
	case INO_ROOT:
	case INO_DEV:
		st->st_mode = S_IFDIR | 0755;
		st->st_nlink = 2;
		return 0;
	case INO_CTL:
		st->st_mode = S_IFREG | 0666;
		st->st_nlink = 1;
		return 0;
	default: {
		struct device *d = find_device_ino(ino);
		if (!d)
			return -1;
		st->st_mode = S_IFREG | 0660;
		st->st_nlink = d->removed ? 0 : 1;
		st->st_atim = st->st_mtim = st->st_ctim = d->ctime;
		return 0;
	}
	}
}

/* ------------------------------------------------------------------ */
/* FUSE operations                                                    */

static void op_init(void *userdata, struct fuse_conn_info *conn)
{
	(void)userdata;
	(void)conn;
	out("ready");
}

static void op_destroy(void *userdata)
{
	(void)userdata;
}

static void op_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct fuse_entry_param e;
	memset(&e, 0, sizeof e);
	e.attr_timeout = 0;
	e.entry_timeout = 0;
	if (parent == INO_ROOT && strcmp(name, "ctl") == 0)
		e.ino = INO_CTL;
	else if (parent == INO_ROOT && strcmp(name, "dev") == 0)
		e.ino = INO_DEV;
	else if (parent == INO_DEV) {
		struct device *d = find_device_name(name);
		if (d) {
			e.ino = d->ino;
			d->nlookup++;
		}
	}
	if (!e.ino || fill_attr(e.ino, &e.attr) < 0) {
		fuse_reply_err(req, ENOENT); /* error reply: never cached */
		return;
	}
	fuse_reply_entry(req, &e);
}

static void forget_one(fuse_ino_t ino, uint64_t n)
{
	if (ino < INO_FIRST_DEVICE)
		return;
	struct device *d = find_device_ino(ino);
	if (!d)
		return;
	d->nlookup = d->nlookup > n ? d->nlookup - n : 0;
	device_maybe_free(d);
}

static void op_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	forget_one(ino, nlookup);
	fuse_reply_none(req);
}

static void op_forget_multi(fuse_req_t req, size_t count, struct fuse_forget_data *forgets)
{
	for (size_t i = 0; i < count; i++)
		forget_one(forgets[i].ino, forgets[i].nlookup);
	fuse_reply_none(req);
}

static void op_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)fi;
	struct stat st;
	if (fill_attr(ino, &st) < 0)
		fuse_reply_err(req, ENOENT);
	else
		fuse_reply_attr(req, &st, 0);
}

static void op_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr, int to_set, struct fuse_file_info *fi)
{
	/* accepted and ignored (lets "> ctl" truncate) */
	(void)attr;
	(void)to_set;
	op_getattr(req, ino, fi);
}

static void op_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)fi;
	if (ino != INO_ROOT && ino != INO_DEV) {
		fuse_reply_err(req, ENOTDIR);
		return;
	}
	char *buf = malloc(size);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	size_t used = 0;
	off_t idx = 0;
	struct stat st;
	memset(&st, 0, sizeof st);
#define ADD(nm, ino_, mode_)                                                                    \
	do {                                                                                    \
		idx++;                                                                          \
		if (idx > off) {                                                                \
			st.st_ino = (ino_);                                                     \
			st.st_mode = (mode_);                                                   \
			size_t n = fuse_add_direntry(req, buf + used, size - used, nm, &st, idx); \
			if (n > size - used)                                                    \
				goto done;                                                      \
			used += n;                                                              \
		}                                                                               \
	} while (0)
	ADD(".", ino, S_IFDIR);
	ADD("..", INO_ROOT, S_IFDIR);
	if (ino == INO_ROOT) {
		ADD("ctl", INO_CTL, S_IFREG);
		ADD("dev", INO_DEV, S_IFDIR);
	} else {
		/* g.devices is newest first; list oldest first */
		size_t n = 0;
		for (struct device *d = g.devices; d; d = d->next)
			if (!d->removed)
				n++;
		struct device **v = n ? calloc(n, sizeof *v) : NULL;
		size_t i = n;
		for (struct device *d = g.devices; d && v; d = d->next)
			if (!d->removed)
				v[--i] = d;
		for (i = 0; v && i < n; i++) {
			idx++;
			if (idx > off) {
				st.st_ino = v[i]->ino;
				st.st_mode = S_IFREG;
				size_t k = fuse_add_direntry(req, buf + used, size - used, v[i]->name, &st, idx);
				if (k > size - used)
					break;
				used += k;
			}
		}
		free(v);
	}
#undef ADD
done:
	fuse_reply_buf(req, buf, used);
	free(buf);
}

static struct handle *handle_new(enum handle_kind kind)
{
	struct handle *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->kind = kind;
	h->pending.prev = h->pending.next = &h->pending;
	return h;
}

/* unlink and free a device handle (may free a removed device) */
static void handle_free(struct handle *h)
{
	struct device *d = h->dev;
	while (h->pending.next != &h->pending) { /* cannot normally happen */
		struct pending_read *pr = h->pending.next;
		pr_unlink(pr);
		fuse_reply_err(pr->req, EBADF);
		free(pr);
	}
	if (h->ph)
		fuse_pollhandle_destroy(h->ph);
	if (d->grab == h)
		d->grab = NULL;
	h->dev_prev->dev_next = h->dev_next;
	h->dev_next->dev_prev = h->dev_prev;
	h->all_prev->all_next = h->all_next;
	h->all_next->all_prev = h->all_prev;
	d->nhandles--;
	free(h->q);
	free(h);
	device_maybe_free(d);
}

static void op_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	if (ino == INO_ROOT || ino == INO_DEV) {
		fuse_reply_err(req, EISDIR);
		return;
	}
	if (ino == INO_CTL) {
		struct handle *h = handle_new(H_CTL);
		if (!h) {
			fuse_reply_err(req, ENOMEM);
			return;
		}
		fi->fh = (uintptr_t)h;
		fi->direct_io = 1;
		fi->nonseekable = 1;
		fuse_reply_open(req, fi);
		return;
	}
	struct device *d = find_device_ino(ino);
	if (!d) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	if (d->removed) {
		fuse_reply_err(req, ENODEV);
		return;
	}
	struct handle *h = handle_new(H_DEVICE);
	if (!h || !(h->q = calloc(g.queue_cap, EV_SIZE))) {
		free(h);
		fuse_reply_err(req, ENOMEM);
		return;
	}
	h->cap = g.queue_cap;
	h->dev = d;
	h->clk = CLOCK_REALTIME;
	h->mt_last = -1;
	/* link */
	h->dev_next = &d->handles;
	h->dev_prev = d->handles.dev_prev;
	d->handles.dev_prev->dev_next = h;
	d->handles.dev_prev = h;
	h->all_next = &g.all;
	h->all_prev = g.all.all_prev;
	g.all.all_prev->all_next = h;
	g.all.all_prev = h;
	d->nhandles++;

	fi->fh = (uintptr_t)h;
	fi->direct_io = 1;
	fi->nonseekable = 1;
	if (fuse_reply_open(req, fi) == -ENOENT) {
		/* the open was interrupted: the kernel will send no release */
		handle_free(h);
		return;
	}
	out("opened %s", d->name);
}

static void op_release(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	if (h->kind == H_CTL) {
		if (h->len) {
			ctl_process(h, 1);
			wake_dirty();
		}
		free(h->buf);
		free(h);
		fuse_reply_err(req, 0);
		return;
	}
	out("closed %s", h->dev->name);
	handle_free(h);
	fuse_reply_err(req, 0);
}

static void op_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	int errors = 0;
	if (h->kind == H_CTL && h->len) {
		errors = ctl_process(h, 1);
		wake_dirty();
	}
	fuse_reply_err(req, errors ? EINVAL : 0);
}

static void read_interrupted(fuse_req_t req, void *data)
{
	struct pending_read *pr = data;
	(void)req;
	if (g.in_register) {
		/* called from inside fuse_req_interrupt_func(): replying here
		 * would free the request while libfuse still holds its lock */
		g.sync_intr = 1;
		return;
	}
	pr_unlink(pr);
	fuse_reply_err(pr->req, EINTR);
	free(pr);
}

static void op_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)off;
	if (ino == INO_CTL) {
		fuse_reply_buf(req, NULL, 0);
		return;
	}
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	if (h->dead) {
		fuse_reply_err(req, ENODEV);
		return;
	}
	if (size == 0) {
		fuse_reply_buf(req, NULL, 0);
		return;
	}
	if (size < EV_SIZE) {
		fuse_reply_err(req, EINVAL);
		return;
	}
	if (h->visible > 0) {
		serve_read(h, req, size);
		return;
	}
	if (fi->flags & O_NONBLOCK) {
		fuse_reply_err(req, EAGAIN);
		return;
	}
	if (fuse_req_interrupted(req)) {
		fuse_reply_err(req, EINTR);
		return;
	}
	struct pending_read *pr = calloc(1, sizeof *pr);
	if (!pr) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	pr->h = h;
	pr->req = req;
	pr->size = size;
	pr->next = &h->pending;
	pr->prev = h->pending.prev;
	h->pending.prev->next = pr;
	h->pending.prev = pr;
	g.in_register = 1;
	g.sync_intr = 0;
	fuse_req_interrupt_func(req, read_interrupted, pr);
	g.in_register = 0;
	if (g.sync_intr) {
		pr_unlink(pr);
		fuse_reply_err(req, EINTR);
		free(pr);
	}
}

static void device_write_event(struct handle *h, const struct input_event *ev)
{
	struct device *d = h->dev;
	out("write %s %u %u %d", d->name, ev->type, ev->code, ev->value);
	if (ev->type == EV_LED && has_code(d, EV_LED, ev->code)) {
		int old = bit_test(d->led, ev->code);
		bit_set(d->led, ev->code, ev->value != 0);
		if (g.led_echo && old != (ev->value != 0) && d->necho < LED_CNT) {
			struct input_event e = {.type = EV_LED, .code = ev->code, .value = ev->value != 0};
			d->echo[d->necho++] = e;
		}
	} else if (ev->type == EV_SYN && ev->code == SYN_REPORT && d->necho) {
		/* the kernel passes changed LED values on to every reader at the SYN_REPORT */
		for (int i = 0; i < d->necho; i++)
			deliver(d, EV_LED, d->echo[i].code, d->echo[i].value, NULL);
		deliver(d, EV_SYN, SYN_REPORT, 0, NULL);
		d->necho = 0;
	}
}

static void op_write(fuse_req_t req, fuse_ino_t ino, const char *buf, size_t size, off_t off,
		     struct fuse_file_info *fi)
{
	(void)off;
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	if (ino == INO_CTL) {
		if (h->len + size + 1 > h->alloc) {
			size_t na = (h->len + size + 1) * 2;
			char *nb = realloc(h->buf, na);
			if (!nb) {
				fuse_reply_err(req, ENOMEM);
				return;
			}
			h->buf = nb;
			h->alloc = na;
		}
		memcpy(h->buf + h->len, buf, size);
		h->len += size;
		int errors = ctl_process(h, 0);
		wake_dirty();
		if (errors)
			fuse_reply_err(req, EINVAL);
		else
			fuse_reply_write(req, size);
		return;
	}
	if (h->dead) {
		fuse_reply_err(req, ENODEV);
		return;
	}
	if (size != 0 && size < EV_SIZE) {
		fuse_reply_err(req, EINVAL);
		return;
	}
	size_t n = size / EV_SIZE;
	for (size_t i = 0; i < n; i++) {
		struct input_event ev;
		memcpy(&ev, buf + i * EV_SIZE, EV_SIZE);
		device_write_event(h, &ev);
	}
	wake_dirty();
	fuse_reply_write(req, n * EV_SIZE);
}

static void op_poll(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi, struct fuse_pollhandle *ph)
{
	if (ino == INO_CTL) {
		if (ph)
			fuse_pollhandle_destroy(ph);
		fuse_reply_poll(req, POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
		return;
	}
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	unsigned revents = h->dead ? (POLLHUP | POLLERR) : (POLLOUT | POLLWRNORM);
	if (h->visible > 0)
		revents |= POLLIN | POLLRDNORM;
	if (ph) {
		/* one poll handle per open file: the kernel's wait queue is per
		 * file, so the newest handle replaces the older one */
		if (h->ph)
			fuse_pollhandle_destroy(h->ph);
		h->ph = ph;
	}
	fuse_reply_poll(req, revents);
}

/* --- ioctls --------------------------------------------------------- */

static void reply_bytes(fuse_req_t req, const void *src, size_t avail, size_t out_bufsz)
{
	size_t n = avail < out_bufsz ? avail : out_bufsz;
	fuse_reply_ioctl(req, (int)n, src, n);
}

static void reply_string(fuse_req_t req, const char *s, size_t out_bufsz)
{
	reply_bytes(req, s, strlen(s) + 1, out_bufsz);
}

static int mt_fallback_code(struct handle *h)
{
	struct device *d = h->dev;
	for (int pass = 0; pass < 2; pass++) {
		int start = pass == 0 ? h->mt_last + 1 : ABS_MT_FIRST_;
		if (start < ABS_MT_FIRST_)
			start = ABS_MT_FIRST_;
		for (int c = start; c <= ABS_MT_LAST_; c++)
			if (has_code(d, EV_ABS, (unsigned)c))
				return c;
	}
	return -1;
}

static void ioctl_mtslots(fuse_req_t req, struct handle *h, void *arg, size_t out_bufsz)
{
	struct device *d = h->dev;
	if (out_bufsz < sizeof(uint32_t)) {
		fuse_reply_err(req, EINVAL);
		return;
	}
	/* FUSE copies nothing in for an _IOC_READ ioctl: fetch the code from
	 * the caller's buffer ourselves */
	uint32_t code;
	struct iovec local = {&code, sizeof code}, remote = {arg, sizeof code};
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	int c;
	if (!g.no_vm_readv && ctx->pid > 0 && process_vm_readv(ctx->pid, &local, 1, &remote, 1, 0) == (ssize_t)sizeof code) {
		c = (int)code;
	} else {
		c = mt_fallback_code(h);
		dbg("EVIOCGMTSLOTS: process_vm_readv(pid %d) failed (%s); guessing code %d", (int)ctx->pid,
		    strerror(errno), c);
	}
	if (c < 0 || d->num_slots <= 0 || !is_mt_value((unsigned)c)) {
		fuse_reply_err(req, EINVAL);
		return;
	}
	h->mt_last = c;
	size_t max_slots = (out_bufsz - sizeof(uint32_t)) / sizeof(int32_t);
	size_t n = (size_t)d->num_slots < max_slots ? (size_t)d->num_slots : max_slots;
	int32_t *buf = calloc(n + 1, sizeof(int32_t));
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	buf[0] = c;
	for (size_t i = 0; i < n; i++)
		buf[i + 1] = *slot_val(d, (int)i, (unsigned)c);
	fuse_reply_ioctl(req, 0, buf, (n + 1) * sizeof(int32_t));
	free(buf);
}

static void op_ioctl(fuse_req_t req, fuse_ino_t ino, unsigned int cmd, void *arg, struct fuse_file_info *fi,
		     unsigned flags, const void *in_buf, size_t in_bufsz, size_t out_bufsz)
{
	(void)flags;
	if (ino < INO_FIRST_DEVICE) {
		fuse_reply_err(req, ENOTTY);
		return;
	}
	struct handle *h = (struct handle *)(uintptr_t)fi->fh;
	struct device *d = h->dev;
	if (h->dead) {
		fuse_reply_err(req, ENODEV);
		return;
	}
	if (_IOC_TYPE(cmd) != 'E') {
		fuse_reply_err(req, ENOTTY);
		return;
	}
	unsigned dir = _IOC_DIR(cmd), nr = _IOC_NR(cmd);
	size_t size = _IOC_SIZE(cmd);
	if (out_bufsz > size)
		out_bufsz = size;

	/* fixed-size commands */
	switch (cmd) {
	case EVIOCGVERSION: {
		int v = EV_VERSION;
		fuse_reply_ioctl(req, 0, &v, sizeof v);
		return;
	}
	case EVIOCGID:
		fuse_reply_ioctl(req, 0, &d->id, sizeof d->id);
		return;
	case EVIOCGREP:
		if (!has_type(d, EV_REP)) {
			fuse_reply_err(req, ENOSYS);
			return;
		}
		fuse_reply_ioctl(req, 0, d->rep, sizeof d->rep);
		return;
	case EVIOCSREP:
		if (!has_type(d, EV_REP)) {
			fuse_reply_err(req, ENOSYS);
			return;
		}
		if (in_bufsz >= sizeof d->rep)
			memcpy(d->rep, in_buf, sizeof d->rep);
		fuse_reply_ioctl(req, 0, NULL, 0);
		return;
	case EVIOCSCLOCKID: {
		int clk;
		if (in_bufsz < sizeof clk) {
			fuse_reply_err(req, EFAULT);
			return;
		}
		memcpy(&clk, in_buf, sizeof clk);
		if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC && clk != CLOCK_BOOTTIME) {
			fuse_reply_err(req, EINVAL);
			return;
		}
		if (h->clk != clk) {
			h->clk = clk;
			if (h->count) { /* like the kernel: flush and report a drop */
				q_clear(h);
				q_push_dropped(h, handle_now(h));
				wake_dirty();
			}
		}
		fuse_reply_ioctl(req, 0, NULL, 0);
		return;
	}
	case EVIOCGRAB:
		/* Only reachable with a valid pointer as arg (libevdev passes the
		 * value itself and fails with EFAULT in the kernel). Like the
		 * kernel, a non-NULL arg means grab. */
		if (d->grab) {
			fuse_reply_err(req, EBUSY);
			return;
		}
		d->grab = h;
		fuse_reply_ioctl(req, 0, NULL, 0);
		return;
	case EVIOCREVOKE:
		fuse_reply_err(req, EINVAL); /* arg must be NULL, which FUSE cannot forward */
		return;
	case EVIOCGEFFECTS: {
		int n = 0;
		fuse_reply_ioctl(req, 0, &n, sizeof n);
		return;
	}
	default: break;
	}

	if (dir == _IOC_READ) {
		switch (nr) {
		case 0x06: /* EVIOCGNAME */
			reply_string(req, d->devname, out_bufsz);
			return;
		case 0x07: { /* EVIOCGPHYS */
			char phys[MAX_NAME + 32];
			snprintf(phys, sizeof phys, "fake-evdev/%s", d->name);
			reply_string(req, phys, out_bufsz);
			return;
		}
		case 0x08: /* EVIOCGUNIQ */
			fuse_reply_err(req, ENOENT);
			return;
		case 0x09: /* EVIOCGPROP */
			reply_bytes(req, d->props, BITS_BYTES(INPUT_PROP_MAX), out_bufsz);
			return;
		case 0x0a: /* EVIOCGMTSLOTS */
			ioctl_mtslots(req, h, arg, out_bufsz);
			return;
		case 0x18: /* EVIOCGKEY */
			reply_bytes(req, d->key, BITS_BYTES(KEY_MAX), out_bufsz);
			return;
		case 0x19: /* EVIOCGLED */
			reply_bytes(req, d->led, BITS_BYTES(LED_MAX), out_bufsz);
			return;
		case 0x1a: /* EVIOCGSND */
			reply_bytes(req, d->snd, BITS_BYTES(SND_MAX), out_bufsz);
			return;
		case 0x1b: /* EVIOCGSW */
			reply_bytes(req, d->sw, BITS_BYTES(SW_MAX), out_bufsz);
			return;
		default: break;
		}
		if ((nr & ~(unsigned)EV_MAX) == _IOC_NR(EVIOCGBIT(0, 0))) {
			unsigned type = nr & EV_MAX;
			int max = type_max(type);
			if (max < 0) {
				fuse_reply_err(req, EINVAL);
				return;
			}
			reply_bytes(req, d->bits[type], BITS_BYTES(max), out_bufsz);
			return;
		}
		if ((nr & ~(unsigned)ABS_MAX) == _IOC_NR(EVIOCGABS(0))) {
			unsigned code = nr & ABS_MAX;
			size_t n = out_bufsz < sizeof(struct input_absinfo) ? out_bufsz : sizeof(struct input_absinfo);
			fuse_reply_ioctl(req, 0, &d->abs[code], n);
			return;
		}
	}
	if (dir == _IOC_WRITE && (nr & ~(unsigned)ABS_MAX) == _IOC_NR(EVIOCSABS(0))) {
		unsigned code = nr & ABS_MAX;
		if (!has_code(d, EV_ABS, code) || code == ABS_MT_SLOT) {
			fuse_reply_err(req, EINVAL);
			return;
		}
		struct input_absinfo ai = d->abs[code];
		memcpy(&ai, in_buf, in_bufsz < sizeof ai ? in_bufsz : sizeof ai);
		d->abs[code] = ai;
		fuse_reply_ioctl(req, 0, NULL, 0);
		return;
	}
	/* the kernel's evdev answers EINVAL to unknown 'E' ioctls */
	fuse_reply_err(req, EINVAL);
}

static const struct fuse_lowlevel_ops ops = {
	.init = op_init,
	.destroy = op_destroy,
	.lookup = op_lookup,
	.forget = op_forget,
	.forget_multi = op_forget_multi,
	.getattr = op_getattr,
	.setattr = op_setattr,
	.readdir = op_readdir,
	.open = op_open,
	.release = op_release,
	.flush = op_flush,
	.read = op_read,
	.write = op_write,
	.poll = op_poll,
	.ioctl = op_ioctl,
};

/* ------------------------------------------------------------------ */
/* main                                                               */

static void usage(FILE *f, const char *argv0)
{
	fprintf(f,
		"usage: %s [options] MOUNTPOINT\n"
		"  -q, --queue-size N   events buffered per open handle (default 256, min 16)\n"
		"  -o OPTS              extra FUSE mount options (comma separated)\n"
		"      --no-allow-other don't add allow_other when running as root\n"
		"      --no-led-echo    don't pass written LED changes on to readers\n"
		"      --no-vm-readv    testing aid: never read the EVIOCGMTSLOTS code from the\n"
		"                       caller's memory, always use the fallback order\n"
		"  -v, --verbose        log ctl commands etc. to stderr\n"
		"  -d, --debug          FUSE debug output on stderr\n"
		"  -h, --help\n",
		argv0);
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{"queue-size", required_argument, NULL, 'q'}, {"verbose", no_argument, NULL, 'v'},
		{"debug", no_argument, NULL, 'd'},            {"help", no_argument, NULL, 'h'},
		{"no-allow-other", no_argument, NULL, 'A'},   {"no-led-echo", no_argument, NULL, 'L'},
		{"no-vm-readv", no_argument, NULL, 'R'},
		{NULL, 0, NULL, 0},
	};
	int debug = 0, allow_other = getuid() == 0, c;
	char *extra = NULL;

	/* A parent may start us with signals blocked (libdispatch threads block them, and
	 * posix_spawn passes the mask on); SIGTERM must reach fuse's handlers. */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	g.queue_cap = 256;
	g.led_echo = 1;
	g.next_ino = INO_FIRST_DEVICE;
	list_init_h(&g.all, 1);
	clock_gettime(CLOCK_REALTIME, &g.start);

	while ((c = getopt_long(argc, argv, "q:o:vdh", lopts, NULL)) != -1) {
		switch (c) {
		case 'q': {
			long v;
			if (!parse_long(optarg, &v) || v < 16 || v > 1000000) {
				fprintf(stderr, "fake-evdev: bad queue size '%s'\n", optarg);
				return 2;
			}
			g.queue_cap = (unsigned)v;
			break;
		}
		case 'o': extra = optarg; break;
		case 'v': g.verbose = 1; break;
		case 'd': debug = 1; break;
		case 'A': allow_other = 0; break;
		case 'L': g.led_echo = 0; break;
		case 'R': g.no_vm_readv = 1; break;
		case 'h': usage(stdout, argv[0]); return 0;
		default: usage(stderr, argv[0]); return 2;
		}
	}
	if (optind != argc - 1) {
		usage(stderr, argv[0]);
		return 2;
	}
	const char *mnt = argv[optind];
	setvbuf(stdout, NULL, _IOLBF, 0);

	char opts[1024];
	snprintf(opts, sizeof opts, "fsname=fake-evdev,subtype=fake-evdev%s%s%s", allow_other ? ",allow_other" : "",
		 extra ? "," : "", extra ? extra : "");
	char *fargv[] = {argv[0], "-o", opts, debug ? "-d" : NULL, NULL};
	struct fuse_args args = FUSE_ARGS_INIT(debug ? 4 : 3, fargv);

	g.se = fuse_session_new(&args, &ops, sizeof ops, NULL);
	if (!g.se) {
		fprintf(stderr, "fake-evdev: fuse_session_new failed\n");
		fuse_opt_free_args(&args);
		return 1;
	}
	if (fuse_set_signal_handlers(g.se) != 0) {
		fuse_session_destroy(g.se);
		return 1;
	}
	if (fuse_session_mount(g.se, mnt) != 0) {
		fprintf(stderr, "fake-evdev: cannot mount on %s\n", mnt);
		fuse_remove_signal_handlers(g.se);
		fuse_session_destroy(g.se);
		return 1;
	}
	int rc = fuse_session_loop(g.se);

	/* unplug everything so parked readers get ENODEV rather than a dead
	 * connection */
	for (struct device *d = g.devices; d; d = d->next) {
		if (d->removed)
			continue;
		d->removed = 1;
		for (struct handle *h = d->handles.dev_next; h != &d->handles; h = h->dev_next)
			handle_kill(h);
	}
	wake_dirty();

	fuse_session_unmount(g.se);
	fuse_remove_signal_handlers(g.se);
	fuse_session_destroy(g.se);
	fuse_opt_free_args(&args);
	/* libfuse returns the signal number when a signal ended the loop */
	return rc >= 0 ? 0 : 1;
}
