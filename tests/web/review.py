"""The review in a real browser: headless Chromium through Selenium.

Run by tests/cli/webrev-browser.cmd under /usr/bin/python3 as:
review.py URL OUTDIR FACTSHEET_CMD. On Leeuwarden 2013: keys (j moves the
marked row, Enter focuses its verdict field), merges 3.1.1-3.1.3 of
Interventieteam Gezinnen (one row, one mark) and splits them again,
writes a theme conclusion and the dossier's context, moves the round to
wederhoor (a state form from before is then refused as stale) and to
vastgesteld (the edit forms are gone; a form from before is refused;
FACTSHEET_CMD, a shell command, prints the factsheet's text), and
reopens it. Prints one line per check; screenshots in OUTDIR.
"""
import subprocess
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

APPROACH = "Interventieteam Gezinnen"


def section(d):
    """The approach's section of the Ronde page."""
    return d.find_element(By.XPATH, "//section[h2='%s']" % APPROACH)



def ids(d):
    """The indicator ids of the approach's rows (3.1.x only)."""
    return [td.text for td in section(d).find_elements(
        By.CSS_SELECTOR, "tr.indicator td.id") if td.text.startswith("3.1.")]


def counts(d):
    return ("edit forms: %d, conclusion forms: %d, merge forms: %d, "
            "dossier forms: %d" % tuple(
                len(d.find_elements(By.CSS_SELECTOR, c)) for c in
                ("form.wijzig", "form.conclusie", "form.samenvoegen",
                 "form.dossier")))


def state_form(d):
    return d.find_element(By.CSS_SELECTOR, "form.status")


def move(d, state, reason):
    f = state_form(d)
    Select(f.find_element(By.NAME, "status")).select_by_value(state)
    return wait.post(d, f, reason)


def keys(d, out):
    body = d.find_element(By.TAG_NAME, "body")
    print("help line shown:", d.find_element(
        By.CSS_SELECTOR, "p.toetsen").is_displayed())
    for n in (3, 1):
        body.send_keys("j" * n)
        a = d.find_elements(By.CSS_SELECTOR, "tr.indicator.actief")
        print("after %d x j: marked" % n, [r.find_element(
            By.CSS_SELECTOR, "td.id").text for r in a])
    body.send_keys("k")
    a = d.find_element(By.CSS_SELECTOR, "tr.indicator.actief")
    print("after k: marked", a.find_element(By.CSS_SELECTOR, "td.id").text)
    d.save_screenshot(out + "/keys.png")
    body.send_keys(Keys.ENTER)
    e = d.switch_to.active_element
    f = e.find_element(By.XPATH, "ancestor::form[1]")
    print("Enter focuses:", e.tag_name, e.get_attribute("name"), "of",
          f.find_element(By.NAME, "indicator").get_attribute("value"))
    e.send_keys(Keys.ESCAPE)
    d.switch_to.active_element.send_keys("j")
    a = d.find_element(By.CSS_SELECTOR, "tr.indicator.actief")
    print("after Esc, j: marked",
          a.find_element(By.CSS_SELECTOR, "td.id").text)


def merge(d, out):
    f = section(d).find_element(
        By.XPATH, ".//form[@class='samenvoegen'][.//option[@value='3.1.1']]")
    Select(f.find_element(By.NAME, "van")).select_by_value("3.1.1")
    Select(f.find_element(By.NAME, "tot")).select_by_value("3.1.3")
    print("merge:", wait.post(d, f, "één bevinding voor de toeleiding"))
    print("rows 3.1:", ids(d))
    g = section(d).find_element(By.CSS_SELECTOR, "tr.indicator.groep")
    print("group row:", g.find_element(By.CSS_SELECTOR, "td.id").text, "|",
          g.find_element(By.CSS_SELECTOR, "span.oordeel").text, "| forms",
          len(g.find_elements(By.XPATH,
                              "following-sibling::tr[1]//form")))
    d.execute_script("arguments[0].scrollIntoView({block: 'start'})", g)
    d.save_screenshot(out + "/merged.png")
    f = section(d).find_element(By.CSS_SELECTOR, "form.splitsen")
    print("split:", wait.post(d, f, "toch per indicator"))
    print("rows 3.1:", ids(d))


def conclusion(d):
    f = section(d).find_element(By.CSS_SELECTOR, "form.conclusie")
    theme = f.find_element(By.NAME, "thema").get_attribute("value")
    goed = f.find_element(By.NAME, "goed")
    goed.clear()
    goed.send_keys("De gezinnen worden snel gevonden.")
    print("conclusion:", wait.post(d, f, "na het gesprek"))
    f = section(d).find_element(
        By.XPATH, ".//form[@class='conclusie'][input[@name='thema']"
        "[@value='%s']]" % theme)
    print("goed now:", f.find_element(By.NAME, "goed").get_attribute(
        "value"), "|", f.find_element(By.CSS_SELECTOR, "span.door").text)


def context(d):
    det = d.find_element(By.ID, "context")
    det.find_element(By.TAG_NAME, "summary").click()
    t = det.find_element(By.NAME, "tekst")
    t.clear()
    t.send_keys("Leeuwarden telt ruim 95.000 inwoners.")
    print("context:", wait.post(d, det.find_element(By.TAG_NAME, "form"),
                           "cijfers bijgewerkt"))
    print("context now:", d.find_element(By.CSS_SELECTOR, "#context textarea")
          .get_attribute("value"))


def logboek(d):
    wait.click_and_wait(d, d.find_element(By.LINK_TEXT,
                                     "Logboek van deze ronde"))
    for tr in d.find_elements(By.CSS_SELECTOR, "table.logboek tbody tr"):
        print("logboek:", " | ".join(td.text[:40] for td in
                                     tr.find_elements(By.TAG_NAME, "td")))


def main():
    url, out, factsheet = sys.argv[1], sys.argv[2], sys.argv[3]
    d = wait.browser()
    try:
        d.get(url)
        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Leeuwarden"))
        ronde = d.current_url
        print("state:", d.find_element(By.CSS_SELECTOR,
                                       "p.statuskop").text)
        print("gaps listed:", len(d.find_elements(By.CSS_SELECTOR,
                                                  ".gaten li")))
        print(counts(d))
        keys(d, out)
        d.get(ronde)
        merge(d, out)
        conclusion(d)
        context(d)
        logboek(d)
        d.get(ronde)
        d.execute_script("window.scrollTo(0, 0)")
        d.save_screenshot(out + "/ronde-review.png")

        # A second tab keeps the page as it was: its forms go stale.
        old = d.current_window_handle
        d.switch_to.new_window("tab")
        d.get(ronde)
        stale = d.current_window_handle
        d.switch_to.window(old)
        print("wederhoor:", move(d, "wederhoor", "naar de gemeente"))
        d.switch_to.window(stale)
        print("stale state form:", move(d, "wederhoor", "ook naar de gemeente"))
        d.get(ronde)
        d.switch_to.window(old)
        print("vastgesteld:", move(d, "vastgesteld", "wederhoor verwerkt"))
        print("state:", d.find_element(By.CSS_SELECTOR,
                                       "p.statuskop").text)
        print("locked:", d.find_element(By.CSS_SELECTOR, "p.vast").text)
        print(counts(d))
        print("options:", [o.get_attribute("value") for o in
                           state_form(d).find_elements(By.TAG_NAME,
                                                       "option")])
        d.save_screenshot(out + "/vastgesteld.png")
        text = subprocess.run(factsheet, shell=True, capture_output=True,
                              text=True).stdout
        print("factsheet: CONCEPT", text.count("CONCEPT"), "times;",
              "'Vastgesteld op' %d times" % text.count("Vastgesteld op"))

        d.switch_to.window(stale)
        f = d.find_element(By.XPATH,
                           "//form[@class='wijzig'][input[@name='aanpak']"
                           "[@value='%s']][input[@name='indicator']"
                           "[@value='4.2.2']]" % APPROACH)
        Select(f.find_element(By.NAME, "oordeel")).select_by_value("X")
        print("edit while vastgesteld:", wait.post(d, f, "toch nog"))
        d.close()
        d.switch_to.window(old)
        print("reopen:", move(d, "concept", "reactie gemeente verwerken"))
        print(counts(d))
    finally:
        d.quit()


main()
