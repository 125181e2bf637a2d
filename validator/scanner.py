"""Scanning: every number in a release becomes a Figure with its exact value, precision and span.

Numbers that are not figures of a deal (dates, years, times, phone numbers, identifiers such as
"333-193467" or "61-101", section and rule numbers, "Phase 2b", web and mail addresses) are masked
first and never become figures.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from .figures import Figure, Kind, Qualifier, Span
from .notation import ENGLISH, Notation
from .reader import Document

# Longest first so that "US$" wins over "$" and "CAD" over "CA$"-less readings.
PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "USD": "USD",
    "CA$": "CAD", "CAD$": "CAD", "CAD": "CAD", "C$": "CAD", "Cdn$": "CAD", "CDN$": "CAD",
    "AU$": "AUD", "AUD$": "AUD", "AUD": "AUD", "A$": "AUD",
    "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SG$": "SGD",
    "SGD": "SGD", "R$": "BRL", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR",
    "CHF": "CHF", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR", "JPY": "JPY",
    "¥": "JPY", "₹": "INR", "INR": "INR", "Rs.": "INR", "Rs": "INR", "RM": "MYR", "MYR": "MYR",
    "$": "$",
}
_SUFFIX_CODES = {
    "USD": "USD", "CAD": "CAD", "AUD": "AUD", "GBP": "GBP", "EUR": "EUR", "CHF": "CHF",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "HKD": "HKD", "SGD": "SGD", "NZD": "NZD",
    "dollars": "$", "euros": "EUR", "pounds": "GBP", "Euro": "EUR", "euro": "EUR",
    "kronor": "SEK",
}
_SYMBOLS = {"€": "EUR", "$": "$", "£": "GBP"}  # written after the number: "0,085 $", "2,40 €"
# Minor units: the value is converted to the major unit ("4p" is 0.04 GBP).
_MINOR = {"p": "GBP", "pence": "GBP", "penny": "GBP", "c": "$", "cent": "$", "cents": "$",
          "¢": "$", "sen": "MYR"}
_CENT_COUNTRIES = {"Singapore": "SGD", "Australian": "AUD", "Canadian": "CAD", "US": "USD",
                   "U.S.": "USD", "Hong Kong": "HKD", "New Zealand": "NZD"}
_SCALES = {"thousand": 3, "k": 3, "million": 6, "mln": 6, "mn": 6, "mm": 6, "m": 6,
           "billion": 9, "bn": 9, "b": 9, "trillion": 12,
           "lakh": 5, "lakhs": 5, "crore": 7, "crores": 7,
           "mio": 6, "millionen": 6, "miljoner": 6, "milj": 6, "millions": 6,
           "mrd": 9, "milliarden": 9, "miljarder": 9, "milliard": 9, "milliards": 9}
_WORD_SCALES = ("thousand", "million", "billion", "trillion")

_DOLLAR_CODES = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD"})


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The digits of a number in each notation (notation.py), for a verbose pattern (a space is
# written "[ ]"). English: Western grouping, Indian grouping ("2,40,00,000": thousands, then
# pairs), plain digits.
_NUMBERS = {
    ENGLISH: (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
              r"|\d+(?:\.\d+)?|\.\d+"),
    Notation(",", "."): r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",  # 2.044.089, EUR 2,40
    Notation(",", " "): r"\d{1,3}(?:[ ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",  # 2 800 000, 2,50 SEK
    Notation(".", "'"): r"\d{1,3}(?:'\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",  # CHF 1'250'000.50
}
# Chinese and Japanese characters: no word boundaries between them, and none glues to a number
def is_cjk(ch: str) -> bool:
    """A Chinese or Japanese character (a range test: a character class of these ranges
    takes the regular-expression compiler 4 ms at every start)."""
    o = ord(ch)
    return 0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF \
        or 0xFF00 <= o <= 0xFFEF

# Chinese scales and currencies written right after the number: "10.34億港元", "16.5港元"
_CJK_SCALES = {"萬": 4, "万": 4, "百萬": 6, "百万": 6, "億": 8, "亿": 8}
_CJK_CURRENCIES = {"港元": "HKD", "港幣": "HKD", "美元": "USD", "人民幣": "CNY",
                   "人民币": "CNY", "新加坡元": "SGD"}
# "9,7 MSEK": a million of the currency
_MILLION_CODES = {"MSEK": "SEK", "MNOK": "NOK", "MDKK": "DKK", "MEUR": "EUR", "MUSD": "USD",
                  "MCHF": "CHF", "MCAD": "CAD"}


@attrs.frozen
class Lexicon:
    """What scanning one document needs beyond English: its notation and other languages'
    words for securities and qualifiers (rules/vocabulary/*.toml)."""

    notation: Notation = ENGLISH
    nouns: tuple[tuple[str, str], ...] = ()  # ("aktier", "shares")
    qualifiers: tuple[tuple[str, str], ...] = ()  # ("bis zu", "up_to")
    joins: tuple[str, ...] = ()  # ("och", "und"): "mellan 2 800 000 och 3 892 954 aktier"

    @functools.cached_property
    def shared_noun(self) -> re.Pattern:
        """A count joined to a later one that names the noun both count."""
        return re.compile(rf"\s+(?:{_alt((*_JOINS, *self.joins))})\s+"
                          r"\d{1,3}(?:[,. ']\d{3})+(?![.,]\d)(?:\s+million)?")

    @functools.cached_property
    def approximation_join(self) -> re.Pattern:
        """All that may stand between two counts one approximation qualifies: the first
        one's noun and a joining word ("roughly 730,000 shares and 370,000 warrants")."""
        return re.compile(rf"(?i)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt(('and', *self.joins))})\s+$")

    @functools.cached_property
    def range_upper(self) -> re.Pattern:
        """What joins a range's lower bound to its upper one: "and at most", "och högst"."""
        own = [p for p, n in self.qualifiers if n == "up_to"]
        uppers = [_UP_TO, _alt(own)] if own else [_UP_TO]
        return re.compile(rf"(?i)\s*,?\s*(?:{_alt(('and', *self.joins))})\s+"
                          rf"(?:{'|'.join(uppers)})(?!\w)")

    @functools.cached_property
    def noun_after(self) -> re.Pattern | None:
        """"2 800 000 aktier", "2.044.089 neue Inhaber-Stückaktien" (a compound ends in it)."""
        if not self.nouns:
            return None
        words = "|".join(re.escape(w) + ("" if is_cjk(w[-1]) else r"\b")
                         for w, _ in sorted(self.nouns, key=lambda n: -len(n[0])))
        return re.compile(rf"(?i)\s*(?:[^\W\d][\w'’-]*\s+){{0,3}}?[\w-]*?(?P<noun>{words})")

    @functools.cached_property
    def canonical(self) -> dict[str, str]:
        return {w.lower(): n for w, n in self.nouns}

    @functools.cached_property
    def qualifier_patterns(self) -> list[tuple[re.Pattern, Qualifier]]:
        kinds = {"up_to": Qualifier.UP_TO, "over": Qualifier.OVER,
                 "approximately": Qualifier.APPROX}
        out = []
        for name, qualifier in kinds.items():
            phrases = [p for p, n in self.qualifiers if n == name]
            if phrases:  # "bis zu 5", "約為10.34億": no space after a Chinese phrase
                alts = "|".join(("" if is_cjk(p[0]) else r"(?<!\w)") + re.escape(p)
                                + (r"\s*" if is_cjk(p[-1]) else r"\s+")
                                for p in sorted(phrases, key=len, reverse=True))
                out.append((re.compile(rf"(?i)(?:{alts})$"), qualifier))
        return out


_ENGLISH = Lexicon()


@functools.cache
def lexicon(notation: Notation, nouns: tuple[tuple[str, str], ...],
            qualifiers: tuple[tuple[str, str], ...], joins: tuple[str, ...]) -> Lexicon:
    """One Lexicon per notation and vocabulary, its patterns compiled once for a batch."""
    return Lexicon(notation, nouns, qualifiers, joins)


@functools.cache
def _token(notation: Notation) -> re.Pattern:
    return re.compile(
        rf"""
        (?:(?<![\w$£€¥₹])(?P<pre>{_alt(PREFIXES)})\s?
          |(?<![\w$])(?P<cpre>C)(?=[\d.]+\s?cents?\b))?
        (?P<num>{_NUMBERS[notation]})
        (?:
            (?P<wscale>[\s-]?(?i:thousand|million|billion|trillion|mln|mn|bn|lakhs?|crores?
                              |millionen|milliarden|miljoner|miljarder|milliards?|millions
                              |(?:mio|mrd|milj)\b\.?)\b)
          | \s?(?P<mcode>{_alt(_MILLION_CODES)})\b
          | (?P<cjk>{_alt(_CJK_SCALES)})
          | (?P<sscale>(?:mm|m|M|b|k|K|bn)(?![\w$]|\.\w))
        )?
        (?:
            (?P<pct>\s?%|\s?(?i:per\s?cent|percent|prozent|procent|pour\s?cent)\b\.?
              |\s?pct\b)
          | \s(?P<mcountry>{_alt(_CENT_COUNTRIES)})\s(?P<cminor>cents?)\b
          | \s?(?P<minor>pence|penny|p(?![\w]|\.\w)|cents?|c(?![\w]|\.\w)|¢|sen\b)
          | \s(?P<post>{_alt(_SUFFIX_CODES)})\b
          | \s?(?P<psym>[€$£])(?!\s?\d)
          | (?P<csym>{_alt(_CJK_CURRENCIES)})
        )?
        """,
        re.VERBOSE,
    )

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
_FRACTIONS = {"half": Decimal(1) / 2, "third": Decimal(1) / 3, "quarter": Decimal(1) / 4,
              "fourth": Decimal(1) / 4, "fifth": Decimal(1) / 5}
_WORD_NUMBER = re.compile(
    rf"""(?ix)\b
    (?:
        (?P<fnum>one|a|two|three)[-\s](?P<frac>halves|half|thirds|third|quarters|quarter|fourth|fifth)
      | (?P<tens>{_alt(_TENS_WORDS)})(?:[-\s](?P<ones>{_alt(_UNITS_WORDS)}))?
      | (?P<unit>{_alt(_UNITS_WORDS)})
    )
    (?P<wscale>\s(?:hundred\s)?(?:thousand|million|billion)|\shundred)?
    (?P<pct>\s(?:per\s?cent|percent)\b\.?)?
    (?P<minor>\s(?:cents?|pence))?
    \b(?!-)""",
)

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MASKS = re.compile(
    rf"""(?x)
      https?://\S+ | www\.\S+                                     # addresses
    | \+?\(?\d{{1,3}}\)?[-.\s]?\(?\d{{3}}\)?[-.\s]\d{{3}}[-.\s]\d{{4}}\b   # phone numbers
    | \b\d+(?:[-/]\d+)+\b(?!\s?(?:%|per\s?cent))                 # identifiers, 61-101, 12/31/2024
    | (?<![$£€¥])\b\d{{1,2}}[:.]\d{{2}}\s?(?:a\.?m\.?|p\.?m\.?|\(|hours|\b(?i:am|pm)\b)  # times
    | \b\d{{1,2}}:\d{{2}}\b
    | \b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?   # December 27, 2016
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?  # 3 May 2028
    | \b{_MONTHS},?\s+\d{{4}}                                   # February 2016
    | \b(?:Q[1-4]|H[12]|FY)\s?\d{{2,4}}\b
    | (?:\b[A-Z]{{1,3}}\$|[$£€]|['’])\s?000s?\b(?![.,]\d)        # units: "US$000", "£000", "'000"
    """,
)
# A word right before a number that makes it a reference, not a figure: "Section 4", "Rule 506".
_REFERENCE = re.compile(
    r"(?i)(?:\b(?:section|sections|rule|rules|item|form|regulation|no|nos|number|note|notes|"
    r"clause|schedule|part|chapter|instrument|article|policy|file|phase|tier|level|series|"
    r"act\s+of|page|exhibit|annex|appendix|paragraph|code|chapter|resolution|step|stage|"
    r"circular|ni|mi|version|room|suite|unit|box|floor|route|highway)\.?\s*#?)$"
)
_SECURITY_NOUNS = ("shares", "share", "units", "unit", "warrants", "warrant", "stock",
                   "securities", "receipts", "ADSs", "ADS", "options", "notes", "debentures",
                   "rights")
# The words after a count that name what it counts: "2,500,000 new ordinary shares".
NOUN_AFTER = re.compile(
    r"""(?x)\s*(?:\(\w+\)\s*)?
    (?:(?!(?:at|for|per|to|each|which|was|were|is|are|with|by|from|on|in|that|and|or|
            representing|priced|issued|sold|at)\b)
        (?:[A-Za-z][\w'’-]*|\d+(?:\.\d+)?\s?(?:sen|pence|p|cents?))  # "new 15 sen shares"
        \s+(?:\(\w+\)\s*)?){0,4}?
    (?P<noun>(?i:shares?|units?|warrants?|stock|securities|receipts?|ADSs?|options?|
             debentures?|notes))\b""",
)
# An amount directly before plural shares or units, with at most two hyphenated or capitalised
# class words between and none of "of", "in", "worth": a count with a stray currency symbol.
_MISPRICED_COUNT = re.compile(r"\s+(?:[A-Za-z]+-[\w-]+\s+|[A-Z]\w+\s+|common\s+|ordinary\s+){0,2}"
                              r"(?:shares|units)\b")
# "3,415 shares of convertible preferred stock" counts preferred shares
_PREFERRED_AFTER = re.compile(r"(?i)\s+of\s+(?:[\w-]+\s+){0,3}?preferred\b")
# "from 1,277,948,588 to 1,916,922,882 shares"; other languages' joining words are data
_JOINS = ("to", "and", "or")
# the English words of an upper bound: "up to" targets (_QUALIFIERS), a range's upper end
_UP_TO = (r"up\s+to|a\s+maximum\s+of|maximum\s+of|not\s+more\s+than|no\s+more\s+than"
          r"|not\s+(?:to\s+)?exceed|(?:did|does|do|will|would)\s+not\s+exceed|less\s+than"
          r"|fewer\s+than|at\s+most|as\s+(?:much|many)\s+as")
_ISSUED_AFTER = re.compile(r"(?i)\s+(?:new\s+)?(?:to\s+be|will\s+be|were|was|are|being)\s+"
                           r"(?:issued|allotted|placed)\b")
_MARKER = re.compile(r"\(\d{1,3}\)")
_LABEL_REACH = 100
_LABEL = re.compile(rf"(?P<label>[^\n:]{{2,{_LABEL_REACH}}}):\s*$")
_MAX_DIGITS = 30


def scan(doc: Document, lexicon: Lexicon = _ENGLISH,
         limit: int | None = None) -> tuple[Figure, ...]:
    """All figures of a document, in order of appearance, its numbers read in the lexicon's
    notation; with ``limit``, scanning stops once more numerals than that are found (the
    caller refuses such a document, and need not read all of it)."""
    text = doc.text
    masked = _mask(text)
    found: list[tuple[int, int, Figure]] = []
    for m in _token(lexicon.notation).finditer(masked):
        fig = _numeral(doc, masked, m, lexicon)
        if fig is not None:
            found.append((fig.span.start, fig.span.end, fig))
            if limit is not None and len(found) > limit:
                break
    taken = [(s, e) for s, e, _ in found]
    for m in _WORD_NUMBER.finditer(masked):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        fig = _words(doc, masked, m, lexicon)
        if fig is not None:
            found.append((fig.span.start, fig.span.end, fig))
    found.sort(key=lambda t: t[0])
    figures = [attrs.evolve(f, id=f"f{i}") for i, (_, _, f) in enumerate(found, 1)]
    figures = _range_minimum(_shared_approximation(figures, text, lexicon), text, lexicon)
    return tuple(_resolve_dollars(figures, text))


def _range_minimum(figures: list[Figure], text: str, lexicon: Lexicon) -> list[Figure]:
    """The lower bound of a stated range is its minimum, a figure as written, not more than
    it: "at least $7 million and at most $9.7 million", "Minst 7 MSEK och högst cirka 9,7
    MSEK"."""
    out = list(figures)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.qualifier is Qualifier.OVER and a.kind is b.kind \
                and lexicon.range_upper.match(text, a.span.end, b.span.start):
            out[i] = attrs.evolve(a, qualifier=Qualifier.EXACT)
    return out


def _shared_approximation(figures: list[Figure], text: str, lexicon: Lexicon) -> list[Figure]:
    """An approximation qualifies every round count it is joined to: "roughly 730,000 shares
    and 370,000 warrants" are both rounded."""
    join = lexicon.approximation_join
    out = list(figures)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.qualifier is Qualifier.APPROX and b.qualifier is Qualifier.EXACT \
                and a.kind is b.kind is Kind.COUNT and not b.words and b.exponent >= 0 \
                and _trailing_zeros(b.value) >= 2 and join.match(text, a.span.end, b.span.start):
            out[i] = attrs.evolve(b, qualifier=Qualifier.APPROX,
                                  exponent=max(b.exponent, _trailing_zeros(b.value)))
    return out



# e-mail addresses (bounded parts: no re-scan of a long run), looked for only in a text with
# an "@": tried at every position, they cost as much as all the other masks together
_EMAILS = re.compile(r"[^\s@]{1,64}@[^\s@]{1,255}\.\w+")


def _mask(text: str) -> str:
    """Blank out (same length) everything that looks like a number but is not a deal figure."""
    def blank(m: re.Match) -> str:
        return " " * (m.end() - m.start())

    if "@" in text:
        text = _EMAILS.sub(blank, text)
    return _MASKS.sub(blank, text)


def _numeral(doc: Document, text: str, m: re.Match, lexicon: Lexicon) -> Figure | None:
    notation = lexicon.notation
    num, pre = m.group("num"), m.group("pre")
    start, end = m.start(), m.end()
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    # glued to a word or another number: "S-3", "Q4", "Phase 2b", "4(a)(2)", "9,000-metre"
    # (a number beside Chinese or Japanese characters is not glued: "發行62,695,126股")
    glued = _word_char(before[-1:]) or (before[-1:] != "" and before[-1:] in "-_/.#")
    if not pre and (glued or _REFERENCE.search(before)):
        return None
    if (not pre and re.search(r"[\w)]\($", before)) or _MARKER.match(text[start - 1:end + 1]):
        return None  # "4(a)(2)", list markers "(1)"
    if _word_char(after[:1]) and after[:1].isalpha() and not (
            m.group("sscale") or m.group("minor") or m.group("wscale") or m.group("cminor")
            or m.group("cjk")):
        return None
    if re.match(r"-[A-Za-z]|\([a-z0-9]{1,3}\)", after) and not m.group("pct"):
        return None
    digits = num.replace(notation.group, "").replace(notation.decimal, ".")
    if len(digits) > _MAX_DIGITS:
        return None
    try:
        base = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    exponent = base.as_tuple().exponent
    scale_word = (m.group("wscale") or m.group("sscale") or "").strip().lstrip("-").lower()
    scale_word = scale_word.rstrip(".")
    scale = _SCALES.get(scale_word, 0)
    currency = PREFIXES.get(pre) if pre else None
    if m.group("mcode"):
        scale_word, scale = m.group("mcode"), 6
        currency = currency or _MILLION_CODES[m.group("mcode")]
    if m.group("cjk"):
        scale_word, scale = m.group("cjk"), _CJK_SCALES[m.group("cjk")]
    if m.group("csym") and not currency:
        currency = _CJK_CURRENCIES[m.group("csym")]
    kind = Kind.MONEY if currency else Kind.NUMBER
    minor = (m.group("minor") or "").strip().lower()
    if m.group("pct"):
        if currency:
            return None
        kind = Kind.PERCENT
    elif m.group("cminor") and not currency:  # "6.03 Singapore cents"
        kind, currency, scale = Kind.MONEY, _CENT_COUNTRIES[m.group("mcountry")], scale - 2
    elif minor and not currency:
        kind, currency, scale = Kind.MONEY, _MINOR[minor], scale - 2
        if minor in ("c", "cent", "cents", "¢") and re.search(r"(?i)singapore\s*$", before):
            currency = "SGD"
        if m.group("cpre"):  # "C17 cents": Canadian cents
            currency = "CAD"
    elif m.group("post") and not currency:
        kind, currency = Kind.MONEY, _SUFFIX_CODES[m.group("post")]
    elif m.group("psym") and not currency:
        kind, currency = Kind.MONEY, _SYMBOLS[m.group("psym")]
    if m.group("sscale") and kind is not Kind.MONEY and not NOUN_AFTER.match(after):
        return None  # "5 m" of rock, "2b": only money and counts take a one-letter scale
    if kind is Kind.NUMBER and notation.group not in num and _is_year(digits, after):
        return None
    value = base.scaleb(scale)
    noun = None
    if kind is Kind.MONEY and pre and not scale_word and _MISPRICED_COUNT.match(after):
        # "a further $350,000 flow-through shares priced at $2": the noun, not the stray
        # symbol, says what the figure measures
        kind, currency = Kind.NUMBER, None
    if kind is Kind.NUMBER:
        noun = _noun(text, start, end, lexicon)
        if noun and value >= 1:  # "a warrant for .5 shares" is a ratio, not a count
            kind = Kind.COUNT
    return _figure(doc, start, end, value, exponent + scale, kind, currency, noun, lexicon,
                   words=False, scaled=bool(scale_word))


def _word_char(ch: str) -> bool:
    """A letter or digit of an alphabetic script (CJK characters do not glue to numbers)."""
    return ch.isalnum() and not is_cjk(ch)


def _is_year(digits: str, after: str) -> bool:
    return (len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100
            and not NOUN_AFTER.match(after))


def _noun(text: str, start: int, end: int, lexicon: Lexicon = _ENGLISH) -> str | None:
    """The security a number counts: the noun after it, or the label before a colon."""
    m = NOUN_AFTER.match(text, end, min(len(text), end + 80))
    if m:
        # "3,415 shares of convertible preferred stock", "1,033 Convertible Preferred Shares"
        if re.search(r"(?i)\bpreferred\b", m.group()) or _PREFERRED_AFTER.match(text, m.end()):
            return "preferred"
        return _canonical_noun(m.group("noun"))
    if lexicon.noun_after is not None:
        m = lexicon.noun_after.match(text, end, min(len(text), end + 80))
        if m:
            return lexicon.canonical.get(m.group("noun").lower(), "securities")
    # "from 1,277,948,588 to 1,916,922,882 shares", "102,820 and 20,000 warrants"
    m = lexicon.shared_noun.match(text, end, min(len(text), end + 40))
    if m:
        return _noun(text, m.start(), m.end(), lexicon)
    if _ISSUED_AFTER.match(text, end, min(len(text), end + 40)):
        return "securities"  # "50,612,567 to be issued under listing rule 7.1"
    # the label of a list line ("Shares issued: 2,500,000"), looked for in a bounded
    # stretch so that a long line does not make every figure scan it
    reach = max(0, start - 2 * _LABEL_REACH)
    line_start = max(text.rfind("\n", reach, start) + 1, reach)
    label = _LABEL.search(text[line_start:start])
    if label:
        nouns = re.findall(r"(?i)\b(shares?|units?|warrants?|stock|securities|options?)\b",
                           label.group("label"))
        if nouns:
            return _canonical_noun(nouns[0])
    return None


def _canonical_noun(noun: str) -> str:
    n = noun.lower()
    for base in ("share", "unit", "warrant", "receipt", "option", "debenture", "note", "ads"):
        if n.startswith(base):
            return base + "s"
    return "shares" if n == "stock" else n


def _words(doc: Document, text: str, m: re.Match, lexicon: Lexicon) -> Figure | None:
    if m.group("frac"):
        # "one-half", "a third", "two-thirds", "three-quarters"; "two-half" is no fraction
        count = _UNITS_WORDS.get(m.group("fnum").lower(), 1)
        frac = m.group("frac").lower()
        plural = frac.endswith("s") and frac != "halves"
        if (count > 1) != plural:
            return None
        value = count * _FRACTIONS[frac.rstrip("s") if plural else frac]
        return _figure(doc, m.start(), m.end(), value, 0, Kind.NUMBER, None, None, lexicon,
                       words=True)
    if m.group("tens"):
        value = _TENS_WORDS[m.group("tens").lower()] + _UNITS_WORDS.get(
            (m.group("ones") or "").lower(), 0)
    else:
        # "one" is still a figure even as an article ("one common share and one warrant"):
        # ratios such as "one warrant for every two units" need it.
        value = _UNITS_WORDS[m.group("unit").lower()]
    value = Decimal(value)
    scale_text = (m.group("wscale") or "").lower()
    exponent = 0
    if "hundred" in scale_text:
        value *= 100
        exponent += 2
    for w in _WORD_SCALES:
        if w in scale_text:
            value = value.scaleb(_SCALES[w])
            exponent += _SCALES[w]
    kind, currency, noun = Kind.NUMBER, None, None
    if m.group("pct"):
        kind = Kind.PERCENT
    elif m.group("minor"):
        kind, currency = Kind.MONEY, _MINOR[m.group("minor").strip().lower()]
        value, exponent = value.scaleb(-2), exponent - 2
    else:
        noun = _noun(text, m.start(), m.end(), lexicon)
        if noun:
            kind = Kind.COUNT
    return _figure(doc, m.start(), m.end(), value, exponent, kind, currency, noun, lexicon,
                   words=True)


def _figure(doc, start, end, value, exponent, kind, currency, noun, lexicon, words,
            scaled=False) -> Figure:
    line, column = doc.position(start)
    qualifier = _qualifier(doc.text[max(0, start - 40):start], lexicon)
    if qualifier in (Qualifier.APPROX, Qualifier.OVER) and value and exponent >= 0:
        # "roughly 730,000", "more than 2,000" are rounded at their last non-zero digit
        exponent = max(exponent, _trailing_zeros(value))
    return Figure(
        id="", text=doc.original[start:end],
        span=Span(start, end, line, column, doc.label(line, column)),
        value=value, exponent=exponent, kind=kind, currency=currency, qualifier=qualifier,
        noun=noun, words=words, scaled=scaled, notation=lexicon.notation,
    )


def _trailing_zeros(value: Decimal) -> int:
    digits = str(abs(value.to_integral_value()))
    return len(digits) - len(digits.rstrip("0"))


_QUALIFIERS = [
    (re.compile(rf"(?i)\b(?:{_UP_TO})\s+(?:an?\s+)?(?:additional\s+)?(?:aggregate\s+(?:of\s+)?)?"
                r"(?:gross\s+)?(?:(?:about|approximately|around|roughly)\s+)?$"),
     Qualifier.UP_TO),  # "up to about S$10.3 million", "up to an additional 735,000": targets
    (re.compile(r"(?i)\b(?:over|more\s+than|in\s+excess\s+of|exceeding|at\s+least|a\s+minimum\s+of"
                r"|minimum\s+of|upwards\s+of|north\s+of)\s+$"), Qualifier.OVER),
    (re.compile(r"(?i)\b(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|circa|"
                r"c\.|~|an\s+estimated|estimated|close\s+to)\s*$"), Qualifier.APPROX),
]


def _qualifier(before: str, lexicon: Lexicon = _ENGLISH) -> Qualifier:
    for pattern, qualifier in (*_QUALIFIERS, *lexicon.qualifier_patterns):
        if pattern.search(before):
            return qualifier
    return Qualifier.EXACT


def _resolve_dollars(figures: list[Figure], text: str) -> Iterator[Figure]:
    """A bare "$" is the document's one explicit dollar currency, if it names exactly one and
    never converts a bare amount into it ("AUD 60 million ($45.3 million)": two currencies)."""
    named = {f.currency for f in figures if f.currency in _DOLLAR_CODES}
    converted = any(
        {a.currency, b.currency} == {"$"} | named and text[a.span.end:b.span.start].strip() == "("
        for a, b in zip(figures, figures[1:], strict=False))
    for f in figures:
        if f.currency == "$" and len(named) == 1 and not converted:
            yield attrs.evolve(f, currency=next(iter(named)))
        else:
            yield f
