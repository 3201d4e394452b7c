#!/usr/bin/env python3
"""Drives one page of kioskd's screens in a real headless Chromium (selenium + Debian's
chromedriver), one command per line on standard input, one answer line each on standard output:

  wait SELECTOR ATTRIBUTE VALUE [SECONDS]   until the first element matching SELECTOR has
                                            ATTRIBUTE = VALUE ("class~" checks one class);
                                            answers "ok" or "timeout: <last value seen>"
  holds SELECTOR ATTRIBUTE VALUE SECONDS    that the element keeps ATTRIBUTE = VALUE for SECONDS;
                                            answers "ok" or "changed after <s>: <value seen>"
  text SELECTOR                             the element's visible text (JSON string)
  rects SELECTOR                            every matching element's id and rectangle (JSON)
  external                                  resources loaded from other origins (JSON list)
  screenshot PATH                           saves a PNG; answers "ok"
  attribute SELECTOR... ATTRIBUTE           the first match's attribute (JSON string or null)
  contrast                                  WCAG 2.2 contrast from the rendered colours and the text
                                            that is cut (contrast.py, rendered_colours.js): JSON with
                                            the lowest text and shape ratios, failures and clipped
  set SELECTOR ATTRIBUTE VALUE...           sets an attribute (a state shown without its event);
                                            "text" sets the text, "-" removes the attribute
  style CSS...                              adds a style sheet to the page (to show a check fails)
  quit

usage: screen_check.py URL WIDTHxHEIGHT
"""
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import contrast  # noqa: E402

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


RENDERED_COLOURS = (pathlib.Path(__file__).resolve().parent / "rendered_colours.js").read_text()


def attribute(driver, selector, name):
    # In one script: the page may replace the element between finding it and reading it.
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]);"
        "if (!e) return null;"
        "return arguments[1] === 'class~' ? e.className : e.getAttribute(arguments[1]);", selector, name)


def main():
    url, size = sys.argv[1:3]
    width, height = (int(part) for part in size.split("x"))
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN",
                     "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(width, height)
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(width + (width - inner[0]), height + (height - inner[1]))
        driver.get(url)
        print("ready", flush=True)
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            command = parts[0]
            if command == "wait":
                selector, name, value = parts[1:4]
                seconds = float(parts[4]) if len(parts) > 4 else 10
                deadline = time.monotonic() + seconds
                seen = None
                while time.monotonic() < deadline:
                    seen = attribute(driver, selector, name)
                    if seen is not None and (value in seen.split() if name == "class~" else seen == value):
                        break
                    time.sleep(0.02)
                else:
                    print("timeout: " + json.dumps(seen), flush=True)
                    continue
                print("ok", flush=True)
            elif command == "holds":
                selector, name, value = parts[1:4]
                start = time.monotonic()
                deadline = start + float(parts[4])
                while time.monotonic() < deadline:
                    seen = attribute(driver, selector, name)
                    if seen != value:
                        print(f"changed after {time.monotonic() - start:.1f}: " + json.dumps(seen), flush=True)
                        break
                    time.sleep(0.05)
                else:
                    print("ok", flush=True)
            elif command == "text":
                text = driver.execute_script(
                    "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", " ".join(parts[1:]))
                print(json.dumps(text, ensure_ascii=False), flush=True)
            elif command == "rects":
                rects = [
                    dict(driver.execute_script(
                        "const r = arguments[0].getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}", element),
                         id=element.get_attribute("data-zone") or element.get_attribute("id"))
                    for element in driver.find_elements(By.CSS_SELECTOR, parts[1])
                ]
                print(json.dumps(rects), flush=True)
            elif command == "external":
                print(json.dumps(driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))")),
                    flush=True)
            elif command == "overflow":
                print(json.dumps(driver.execute_script(
                    "const d = document.documentElement;"
                    "return [Math.max(0, d.scrollWidth - window.innerWidth), Math.max(0, d.scrollHeight - window.innerHeight)]")),
                    flush=True)
            elif command == "attribute":
                print(json.dumps(attribute(driver, " ".join(parts[1:-1]), parts[-1]), ensure_ascii=False), flush=True)
            elif command == "contrast":
                measured = driver.execute_script(RENDERED_COLOURS)
                print(json.dumps(contrast.verdict(measured["samples"], measured["clipped"]), ensure_ascii=False), flush=True)
            elif command == "set":
                driver.execute_script(
                    "const e = document.querySelector(arguments[0]);"
                    "if (arguments[1] === 'text') e.textContent = arguments[2];"
                    "else if (arguments[2] === '-') e.removeAttribute(arguments[1]);"
                    "else e.setAttribute(arguments[1], arguments[2]);", parts[1], parts[2], line.split(None, 3)[3].strip())
                print("ok", flush=True)
            elif command == "style":
                driver.execute_script(
                    "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.appendChild(s)",
                    line.split(None, 1)[1])
                print("ok", flush=True)
            elif command == "screenshot":
                driver.save_screenshot(parts[1])
                print("ok", flush=True)
            elif command == "quit":
                break
            else:
                print("unknown command: " + command, flush=True)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
