"""Assigning roles: what each figure is in the deal, decided from the words around it.

The words are data (rules/vocabulary/*.toml). A figure keeps every role whose cue was found,
nearest first; the nearest is its primary role. Sentences and paragraphs are recorded so that
grouping can keep related figures together.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from .figures import Figure, Kind
from .reader import Document
from .scanner import NOUN_AFTER
from .vocabulary import Vocabulary

_ABBREVIATIONS = re.compile(
    r"(?i)(?:\b(?:inc|corp|co|ltd|plc|llc|no|nos|approx|e\.g|i\.e|u\.s|mr|mrs|ms|dr|st|mass|"
    r"vs|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|a\.m|p\.m|cent|est|fig|ref|"
    r"s\.a|n\.v|ag|se|pty|bhd|int|intl|dept|corp|cdn)\.|\b[A-Z]\.)$"
)
# an aside opening after the words it interrupts, and the verb that resumes them
_OPENING = re.compile(r"(?i),\s*(?:after|before|net\s+of|less|excluding|including)\b")
_CLOSING = re.compile(r"(?i)\s*,\s*(?:is|are|was|were|will|would|should|amounts?|amounted|"
                      r"total(?:s|led|ed)?|came|comes?)\b[^,;()]*")
_OVERRIDE_TURNS = 4  # turns to settle which found roles override which (_cues)
_ASIDE = re.compile(r"\([^()]*\)")
_AT_BOUND = re.compile(r"(?i)\bat\s+(?:least|most)\s*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"')\]]*\s+[\"'(\[]?[A-Z0-9$£€•\-])|\n|。")


@attrs.frozen
class Sentence:
    start: int
    end: int
    paragraph: int


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split text into sentences; a newline always ends one, a blank line ends a paragraph."""
    out: list[Sentence] = []
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() != "\n" and _ABBREVIATIONS.search(text[max(0, m.start() - 12):m.end()]):
            continue
        end = m.end()
        if text[start:end].strip():
            out.append(Sentence(start, end, bisect.bisect_right(breaks, start)))
        start = end
    if text[start:].strip():
        out.append(Sentence(start, len(text), bisect.bisect_right(breaks, start)))
    return tuple(out)


def assign(doc: Document, figures: tuple[Figure, ...],
           vocabulary: Vocabulary) -> tuple[Figure, ...]:
    """Every figure with its roles, sentence and paragraph filled in."""
    vocabulary = vocabulary.for_text(doc.text)
    sents = sentences(doc.text)
    title_end = _title_end(doc.text)
    out = []
    index = 0
    previous_end: dict[Kind, int] = {}
    ends: dict[Kind, list[int]] = {}
    for f in figures:
        while index + 1 < len(sents) and sents[index].end <= f.span.start:
            index += 1
        s = sents[index] if sents else Sentence(0, len(doc.text), 0)
        # a cue before a figure belongs to it only if no figure of the same kind stands between
        left_from = max(s.start, previous_end.get(f.kind, 0))
        left = doc.text[left_from:f.span.start]
        left = _subject(doc.text, s.start, left_from, left, ends.get(f.kind, [])) + left
        left = left[left.rfind(";") + 1:]  # a clause boundary: cues before it are another's
        # an aside names nothing outside it: "the net proceeds (after deducting the placing
        # commission and other expenses) are estimated to be approximately HK$29.2 million"
        left = _ASIDE.sub("", left)
        left = _AT_BOUND.sub("", left)  # "at least $7 million" is no price's "at"
        right = doc.text[f.span.end:s.end]
        previous_end[f.kind] = f.span.end
        ends.setdefault(f.kind, []).append(f.span.end)
        found = _cues(f, left, right, vocabulary)
        roles = [x[-1] for x in sorted(found, key=lambda x: (x[-1] in vocabulary.secondary, x))]
        previous = out[-1] if out else None
        twin = aside = None
        if previous is not None and _converts(doc.text, previous, f):
            twin = previous.id
            out[-1] = attrs.evolve(previous, twin=f.id)
            if not found:
                roles = [r for r in previous.roles if r != "headline"]
        elif previous is not None and _glosses(doc.text, previous, f):
            aside = previous.id
            out[-1] = attrs.evolve(previous, aside=f.id)
        if f.span.start < title_end and f.kind is Kind.MONEY:
            roles.insert(0, "headline")
        roles.extend(r for r in _default_roles(f) if r not in roles)
        out.append(attrs.evolve(
            f, role=roles[0] if roles else None, roles=tuple(roles),
            cue_distance=min(found)[0] if found else None,
            sentence=index, paragraph=s.paragraph, twin=twin, aside=aside,
        ))
    return _paid_with_warrants(doc.text, out, ("and", *vocabulary.joins))


def _subject(text: str, start: int, left_from: int, left: str, ends: list[int]) -> str:
    """The words an aside with figures of its own interrupts, for the figure that follows it:
    "Net proceeds, after the agent's fee of $840,000 and expenses of $160,000, are expected to
    be approximately $11.0 million" ("" where no such aside closes right before the figure).
    ``ends``: where the earlier figures of the figure's kind end."""
    if not _CLOSING.fullmatch(left):
        return ""
    openings = list(_OPENING.finditer(text, start, left_from))
    if not openings:
        return ""
    opening = openings[-1]
    begin = max([start, *(e for e in ends if e <= opening.start())])
    return text[begin:opening.start()]


def _paid_with_warrants(text: str, figures: list[Figure],
                        joins: tuple[str, ...]) -> tuple[Figure, ...]:
    """An amount joined by "and" to a number of broker or finder warrants is the cash part
    of that fee: "fees ... totalling AUD$750,000 and 1,500,000 broker warrants"."""
    join = _join_pattern(joins)
    out = list(figures)
    for i, (f, g) in enumerate(zip(figures, figures[1:], strict=False)):
        if f.kind is Kind.MONEY and g.role == "fee_warrants" and f.role != "commission" \
                and join.match(text[f.span.end:g.span.start]):
            roles = ("commission", *(r for r in f.roles
                                     if r not in ("commission", "gross", "aggregate")))
            out[i] = attrs.evolve(f, role="commission", roles=roles)
    return tuple(out)


@functools.cache
def _join_pattern(joins: tuple[str, ...]) -> re.Pattern:
    """The words joining an amount to the warrants paid beside it, alone between them."""
    return re.compile(rf"(?i)\s+(?:{'|'.join(map(re.escape, joins))})\s+$")


def _converts(text: str, before: Figure, f: Figure) -> bool:
    """"US$879,449.45 (CA$1,231,229.06)": the same amount in another currency."""
    return (before.kind is Kind.MONEY and f.kind is Kind.MONEY and before.currency != f.currency
            and text[before.span.end:f.span.start].strip() == "(")


def _glosses(text: str, before: Figure, f: Figure) -> bool:
    """"22% (HK$71.7 million)", "1,250,000 shares (9.9%)": a percentage and the amount it
    stands for, one written beside the other."""
    return (Kind.PERCENT in (before.kind, f.kind) and before.kind is not f.kind
            and text[before.span.end:f.span.start].strip() == "(")


def _cues(f: Figure, left: str, right: str, vocabulary: Vocabulary) -> list[tuple]:
    """(distance, -length, role) for every role whose cue is found: the nearest cue wins, then
    the longer one ("of the net proceeds" over "proceeds"), then the one after the figure
    ("for $2.91 each" is a price)."""
    found: list[tuple] = []
    noun = NOUN_AFTER.match(right) if f.kind is Kind.COUNT else None
    noun_end = noun.end() if noun else 0
    for cue in vocabulary.cues:
        if f.kind not in cue.kinds:
            continue
        best = None
        # (the window is searched within the whole text on either side, so that a word it
        # cuts is no cue: "eased" at the start of a window that cut "increased")
        if cue.before is not None:
            last = None
            for m in cue.before.finditer(left, max(0, len(left) - cue.window)):
                last = m
            if last is not None:
                best = (len(left) - last.end(), -len(last.group()), 1)
        if cue.after is not None:
            # a count's cue may follow what it counts: "15,543,774 shares in issue"
            for skip in (0, noun_end):
                m = cue.after.match(right, skip)
                if m is not None and m.end() - skip <= cue.window:
                    word = m.group().lstrip()
                    d = (skip + len(m.group()) - len(word), -len(word.lstrip("(")), 0)
                    best = d if best is None else min(best, d)
                    break
        if best is not None:
            found.append((*best, cue.role))
    named = {role for *_, role in found}
    # a role that is itself overridden overrides nothing: "pre-funded warrants to purchase
    # 1,000,000 shares at $7.999 per pre-funded warrant" is a price, not an exercise price;
    # settled in turns, so that a role whose overrider is overridden in turn keeps its own
    # overrides ("pre-funded warrants to purchase ... at an exercise price of $0.0001"). An
    # even number of turns leaves two roles overriding each other both standing.
    lost: set[str] = set()
    for _ in range(_OVERRIDE_TURNS):
        now = {r for role in named - lost for r in vocabulary.overrides[role]}
        if now == lost:
            break
        lost = now
    return [x for x in found if x[-1] not in lost]


def _default_roles(f: Figure) -> list[str]:
    if f.kind is Kind.MONEY:
        return ["amount"]
    if f.kind is Kind.COUNT:
        if f.noun == "warrants":
            return ["warrants"]
        if f.noun == "preferred":  # sold like shares, and converted by PV019
            return ["preferred", "quantity"]
        return ["quantity"]
    if f.kind is Kind.PERCENT:
        return ["percent"]
    if 0 < f.value < 1:  # "one-half of one warrant", "a warrant for .5 shares"
        return ["fraction"]
    return []


def _title_end(text: str) -> int:
    """Where the headline ends: the first line is one when it is short, has no closing period
    and more text follows. 0 when there is none."""
    stripped = text.lstrip()
    first_end = text.find("\n", len(text) - len(stripped))
    if first_end < 0 or not text[first_end:].strip():
        return 0
    line = text[:first_end].strip()
    return first_end if len(line) <= 160 and not line.endswith(".") else 0
