/* stj serve: keys for the Ronde page, served by stj itself (no inline
   script, nothing from the internet). Every form works without it.
   j / k: next / previous indicator row (scrolled into view, marked);
   Enter or e: the row's verdict field; Esc: back to the rows;
   s: the review state; l: the Logboek. Keys typed into a field are the
   field's own. */
(function () {
	"use strict";
	var rows = Array.prototype.slice.call(
		document.querySelectorAll("table.ronde tr.indicator"));
	var at = -1;
	var help = document.querySelector("p.toetsen");

	if (help) {
		help.hidden = false;
	}
	function mark(i) {
		if (rows.length === 0) {
			return;
		}
		i = Math.max(0, Math.min(rows.length - 1, i));
		if (at >= 0) {
			rows[at].classList.remove("actief");
		}
		at = i;
		rows[at].classList.add("actief");
		rows[at].scrollIntoView({ block: "center" });
	}
	/* The verdict field of the marked row: in the form row under it. */
	function verdict() {
		var next = at >= 0 ? rows[at].nextElementSibling : null;
		var field = next && next.classList.contains("wijzig") ?
			next.querySelector("select[name=oordeel]") : null;
		if (field) {
			field.focus();
		}
	}
	function typing(e) {
		var t = e.target, n = t && t.tagName;
		return n === "INPUT" || n === "TEXTAREA" || n === "SELECT" ||
			(t && t.isContentEditable);
	}
	/* A row clicked or a field used: that row is the marked one. */
	document.addEventListener("focusin", function (e) {
		var tr = e.target.closest ? e.target.closest("tr.wijzig") : null;
		var i = tr ? rows.indexOf(tr.previousElementSibling) : -1;
		if (i >= 0 && i !== at) {
			if (at >= 0) {
				rows[at].classList.remove("actief");
			}
			at = i;
			rows[at].classList.add("actief");
		}
	});
	document.addEventListener("keydown", function (e) {
		if (e.altKey || e.ctrlKey || e.metaKey) {
			return;
		}
		if (typing(e)) {
			if (e.key === "Escape") {
				e.target.blur();
				if (at >= 0) {
					rows[at].scrollIntoView({ block: "center" });
				}
			}
			return;
		}
		/* Enter on a link, button or summary is theirs. */
		if (e.key === "Enter" && /^(A|BUTTON|SUMMARY)$/.test(
			e.target.tagName)) {
			return;
		}
		if (e.key === "j") {
			mark(at + 1);
		} else if (e.key === "k") {
			mark(at - 1);
		} else if ((e.key === "Enter" || e.key === "e") && at >= 0) {
			verdict();
		} else if (e.key === "s") {
			var s = document.querySelector("form.status select");
			if (s) {
				s.focus();
			}
		} else if (e.key === "l") {
			var l = document.querySelector("a[accesskey=l]");
			if (l) {
				l.click();
			}
		} else {
			return;
		}
		e.preventDefault();
	});
}());
