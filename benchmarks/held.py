"""What a loaded ledger holds in memory, counted object by object rather than read from RSS.

The resident size (RSS) of the process after loading overstates what the ledger keeps: the
allocators keep pages they were given back — glibc's ``malloc`` for Python's large objects,
polars' jemalloc for the frames, which returns dirty pages only after about ten seconds — and
RSS also holds the interpreter and the imported libraries. :func:`held_by` counts instead what
is reachable from the ledger:

* **Python objects**: every object reachable from the ledger through ``gc.get_referents``
  (attrs instances, tuples, strings, dates, dicts, enum members …), each once, at
  ``sys.getsizeof`` — the bytes its allocation asks for. Classes, modules and code are not
  followed (they belong to the library, not to the ledger); a function is followed through its
  closure and defaults only, not its module's globals.
* **polars frames**: every ``DataFrame`` and ``Series`` reachable from the ledger, and the
  engine's columns kept for it (:class:`~cppcc_model.engine.columns.Columns`, cached beside the
  ledger rather than inside it), at ``estimated_size()`` — the bytes of their Arrow buffers. Two
  frames sharing a buffer count it twice, so this part is an upper bound.

Not counted: what the allocators keep free, memory of objects the ledger does not reach (the
interpreter, imported modules, an assessment, caches keyed by other objects), and the per-block
overhead of ``malloc`` (8–16 bytes per allocation above 512 bytes). :func:`settled_rss` gives the
resident size after the allocators were asked to return what they keep, the honest RSS-side
counterpart.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
import time
import types
from typing import Any

__all__ = ["held_by", "settled_rss"]

_NOT_FOLLOWED = (
    type,
    types.ModuleType,
    types.CodeType,
    types.FrameType,
    types.BuiltinFunctionType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.GetSetDescriptorType,
    types.MemberDescriptorType,
)


def held_by(root: object, *extra: object) -> dict[str, Any]:
    """Bytes reachable from ``root`` (and ``extra`` roots): Python objects and polars frames.

    Returns:
        ``python_bytes`` (the objects' ``sys.getsizeof``), ``python_objects`` (how many),
        ``frame_bytes`` (the frames' and series' ``estimated_size()``), ``frames`` (how many)
        and ``frame_detail``: ``[rows, columns, bytes, first column names]`` of each frame or
        series, largest first.

    """
    import polars as pl

    seen: set[int] = set()
    stack: list[Any] = [root, *extra]
    python_bytes = objects = frame_bytes = frames = 0
    detail: list[list[Any]] = []
    while stack:
        obj = stack.pop()
        key = id(obj)
        if key in seen:
            continue
        seen.add(key)
        if isinstance(obj, (pl.DataFrame, pl.Series)):
            size = int(obj.estimated_size())
            frame_bytes += size
            frames += 1
            names = obj.columns if isinstance(obj, pl.DataFrame) else [obj.name]
            detail.append([len(obj), len(names), size, names[:6]])
            continue
        if isinstance(obj, _NOT_FOLLOWED):
            continue
        python_bytes += sys.getsizeof(obj)
        objects += 1
        if isinstance(obj, types.FunctionType):
            stack.extend(cell.cell_contents for cell in obj.__closure__ or ())
            stack.extend(obj.__defaults__ or ())
            stack.extend((obj.__kwdefaults__ or {}).values())
            continue
        stack.extend(gc.get_referents(obj))
    return {
        "python_bytes": python_bytes,
        "python_objects": objects,
        "frame_bytes": frame_bytes,
        "frames": frames,
        "frame_detail": sorted(detail, key=lambda row: -row[2]),
    }


def _trim() -> None:
    """Ask glibc's ``malloc`` to return its free memory to the system (no-op elsewhere)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def settled_rss(wait: float = 12.0) -> int:
    """The resident size after the allocators returned what they keep free.

    A full collection, glibc's ``malloc_trim(0)``, then ``wait`` seconds, in which jemalloc
    (polars' allocator) returns dirty pages it kept past its ten-second decay. Still counts the
    interpreter, the imported libraries and whatever the process holds besides the ledger.
    """
    gc.collect()
    _trim()
    time.sleep(wait)
    gc.collect()
    _trim()
    return _rss()


def _rss() -> int:
    """The process's resident size in bytes (``VmRSS``; ``ru_maxrss`` where unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
