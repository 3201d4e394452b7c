#!/usr/bin/env python3
"""Signs in to the collector's dashboard in a real headless Chromium (selenium + Debian's
chromedriver), opens one page, saves a screenshot and prints what the page shows as JSON:
the index rows (key, % satisfied), the totals, the alerts, the chart's bars, the trend's columns
and the page's font.

usage: dashboard_check.py BASE_URL USER PASSWORD QUERY SCREENSHOT.png WIDTHxHEIGHT
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def main():
    base, user, password, query, screenshot, size = sys.argv[1:7]
    width, height = (int(part) for part in size.split("x"))
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN"):
        options.add_argument(argument)
    # The window cannot be narrower than about 500 px: emulate the screen instead, as a phone has it.
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "name").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "total-answers")))
        driver.get(base + "/?" + query)
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "index-table")))
        page = {
            "title": driver.title,
            "totalAnswers": driver.find_element(By.ID, "total-answers").text,
            "totalPercent": driver.find_element(By.ID, "total-percent").text,
            "rows": [
                {"key": row.get_attribute("data-key"), "percent": row.get_attribute("data-percent"), "text": row.text}
                for row in driver.find_elements(By.CSS_SELECTOR, "#index-table tbody tr[data-key]")
            ],
            "bars": [
                {"key": bar.get_attribute("data-key"), "width": bar.find_element(By.TAG_NAME, "rect").get_attribute("width")}
                for bar in driver.find_elements(By.CSS_SELECTOR, "#chart g[data-key]")
            ],
            "trend": [
                {"key": column.get_attribute("data-key"), "percent": column.get_attribute("data-percent"),
                 "height": (column.find_elements(By.TAG_NAME, "rect") or [None])[0] and column.find_element(By.TAG_NAME, "rect").get_attribute("height")}
                for column in driver.find_elements(By.CSS_SELECTOR, "#trend g[data-key]")
            ],
            "alerts": [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#alerts li")],
            "font": driver.execute_script("return getComputedStyle(document.body).fontFamily"),
            "scrollWidth": driver.execute_script("return document.documentElement.scrollWidth"),
            "innerWidth": driver.execute_script("return window.innerWidth"),
            "externalResources": driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))"),
        }
        driver.save_screenshot(screenshot)
        print(json.dumps(page, ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
