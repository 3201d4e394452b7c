"""WCAG 2.2 contrast from rendered colours: relative luminance (1.4.3), the large-text rule, and
the verdict on what `rendered_colours.js` measured on a page.

A colour is (r, g, b, a) with r, g, b in 0..255 and a in 0..1, as Chromium's computed styles give
it. A background is a list of layers, the element's own first; layers are painted from the last up,
over white (the canvas) if none of them is opaque.
"""
import re

TEXT = 4.5
LARGE_TEXT = 3.0
NON_TEXT = 3.0


def parse(css):
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' (also the space-separated form) → (r, g, b, a)."""
    numbers = [float(n) for n in re.findall(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?", css)]
    if not css.startswith("rgb") or len(numbers) < 3:
        raise ValueError(f"not an sRGB colour: {css}")
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def over(top, bottom):
    """`top` painted over the opaque `bottom`."""
    a = top[3]
    return tuple(top[i] * a + bottom[i] * (1 - a) for i in range(3)) + (1.0,)


def flatten(layers):
    colour = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(layers):
        colour = over(parse(layer) if isinstance(layer, str) else layer, colour)
    return colour


def luminance(colour):
    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def large(size_px, weight):
    """WCAG's large text: 18 pt (24 px), or 14 pt (18.66 px) bold."""
    return size_px >= 24 or (size_px >= 18.66 and weight >= 700)


def required(sample):
    if sample["kind"] == "text":
        return LARGE_TEXT if large(sample["size"], sample["weight"]) else TEXT
    return NON_TEXT


def judge(sample):
    """One measured pair → its ratio, the ratio it needs, and the opaque colours compared."""
    background = flatten(sample["background"])
    foreground = over(parse(sample["colour"]), background)
    return {"what": sample["what"], "kind": sample["kind"], "ratio": round(ratio(foreground, background), 2),
            "needs": required(sample), "colour": sample["colour"], "background": sample["background"]}


def verdict(samples, clipped):
    """The lowest text and non-text ratios, every pair below its threshold, and every cut text."""
    judged = [judge(sample) for sample in samples]
    def lowest(kind):
        ratios = [j["ratio"] for j in judged if j["kind"] == kind]
        return min(ratios) if ratios else None
    return {"text": lowest("text"), "shapes": lowest("shape"), "count": len(judged),
            "failures": [j for j in judged if j["ratio"] < j["needs"]], "clipped": clipped}
