"""A respondent answers online: two headless Chromium browsers (Selenium).

Run by tests/cli/webresp-browser.cmd under /usr/bin/python3 as:
respond.py URL OUTDIR. The inspector (logged in) opens Respons from the
Overzicht row, invites Fier Fryslân for Interventieteam Gezinnen and reads
the link shown once; a second browser (its own profile: no session
cookie) opens it, answers on two pages (a toelichting that is markup),
saves, submits on the last page; the inspector's Ronde page shows the
answers (markup as text) and Respons says verstuurd; the link is
read-only afterwards; a revoked link shows its page. Prints one line per
check; screenshots in OUTDIR.
"""
import re
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

APPROACH = "Interventieteam Gezinnen"
HOSTILE = "<script>alert(1)</script>"


def text(d, css):
    return " | ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, css))


def invite(d, organisation):
    Select(d.find_element(By.CSS_SELECTOR, "form.uitnodigen select[name=aanpak]")).select_by_visible_text(APPROACH)
    Select(d.find_element(By.NAME, "rol")).select_by_value("netwerkpartner")
    d.find_element(By.NAME, "organisatie").send_keys(organisation)
    wait.click(d, d.find_element(By.CSS_SELECTOR, "form.uitnodigen button"))
    msg = text(d, "p.melding")
    m = re.search(r"/v/([A-Za-z0-9_-]{43})$", msg)
    print("invited:", re.sub(r"/v/[A-Za-z0-9_-]{43}$", "/v/TOKEN", msg))
    return m.group(0) if m else ""


def answer(d, slot, value, toelichting=None):
    d.find_element(By.CSS_SELECTOR, "input[name='a%d'][value='%s']"
                   % (slot, value)).click()
    if toelichting is not None:
        d.find_element(By.NAME, "t%d" % slot).send_keys(toelichting)


def respondent(base, link, out):
    r = wait.browser(1100)
    try:
        r.get(base + link)
        print("opened:", text(r, "h1"), "|", text(r, "p.wie-vult"))
        print("progress:", text(r, "p.voortgang"))
        print("parts:", text(r, "nav.delen li"))
        print("questions:", text(r, "legend span.id"))
        answer(r, 1, "nee")
        answer(r, 2, "ja", HOSTILE)
        answer(r, 3, "weet-niet")
        wait.click(r, r.find_element(By.CSS_SELECTOR, "button[value='opslaan']"))
        print("saved:", text(r, "p.melding"), "|", text(r, "p.voortgang"))
        print("after saving:", wait.no_alert(r))
        print("toelichting kept:",
              r.find_element(By.NAME, "t2").get_attribute("value"))
        r.find_element(By.LINK_TEXT, "2 Gezin centraal").click()
        print("page 2:", text(r, "h2"), "|", text(r, "legend span.id"))
        answer(r, 1, "deels")
        wait.click(r, r.find_element(By.CSS_SELECTOR, "button[value='opslaan']"))
        print("saved:", text(r, "p.voortgang"))
        r.save_screenshot(out + "/vragenlijst.png")
        r.find_elements(By.CSS_SELECTOR, "nav.delen a")[-1].click()
        wait.click(r, r.find_element(By.CSS_SELECTOR,
                                "button[value='versturen']"))
        print("without the box:", text(r, "p.melding"))
        r.find_element(By.NAME, "bevestig").click()
        wait.click(r, r.find_element(By.CSS_SELECTOR,
                                "button[value='versturen']"))
        print("sent:", text(r, "p.verstuurd"))
        r.get(base + link + "?deel=1")
        print("read-only:", len(r.find_elements(By.CSS_SELECTOR,
                                                "input[type=radio]")),
              "radio buttons |", text(r, "div.vast strong.antwoord"), "|",
              text(r, "div.vast p.toelichting"))
        print("read-only page:", wait.no_alert(r))
        r.save_screenshot(out + "/vragenlijst-verstuurd.png")
        print("cookies of the respondent:", r.get_cookies())
    finally:
        r.quit()


def main():
    url, out = sys.argv[1], sys.argv[2]
    base = url.split("/login")[0]
    d = wait.browser(1100)
    try:
        d.get(url)
        row = d.find_element(By.XPATH, "//tr[td/a[text()='Leeuwarden']]")
        row.find_element(By.LINK_TEXT, "Respons").click()
        print("respons:", text(d, "h1"), "|", text(d, "main h2"))
        link = invite(d, "Fier Fryslân")
        d.refresh()
        print("shown again:", d.page_source.count("/v/"))
        print("rows:", text(d, "table.respons tbody tr td.organisatie"), "|",
              text(d, "table.respons tbody tr td.staat"))
        respondent(base, link, out)
        d.refresh()
        print("after sending:", text(d, "td.organisatie"), "|",
              text(d, "td.staat"))
        d.find_element(By.LINK_TEXT, "Ronde Leeuwarden 2013").click()
        print("ronde:", wait.no_alert(d))
        src = d.page_source
        print("toelichting as text:", src.count("&lt;script&gt;alert(1)"),
              "; script elements but stj's own:",
              len(d.find_elements(By.TAG_NAME, "script")) - 1)
        fier = [e.get_attribute("textContent") for e in d.find_elements(
            By.CSS_SELECTOR, "details.antwoorden li")
            if "Fier" in e.get_attribute("textContent")][:3]
        print("answers of Fier Fryslân on the Ronde page:", fier)
        # A second partner, invited and revoked: the link shows its page.
        d.find_element(By.LINK_TEXT, "Respons").click()
        link2 = invite(d, "Leger des Heils")
        wait.click(d, d.find_element(By.XPATH, "//tr[td[@class='organisatie']"
                                "[text()='Leger des Heils']]"
                                "//form[@action='/respons/intrekken']"
                                "/button"))
        print("revoked:", text(d, "p.melding"))
        print("rows:", text(d, "td.organisatie"), "|", text(d, "td.staat"),
              "|", text(d, "td.tijd"))
        d.save_screenshot(out + "/respons.png")
        r = wait.browser(1100)
        try:
            r.get(base + link2)
            print("revoked link:", text(r, "h1"), "|", text(r, "main p"))
        finally:
            r.quit()
    finally:
        d.quit()


main()
