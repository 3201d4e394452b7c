#!/usr/bin/env python3
"""Signs in to the collector's dashboard in a real headless Chromium (selenium + Debian's
chromedriver), opens the calendars page, optionally uploads a calendar file through its form,
saves a screenshot and prints what the page shows as JSON: the notice, the refusal's problems,
the alerts, each kiosk's years and versions, the stored versions and the collector's key.

usage: calendar_check.py BASE_URL USER PASSWORD (FILE | -) SCREENSHOT.png
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def main():
    base, user, password, upload, screenshot = sys.argv[1:6]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/login")
        driver.find_element(By.NAME, "name").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "total-answers")))
        driver.get(base + "/calendars")
        WebDriverWait(driver, 20).until(expected_conditions.presence_of_element_located((By.ID, "calendar-kiosks")))
        if upload != "-":
            driver.find_element(By.CSS_SELECTOR, "#upload input[name='file']").send_keys(upload)
            driver.find_element(By.CSS_SELECTOR, "#upload button").click()
            WebDriverWait(driver, 20).until(
                lambda d: d.find_elements(By.ID, "notice") or d.find_elements(By.ID, "calendar-error"))
        page = {
            "title": driver.title,
            "url": driver.current_url,
            "notice": " ".join(element.text for element in driver.find_elements(By.ID, "notice")),
            "problems": [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#calendar-error li")],
            "alerts": [
                {"kiosk": item.get_attribute("data-kiosk"), "text": item.text}
                for item in driver.find_elements(By.CSS_SELECTOR, "#calendar-alerts li")
            ],
            "kiosks": [
                {"kiosk": row.get_attribute("data-kiosk"), "holdings": row.get_attribute("data-holdings")}
                for row in driver.find_elements(By.CSS_SELECTOR, "#calendar-kiosks tbody tr[data-kiosk]")
            ],
            "versions": [
                {"year": row.get_attribute("data-year"), "version": row.get_attribute("data-version")}
                for row in driver.find_elements(By.CSS_SELECTOR, "#calendar-versions tbody tr[data-year]")
            ],
            "collectorKey": " ".join(element.text for element in driver.find_elements(By.ID, "collector-key")),
            "scrollWidth": driver.execute_script("return document.documentElement.scrollWidth"),
            "innerWidth": driver.execute_script("return window.innerWidth"),
        }
        driver.save_screenshot(screenshot)
        print(json.dumps(page, ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
