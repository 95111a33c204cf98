"""The workbench screenshots of doc/ (run by tools/screenshots.sh).

screenshots.py URL LINK OUTDIR: URL is the login link of a running "stj
serve" on the database tools/screenshots.sh made, LINK the path /v/TOKEN
of its one invitation. Writes OUTDIR/web-*.png, each a 1100x800 window
(headless Chromium, Selenium), and prints each file's name and size.
"""
import io
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

try:
    from PIL import Image
except ImportError:   # the PNG as Chromium writes it
    Image = None

ROUND = "gemeente=Leeuwarden&jaar=2013"


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
              "--window-size=1100,800", "--hide-scrollbars",
              "--force-device-scale-factor=1"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(60)
    return d


def save(d, out, name):
    """The window as OUTDIR/name: a 256-colour palette when PIL is there
    (a screenshot of text has few colours: a third of the bytes)."""
    png = d.get_screenshot_as_png()
    path = os.path.join(out, name)
    if Image is not None:
        im = Image.open(io.BytesIO(png)).convert("RGB")
        im = im.quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                         dither=Image.Dither.NONE)
        im.save(path, optimize=True)
    else:
        with open(path, "wb") as f:
            f.write(png)
    print(name, os.path.getsize(path), "bytes")


def top(d, element):
    d.execute_script("arguments[0].scrollIntoView({block: 'start'})",
                     element)
    d.execute_script("window.scrollBy(0, -16)")


def main():
    url, link, out = sys.argv[1], sys.argv[2], sys.argv[3]
    base = url.split("/login")[0]
    d = browser()
    try:
        # The respondent's page first: Respons then says "geopend".
        d.get(base + link)
        save(d, out, "web-vragenlijst.png")
        d.delete_all_cookies()
        d.get(url)
        save(d, out, "web-overzicht.png")
        d.get(base + "/respons?" + ROUND)
        save(d, out, "web-respons.png")

        d.get(base + "/ronde?" + ROUND)
        save(d, out, "web-review.png")
        g = d.find_element(By.CSS_SELECTOR, "tr.indicator.groep")
        top(d, g)
        save(d, out, "web-merged.png")
        r = d.find_element(By.XPATH, "//tr[contains(@class, 'indicator')]"
                           "[td[@class='id'][text()='4.2.2']]")
        r.find_element(By.TAG_NAME, "summary").click()
        f = r.find_elements(By.XPATH, "following-sibling::tr[1]//details")
        for det in f[:1]:
            det.find_element(By.TAG_NAME, "summary").click()
        top(d, r)
        save(d, out, "web-ronde.png")

        d.get(base + "/factsheet?" + ROUND)
        time.sleep(8)   # the PDF viewer draws a while after the page
        save(d, out, "web-factsheet.png")

        d.get(base + "/importeren")
        # The dry run of another municipality's files: what would be
        # stored, nothing stored yet.
        d.find_element(By.NAME, "bestand").send_keys("\n".join(
            os.path.abspath("examples/oosterhout-2013/" + p) for p in
            ("bemoeizorg-gemeente.xml", "bemoeizorg-surplus.xml")))
        d.find_element(By.XPATH, "//form[@class='importeren']//button").click()
        time.sleep(1)
        save(d, out, "web-importeren.png")
    finally:
        d.quit()


main()
