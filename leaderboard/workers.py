"""The extractor's process pool, whose workers die with the process that started them.

A pool's workers otherwise outlive a parent killed by SIGKILL or SIGTERM
(its shutdown code never runs): each keeps about 100 MB, the SQLite file and
the parent's stdout open, so `leaderboard ingest ... | cat` would never end.
On Linux each worker asks the kernel to SIGKILL it when its parent dies
(prctl PR_SET_PDEATHSIG); elsewhere a thread in the worker watches for the
parent to change.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

# From <linux/prctl.h>.
PR_SET_PDEATHSIG = 1
# How often a worker without prctl looks whether its parent is still there.
WATCH_INTERVAL = 1.0


@contextlib.contextmanager
def extractor_pool(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `jobs` worker processes, or None for 1 job (extract in this process)."""
    if jobs <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        yield pool


def die_with_parent(parent: int) -> None:
    """Make this process end when process `parent` does (a pool initializer)."""
    if _kernel_kills_on_parent_death():
        # The parent may have died before prctl took effect: nobody would signal then.
        if os.getppid() != parent:
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _kernel_kills_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    # A dead parent's children are adopted by another process: the parent id changes.
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
