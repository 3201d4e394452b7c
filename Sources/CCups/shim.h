#ifndef KIOSK_CCUPS_SHIM_H
#define KIOSK_CCUPS_SHIM_H
/* Debian's libcups2-dev ships no cups.pc: the module map links "cups" itself. */
#include <cups/cups.h>
#include <cups/ipp.h>
#endif
