"""What the browser tests share: opening Chromium and waiting for the
next page.

After a click that leads to another page the old page's elements go
stale. Selenium's EC.staleness_of asks the old element whether it is
enabled and expects StaleElementReferenceException; Chromium sometimes
answers a node of a document being replaced with a plain WebDriverException
("Node with given id does not belong to the document"), which failed the
tests now and then on a busy machine. Any such error means: gone.
"""
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def stale(element):
    """An expected condition: element's page is gone."""
    def predicate(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return predicate


# What every browser test opens and asks. stj may run under valgrind:
# pages can take seconds, so every wait is SLOW.
SLOW = 120


def browser(height=1000, width=1280, console=False):
    """Headless Debian Chromium through Debian's chromedriver; console:
    the page's console messages kept for d.get_log("browser")."""
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
              "--window-size=%d,%d" % (width, height)):
        o.add_argument(a)
    if console:
        o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(SLOW)
    return d


def no_alert(d):
    """A script that ran would have opened an alert: say whether one did."""
    try:
        WebDriverWait(d, 1).until(EC.alert_is_present())
        return "an alert opened"
    except TimeoutException:
        return "no alert"


def click_and_wait(d, element):
    """Clicks what leads to another page and waits until it is there: a
    busy machine may still show the old page when the click returns."""
    old = d.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(d, SLOW).until(stale(old))


def click(d, el):
    """Clicks and waits for the next page (a form's POST-redirect-GET)."""
    el.click()
    WebDriverWait(d, SLOW).until(stale(el))


def post(d, f, reason):
    """Submits form f with a reason; the message the next page shows, as
    "class | text"."""
    f.find_element(By.NAME, "reden").send_keys(reason)
    f.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(d, SLOW).until(stale(f))
    WebDriverWait(d, SLOW).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "p.melding")))
    m = d.find_element(By.CSS_SELECTOR, "p.melding")
    return m.get_attribute("class") + " | " + m.text
