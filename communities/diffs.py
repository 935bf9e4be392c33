"""Word-level differences between two versions of a text, as readable HTML (the wiki's history)."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe


def word_diff(old: str, new: str) -> str:
    """Readable HTML of the change between two texts: deleted words in <del>, inserted ones in <ins>."""
    old_words, new_words = re.findall(r"\S+|\n", old or ""), re.findall(r"\S+|\n", new or "")
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(render_words(old_words[a1:a2]))
        if op in ("delete", "replace"):
            out.append(f"<del>{render_words(old_words[a1:a2])}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{render_words(new_words[b1:b2])}</ins>")
    return mark_safe(" ".join(out).replace(" \n ", "<br>").replace("\n", "<br>"))


def render_words(words):
    return " ".join("\n" if word == "\n" else escape(word) for word in words)
