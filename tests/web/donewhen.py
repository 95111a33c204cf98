"""Step 10's whole story in real browsers (headless Chromium, Selenium).

Run by tests/cli/e2e-round-browser.cmd under /usr/bin/python3 as:
donewhen.py BASE OUTDIR PASSWORD. On the demo data with one beheerder
account ("beheer"): the beheerder creates an inspector and a gemeente
account on Beheer; the inspector adds a new approach with three partners
on the Ronde page and invites the gemeente and the three partners on
Respons; four browsers of their own answer every question and submit;
the inspector reviews (one verdict with its finding) and moves the round
to wederhoor; the gemeente reacts to a finding on its Wederhoor page; the
inspector sees the reaction and sets vastgesteld; the gemeente writes a
progress note on a verbeterpunt (Voortgang). Prints one line per check;
screenshots in OUTDIR. The CLI part (stj progress) is the .cmd's.
"""
import re
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

APPROACH = "Wijkteam Plus"
PARTNERS = ("GGD Fryslân", "Veilig Thuis Fryslân", "MEE Friesland")


def text(d, css):
    return " | ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, css))


def login(d, base, name, password):
    d.get(base + "/login")
    d.find_element(By.NAME, "naam").send_keys(name)
    d.find_element(By.NAME, "wachtwoord").send_keys(password)
    wait.click(d, d.find_element(By.CSS_SELECTOR, "form button"))
    print("logged in as %s:" % name, text(d, "h1"))


def add_account(d, name, role, password, municipality=None):
    f = d.find_element(By.CSS_SELECTOR, "form.toevoegen")
    f.find_element(By.NAME, "naam").send_keys(name)
    Select(f.find_element(By.NAME, "account_rol")).select_by_value(role)
    if municipality is not None:
        f.find_element(By.NAME, "account_gemeente").send_keys(municipality)
    f.find_element(By.NAME, "wachtwoord").send_keys(password)
    wait.click(d, f.find_element(By.TAG_NAME, "button"))
    print("account %s:" % name, text(d, "p.melding"))


def beheerder(base, password, out):
    d = wait.browser(1100)
    try:
        login(d, base, "beheer", password)
        wait.click(d, d.find_element(By.LINK_TEXT, "Beheer"))
        add_account(d, "ines", "inspecteur", password)
        add_account(d, "gemeente-lw", "gemeente", password, "Leeuwarden")
        print("accounts:", text(d, "table.accounts tbody td:first-child"))
        d.save_screenshot(out + "/beheer.png")
    finally:
        d.quit()


def add_approach(d):
    d.find_element(By.CSS_SELECTOR, "details#nieuwe-aanpak summary").click()
    f = d.find_element(By.CSS_SELECTOR, "form[action='/ronde/aanpak']")
    f.find_element(By.NAME, "aanpak").send_keys(APPROACH)
    f.find_element(By.NAME, "tekst").send_keys(
        "Een wijkteam dat de zwaarste gezinnen ondersteunt.")
    for i, p in enumerate(PARTNERS):
        f.find_element(By.NAME, "partner%d" % (i + 1)).send_keys(p)
    f.find_element(By.NAME, "reden").send_keys("Nieuwe aanpak in 2013")
    wait.click(d, f.find_element(By.TAG_NAME, "button"))
    print("approach:", text(d, "p.melding"))


def invite(d, role, organisation):
    f = d.find_element(By.CSS_SELECTOR, "form.uitnodigen")
    Select(f.find_element(By.NAME, "aanpak")).select_by_visible_text(APPROACH)
    Select(f.find_element(By.NAME, "rol")).select_by_value(role)
    f.find_element(By.NAME, "organisatie").send_keys(organisation)
    wait.click(d, f.find_element(By.TAG_NAME, "button"))
    m = re.search(r"/v/[A-Za-z0-9_-]{43}$", text(d, "p.melding"))
    print("invited %s %s:" % (role, organisation), "link" if m else "NONE")
    return m.group(0) if m else ""


# One call per page instead of one per question: each question's radio
# button of the answer chosen by its indicator id (theme 1 "nee" for the
# partners: verbeterpunten). Selenium's own script channel; the page has
# none (CSP).
PICK = """
const partner = arguments[0];
for (const f of document.querySelectorAll('fieldset.vraag')) {
    const id = f.querySelector('legend span.id').textContent.trim();
    const v = partner && id.startsWith('1.') ? 'nee' : 'ja';
    f.querySelector("input[type=radio][value='" + v + "']").click();
}
return document.querySelectorAll('fieldset.vraag').length;
"""


def answer_all(base, link, partner):
    """A respondent's own browser answers every question and submits."""
    r = wait.browser(1100)
    try:
        r.get(base + link)
        who = text(r, "p.wie-vult")
        parts = len(r.find_elements(By.CSS_SELECTOR, "nav.delen li"))
        n = 0
        for part in range(1, parts + 1):
            if part > 1:
                r.get(base + link + "?deel=%d" % part)
            n += r.execute_script(PICK, partner)
            wait.click(r, r.find_element(By.CSS_SELECTOR,
                                    "button[value='opslaan']"))
        progress = text(r, "p.voortgang")
        r.find_element(By.NAME, "bevestig").click()
        wait.click(r, r.find_element(By.CSS_SELECTOR,
                                "button[value='versturen']"))
        print("answered (%s): %d questions on %d pages; %s; %s"
              % (who.split(". De link")[0], n, parts, progress,
                 text(r, "p.verstuurd").split(". ")[0]))
    finally:
        r.quit()


def verdict_form(d, indicator):
    return d.find_element(By.XPATH,
                          "//form[@class='wijzig']"
                          "[input[@name='aanpak'][@value='%s']]"
                          "[input[@name='indicator'][@value='%s']]"
                          % (APPROACH, indicator))


def opened(f):
    """The form, its <details> opened first when it is folded in one."""
    for summary in f.find_elements(By.XPATH, "ancestor::details[1]/summary"):
        if f.find_element(By.XPATH, "ancestor::details[1]"
                          ).get_attribute("open") is None:
            summary.click()
    return f


def move(d, state, reason):
    f = d.find_element(By.CSS_SELECTOR, "form.status")
    Select(f.find_element(By.NAME, "status")).select_by_value(state)
    f.find_element(By.NAME, "reden").send_keys(reason)
    wait.click(d, f.find_element(By.TAG_NAME, "button"))
    print("state %s:" % state, text(d, "p.melding"), "|",
          text(d, "p.statuskop"))


def ronde(d):
    row = d.find_element(By.XPATH, "//tr[td/a[text()='Leeuwarden']]")
    wait.click(d, row.find_element(By.LINK_TEXT, "Leeuwarden"))


def main():
    base, out, password = sys.argv[1], sys.argv[2], sys.argv[3]
    beheerder(base, password, out)
    i = wait.browser(1100)
    g = wait.browser(1100)
    try:
        login(i, base, "ines", password)
        ronde(i)
        add_approach(i)
        wait.click(i, i.find_element(By.LINK_TEXT, "Respons"))
        links = [invite(i, "gemeente", "Gemeente Leeuwarden")]
        links += [invite(i, "netwerkpartner", p) for p in PARTNERS]
        answer_all(base, links[0], False)
        for link in links[1:]:
            answer_all(base, link, True)
        i.refresh()
        print("respons:", text(i, "td.organisatie"), "|", text(i, "td.staat"))
        i.save_screenshot(out + "/respons.png")
        wait.click(i, i.find_element(By.PARTIAL_LINK_TEXT, "Ronde Leeuwarden"))
        print("ronde:", wait.no_alert(i))
        # The inspector's review: 1.2.2 against the answers, with its finding.
        f = verdict_form(i, "1.2.2")
        Select(f.find_element(By.NAME, "oordeel")).select_by_value("V")
        f.find_element(By.NAME, "bevinding").send_keys(
            "Uit de documenten blijkt dat alle partners gezinnen aanmelden.")
        f.find_element(By.NAME, "reden").send_keys("Documenten gezien")
        wait.click(i, f.find_element(By.TAG_NAME, "button"))
        print("review:", text(i, "p.melding"))
        move(i, "wederhoor", "Concept naar de gemeente")

        login(g, base, "gemeente-lw", password)
        print("gemeente's Overzicht:", text(g, "table tbody td a"))
        wait.click(g, g.find_element(By.LINK_TEXT, "Wederhoor"))
        print("wederhoor:", text(g, "h1"))
        src = g.page_source
        print("partners named on the page:",
              [p for p in PARTNERS if p in src])
        f = opened(g.find_element(By.XPATH,
                           "//form[@action='/ronde/reactie']"
                           "[input[@name='aanpak'][@value='%s']]"
                           "[input[@name='bevinding_id'][@value='1.1.1']]"
                           % APPROACH))
        f.find_element(By.NAME, "tekst").send_keys(
            "Wij hebben sinds 2013 een gedeelde omschrijving <b>vastgesteld</b>.")
        wait.click(g, f.find_element(By.TAG_NAME, "button"))
        print("reaction:", text(g, "p.melding"))
        g.save_screenshot(out + "/wederhoor.png")

        i.refresh()
        print("reaction on the Ronde page:", text(i, "div.reactie"))
        move(i, "vastgesteld", "Verwerkt na wederhoor")
        i.save_screenshot(out + "/ronde.png")

        g.get(base + "/")
        wait.click(g, g.find_element(By.LINK_TEXT, "Voortgang"))
        f = opened(g.find_element(By.XPATH,
                           "//form[@action='/voortgang/notitie']"
                           "[input[@name='aanpak'][@value='%s']]"
                           "[input[@name='indicator'][@value='1.1.1']]"
                           % APPROACH))
        f.find_element(By.NAME, "tekst").send_keys(
            "Omschrijving GGSR in 2014 door alle partners ondertekend.")
        wait.click(g, f.find_element(By.TAG_NAME, "button"))
        print("progress note:", text(g, "p.melding"))
        g.save_screenshot(out + "/voortgang.png")
    finally:
        i.quit()
        g.quit()


main()
