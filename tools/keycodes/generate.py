#!/usr/bin/env python3
"""Writes Sources/KioskCore/Input/KeyCodes.swift from the kernel's <linux/input-event-codes.h>.

Every KEY_* and BTN_* defined as a number, in the header's order, except KEY_RESERVED (0, never
a key) and KEY_MAX (a bound, not a key). Aliases defined as another name (KEY_HANGUEL, BTN_A) are
left out: the office file names keys by their canonical names.

    tools/keycodes/generate.py [HEADER] > Sources/KioskCore/Input/KeyCodes.swift
"""
import re
import sys

HEADER = sys.argv[1] if len(sys.argv) > 1 else "/usr/include/linux/input-event-codes.h"
SKIPPED = {"KEY_RESERVED", "KEY_MAX"}

text = open(HEADER).read()
codes = [
    (name, int(value, 0))
    for name, value in re.findall(r"^#define ((?:KEY|BTN)_[A-Z0-9_]+)\s+(0x[0-9a-fA-F]+|[0-9]+)\b", text, re.M)
    if name not in SKIPPED
]

print("""// Generated from <linux/input-event-codes.h> (Linux UAPI) by tools/keycodes/generate.py; a plain
// table, so that config validation in KioskCore can name keys without C.

/// Linux key codes by name (`KEY_KP1` → 79), for keypad bindings in the office file.
public enum KeyCodes {
    public static func code(named name: String) -> UInt16? {
        byName[name]
    }

    /// The canonical name of a code (the first name the kernel header gives it).
    public static func name(of code: UInt16) -> String? {
        byCode[code]
    }

    public static let numLock: UInt16 = 69

    private static let byCode: [UInt16: String] = {
        var table: [UInt16: String] = [:]
        for (name, code) in all where table[code] == nil { table[code] = name }
        return table
    }()

    private static let byName: [String: UInt16] = Dictionary(all.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })

    private static let all: [(String, UInt16)] = [""")
for name, code in codes:
    print(f'        ("{name}", {code}),')
print("""    ]
}""")
