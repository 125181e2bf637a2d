"""The role vocabulary: cue phrases per role, loaded and validated from rules/vocabulary/*.toml."""

from __future__ import annotations

import functools
import re
import tomllib

import attrs

from .figures import Kind
from .rulefiles import RuleFileError, rules_dir
from .scanner import is_cjk

_ROLE_KEYS = {"kinds", "window", "before", "after", "overrides", "secondary"}
_TOP_KEYS = {"language", "roles", "nouns", "qualifiers", "joins"}
_QUALIFIERS = ("up_to", "over", "approximately")


@attrs.frozen
class Cues:
    role: str
    kinds: frozenset[Kind]
    window: int
    phrases: tuple[tuple[str, ...], tuple[str, ...]]  # before, after
    overrides: frozenset[str] = frozenset()
    secondary: bool = False  # a role added beside the primary one, never the primary itself

    # Compiled on first use: a merged vocabulary compiles each role's phrases once, and a
    # role whose kind of figure a release lacks never (start-up time of the command line).
    @functools.cached_property
    def before(self) -> re.Pattern | None:
        """Matches the last cue before a figure (searched in its left text)."""
        return _compile(list(self.phrases[0]), True)

    @functools.cached_property
    def after(self) -> re.Pattern | None:
        """Matches a cue that starts right after a figure."""
        return _compile(list(self.phrases[1]), False)

    @functools.cached_property
    def tokens(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """The words of each phrase, before and after (Vocabulary.for_text)."""
        return tuple(tuple(tuple(_TOKEN.findall(p.lower())) for p in side)
                     for side in self.phrases)


@attrs.frozen
class Vocabulary:
    language: str
    cues: tuple[Cues, ...]
    # words of other languages that name securities ("aktier": shares) and qualify amounts
    # ("bis zu": up_to); English ones are built into the scanner
    nouns: tuple[tuple[str, str], ...] = ()  # (word, canonical noun)
    qualifiers: tuple[tuple[str, str], ...] = ()  # (phrase, up_to | over | approximately)
    joins: tuple[str, ...] = ()  # words joining two counts of one noun: "mellan X och Y aktier"
    languages: tuple[Vocabulary, ...] = ()  # the vocabularies merged into this one

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(c.role for c in self.cues)

    @functools.cached_property
    def secondary(self) -> frozenset[str]:
        """Roles added beside a figure's primary role, never primary themselves."""
        return frozenset(c.role for c in self.cues if c.secondary)

    def for_text(self, text: str) -> Vocabulary:
        """The cues a text can match: a merged vocabulary without the languages none of whose
        phrases could be found in it (every word of a phrase must be in the text), so that an
        English release compiles only English cue patterns. Windows and overrides stay those
        of the whole merge, so what is found is exactly what the whole vocabulary finds.

        The first text a vocabulary reads gets only the phrases it could contain, compiled
        for it alone: a command checking one release compiles a few phrases per role instead
        of every one (start-up time); later texts share the patterns compiled once."""
        if self._read and len(self.languages) < 2:
            return self  # nothing to leave out: the text need not be read for its words
        lowered = text.lower()
        words = set(_TOKEN.findall(lowered))
        if not self._read:
            self._read.append(True)
            return attrs.evolve(self, cues=tuple(
                attrs.evolve(c, phrases=tuple(
                    tuple(p for p, tokens in zip(side, c.tokens[k], strict=True)
                          if _can_match(tokens, words, lowered))
                    for k, side in enumerate(c.phrases)))
                for c in self.cues), languages=())
        present = tuple(v.language for v in self.languages[1:]
                        if any(_can_match(tokens, words, lowered)
                               for tokens in self._own[v.language]))
        if len(present) == len(self.languages) - 1:
            return self
        if present not in self._subsets:
            keep = {self.languages[0].language, *present}  # the first (English) always
            kept = merge([v for v in self.languages if v.language in keep])
            phrases = {c.role: c.phrases for c in kept.cues}
            cues = tuple(attrs.evolve(c, phrases=phrases.get(c.role, ((), ())))
                         for c in self.cues)
            self._subsets[present] = attrs.evolve(self, language=kept.language, cues=cues,
                                                  languages=())
        return self._subsets[present]

    @functools.cached_property
    def _own(self) -> dict[str, list[tuple[str, ...]]]:
        """For each merged language after the first, the words of each of its phrases that
        the first does not have for the same role and side ("commission" is English too)."""
        first = self.languages[0]
        base = {(c.role, k, p.lower()) for c in first.cues for k in (0, 1) for p in c.phrases[k]}
        return {v.language: list(dict.fromkeys(
                    tuple(_TOKEN.findall(p.lower())) for c in v.cues for k in (0, 1)
                    for p in c.phrases[k] if (c.role, k, p.lower()) not in base))
                for v in self.languages[1:]}

    @functools.cached_property
    def _subsets(self) -> dict[tuple[str, ...], Vocabulary]:
        return {}

    @functools.cached_property
    def _read(self) -> list[bool]:
        """Whether a text has been read (for_text): empty until then."""
        return []

    @functools.cached_property
    def overrides(self) -> dict[str, frozenset[str]]:
        """For each role, the roles a figure loses when that role's cue is found."""
        return {c.role: c.overrides for c in self.cues}


def _phrase(p: str) -> str:
    words = [r"(?:\S+\s+){0,3}?" if w == "*" else re.escape(w) for w in p.split()]
    out = ""
    for i, w in enumerate(words):
        out += w
        if i < len(words) - 1 and not w.endswith("?"):
            out += r"\s+"
    return out


def _compile(phrases: list[str], anchored_end: bool) -> re.Pattern | None:
    """One pattern for a role's phrases. A phrase must start and end on word boundaries,
    except at a Chinese or Japanese character, which has none ("每股配售股份16.5港元")."""
    if not phrases:
        return None

    def bounded(p: str) -> str:
        start = "" if is_cjk(p[0]) else r"\b"
        end = "" if is_cjk(p[-1]) else r"\b"
        return (start if anchored_end else "") + _phrase(p) + end

    alts = "|".join(bounded(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored_end:
        return re.compile(rf"(?i)(?:{alts})")
    return re.compile(rf"(?i)\s*\(?(?:{alts})")


def parse_vocabulary(text: str, source: str) -> Vocabulary:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{source}: {exc}") from None
    roles = data.get("roles")
    if not isinstance(roles, dict) or not isinstance(data.get("language"), str):
        raise RuleFileError(f"{source}: needs `language` and [roles.NAME] tables")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RuleFileError(f"{source}: unknown key {sorted(unknown)[0]!r}")
    nouns = _word_lists(data.get("nouns", {}), source, "nouns", None)
    qualifiers = _word_lists(data.get("qualifiers", {}), source, "qualifiers", _QUALIFIERS)
    joins = data.get("joins", [])
    if not isinstance(joins, list) or not all(isinstance(w, str) and w.strip() for w in joins):
        raise RuleFileError(f"{source}: joins must be a list of words")
    cues = []
    for name, table in roles.items():
        unknown = set(table) - _ROLE_KEYS
        if unknown:
            raise RuleFileError(f"{source}: [roles.{name}] unknown key {sorted(unknown)[0]!r}")
        try:
            kinds = frozenset(Kind(k) for k in table.get("kinds", []))
        except ValueError as exc:
            raise RuleFileError(f"{source}: [roles.{name}] {exc}") from None
        window = table.get("window", 60)
        if type(window) is not int or window <= 0:
            raise RuleFileError(f"{source}: [roles.{name}] window must be a positive integer")
        for key in ("before", "after"):
            if not all(isinstance(p, str) and p.strip() for p in table.get(key, [])):
                raise RuleFileError(f"{source}: [roles.{name}] {key} must be a list of phrases")
        secondary = table.get("secondary", False)
        if type(secondary) is not bool:
            raise RuleFileError(f"{source}: [roles.{name}] secondary must be true or false")
        cues.append(Cues(name, kinds, window,
                         (tuple(table.get("before", [])), tuple(table.get("after", []))),
                         frozenset(table.get("overrides", [])), secondary))
    names = {c.role for c in cues}
    for c in cues:
        if c.overrides - names:
            raise RuleFileError(f"{source}: [roles.{c.role}] overrides unknown role "
                                f"{sorted(c.overrides - names)[0]!r}")
    return Vocabulary(data["language"], tuple(cues), nouns, qualifiers, tuple(joins))


def _word_lists(table, source: str, key: str,
                allowed: tuple[str, ...] | None) -> tuple[tuple[str, str], ...]:
    """[nouns] shares = ["aktier", ...] → (("aktier", "shares"), ...), validated."""
    if not isinstance(table, dict):
        raise RuleFileError(f"{source}: [{key}] must be a table of lists")
    out = []
    for name, words in table.items():
        if allowed is not None and name not in allowed:
            raise RuleFileError(f"{source}: [{key}] {name!r} is not one of {', '.join(allowed)}")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            raise RuleFileError(f"{source}: [{key}] {name} must be a list of phrases")
        out.extend((w, name) for w in words)
    return tuple(out)


_TOKEN = re.compile(r"[^\W\d_]+|\d+")  # runs of letters, runs of digits


def _can_match(tokens: tuple[str, ...], words: set[str], lowered: str) -> bool:
    """Whether a text (its lower-case ``words``) could contain a phrase of these words: each
    is among them; a Chinese or Japanese word, which no boundary delimits, anywhere in it."""
    return all(t in lowered if is_cjk(t[0]) else t in words for t in tokens)


def merge(vocabularies: list[Vocabulary]) -> Vocabulary:
    """One vocabulary with every language's cues: a release in any of them is read without
    first guessing its language (the phrases of different languages do not collide)."""
    by_role: dict[str, list[Cues]] = {}
    for v in vocabularies:
        for c in v.cues:
            by_role.setdefault(c.role, []).append(c)
    cues = []
    for role, parts in by_role.items():
        before = [p for c in parts for p in c.phrases[0]]
        after = [p for c in parts for p in c.phrases[1]]
        cues.append(Cues(role, frozenset().union(*(c.kinds for c in parts)),
                         max(c.window for c in parts), (tuple(before), tuple(after)),
                         frozenset().union(*(c.overrides for c in parts)),
                         any(c.secondary for c in parts)))
    return Vocabulary("+".join(v.language for v in vocabularies), tuple(cues),
                      tuple(n for v in vocabularies for n in v.nouns),
                      tuple(q for v in vocabularies for q in v.qualifiers),
                      tuple(w for v in vocabularies for w in v.joins), tuple(vocabularies))


@functools.cache
def builtin(language: str | None = None) -> Vocabulary:
    """The shipped vocabulary of one language, or (by default) of all of them merged."""
    folder = rules_dir() / "vocabulary"
    paths = [folder / f"{language}.toml"] if language else sorted(folder.glob("*.toml"))
    # English first: its phrases come first where roles are merged
    paths.sort(key=lambda p: p.stem != "en")
    return merge([parse_vocabulary(p.read_text(encoding="utf-8"), f"rules/vocabulary/{p.name}")
                  for p in paths])
