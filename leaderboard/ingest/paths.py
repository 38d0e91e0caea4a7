"""Turning the paths a user names into the files to read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from leaderboard.ingest.errors import IngestError

STDIN = "-"
# Sub-folders of a corpus folder that hold data other than papers: `seed/registry`
# is the entity registry (leaderboard.normalize.registry), read by `registry load`.
NOT_PAPER_FOLDERS = frozenset({"registry"})


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files as given, the files under folders (sorted, recursively) and "-" for stdin.

    Hidden files and folders (a leading dot) are skipped inside folders, so a
    `.git` or editor swap file in a corpus folder is never read as papers; so
    are registry folders (NOT_PAPER_FOLDERS) and, inside folders, named pipes,
    sockets and devices.
    Paths are normalised (`./seed/` and `seed` name the same files), since
    the database remembers each paper's source by this name.
    """
    for path in paths:
        if path == STDIN:
            yield path
            continue
        path = os.path.normpath(path)
        if os.path.isdir(path):
            yield from _files_under(path)
        elif os.path.exists(path):
            yield path
        else:
            raise IngestError(path, None, "no such file or directory")


def _files_under(folder: str, seen: frozenset[str] = frozenset()) -> Iterator[str]:
    # Files and sub-folders are visited in one name order, so the result is the
    # sorted list of paths and a rerun ingests papers in the same order.
    # `seen` holds the real paths of the folders above, so a symlink loop ends.
    seen = seen | {os.path.realpath(folder)}
    with os.scandir(folder) as scan:
        entries = sorted((entry for entry in scan if not entry.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        path = os.path.normpath(os.path.join(folder, entry.name))
        if entry.is_dir():
            if os.path.realpath(path) not in seen and entry.name not in NOT_PAPER_FOLDERS:
                yield from _files_under(path, seen)
        elif entry.is_file() or not os.path.exists(path):
            # Files and links to them; a dangling link too, so reading it reports it.
            yield path
        # Anything else is a named pipe, socket or device: no paper file, and reading
        # a pipe nobody writes to would wait forever. (Named on the command line, a
        # pipe is read: `leaderboard ingest <(zcat x.gz)`.)
