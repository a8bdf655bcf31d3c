"""Neither parser nor to_docker_args checks DST: relative targets and "/" itself are accepted."""

import re

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import Mount

CAUGHT_BY = [
    "test_parse_volume_rejects_bad_specs[target]",
    "test_parse_mount_rejects_bad_specs[target]",
    "test_to_docker_args_rejects_mounts_it_cannot_write",
]


def _kind(source):
    if not source:
        raise ValueError("source: empty")
    if source.startswith(("/", ".", "~")):
        return "bind"
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]+", source):
        return "volume"
    raise ValueError(f"source: neither a path nor a volume name: {source!r}")


def parse_volume(spec):
    if not isinstance(spec, str):
        raise TypeError(f"spec: expected a string, got {type(spec).__name__}")
    if not spec:
        raise ValueError("spec: empty")
    if re.match(r"[A-Za-z]:[\\/]", spec):
        raise ValueError("spec: Windows paths are not supported")
    parts = spec.split(":")
    if len(parts) > 3:
        raise ValueError(f"spec: too many parts in {spec!r}")
    if len(parts) == 1:
        return Mount("volume", None, spec)
    read_only = False
    if len(parts) == 3:
        if parts[2] not in ("ro", "rw"):
            raise ValueError(f"options: expected ro or rw, got {parts[2]!r}")
        read_only = parts[2] == "ro"
    return Mount(_kind(parts[0]), parts[0], parts[1], read_only)


def parse_mount(spec):
    if not isinstance(spec, str):
        raise TypeError(f"spec: expected a string, got {type(spec).__name__}")
    if not spec:
        raise ValueError("spec: empty")
    kind, source, target, read_only = "volume", None, None, False
    for field in spec.split(","):
        if not field:
            raise ValueError("spec: empty field")
        key, eq, value = field.partition("=")
        key = key.lower()
        if eq and not value:
            raise ValueError(f"{key}: empty value")
        if key == "type" and value.lower() in ("bind", "volume"):
            kind = value.lower()
        elif key in ("source", "src") and eq:
            source = value
        elif key in ("target", "dst", "destination"):
            target = value
        elif key in ("readonly", "ro") and value.lower() in ("", "1", "t", "true", "0", "f", "false"):
            read_only = value.lower() in ("", "1", "t", "true")
        else:
            raise ValueError(f"{key}: unknown key or bad value in {spec!r}")
    if kind == "bind" and (source is None or _kind(source) != "bind"):
        raise ValueError("source: a bind mount needs a host path")
    if kind == "volume" and source is not None and _kind(source) != "volume":
        raise ValueError("source: a volume needs a name")
    return Mount(kind, source, target or "", read_only)


def to_docker_args(mounts):
    args = []
    for m in mounts:
        if not isinstance(m, Mount):
            raise TypeError(f"mounts: expected Mount objects, got {type(m).__name__}")
        if m.kind not in ("bind", "volume"):
            raise ValueError(f"kind: expected bind or volume, got {m.kind!r}")
        if (m.source is None and m.kind == "bind") or (m.source is not None and "," in m.source):
            raise ValueError(f"source: cannot write {m.source!r} for a {m.kind}")
        if m.source is not None and _kind(m.source) != m.kind:
            raise ValueError(f"source: {m.source!r} does not fit {m.kind!r}")
        fields = [f"type={m.kind}"] + ([f"source={m.source}"] if m.source is not None else []) + [f"target={m.target}"]
        args += ["--mount", ",".join(fields + (["readonly"] if m.read_only else []))]
    return args
