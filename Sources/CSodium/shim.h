#ifndef KIOSK_CSODIUM_SHIM_H
#define KIOSK_CSODIUM_SHIM_H
#include <sodium.h>
#endif
