"""Markdown: the prose is checked, not code, link targets, images, HTML tags or comments;
they are blanked in place, so lines and columns are the file's own."""

from __future__ import annotations

import re

from ..reader import Document, decode

_NOT_PROSE = [
    # fenced code blocks, to their closing fence or the end of the file
    re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
               re.MULTILINE | re.DOTALL),
    re.compile(r"(`+)(?!`).+?(?<!`)\1"),  # inline code
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images, alt text and all
    re.compile(r"(?<=\])\([^)\n]*\)"),  # a link's target: "[text](https://…/2024/…)"
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"),  # autolinks
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),  # reference definitions
    re.compile(r"<!--(?![ \t]*placement-validator:).*?-->", re.DOTALL),  # comments
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
]


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def prose(text: str) -> str:
    """``text`` with everything that is not prose turned to spaces (newlines kept)."""
    for pattern in _NOT_PROSE:
        text = pattern.sub(_blank, text)
    return text


def read(data: bytes, path: str) -> Document:
    text = decode(data, path)
    return Document.extracted(path, text, text, blanked=prose(text))
