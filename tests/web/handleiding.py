"""The user guide's images in a real browser (headless Chromium).

Run by tests/cli/wb-handleiding-browser.cmd under /usr/bin/python3 as:
handleiding.py URL OUTDIR. Logs in, opens /handleiding and prints each
image's source, its alt text, and whether the browser loaded and decoded
it (complete, naturalWidth > 0); then any message the browser logged
(a CSP refusal, a 404; the favicon stj does not have aside). A screenshot in OUTDIR/handleiding.png.
"""
import sys

import wait

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    url, out = sys.argv[1], sys.argv[2]
    base = url.split("/login")[0]
    d = wait.browser(800, 1100, console=True)
    try:
        d.get(url)
        d.get(base + "/handleiding")
        imgs = d.find_elements(By.CSS_SELECTOR, "article.handleiding img")
        # Every image loaded or failed before we ask.
        WebDriverWait(d, 120).until(lambda d: all(
            i.get_attribute("complete") == "true" for i in imgs))
        for i in imgs:
            w = d.execute_script("return arguments[0].naturalWidth", i)
            print("img", i.get_attribute("src").replace(base, ""), "|",
                  i.get_attribute("alt"), "|",
                  "loaded" if w > 0 else "NOT LOADED")
        d.execute_script("arguments[0].scrollIntoView()", imgs[0])
        d.save_screenshot(out + "/handleiding.png")
        for e in d.get_log("browser"):
            if "/favicon.ico" in e["message"]:   # stj has none
                continue
            print("browser log:", e["message"])
    finally:
        d.quit()


main()
