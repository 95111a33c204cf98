"""check.py HTML [PDFTEXT]: what an HTML factsheet test asserts, as a report
whose every line the test's .out fixes exactly.

Reads the file back with html.parser (the standard library: no second
HTML writer's view of it) and reports: the document's language, charset
and title; the headings in order; per table its caption and whether every
header cell has a scope; per approach the marks in order and whether each
mark's text alternative says what the mark means; and, given the PDF's
text (pdftotext -raw of the same round), how many of the finding and
conclusion paragraphs of the HTML stand word for word in the PDF.
Run under /usr/bin/python3 by tests/cli/html-*.cmd.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "col", "br", "link", "img", "input", "hr"}
MEANING = {"√": "voldoet", "X": "verbeterpunt", "–": "niet beoordeeld"}


class Doc(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open elements: (tag, attrs)
        self.lang = self.charset = None
        self.title = ""
        self.headings = []       # (level, text)
        self.tables = []         # {caption, th, scoped}
        self.marks = {}          # approach -> [(mark, alternative)]
        self.approach = None
        self.findings = []       # paragraphs of the findings column
        self.letop = []          # LET OP paragraphs, in bold
        self.items = []          # conclusion items
        self.tags = {}           # tag -> count
        self.urls = []           # href/src values
        self.text = None         # collecting: [kind, text]
        self.mark = None

    def inside(self, tag, cls=None):
        for t, a in self.stack:
            if t == tag and (cls is None or cls in a.get("class", "").split()):
                return True
        return False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for k in ("href", "src", "action"):
            if k in a:
                self.urls.append(a[k])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        if tag == "table":
            self.tables.append({"caption": "", "th": 0, "scoped": 0})
        if tag == "th":
            self.tables[-1]["th"] += 1
            if a.get("scope") in ("col", "row", "rowgroup", "colgroup"):
                self.tables[-1]["scoped"] += 1
        if tag == "section" and "aanpak" in a.get("class", "").split():
            self.approach = a.get("aria-labelledby")
            self.marks[self.approach] = []
        if tag == "span" and "teken" in a.get("class", "").split():
            self.mark = ["", None]
            self.text = ["mark", ""]
        elif tag == "span" and "verborgen" in a.get("class", "") and \
                self.mark is not None:
            self.text = ["alt", ""]
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title",
                     "caption"):
            self.text = [tag, ""]
        elif tag == "p" and self.inside("td"):
            self.text = ["p", ""]
        elif tag == "li" and self.inside("table"):
            self.text = ["li", ""]
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            t, a = self.stack.pop()
            if t == tag:
                break
        if self.text is None:
            return
        kind, s = self.text
        s = " ".join(s.split())
        if kind == "mark" and tag == "span":
            self.mark[0] = s
            self.text = None
        elif kind == "alt" and tag == "span":
            self.marks[self.approach].append((self.mark[0], s))
            self.mark = None
            self.text = None
        elif kind == tag == "title":
            self.title = s
            self.text = None
        elif kind == tag and tag.startswith("h"):
            self.headings.append((tag, s))
            self.text = None
        elif kind == tag == "caption":
            self.tables[-1]["caption"] = s
            self.text = None
        elif kind == tag == "p":
            (self.letop if self.inside("td", "bevinding") and
             self.bold else self.findings if self.inside(
                 "td", "bevinding") else []).append(s)
            self.text = None
        elif kind == tag == "li":
            self.items.append(s)
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text[1] += data
        if data.strip():
            self.bold = self.inside("strong")

    bold = False


def main():
    raw = open(sys.argv[1], encoding="utf-8").read()
    d = Doc()
    d.feed(raw)
    d.close()
    print("lang:", d.lang, "| charset:", d.charset, "| title:", d.title)
    print("http in the file:", len(re.findall("http", raw, re.I)),
          "| script:", d.tags.get("script", 0), "| link:",
          d.tags.get("link", 0), "| img:", d.tags.get("img", 0),
          "| urls not in the file:",
          len([u for u in d.urls if not u.startswith("#")]))
    for level, s in d.headings:
        if level in ("h1", "h2", "h3"):
            print(" " * (int(level[1]) - 1) + level + ": " + s)
    print("h4:", sum(1 for lv, _ in d.headings if lv == "h4"))
    print("tables:", len(d.tables), "| with a caption:",
          sum(1 for t in d.tables if t["caption"]),
          "| every th scoped:", all(t["th"] == t["scoped"] and t["th"] > 0
                                    for t in d.tables))
    for a, ms in d.marks.items():
        print(a + ": marks", "".join(m for m, _ in ms))
        print(a + ": alternatives right:",
              all(MEANING.get(m) == alt for m, alt in ms))
    print("LET OP paragraphs in bold:", len(d.letop))
    if len(sys.argv) > 2:
        pdf = " ".join(open(sys.argv[2], encoding="utf-8").read().split())
        for name, paras in (("finding", d.findings + d.letop),
                            ("conclusion", d.items)):
            n = sum(1 for p in paras if p in pdf)
            print("%s paragraphs in the PDF: %d of %d" % (name, n,
                                                           len(paras)))
            for p in paras:
                if p not in pdf:
                    print("  not in the PDF:", p)


main()
