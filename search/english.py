"""Elasticsearch's `english` analyzer in Python, for matching words against a few short names without a round trip:
the people search works out which topics a query names ("facilitators" names "Facilitation") before it sends the
query. The analyzer is the standard tokenizer, then the English possessive filter, lowercase, the English stop words
and Lucene's Porter stemmer (org.apache.lucene.analysis.en.PorterStemmer, ported step by step below). The tokenizer
is approximated: runs of word characters, joined across an apostrophe or a full stop between letters, which is
what Unicode word segmentation does for the words topic names and queries are made of. tests/test_english.py
checks the result against Elasticsearch's own `_analyze` for several thousand words."""

import functools
import re

# Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET (Elasticsearch's `_english_`).
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not"),
        *("of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was"),
        *("will", "with"),
    }
)
APOSTROPHES = "'\u2019\uff07"  # the apostrophe, the right single quotation mark, the fullwidth apostrophe
TOKEN = re.compile(rf"\w+(?:[{APOSTROPHES}.]\w+)*")
POSSESSIVE = re.compile(f"[{APOSTROPHES}][sS]$")


def analyze(text: str) -> list[str]:
    """The terms Elasticsearch's `english` analyzer makes of `text`, in order."""
    terms = []
    for token in TOKEN.findall(text):
        word = POSSESSIVE.sub("", token).lower()
        if word and word not in STOP_WORDS:
            terms.append(stem(word))
    return terms


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """Lucene's PorterStemmer: Porter's algorithm as in his reference implementation (with its departures from the
    1980 paper: "-bli" to "-ble" and "-logi" to "-log"). Words of one or two letters are left alone."""
    if len(word) <= 2:
        return word
    return _Stemmer(word).result()


class _Stemmer:
    """One word being stemmed: `b` the letters, `k` the index of the last one still in the word, `j` the end of
    the stem found by the last `ends()` (the names of the reference implementation)."""

    def __init__(self, word: str):
        self.b = list(word)
        self.k = len(word) - 1
        self.j = 0

    def result(self) -> str:
        self.step1()
        self.step2()
        self.step3()
        self.step4()
        self.step5()
        self.step6()
        return "".join(self.b[: self.k + 1])

    def cons(self, i: int) -> bool:
        letter = self.b[i]
        if letter in "aeiou":
            return False
        if letter == "y":
            return True if i == 0 else not self.cons(i - 1)
        return True

    def m(self) -> int:
        """The number of vowel-consonant sequences in the stem b[0..j]."""
        n, i, j = 0, 0, self.j
        while True:
            if i > j:
                return n
            if not self.cons(i):
                break
            i += 1
        i += 1
        while True:
            while True:
                if i > j:
                    return n
                if self.cons(i):
                    break
                i += 1
            i += 1
            n += 1
            while True:
                if i > j:
                    return n
                if not self.cons(i):
                    break
                i += 1
            i += 1

    def vowel_in_stem(self) -> bool:
        return any(not self.cons(i) for i in range(self.j + 1))

    def double_consonant(self, j: int) -> bool:
        return j >= 1 and self.b[j] == self.b[j - 1] and self.cons(j)

    def cvc(self, i: int) -> bool:
        """b[i-2..i] is consonant, vowel, consonant, and the last is not w, x or y."""
        if i < 2 or not self.cons(i) or self.cons(i - 1) or not self.cons(i - 2):
            return False
        return self.b[i] not in "wxy"

    def ends(self, suffix: str) -> bool:
        start = self.k - len(suffix) + 1
        if start < 0 or "".join(self.b[start : self.k + 1]) != suffix:
            return False
        self.j = self.k - len(suffix)
        return True

    def set_to(self, ending: str):
        self.b[self.j + 1 :] = list(ending)
        self.k = self.j + len(ending)

    def r(self, ending: str):
        if self.m() > 0:
            self.set_to(ending)

    def step1(self):
        """Plurals, -ed and -ing."""
        b = self.b
        if b[self.k] == "s":
            if self.ends("sses"):
                self.k -= 2
            elif self.ends("ies"):
                self.set_to("i")
            elif b[self.k - 1] != "s":
                self.k -= 1
        if self.ends("eed"):
            if self.m() > 0:
                self.k -= 1
        elif (self.ends("ed") or self.ends("ing")) and self.vowel_in_stem():
            self.k = self.j
            if self.ends("at"):
                self.set_to("ate")
            elif self.ends("bl"):
                self.set_to("ble")
            elif self.ends("iz"):
                self.set_to("ize")
            elif self.double_consonant(self.k):
                letter = self.b[self.k]
                self.k -= 1
                if letter in "lsz":
                    self.k += 1
            elif self.m() == 1 and self.cvc(self.k):
                self.set_to("e")

    def step2(self):
        """A final y becomes i when the stem has another vowel."""
        if self.ends("y") and self.vowel_in_stem():
            self.b[self.k] = "i"

    STEP3 = {
        "a": (("ational", "ate"), ("tional", "tion")),
        "c": (("enci", "ence"), ("anci", "ance")),
        "e": (("izer", "ize"),),
        "l": (("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")),
        "o": (("ization", "ize"), ("ation", "ate"), ("ator", "ate")),
        "s": (("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")),
        "t": (("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")),
        "g": (("logi", "log"),),
    }
    STEP4 = {
        "e": (("icate", "ic"), ("ative", ""), ("alize", "al")),
        "i": (("iciti", "ic"),),
        "l": (("ical", "ic"), ("ful", "")),
        "s": (("ness", ""),),
    }
    STEP5 = {
        "a": ("al",),
        "c": ("ance", "ence"),
        "e": ("er",),
        "i": ("ic",),
        "l": ("able", "ible"),
        "n": ("ant", "ement", "ment", "ent"),
        "o": ("ion", "ou"),
        "s": ("ism",),
        "t": ("ate", "iti"),
        "u": ("ous",),
        "v": ("ive",),
        "z": ("ize",),
    }

    def replace_first(self, rules):
        for suffix, ending in rules:
            if self.ends(suffix):
                self.r(ending)
                return

    def step3(self):
        """Double suffixes to single ones (-ization to -ize ...)."""
        if self.k == 0:
            return
        self.replace_first(self.STEP3.get(self.b[self.k - 1], ()))

    def step4(self):
        """-ic-, -full, -ness and the like."""
        self.replace_first(self.STEP4.get(self.b[self.k], ()))

    def step5(self):
        """-ant, -ence and the like, in context <c>vcvc<v>."""
        if self.k == 0:
            return
        for suffix in self.STEP5.get(self.b[self.k - 1], ()):
            if self.ends(suffix):
                if suffix == "ion" and not (self.j >= 0 and self.b[self.j] in "st"):
                    continue
                break
        else:
            return
        if self.m() > 1:
            self.k = self.j

    def step6(self):
        """A final -e when the measure allows, and -ll to -l."""
        self.j = self.k
        if self.b[self.k] == "e":
            measure = self.m()
            if measure > 1 or (measure == 1 and not self.cvc(self.k - 1)):
                self.k -= 1
        if self.b[self.k] == "l" and self.double_consonant(self.k) and self.m() > 1:
            self.k -= 1
