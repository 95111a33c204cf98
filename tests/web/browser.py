"""A real browser on stj serve: headless Chromium through Selenium.

Run by tests/cli/web-browser.cmd under /usr/bin/python3 (Debian's
python3-selenium loads only there) as: browser.py URL OUTDIR. Prints what
it saw, one line per check, and saves screenshots of the pages in OUTDIR.
"""
import sys

import wait

from selenium.webdriver.common.by import By

HOSTILE = "<script>alert(1)</script>"


def main():
    url, out = sys.argv[1], sys.argv[2]
    d = wait.browser()
    try:
        d.get(url)
        print("after login:", d.title)
        c = d.get_cookie("sid")
        print("cookie sid: httpOnly", c["httpOnly"], "sameSite",
              c["sameSite"])
        rows = d.find_elements(By.CSS_SELECTOR, "table.overzicht tbody tr")
        names = [r.find_element(By.CSS_SELECTOR, "td a").text for r in rows]
        print("municipalities:", names)
        print("hostile name:", wait.no_alert(d), "; as text:", HOSTILE in names)
        d.save_screenshot(out + "/overzicht.png")

        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "Leeuwarden"))
        print("ronde:", d.find_element(By.TAG_NAME, "h1").text)
        print("approaches:", [h.text for h in
                              d.find_elements(By.CSS_SELECTOR, "section h2")])
        print("rows:", len(d.find_elements(By.CSS_SELECTOR,
                                           "table.ronde tbody tr.indicator")))
        d.save_screenshot(out + "/ronde.png")

        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, "← Overzicht"))
        wait.click_and_wait(d, d.find_element(By.LINK_TEXT, HOSTILE))
        print("hostile ronde:", wait.no_alert(d), "; heading",
              d.find_element(By.TAG_NAME, "h1").text)

        wait.click_and_wait(d, d.find_element(By.CSS_SELECTOR,
                                         "form.afmelden button"))
        print("after logout:", d.title)
    finally:
        d.quit()


main()
