"""Turning the paths a user names into the files to read."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from leaderboard.ingest.errors import IngestError

STDIN = "-"
# Sub-folders of a corpus folder that hold data other than papers: `seed/registry`
# is the entity registry (leaderboard.normalize.registry), read by `registry load`.
NOT_PAPER_FOLDERS = frozenset({"registry"})


def expand_paths(
    paths: Iterable[str], on_error: Callable[[IngestError], None] | None = None
) -> Iterator[str]:
    """Yield files as given, the files under folders (sorted, recursively) and "-" for stdin.

    Hidden files and folders (a leading dot) are skipped inside folders, so a
    `.git` or editor swap file in a corpus folder is never read as papers; so
    are registry folders (NOT_PAPER_FOLDERS) and, inside folders, named pipes,
    sockets and devices.
    Paths are normalised (`./seed/` and `seed` name the same files), since
    the database remembers each paper's source by this name.
    A folder inside that cannot be listed goes to `on_error` and the walk goes
    on (without `on_error` it raises); an entry that cannot even be told a
    file or a folder (a symlink loop) is yielded, so reading it reports it.
    """
    report = on_error or _raise
    for path in paths:
        if path == STDIN:
            yield path
            continue
        path = os.path.normpath(path)
        if os.path.isdir(path):
            yield from _files_under(path, report)
        elif os.path.exists(path):
            yield path
        else:
            raise IngestError(path, None, "no such file or directory")


def _raise(error: IngestError) -> None:
    raise error


def _files_under(
    folder: str, report: Callable[[IngestError], None], seen: frozenset[str] = frozenset()
) -> Iterator[str]:
    # Files and sub-folders are visited in one name order, so the result is the
    # sorted list of paths and a rerun ingests papers in the same order.
    # `seen` holds the real paths of the folders above, so a symlink loop ends.
    seen = seen | {os.path.realpath(folder)}
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        report(IngestError(folder, None, f"cannot list the folder ({exc.strerror or exc})"))
        return
    for entry in entries:
        path = os.path.normpath(os.path.join(folder, entry.name))
        kind = _kind(entry, path)
        if kind == "folder":
            if os.path.realpath(path) not in seen and entry.name not in NOT_PAPER_FOLDERS:
                yield from _files_under(path, report, seen)
        elif kind == "file":
            yield path
        # Anything else is a named pipe, socket or device: no paper file, and reading
        # a pipe nobody writes to would wait forever. (Named on the command line, a
        # pipe is read: `leaderboard ingest <(zcat x.gz)`.)


def _kind(entry: os.DirEntry[str], path: str) -> str:
    """ "folder", "file" (also a link to nothing or a link loop: reading it reports it) or "other"."""
    try:
        if entry.is_dir():
            return "folder"
        if entry.is_file() or not os.path.exists(path):
            return "file"
    except OSError:  # a symlink loop, or the entry vanished while being looked at
        return "file"
    return "other"
