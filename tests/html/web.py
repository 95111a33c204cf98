"""The HTML factsheet in a real browser (headless Chromium, Selenium).

Run by tests/cli/html-web.cmd under /usr/bin/python3 as: web.py URL OUTDIR
HOSTILE. Logs in; opens Leeuwarden's Factsheet page from the Overzicht and
follows its link "Toegankelijke versie (HTML)"; reports the page's title,
its language, whether the inline stylesheet applied under the response's
Content-Security-Policy (the heading in the PDF's blue, the marks' text
alternatives hidden from sight but in the page) and what the browser's
console said; the same for the factsheet of the municipality whose name
is HOSTILE (no alert, the name as text). Screenshots in OUTDIR (screen,
and the print stylesheet through emulated print media).
"""
import os
import sys
import urllib.parse

# tests/web/wait.py: how the browser tests wait for the next page.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "web"))
import wait  # noqa: E402

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SLOW = 120


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
              "--window-size=1280,1000"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(SLOW)
    return d


def click_and_wait(d, element):
    element.click()
    WebDriverWait(d, SLOW).until(wait.stale(element))


def report(d, what):
    h1 = d.find_element(By.TAG_NAME, "h1")
    print(what, "title:", d.title)
    print(what, "lang:", d.find_element(By.TAG_NAME, "html")
          .get_attribute("lang"))
    print(what, "h1 colour:", h1.value_of_css_property("color"))
    alt = d.find_elements(By.CSS_SELECTOR, "td.teken .verborgen")
    print(what, "mark texts:", len(alt), "| shown:",
          sum(1 for a in alt if a.is_displayed() and a.size["width"] > 1),
          "| first:", alt[0].get_attribute("textContent") if alt else "")
    try:
        d.switch_to.alert
        print(what, "alert: yes")
    except NoAlertPresentException:
        print(what, "alert: none")
    log = [e["message"] for e in d.get_log("browser")]
    print(what, "console messages:", len(log))
    for m in log:
        print("  ", m)


def main():
    url, out, hostile = sys.argv[1], sys.argv[2], sys.argv[3]
    base = url.split("/login")[0]
    d = browser()
    try:
        d.get(url)
        # The login link works once: the test's curl uses this session.
        with open(out + "/sid", "w") as f:
            f.write(d.get_cookie("sid")["value"])
        row = d.find_element(By.XPATH, "//table[@class='overzicht']//tr"
                             "[td[1]/a[text()='Leeuwarden']]")
        click_and_wait(d, row.find_element(By.LINK_TEXT, "Factsheet"))
        d.get_log("browser")
        link = d.find_element(By.LINK_TEXT, "Toegankelijke versie (HTML)")
        print("link:", link.get_attribute("href").replace(base, ""))
        click_and_wait(d, link)
        report(d, "Leeuwarden")
        d.save_screenshot(out + "/html-scherm.png")
        d.execute_script("document.getElementById('aanpak-1-bevindingen-1')"
                         ".scrollIntoView()")
        d.save_screenshot(out + "/html-tabel.png")
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        d.execute_script("window.scrollTo(0, 0)")
        d.save_screenshot(out + "/html-print.png")
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        d.get(base + "/factsheet.html?" + urllib.parse.urlencode(
            {"gemeente": hostile, "jaar": "2013"}))
        report(d, "hostile")
        print("hostile h1:", d.find_element(By.TAG_NAME, "h1").text)
    finally:
        d.quit()


main()
