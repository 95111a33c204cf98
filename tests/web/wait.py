"""What the browser tests share about waiting for the next page.

After a click that leads to another page the old page's elements go
stale. Selenium's EC.staleness_of asks the old element whether it is
enabled and expects StaleElementReferenceException; Chromium sometimes
answers a node of a document being replaced with a plain WebDriverException
("Node with given id does not belong to the document"), which failed the
tests now and then on a busy machine. Any such error means: gone.
"""
from selenium.common.exceptions import WebDriverException


def stale(element):
    """An expected condition: element's page is gone."""
    def predicate(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return predicate
