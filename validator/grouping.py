"""Grouping: figures with roles become offering lines and restatement pairs.

An offering line is one class or tranche: "4,079,000 units at $1 per unit for gross proceeds of
$4.1 million". It is anchored on its price; its quantity is the count of securities that the
same sentence pairs with that price.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .figures import Figure, Interval, Kind, Qualifier

# roles of an amount per security: never an amount raised
PER_SECURITY = ("price", "exercise_price", "market", "nominal", "share_premium", "stated_value",
                "conversion_price")
_CANDIDATE_PRICES = 3  # a release with more prices than this names them with its quantities
_HEADING = 100  # characters of a line that may be a heading
# Vocabulary roles (rules/vocabulary) that group: a quantity's words naming the release's one
# price as a defined term ("11,733,334 new Ordinary Shares at the Issue Price"), placing it
# among the offering's own securities ("2,000,000 of the new shares"), and a price given to
# each of several quantities before it ("in each case at 5 pence")
_REFERS, _AMONG, _EACH = "at_the_price", "among", "each"
_SECURITIES = ("shares", "units", "warrants", "receipts", "ads", "options", "securities",
               "preferred")


@attrs.frozen
class Line:
    index: int  # numbered once all lines are found
    price: Figure
    quantity: Figure
    # the price was not stated with this quantity but taken as the release's one price: the
    # line may confirm an amount in its sentence, but the price may not apply to it
    inferred: bool = False
    # the release's one price and its one quantity, stated far apart: the line confirms
    # amounts but is never certain enough to fail one (except on an exact typo)
    loose: bool = False
    # one of the release's few prices tried for a quantity stated with an amount only ("BC
    # Ltd subscribed for 781,250 units for $250,000"): it may confirm that amount, and never
    # enters a total of the release's lines
    candidate: bool = False
    # the quantity's own words name the release's one price ("11,733,334 new Ordinary Shares
    # at the Issue Price"): stated with it, as if written in its sentence
    referred: bool = False
    # one of several quantities a sentence prices together ("in each case at 5 pence"): an
    # amount in that sentence is their total, not this line's gross
    shared: bool = False
    # a quantity the words place among the offering's own ("directors subscribed for 2,000,000
    # of the new shares"): it may confirm its amount, which is no further sale (a candidate)
    among: bool = False

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.quantity, self.price)

    @property
    def gross(self) -> Interval:
        return self.quantity.operand * self.price.operand

    @property
    def sentence(self) -> int:
        return self.quantity.sentence  # a line may take its price from elsewhere

    def sentence_of(self, f: Figure) -> int:
        """The sentence ``f`` counts as stated in: a referred price in its quantity's."""
        return self.quantity.sentence if self.referred and f is self.price else f.sentence

    @property
    def paragraph(self) -> int:
        return self.price.paragraph

    @property
    def borrowed(self) -> bool:
        """The price was stated in another sentence than the quantity (and not named there)."""
        return self.inferred or (self.price.sentence != self.quantity.sentence
                                 and not self.referred)

    @property
    def settlement(self) -> bool:
        """Securities issued at a deemed price to settle a debt or a fee: no cash raised."""
        return "deemed" in self.price.roles

    @property
    def up_to(self) -> bool:
        return Qualifier.UP_TO in (self.quantity.qualifier, self.price.qualifier)


@attrs.frozen
class Groups:
    lines: tuple[Line, ...]
    restatements: tuple[tuple[Figure, Figure], ...]  # (in words, in numerals)
    # (a heading's count, another count of the same securities): "3,000,000 Shares of Common
    # Stock" on a prospectus cover, restated "is offering 3,000,000 shares"
    headings: tuple[tuple[Figure, Figure], ...] = ()


def _is_quantity(f: Figure) -> bool:
    # (not "one new share for every four shares held": a small number in words describes)
    return (f.kind is Kind.COUNT and f.noun in _SECURITIES and f.value > 1
            and not (f.words and f.value < 10)
            and f.role not in ("outstanding", "enlarged", "fee_warrants", "fee_shares"))


def group(figures: tuple[Figure, ...], text: str) -> Groups:
    lines: list[Line] = []
    for i, f in enumerate(figures):
        if f.kind is Kind.MONEY and f.role == "stated_value":
            # preferred shares are sold at their stated value: "3,415 shares of convertible
            # preferred stock ... Each ... has a $1,000 stated value"
            quantity = _quantity_for(figures, i, nouns=("preferred",))
            if quantity is not None:
                lines.append(Line(0, f, quantity))
            continue
        if f.kind is not Kind.MONEY or f.role != "price":
            continue
        # quantities priced respectively share the sentence's amount: "2,500,000 shares and
        # pre-funded warrants to purchase 1,000,000 shares at $2.43 per share and $2.429 per
        # pre-funded warrant, for gross proceeds of US$8.5 million"
        paired = _respectively(figures, f)
        quantity = paired or _quantity_for(figures, i)
        if quantity is not None:
            each = _each_at(figures, f, quantity)
            lines.append(Line(0, f, quantity, shared=bool(each) or paired is not None))
            lines.extend(Line(0, f, q) for q in _also_at(figures, f, quantity))
            lines.extend(Line(0, f, q, shared=True) for q in each)
    headed = [f for f in figures if _is_quantity(f) and not f.words and _heading(text, f)]
    lines.extend(_lines_at_the_one_price(figures, lines, headed=headed))
    lines.extend(_lines_at_the_one_price(figures, lines, role="stated_value"))
    # however it found its price, a quantity "of the Placing Shares" is among the offering's own
    lines = [attrs.evolve(x, candidate=True, among=True) if _AMONG in x.quantity.roles
             else x for x in lines]
    lines = [attrs.evolve(x, index=k) for k, x in enumerate(lines)]  # each line its own index
    restatements = []
    for a, b in zip(figures, figures[1:], strict=False):
        between = text[a.span.end:b.span.start]
        if a.words and not b.words and between.strip() == "(" and a.value > 1:
            restatements.append((a, b))
    headings = [(h, f) for h in headed for f in figures
                if _is_quantity(f) and f is not h and f.noun == h.noun and not f.words
                and f not in headed]
    return Groups(tuple(lines), tuple(restatements), tuple(headings))


def _heading(text: str, f: Figure) -> bool:
    """A figure on a short line of its own with no closing stop: a title or a cover heading."""
    start = text.rfind("\n", 0, f.span.start) + 1
    end = text.find("\n", f.span.end)
    line = text[start:end if end >= 0 else len(text)].strip()
    return len(line) <= _HEADING and not line.endswith((".", "!", "?", ":", ";", "。", "；", "："))


def _lines_at_the_one_price(figures: tuple[Figure, ...], lines: list[Line],
                            role: str = "price",
                            headed: list[Figure] | None = None) -> list[Line]:
    """When a release states a single offering price (per currency: "US$0.43 (CA$0.602)"), a
    sentence that pairs a number of securities with an amount in that currency ("insiders took
    400,000 units for $200,000") is a line at it. The same holds for preferred shares and the
    release's one stated value ("1,033 preferred shares as repayment of $1 million"). With two
    or three prices, such a quantity is a loose candidate line at each."""
    preferred = role == "stated_value"
    prices: dict[str, list[Figure]] = {}
    for f in figures:
        if f.kind is Kind.MONEY and f.role == role:
            prices.setdefault(f.currency, []).append(f)
    out = []
    for currency, stated in prices.items():
        # each price at its first statement, as the offering states it (a later one may be
        # a deemed price of a settlement at the same amount)
        values = list({f.value: f for f in reversed(stated)}.values())[::-1]
        if 1 < len(values) <= _CANDIDATE_PRICES:
            priced = {x.sentence for x in lines}
            out.extend(Line(0, p, counts[0], inferred=True, loose=True, candidate=True)
                       for counts, amounts in _unpriced(figures, priced, currency, preferred)
                       if len(counts) == 1 and amounts for p in values)
            continue
        if len(values) != 1:
            continue
        price = stated[0]
        priced = {x.sentence for x in lines if x.price.currency == currency}
        found = []
        for counts, amounts in _unpriced(figures, priced, currency, preferred):
            if len(counts) == 1 and amounts:
                found.append((price, counts[0]))
            elif len(counts) == len(amounts) > 1:
                # "at least SEK 7 million and at most SEK 9.7 million, that is between
                # 2,800,000 and 3,892,954 shares": alternatives, each a candidate at the price
                out.extend(Line(0, price, c, inferred=True, loose=True, candidate=True)
                           for c in counts)
        if not found and not lines and not preferred:
            # one price and one number of securities, however far apart: "investors paid
            # $3.25 per share ... in total, roughly 730,000 shares were issued"
            # (warrants come with the shares; preferred shares are sold at their stated
            # value); a count stated twice is taken where it stands nearest the price
            counts: dict = {}
            for f in sorted(figures, key=lambda f: abs(f.sentence - price.sentence)):
                if _is_quantity(f) and not f.words and f.noun not in ("warrants", "preferred"):
                    counts.setdefault(f.value, f)
            if len(counts) == 1:
                out.append(Line(0, price, next(iter(counts.values())), loose=True))
            elif len(counts) == 2 and sum(f in (headed or ()) for f in counts.values()) == 1:
                # a cover heading's count and the body's, unequal: one is mistyped, and each
                # is tried at the price (PV020 reports the one no relation confirms)
                out.extend(Line(0, price, c, loose=True, candidate=True)
                           for c in counts.values())
        out.extend(Line(0, p, q, referred=True) if _REFERS in q.roles
                   else Line(0, p, q, inferred=True) for p, q in found)
    return out


def _unpriced(figures: tuple[Figure, ...], priced: set[int], currency: str,
              preferred: bool) -> Iterator[tuple[list[Figure], list[Figure]]]:
    """For each sentence not in ``priced``: its quantities (of preferred shares, or of
    others) and its amounts in ``currency`` (not a fee: "a 6% fee, being A$480,000, and
    5,000,000 options" sells nothing)."""
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    for sentence in sorted(set(by_sentence) - priced):
        here = by_sentence[sentence]
        yield ([f for f in here if _is_quantity(f) and (f.noun == "preferred") == preferred],
               [f for f in here if f.kind is Kind.MONEY and f.role not in PER_SECURITY
                and "commission" not in f.roles and f.currency == currency])


def _quantity_for(figures: tuple[Figure, ...], i: int,
                  nouns: tuple[str, ...] | None = None) -> Figure | None:
    """The quantity a price (or, for ``nouns``, a stated value) belongs to, when no other
    price of its sentence pairs with quantities in order (_respectively)."""
    price = figures[i]

    def counted(f: Figure) -> bool:
        return _is_quantity(f) and (nouns is None or f.noun in nouns)

    same = [f for f in figures if f.sentence == price.sentence and counted(f)]
    before = [f for f in same if f.span.end <= price.span.start]
    if before:
        # "3,238,627 shares, each with warrants for 6,477,254 warrant shares, at $2.022":
        # attached warrants are no sale of their own unless another price stands between
        prices = [f.span.start for f in figures if f.sentence == price.sentence
                  and f.kind is Kind.MONEY and f.role == "price" and f is not price]
        own = [f for f in before
               if not any(f.span.end <= p < price.span.start for p in prices)]
        sold = [f for f in own if f.noun != "warrants"]
        return sold[-1] if sold else before[-1]
    after = [f for f in same if f.span.start >= price.span.end]
    if after:
        return after[0]
    # a list or table: "Placing Price: 200p" next to "New Shares issued: 2,500,000"; not
    # where the price's own sentence counts something that is no sale ("agent warrants to
    # buy 120,000 common shares at $0.25 per share": the price is theirs)
    if nouns is None and any(f.sentence == price.sentence and f.kind is Kind.COUNT
                             and not f.words for f in figures):
        return None
    for step in (-1, 1):
        near = [f for f in figures if f.sentence == price.sentence + step and counted(f)]
        if near:
            return near[-1] if step < 0 else near[0]
    return None


def _also_at(figures: tuple[Figure, ...], price: Figure, quantity: Figure) -> list[Figure]:
    """A price stated on its own next to a sentence that lists several quantities and no price
    ("Each share goes for $2.05. The registered offering covers 3,609,755 shares; the private
    placement 7,536,708 shares and pre-funded warrants for another 3,069,925") prices each."""
    if quantity.sentence == price.sentence:
        return []
    own = [f for f in figures if f.sentence == price.sentence]
    if any(_is_quantity(f) for f in own) or sum(
            f.kind is Kind.MONEY and f.role == "price" for f in own) > 1:
        return []  # the price has its own quantity, or several prices pair "respectively"
    there = [f for f in figures if f.sentence == quantity.sentence]
    if any(f.kind is Kind.MONEY and f.role == "price" for f in there):
        return []
    return [f for f in there if _is_quantity(f) and f is not quantity]


def _each_at(figures: tuple[Figure, ...], price: Figure, quantity: Figure) -> list[Figure]:
    """Quantities before a price that the words give to each of them ("a placing of
    60,000,000 new shares and a subscription for 5,000,000 new shares, in each case at 5 pence
    per share"): the other quantities of the sentence since its last price."""
    if quantity.sentence != price.sentence or _EACH not in price.roles:
        return []
    earlier = [f.span.end for f in figures if f.sentence == price.sentence
               and f.kind is Kind.MONEY and f.role == "price" and f.span.end <= quantity.span.start]
    start = max(earlier, default=-1)
    return [f for f in figures if f.sentence == price.sentence and f is not quantity
            and _is_quantity(f) and f.noun == quantity.noun and start < f.span.start
            and f.span.end <= quantity.span.start]


def _respectively(figures: tuple[Figure, ...], price: Figure) -> Figure | None:
    """Several quantities, then as many prices ("10,052,737 FT units and 4,812,475 units ...
    sold at $0.38 and $0.32"): the k-th price goes with the k-th quantity."""
    prices = [f for f in figures if f.sentence == price.sentence
              and f.kind is Kind.MONEY and f.role == "price"]
    if len(prices) < 2:
        return None
    for step in (0, -1):
        counts = [f for f in figures if f.sentence == price.sentence + step and _is_quantity(f)]
        if step == 0 and any(c.span.start > prices[0].span.start for c in counts):
            return None  # quantities and prices interleave: each price has its own
        if len(counts) == len(prices):
            return counts[prices.index(price)]
        if counts:
            return None
    return None
