"""Markdown: the prose is checked, not code, link targets, images, HTML tags or comments;
they are blanked in place, so lines and columns are the file's own."""

from __future__ import annotations

import re

from ..reader import Document, decode

_NOT_PROSE = [
    # fenced code blocks, to their closing fence or the end of the file
    # (possessive: a long line of backticks is not split every way to look for its end)
    re.compile(r"^[ \t]{0,3}(`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
               re.MULTILINE | re.DOTALL),
    # inline code, bounded so that a long run of backticks is not re-scanned from each one
    re.compile(r"``[^\n]{1,200}?``|`[^`\n]{1,200}`"),
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images, alt text and all
    re.compile(r"(?<=\])\([^)\n]*\)"),  # a link's target: "[text](https://…/2024/…)"
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"),  # autolinks
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),  # reference definitions
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
]


def _spaces(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank(m: re.Match) -> str:
    return _spaces(m.group())


def _without_comments(text: str) -> str:
    """HTML comments blanked (not the suppression directives): found with one forward scan,
    since a lazy pattern would re-scan the rest of the file from each unclosed "<!--"."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # unclosed: the rest is text
        end += 3
        body = text[start:end]
        out.append(text[at:start])
        directive = body[4:].lstrip(" \t").startswith("placement-validator:")
        out.append(body if directive else _spaces(body))
        at = end
    out.append(text[at:])
    return "".join(out)


def prose(text: str) -> str:
    """``text`` with everything that is not prose turned to spaces (newlines kept)."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(_blank, text)
    return _without_comments(text)


def read(data: bytes, path: str) -> Document:
    text = decode(data, path)
    return Document.extracted(path, text, text, blanked=prose(text))
