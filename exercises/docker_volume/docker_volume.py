"""Docker磁盘映射的参数是什么？

In English: What are the parameters for Docker disk mapping (mounting host storage into a container)?

Source: 000_1a4e42d0338c0b07.txt · 二面 (one of two questions there on everyday tools: "Linux cat 命令的作用？" and
"Docker磁盘映射的参数是什么？").

``docker run`` maps storage into a container with two flags, and this exercise parses both:

* ``-v SRC:DST[:OPTS]`` (long form ``--volume``). ``SRC`` is a host path (it starts with ``/``, ``.`` or
  ``~``: a *bind mount*) or else the name of a Docker-managed *named volume*; ``SRC:`` may be left out
  altogether (``-v /data``), which asks for an *anonymous volume*. ``DST`` is the absolute path inside the
  container. ``OPTS`` is ``ro`` (read-only) or ``rw`` (read-write, the default).
* ``--mount type=bind|volume,source=SRC,target=DST[,readonly]``: comma-separated ``key=value`` fields in any
  order, with the aliases ``src`` for ``source`` and ``dst``/``destination`` for ``target``, and
  ``readonly`` (or ``ro``) alone or as ``readonly=true|false|1|0``. ``type`` defaults to ``volume``.

Both give the same ``Mount(kind, source, target, read_only)``, and ``to_docker_args`` writes mounts back as
``--mount`` arguments. Only the Linux syntax is handled: Windows paths (``C:\\data``) are refused, and so
are Docker's other options (``z``/``Z``, ``nocopy``, propagation, ``volume-driver``, tmpfs mounts, ...),
which a ``Mount`` could not hold. Paths are kept exactly as written: ``~`` and ``.`` are not expanded.

Every error is a ``ValueError`` (``TypeError`` for a spec that is not a string) whose message names the part
at fault (``spec``, ``source``, ``target``, ``options``, or the ``--mount`` key; for ``to_docker_args``:
``mounts``, ``kind``, ``source``, ``target`` or ``read_only``) and what was wrong with it. Quoting the whole
spec or mount does not count as naming the part; an empty spec or field may instead be called "empty", and a
Windows path "Windows".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


# given
@dataclass(frozen=True)
class Mount:
    """One mapping of storage into a container (given: complete as it is).

    Attributes:
        kind (str): ``"bind"`` (a host path) or ``"volume"`` (a volume Docker manages).
        source (str or None): the host path of a bind mount, the name of a named volume, or ``None`` for an
            anonymous volume (one Docker creates and names itself).
        target (str): the absolute path inside the container.
        read_only (bool): whether the container sees it read-only.

    Example:
        >>> Mount("volume", "pgdata", "/var/lib/postgresql/data")
        Mount(kind='volume', source='pgdata', target='/var/lib/postgresql/data', read_only=False)
    """

    kind: str
    source: str | None
    target: str
    read_only: bool = False


def parse_volume(spec: str) -> Mount:
    """Parse the value of ``docker run -v`` / ``--volume``: ``[SRC:]DST[:OPTS]``.

    Args:
        spec (str): ``SRC:DST``, ``SRC:DST:OPTS`` or just ``DST``. ``SRC`` is a bind mount when it starts
            with ``/``, ``.`` or ``~`` and a named volume otherwise (a name matches
            ``[A-Za-z0-9][A-Za-z0-9_.-]+``, as Docker requires); with no ``SRC`` the mount is an anonymous
            volume. ``DST`` must be absolute and not ``/``. ``OPTS`` is exactly one of ``ro`` and ``rw``.

    Returns:
        Mount: ``kind`` ``"bind"`` or ``"volume"``; ``source`` as written (``None`` for an anonymous volume);
        ``target`` as written; ``read_only`` ``True`` for ``ro``, else ``False``.

    Raises:
        TypeError: ``spec`` is not a string.
        ValueError: ``spec`` is empty, has more than three ``:``-separated parts, or starts with a Windows
            drive (``C:\\...``, ``C:/...``); ``source`` is empty or neither a path nor a valid volume name;
            ``target`` is not absolute or is ``/``; ``options`` is empty, unknown (anything but ``ro`` and
            ``rw``, Docker's ``z``, ``Z``, ``nocopy`` and propagation modes included) or holds more than one
            option. The message names the part at fault.

    Example:
        >>> parse_volume("/srv/data:/data:ro")
        Mount(kind='bind', source='/srv/data', target='/data', read_only=True)
        >>> parse_volume("pgdata:/var/lib/postgresql/data")
        Mount(kind='volume', source='pgdata', target='/var/lib/postgresql/data', read_only=False)
        >>> parse_volume("/scratch")
        Mount(kind='volume', source=None, target='/scratch', read_only=False)
    """
    raise NotImplementedError


def parse_mount(spec: str) -> Mount:
    """Parse the value of ``docker run --mount``: comma-separated ``key=value`` fields.

    Args:
        spec (str): fields in any order; keys (and the value of ``type``) in any case, as Docker allows:

            * ``type=bind`` or ``type=volume`` (the default when ``type`` is left out);
            * ``source=SRC`` or ``src=SRC``: a path (starting with ``/``, ``.`` or ``~``) for a bind mount,
              which needs one; a volume name (``[A-Za-z0-9][A-Za-z0-9_.-]+``) for a volume, where leaving it
              out makes an anonymous volume;
            * ``target=DST``, ``dst=DST`` or ``destination=DST``: required, absolute, not ``/``;
            * ``readonly`` or ``ro`` alone (read-only), or ``readonly=VALUE`` / ``ro=VALUE`` with ``VALUE``
              one of ``true``, ``1``, ``t``, ``false``, ``0``, ``f`` (any case).

            A key given twice keeps its last value (as in Docker). Values cannot contain commas (Docker's
            CSV quoting is not supported).

    Returns:
        Mount: the mount described; ``source`` and ``target`` exactly as written.

    Raises:
        TypeError: ``spec`` is not a string.
        ValueError: ``spec`` is empty or has an empty field (``a=1,,b=2``, a trailing comma); a key other
            than those above (Docker's ``bind-propagation``, ``volume-driver``, ``tmpfs-size`` ... included),
            named in the message; a key without ``=value`` other than ``readonly``/``ro``; an empty value
            (``source=``); ``type`` other than ``bind`` and ``volume``; a ``readonly`` value not listed above;
            a bind mount without ``source`` or whose source is not a path; a volume whose source is not a
            volume name; a missing, relative or root ``target``.

    Example:
        >>> parse_mount("type=bind,src=./config,dst=/etc/app,readonly")
        Mount(kind='bind', source='./config', target='/etc/app', read_only=True)
        >>> parse_mount("source=pgdata,target=/var/lib/postgresql/data")
        Mount(kind='volume', source='pgdata', target='/var/lib/postgresql/data', read_only=False)
    """
    raise NotImplementedError


def to_docker_args(mounts: Iterable[Mount]) -> list[str]:
    """The ``docker run`` arguments for some mounts, one ``--mount`` per mount.

    Args:
        mounts (iterable of Mount): in the order they should appear; any iterable (a list, a generator).

    Returns:
        list[str]: ``["--mount", SPEC, "--mount", SPEC, ...]``, two items per mount, where each ``SPEC`` is
        ``type=KIND,source=SOURCE,target=TARGET`` followed by ``,readonly`` for a read-only mount, and
        leaves out ``source=`` for an anonymous volume. ``parse_mount(SPEC)`` gives the mount back.

    Raises:
        TypeError: ``mounts`` is not iterable (a single ``Mount`` included) or holds something that is not a
            ``Mount`` (the message names ``mounts``), or a mount's ``read_only`` is not a bool (``1`` included;
            the message names ``read_only``).
        ValueError: a mount that ``parse_mount`` would refuse (the field at fault named in the message):
            ``kind`` other than ``bind``/``volume``, a source that does not fit the kind, a bind mount without
            source, a relative or root target, or a source or target containing a comma.

    Example:
        >>> to_docker_args([Mount("bind", "/srv/data", "/data", True), Mount("volume", None, "/cache", False)])
        ['--mount', 'type=bind,source=/srv/data,target=/data,readonly', '--mount', 'type=volume,target=/cache']
    """
    raise NotImplementedError
