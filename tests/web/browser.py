"""A real browser on stj serve: headless Chromium through Selenium.

Run by tests/cli/web-browser.cmd under /usr/bin/python3 (Debian's
python3-selenium loads only there) as: browser.py URL OUTDIR. Prints what
it saw, one line per check, and saves screenshots of the pages in OUTDIR.
"""
import sys

import wait

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

HOSTILE = "<script>alert(1)</script>"



def click_and_wait(d, element):
    """Clicks what leads to another page and waits until it is there: a
    busy machine may still show the old page when the click returns."""
    old = d.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(d, 120).until(wait.stale(old))

def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
              "--window-size=1280,1000"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    # stj may run under valgrind: pages can take seconds.
    d.set_page_load_timeout(120)
    return d


def no_alert(d):
    """An alert would mean the hostile name ran as script."""
    try:
        WebDriverWait(d, 1).until(EC.alert_is_present())
        return "an alert opened"
    except TimeoutException:
        return "no alert"


def main():
    url, out = sys.argv[1], sys.argv[2]
    d = browser()
    try:
        d.get(url)
        print("after login:", d.title)
        c = d.get_cookie("sid")
        print("cookie sid: httpOnly", c["httpOnly"], "sameSite",
              c["sameSite"])
        rows = d.find_elements(By.CSS_SELECTOR, "table.overzicht tbody tr")
        names = [r.find_element(By.CSS_SELECTOR, "td a").text for r in rows]
        print("municipalities:", names)
        print("hostile name:", no_alert(d), "; as text:", HOSTILE in names)
        d.save_screenshot(out + "/overzicht.png")

        click_and_wait(d, d.find_element(By.LINK_TEXT, "Leeuwarden"))
        print("ronde:", d.find_element(By.TAG_NAME, "h1").text)
        print("approaches:", [h.text for h in
                              d.find_elements(By.CSS_SELECTOR, "section h2")])
        print("rows:", len(d.find_elements(By.CSS_SELECTOR,
                                           "table.ronde tbody tr.indicator")))
        d.save_screenshot(out + "/ronde.png")

        click_and_wait(d, d.find_element(By.LINK_TEXT, "← Overzicht"))
        click_and_wait(d, d.find_element(By.LINK_TEXT, HOSTILE))
        print("hostile ronde:", no_alert(d), "; heading",
              d.find_element(By.TAG_NAME, "h1").text)

        click_and_wait(d, d.find_element(By.CSS_SELECTOR,
                                         "form.afmelden button"))
        print("after logout:", d.title)
    finally:
        d.quit()


main()
