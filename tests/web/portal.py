"""The municipality's portal in a real browser: headless Chromium.

Run by tests/cli/portal-browser.cmd under /usr/bin/python3 as:
portal.py BASE NAME PASSWORD OUTDIR. Logs in as the gemeente, finds its
round in the Overzicht with the links it may follow, opens Wederhoor,
writes a reaction under 3.2.2 of Interventieteam Gezinnen (text that is
markup) and sees it there as text; opens the concept factsheet from the
page. Prints one line per check; screenshots in OUTDIR.
"""
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

APPROACH = "Interventieteam Gezinnen"
REACTION = "Wij herkennen dit niet: <img src=x onerror=alert(1)>"


def reaction_form(d, key):
    return d.find_element(By.XPATH,
                          "//form[@action='/ronde/reactie']"
                          "[input[@name='aanpak'][@value='%s']]"
                          "[input[@name='bevinding_id'][@value='%s']]"
                          % (APPROACH, key))


def row(d, key):
    return reaction_form(d, key).find_element(By.XPATH, "ancestor::tr[1]")


def main():
    base, name, password, out = sys.argv[1:5]
    d = wait.browser()
    try:
        d.get(base + "/login")
        d.find_element(By.NAME, "naam").send_keys(name)
        d.find_element(By.NAME, "wachtwoord").send_keys(password)
        wait.click_and_wait(d, d.find_element(By.CSS_SELECTOR,
                                         "form button[type=submit]"))
        print("account:", d.find_element(By.CSS_SELECTOR,
                                         "span.account").text)
        for tr in d.find_elements(By.CSS_SELECTOR, "table.overzicht tbody tr"):
            tds = tr.find_elements(By.TAG_NAME, "td")
            print("overzicht:", tds[0].text, tds[1].text, tds[3].text, "|",
                  " · ".join(a.text for a in
                             tds[-1].find_elements(By.TAG_NAME, "a")))
        d.save_screenshot(out + "/portal-overzicht.png")
        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Wederhoor"))
        print("page:", d.find_element(By.TAG_NAME, "h1").text)
        print("approaches:", ", ".join(h.text for h in
                                       d.find_elements(By.TAG_NAME, "h2")))
        r = row(d, "3.2.2")
        print("row 3.2.2:", " | ".join(
            td.text.replace("\n", " / ") for td in
            r.find_elements(By.TAG_NAME, "td")[:3]))
        f = reaction_form(d, "3.2.2")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
        f.find_element(By.XPATH, "ancestor::details[1]/summary").click()
        f.find_element(By.NAME, "tekst").send_keys(REACTION)
        d.save_screenshot(out + "/portal-schrijven.png")
        wait.click_and_wait(d, f.find_element(By.TAG_NAME, "button"))
        WebDriverWait(d, wait.SLOW).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, "p.melding")))
        m = d.find_element(By.CSS_SELECTOR, "p.melding")
        print("after:", d.find_element(By.TAG_NAME, "h1").text)
        print("message:", m.get_attribute("class"), "|", m.text)
        r = row(d, "3.2.2")
        react = r.find_element(By.CSS_SELECTOR, "div.reactie")
        print("reaction:", react.find_element(
            By.CSS_SELECTOR, ".reactietekst").text)
        print("markup as text:", wait.no_alert(d), "; img elements:",
              len(d.find_elements(By.TAG_NAME, "img")))
        print("form now:", r.find_element(By.TAG_NAME, "summary").text)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
        d.save_screenshot(out + "/portal-wederhoor.png")
        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Concept-factsheet"))
        print("factsheet:", d.find_element(By.TAG_NAME, "h1").text, "|",
              d.find_element(By.CSS_SELECTOR, "p.terug").text)
    finally:
        d.quit()


main()
