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

import re
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


# Docker's own rule for volume names: a letter or digit, then at least one of letters, digits, "_", ".", "-".
_VOLUME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]+")
_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]")
_PATH_STARTS = ("/", ".", "~")


def _check_spec(spec: object) -> str:
    if not isinstance(spec, str):
        raise TypeError(f"spec: expected a string, got {type(spec).__name__} {spec!r}")
    if not spec:
        raise ValueError("spec: expected a mount specification, got an empty string")
    return spec


def _check_target(target: str, spec: str) -> str:
    if not target.startswith("/"):
        raise ValueError(f"target: expected an absolute path inside the container, got {target!r} (in {spec!r})")
    if set(target) == {"/"}:
        raise ValueError(f"target: cannot be the container's root '/' (in {spec!r})")
    return target


def _kind_of_source(source: str, spec: str) -> str:
    if not source:
        raise ValueError(f"source: expected a host path or a volume name, got an empty string (in {spec!r})")
    if source.startswith(_PATH_STARTS):
        return "bind"
    if _VOLUME_NAME.fullmatch(source):
        return "volume"
    raise ValueError(
        f"source: expected a host path (starting with /, . or ~) or a volume name "
        f"([A-Za-z0-9][A-Za-z0-9_.-]+), got {source!r} (in {spec!r})"
    )


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
    spec = _check_spec(spec)
    # Checked before splitting: "C:\\data:/data" splits into "C", "\\data", "/data" and would otherwise
    # fail later with a message about options that would only confuse.
    if _WINDOWS_PATH.match(spec):
        raise ValueError(f"spec: Windows paths are not supported (Linux syntax only), got {spec!r}")
    parts = spec.split(":")
    if len(parts) > 3:
        raise ValueError(f"spec: expected [SRC:]DST[:OPTS], got {len(parts)} ':'-separated parts in {spec!r}")
    if len(parts) == 1:
        return Mount("volume", None, _check_target(parts[0], spec), False)
    source, target = parts[0], parts[1]
    kind = _kind_of_source(source, spec)
    _check_target(target, spec)
    read_only = False
    if len(parts) == 3:
        options = parts[2].split(",")
        unknown = [o for o in options if o not in ("ro", "rw")]
        if not parts[2] or unknown:
            raise ValueError(
                f"options: expected ro or rw, got {parts[2]!r} (unknown option {unknown[0] if unknown else ''!r}) "
                f"in {spec!r}"
            )
        if len(options) > 1:
            raise ValueError(f"options: expected one of ro and rw, got {parts[2]!r} in {spec!r}")
        read_only = options[0] == "ro"
    return Mount(kind, source, target, read_only)


_SOURCE_KEYS = ("source", "src")
_TARGET_KEYS = ("target", "dst", "destination")
_READONLY_KEYS = ("readonly", "ro")
_TRUE, _FALSE = ("1", "true", "t"), ("0", "false", "f")


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
    spec = _check_spec(spec)
    kind, source, target, read_only = "volume", None, None, False
    for field in spec.split(","):
        if not field:
            raise ValueError(f"spec: empty field in {spec!r} (two commas in a row, or one at an end)")
        key, has_value, value = field.partition("=")
        key = key.lower()
        if not has_value and key not in _READONLY_KEYS:
            raise ValueError(f"{key}: expected {key}=value, got {field!r} in {spec!r}")
        if has_value and not value:
            raise ValueError(f"{key}: expected a value after '=', got an empty one in {spec!r}")
        if key == "type":
            kind = value.lower()
            if kind not in ("bind", "volume"):
                raise ValueError(f"type: expected 'bind' or 'volume', got {value!r} in {spec!r}")
        elif key in _SOURCE_KEYS:
            source = value
        elif key in _TARGET_KEYS:
            target = value
        elif key in _READONLY_KEYS:
            if not has_value or value.lower() in _TRUE:
                read_only = True
            elif value.lower() in _FALSE:
                read_only = False
            else:
                raise ValueError(f"{key}: expected true, false, 1 or 0, got {value!r} in {spec!r}")
        else:
            raise ValueError(
                f"{key}: unknown or unsupported key in {spec!r} "
                "(expected type, source/src, target/dst/destination, readonly/ro)"
            )
    if target is None:
        raise ValueError(f"target: missing; give target=, dst= or destination= in {spec!r}")
    _check_target(target, spec)
    # The kind comes from type=, so the source must fit it; -v infers the kind from the source instead.
    if kind == "bind":
        if source is None:
            raise ValueError(f"source: a bind mount needs source=HOST_PATH, got none in {spec!r}")
        if _kind_of_source(source, spec) != "bind":
            raise ValueError(f"source: a bind mount's source must be a host path (/, . or ~), got {source!r}")
    elif source is not None and _kind_of_source(source, spec) != "volume":
        raise ValueError(f"source: a volume's source must be a volume name, not a path, got {source!r}")
    return Mount(kind, source, target, read_only)


def _check_mount(m: object) -> Mount:
    if not isinstance(m, Mount):
        raise TypeError(f"mounts: expected Mount objects, got {type(m).__name__} {m!r}")
    if m.kind not in ("bind", "volume"):
        raise ValueError(f"kind: expected 'bind' or 'volume', got {m.kind!r} in {m!r}")
    if not isinstance(m.read_only, bool):
        raise TypeError(f"read_only: expected a bool, got {type(m.read_only).__name__} in {m!r}")
    for name, value in (("source", m.source), ("target", m.target)):
        if value is not None and (not isinstance(value, str) or "," in value):
            raise ValueError(f"{name}: expected a string without commas (--mount cannot quote), got {value!r}")
    if m.target is None:
        raise ValueError(f"target: missing in {m!r}")
    _check_target(m.target, repr(m))
    if m.source is None:
        if m.kind == "bind":
            raise ValueError(f"source: a bind mount needs a host path, got None in {m!r}")
    elif _kind_of_source(m.source, repr(m)) != m.kind:
        raise ValueError(f"source: {m.source!r} does not fit kind {m.kind!r} (a path is a bind, a name a volume)")
    return m


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
    try:
        items = list(mounts)
    except TypeError:
        raise TypeError(f"mounts: expected an iterable of Mount, got {type(mounts).__name__}") from None
    args: list[str] = []
    for m in items:
        _check_mount(m)
        fields = [f"type={m.kind}"]
        if m.source is not None:
            fields.append(f"source={m.source}")
        fields.append(f"target={m.target}")
        if m.read_only:
            fields.append("readonly")
        args += ["--mount", ",".join(fields)]
    return args
