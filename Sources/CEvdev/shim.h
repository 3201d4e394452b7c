#ifndef KIOSK_CEVDEV_SHIM_H
#define KIOSK_CEVDEV_SHIM_H
#include <libevdev/libevdev.h>
#include <linux/input.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/eventfd.h>
#include <glob.h>

/* Function-like macros do not import into Swift; the few we need, as inline functions. */
static inline int kiosk_errno(void) { return errno; }
#endif
