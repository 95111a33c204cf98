"""The Factsheet and Importeren pages in a real browser (headless Chromium).

Run by tests/cli/webimp-browser.cmd under /usr/bin/python3 as:
webimp.py URL OUTDIR GOOD1 GOOD2 BROKEN. Logs in; opens the Factsheet
page of Leeuwarden from the Overzicht (the PDF in a frame); changes 4.2.2
of Interventieteam Gezinnen to X with a finding on the Ronde page and
downloads the factsheet PDF with the browser's session cookie (its text by
pdftotext); uploads GOOD1 and GOOD2 on Importeren, reads the dry-run
report, confirms and finds the municipality on the Overzicht; uploads
BROKEN and reads its diagnostics. Prints one line per check; screenshots
in OUTDIR (doc/web-factsheet.png, doc/web-importeren.png are copies).
"""
import re
import subprocess
import sys
import time
import urllib.request

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

APPROACH = "Interventieteam Gezinnen"
FINDING = "Het plan van aanpak voor de nazorg ontbreekt."


def overzicht_row(d, municipality):
    return d.find_element(By.XPATH, "//table[@class='overzicht']//tr"
                          "[td[1]/a[text()='%s']]" % municipality)


def factsheet(d, out):
    row = overzicht_row(d, "Leeuwarden")
    wait.click_and_wait(d, row.find_element(By.LINK_TEXT, "Factsheet"))
    print("factsheet:", d.find_element(By.TAG_NAME, "h1").text)
    frames = d.find_elements(By.CSS_SELECTOR, "iframe.factsheet")
    print("pdf frames:", len(frames), "| src:",
          frames[0].get_attribute("src").split("/", 3)[3])
    print("download:", d.find_element(By.LINK_TEXT, "PDF downloaden")
          .get_attribute("href").split("/", 3)[3])
    # The browser's PDF viewer draws the pages a moment after the page.
    time.sleep(3)
    d.save_screenshot(out + "/factsheet.png")


def change(d):
    wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Leeuwarden 2013"))
    f = d.find_element(By.XPATH,
                       "//form[@class='wijzig']"
                       "[input[@name='aanpak'][@value='%s']]"
                       "[input[@name='indicator'][@value='4.2.2']]"
                       % APPROACH)
    Select(f.find_element(By.NAME, "oordeel")).select_by_value("X")
    f.find_element(By.NAME, "bevinding").send_keys(FINDING)
    f.find_element(By.NAME, "reden").send_keys("dossier ontbreekt")
    wait.click_and_wait(d, f.find_element(By.TAG_NAME, "button"))
    print("ronde:", d.find_element(By.CSS_SELECTOR, "p.melding").text)


def download(d, base, out):
    """The PDF as the browser's session fetches it, read by pdftotext."""
    sid = d.get_cookie("sid")["value"]
    req = urllib.request.Request(
        base + "/factsheet.pdf?gemeente=Leeuwarden&jaar=2013&download=1",
        headers={"Cookie": "sid=" + sid})
    with urllib.request.urlopen(req, timeout=wait.SLOW) as r:
        print("pdf:", r.status, r.headers["Content-Type"], "|",
              r.headers["Content-Disposition"])
        with open(out + "/factsheet.pdf", "wb") as f:
            f.write(r.read())
    def pdftotext(*args):
        return subprocess.run(["pdftotext"] + list(args) +
                              [out + "/factsheet.pdf", "-"],
                              capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", pdftotext())
    # The diagonal CONCEPT comes one letter a line (-raw), once a page.
    pages = pdftotext("-raw").split("\f")[:-1]
    print("pdf has the finding:", FINDING in flat, "| pages:", len(pages),
          "| with CONCEPT:",
          sum("CONCEPT" in p.replace("\n", "") for p in pages))


def upload(d, paths, screenshot=None):
    d.get(d.current_url.split("/", 3)[0] + "//" +
          d.current_url.split("/", 3)[2] + "/")
    wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Importeren"))
    if screenshot is not None:
        d.save_screenshot(screenshot)
    d.find_element(By.NAME, "bestand").send_keys("\n".join(paths))
    wait.click_and_wait(d, d.find_element(By.XPATH,
                                     "//form[@class='importeren']//button"))
    print("report:", d.find_element(By.TAG_NAME, "h1").text, "|",
          d.find_element(By.CSS_SELECTOR, "p.melding").get_attribute(
              "class"))
    for tr in d.find_elements(By.CSS_SELECTOR, "table.telling tr"):
        print("  count:", tr.find_element(By.TAG_NAME, "th").text,
              tr.find_element(By.TAG_NAME, "td").text)
    for li in d.find_elements(By.CSS_SELECTOR, "ul.meldingen li"):
        print("  melding:", li.text)
    for s in d.find_elements(By.CSS_SELECTOR, "section.bestand"):
        print("  file:", s.find_element(By.TAG_NAME, "h3").text, "|",
              len(s.find_elements(By.TAG_NAME, "li")), "read")


def main():
    url, out, good1, good2, broken = sys.argv[1:6]
    base = url.split("/login")[0]
    d = wait.browser()
    try:
        d.get(url)
        factsheet(d, out)
        change(d)
        download(d, base, out)

        upload(d, [good1, good2], out + "/importeren.png")
        d.save_screenshot(out + "/importeren-controle.png")
        wait.click_and_wait(d, d.find_element(By.XPATH,
                                         "//button[text()="
                                         "'Importeren bevestigen']"))
        print("after confirm:", d.find_element(By.TAG_NAME, "h1").text,
              "|", d.find_element(By.CSS_SELECTOR, "p.melding").text)
        row = overzicht_row(d, "Zuiderhaven")
        print("overzicht row:", " | ".join(
            td.text.replace("\n", " / ")
            for td in row.find_elements(By.TAG_NAME, "td")[:3]))

        upload(d, [broken])
        print("confirm buttons:", len(d.find_elements(
            By.CSS_SELECTOR, "form.bevestig")))
        d.save_screenshot(out + "/importeren-fout.png")
    finally:
        d.quit()


main()
