"""Process-level tuning for long bargaining runs.

Each BdM round builds and drops a few hundred kilobytes of pair arrays.  With
glibc's default settings the freed memory at the top of the heap is handed back
to the operating system after every round and faulted in again on the next,
which costs about a third of the run time at 160 actors.  Raising the trim
threshold keeps it.  And numba's OpenMP thread pool keeps idle threads spinning
between the parallel rounds, which on a busy machine takes CPU from the thread
still working; its plain work-queue pool lets them sleep.  These are process-wide
settings, so the library never applies them on import: the ``detente forecast``
command and the benchmark opt in.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

_M_TRIM_THRESHOLD = -1  # mallopt parameter number in glibc's malloc.h
_KEEP_BYTES = 64 * 1024 * 1024


def tune_allocator() -> bool:
    """Keep up to 64 MiB of freed heap instead of trimming it; True if applied.

    A no-op (returning False) where the C library is not glibc.
    """
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, _KEEP_BYTES))


def tune_threads() -> bool:
    """Use numba's work-queue thread pool for the parallel BdM rounds; True if applied.

    Only before the first parallel call, and never over an explicit
    ``NUMBA_THREADING_LAYER``.  That pool must not be entered from two Python
    threads at once, which is why only single-threaded processes opt in.
    """
    import numba

    if "NUMBA_THREADING_LAYER" in os.environ or numba.config.THREADING_LAYER != "default":
        return False
    try:
        numba.threading_layer()
    except ValueError:  # no parallel call yet: the layer can still be chosen
        numba.config.THREADING_LAYER = "workqueue"
        return True
    return False
