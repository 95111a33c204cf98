"""Editing a round in a real browser: headless Chromium through Selenium.

Run by tests/cli/web-edit-browser.cmd under /usr/bin/python3 as:
edit.py URL OUTDIR. Logs in, changes 4.2.2 of Interventieteam Gezinnen
to X with a finding and a reason through the row's form, reads it back
on the Ronde page and in the Logboek, submits a form made from an older
version (refused, naming who changed it and when), and checks that a
hostile toelichting is text. Prints one line per check; screenshots in
OUTDIR (doc/web-ronde.png is a copy of ronde-edit.png).
"""
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

APPROACH = "Interventieteam Gezinnen"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def form(d, indicator):
    return d.find_element(By.XPATH,
                          "//form[@class='wijzig']"
                          "[input[@name='aanpak'][@value='%s']]"
                          "[input[@name='indicator'][@value='%s']]"
                          % (APPROACH, indicator))


def row(d, indicator):
    """The indicator's row: the one before its form's row."""
    return form(d, indicator).find_element(
        By.XPATH, "ancestor::tr[1]/preceding-sibling::tr[1]")


def submit(d, f, verdict, reason, finding=None):
    Select(f.find_element(By.NAME, "oordeel")).select_by_value(verdict)
    if finding is not None:
        f.find_element(By.NAME, "bevinding").send_keys(finding)
    f.find_element(By.NAME, "reden").send_keys(reason)
    f.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(d, wait.SLOW).until(wait.stale(f))
    WebDriverWait(d, wait.SLOW).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "p.melding")))
    return d.find_element(By.CSS_SELECTOR, "p.melding")


def main():
    url, out = sys.argv[1], sys.argv[2]
    d = wait.browser()
    try:
        d.get(url)
        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Leeuwarden"))
        ronde = d.current_url
        print("ronde:", d.find_element(By.TAG_NAME, "h1").text)
        print("forms:", len(d.find_elements(By.CSS_SELECTOR, "form.wijzig")),
              "conclusions:",
              len(d.find_elements(By.CSS_SELECTOR, "form.conclusie")))

        # A second tab keeps the page as it was: its forms are stale soon.
        old = d.current_window_handle
        d.switch_to.new_window("tab")
        d.get(ronde)
        new = d.current_window_handle

        m = submit(d, form(d, "4.2.2"), "X", "dossier ontbreekt",
                   "Er is geen plan van aanpak.")
        print("message:", m.get_attribute("class"), "|", m.text)
        cells = row(d, "4.2.2").find_elements(By.TAG_NAME, "td")
        print("row 4.2.2:", " | ".join(c.text.replace("\n", " / ")
                                       for c in cells[2:]))
        r = row(d, "4.2.2")
        r.find_element(By.TAG_NAME, "summary").click()
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
        d.save_screenshot(out + "/ronde-edit.png")

        wait.click_and_wait(d, d.find_element(By.LINK_TEXT,
                                         "Logboek van deze ronde"))
        for tr in d.find_elements(By.CSS_SELECTOR, "table.logboek tbody tr"):
            print("logboek:", " | ".join(td.text for td in
                                         tr.find_elements(By.TAG_NAME, "td")))
        d.save_screenshot(out + "/logboek.png")

        d.switch_to.window(old)
        m = submit(d, form(d, "4.2.2"), "V", "toch goed")
        print("stale:", m.get_attribute("class"), "|", m.text)
        print("row 4.2.2 after:", row(d, "4.2.2").find_elements(
            By.TAG_NAME, "td")[3].text.replace("\n", " / "))

        print("hostile toelichting:", wait.no_alert(d))
        texts = [s.get_attribute("textContent") for s in
                 d.find_elements(By.CSS_SELECTOR, "span.toelichting")]
        print("as text:", sum(HOSTILE in t for t in texts),
              "; img elements:", len(d.find_elements(By.TAG_NAME, "img")),
              "; script elements but stj's own:",
              len(d.find_elements(By.CSS_SELECTOR,
                                  "script:not([src='/static/stj.js'])")))
        d.switch_to.window(new)
        d.close()
        d.switch_to.window(old)
    finally:
        d.quit()


main()
