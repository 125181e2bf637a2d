"""A batch as the command line gives it: paths (files, directories walked for the included
file names, ``-`` for standard input), each file with the settings of its own configuration,
checked serially or by several processes, the reports always in the order of the paths."""

from __future__ import annotations

import fnmatch
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from . import config
from .notation import Notation, for_locale
from .pipeline import check_file, check_text
from .reader import InputError, decode
from .report import DocumentReport
from .rulefiles import RuleFileError
from .rules import Rule, load_rules
from .settings import Settings

STDIN = "-"
_PROGRESS_AFTER = 20  # files: a shorter batch needs no progress indicator


@attrs.frozen
class Job:
    """One document to check: its path, its settings, and its text when it came on stdin; or
    the one-line reason it cannot be checked at all."""

    path: str
    settings: Settings | None
    text: str | None = None
    error: str | None = None


def collect(paths: Iterable[str], overrides: dict[str, Any],
            config_file: Path | None = None) -> list[Job]:
    """The jobs for the command line's paths, in their order (a directory's files sorted)."""
    jobs: list[Job] = []
    for p in paths:
        if p == STDIN:
            jobs.append(_stdin_job(overrides, config_file))
            continue
        path = Path(p)
        try:
            settings = config.resolve(path, overrides, config_file)
        except RuleFileError as exc:
            jobs.append(Job(p, None, error=f"{p}: {exc}"))
            continue
        if not path.is_dir():
            jobs.append(Job(p, settings))
            continue
        found = list(_walk(path, settings))
        if not found:
            jobs.append(Job(p, None, error=f"{p}: no files matching "
                                           f"{' '.join(settings.include)} in this directory"))
        # a directory's files share settings (the walked directory's are resolved above)
        by_directory: dict[Path, Settings | str] = {path: settings}
        for f in found:
            if f.parent not in by_directory:
                try:
                    by_directory[f.parent] = config.resolve(f.parent, overrides, config_file)
                except RuleFileError as exc:
                    by_directory[f.parent] = str(exc)
            found_settings = by_directory[f.parent]
            if isinstance(found_settings, str):
                jobs.append(Job(str(f), None, error=f"{f}: {found_settings}"))
            else:
                jobs.append(Job(str(f), found_settings))
    return jobs


def _stdin_job(overrides: dict[str, Any], config_file: Path | None) -> Job:
    try:
        settings = config.resolve(Path.cwd(), overrides, config_file)
        return Job("<stdin>", settings, text=decode(sys.stdin.buffer.read(), "<stdin>"))
    except RuleFileError as exc:
        return Job("<stdin>", None, error=f"<stdin>: {exc}")
    except InputError as exc:
        return Job("<stdin>", None, error=str(exc))


def _walk(root: Path, settings: Settings) -> Iterable[Path]:
    """Files under ``root`` whose names match an include pattern, skipping any file or
    directory whose name or path (relative to ``root``) matches an exclude pattern."""
    def excluded(p: Path) -> bool:
        rel = p.relative_to(root).as_posix()
        return any(fnmatch.fnmatch(p.name, x) or fnmatch.fnmatch(rel, x)
                   for x in settings.excluded)

    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not excluded(here / d))
        for name in sorted(filenames):
            f = here / name
            if any(fnmatch.fnmatch(name, i) for i in settings.include) and not excluded(f):
                yield f


@functools.cache
def rules(paths: tuple[str, ...]) -> tuple[Rule, ...]:
    """The shipped rules and the extra ones at ``paths``, loaded once per process."""
    return load_rules(tuple(Path(p) for p in paths))


@functools.cache
def _prepared(settings: Settings) -> tuple[tuple[Rule, ...], Notation | None]:
    """The rules and notation of one set of settings, validated once for all the files that
    share it (a directory's files do)."""
    loaded = rules(settings.rules)
    unknown = _unknown_selectors(settings, loaded)
    if unknown:
        raise RuleFileError(unknown)
    return loaded, for_locale(settings.locale) if settings.locale else None


def rules_of(jobs: list[Job]) -> tuple[Rule, ...]:
    """Every rule the batch's settings load (for the report's rule metadata)."""
    seen: dict[str, Rule] = {}
    for paths in dict.fromkeys(j.settings.rules for j in jobs if j.settings is not None):
        try:
            seen.update((r.id, r) for r in rules(paths) if r.id not in seen)
        except RuleFileError:
            continue  # reported on the files themselves
    return tuple(sorted(seen.values(), key=lambda r: r.id)) or rules(())


def _unknown_selectors(settings: Settings, rules: tuple[Rule, ...]) -> str | None:
    """A full rule id in the settings that no rule has: a typo that would silently select or
    ignore nothing."""
    ids = {r.id for r in rules} | {"PV000"}
    named = (("select", settings.select), ("ignore", settings.ignore),
             ("severity", tuple(s for s, _ in settings.severity)),
             ("per_file_ignores", tuple(s for _, sel in settings.per_file_ignores for s in sel)))
    for field, selectors in named:
        for s in selectors:
            if len(s) == 5 and s not in ids:
                return (f"unknown rule {s} in {field.replace('_', '-')} "
                        f"(from {settings.source(field)})")
    return None


def check_job(job: Job) -> DocumentReport:
    """Check one job; every problem becomes the report's one-line error, never an exception."""
    if job.error is not None or job.settings is None:
        return DocumentReport(job.path, (), (), error=job.error)
    settings = job.settings
    try:
        rules, notation = _prepared(settings)
    except (RuleFileError, ValueError) as exc:
        return DocumentReport(job.path, (), (), error=f"{job.path}: {exc}")
    if job.text is not None:
        try:
            report = check_text(job.text, job.path, rules, notation=notation)
        except InputError as exc:
            return DocumentReport(job.path, (), (), error=str(exc))
    else:
        report = check_file(job.path, rules, notation=notation)
    return settings.apply(report)


def reports(jobs: list[Job], processes: int = 1,
            progress: Callable[[int, int], None] | None = None) -> Iterator[DocumentReport]:
    """Each job's report, in the order of the jobs whatever the number of processes, as each
    is ready: a batch streams, and memory stays flat in its size."""
    def counted(done_reports: Iterable[DocumentReport]) -> Iterator[DocumentReport]:
        for done, report in enumerate(done_reports, 1):
            if progress:
                progress(done, len(jobs))
            yield report

    if processes > 1 and len(jobs) > 1:
        chunk = max(1, min(64, len(jobs) // (processes * 8)))
        from concurrent.futures import ProcessPoolExecutor  # only for a parallel run

        with ProcessPoolExecutor(max_workers=processes) as pool:
            yield from counted(pool.map(check_job, jobs, chunksize=chunk))
    else:
        yield from counted(map(check_job, jobs))


def terminal_progress(total: int) -> Callable[[int, int], None] | None:
    """A progress line on stderr, for a long batch on a terminal only."""
    if total <= _PROGRESS_AFTER or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\rplacement-validator: {done}/{total} checked")
        if done == total:
            sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
    return show
