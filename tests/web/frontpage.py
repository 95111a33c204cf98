"""The round's own front page, set in a real browser (headless Chromium).

Run by tests/cli/wb-frontpage-browser.cmd under /usr/bin/python3 as:
frontpage.py URL OUTDIR. Logs in, opens the Ronde page of Leeuwarden
2013, sets the publication date and the introduction through the forms
under "Voorpagina van de factsheet", each with a reason, reads them back
after the redirect, and saves /factsheet.pdf of the session in
OUTDIR/factsheet.pdf (the test reads it with pdftotext). Prints one line
per check; a screenshot in OUTDIR/voorpagina.png.
"""
import sys
import urllib.request

import wait

from selenium.webdriver.common.by import By

INTRO = ("Deze factsheet beschrijft het toezicht van 2025 in Leeuwarden.\n"
         "\n"
         "De inspecties schreven deze inleiding zelf, voor deze ronde.")


def front(d):
    """The front-page block, opened."""
    det = d.find_element(By.ID, "voorpagina")
    if det.get_attribute("open") is None:
        det.find_element(By.TAG_NAME, "summary").click()
    return det


def submit(d, form, field, value, reason):
    f = front(d).find_element(By.CSS_SELECTOR, "form." + form)
    box = f.find_element(By.NAME, field)
    box.clear()
    box.send_keys(value)
    print("message:", wait.post(d, f, reason))


def main():
    url, out = sys.argv[1], sys.argv[2]
    base = url.split("/login")[0]
    ronde = base + "/ronde?gemeente=Leeuwarden&jaar=2013"
    d = wait.browser(800, 1100)
    try:
        d.get(url)
        d.get(ronde)
        print("summary:", front(d).find_element(By.TAG_NAME, "summary").text)
        submit(d, "publicatie", "datum", "2025-06", "publicatie in juni")
        submit(d, "inleiding", "tekst", INTRO, "eigen inleiding 2025")
        det = front(d)
        print("summary after:", det.find_element(By.TAG_NAME, "summary").text)
        print("date field:", det.find_element(By.NAME, "datum")
              .get_attribute("value"))
        print("introduction field is the text:",
              det.find_element(By.NAME, "tekst").get_attribute("value")
              == INTRO)
        d.execute_script("arguments[0].scrollIntoView()", det)
        d.save_screenshot(out + "/voorpagina.png")
        sid = d.get_cookie("sid")["value"]
        req = urllib.request.Request(
            base + "/factsheet.pdf?gemeente=Leeuwarden&jaar=2013",
            headers={"Cookie": "sid=" + sid})
        with urllib.request.urlopen(req, timeout=wait.SLOW) as r:
            print("factsheet.pdf:", r.status, r.headers["Content-Type"])
            with open(out + "/factsheet.pdf", "wb") as f:
                f.write(r.read())
    finally:
        d.quit()


main()
