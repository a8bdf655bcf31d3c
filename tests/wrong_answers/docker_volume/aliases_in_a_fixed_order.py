"""--mount reads each key's aliases in a fixed order (source before src, target before dst), so when a key comes twice under two names the last one does not win."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount

CAUGHT_BY = ["test_parse_mount_reads_real_specs[repeats through aliases]"]


def parse_mount(spec):
    m = _parse_mount(spec)
    values = {}
    for field in spec.split(","):
        key, eq, value = field.partition("=")
        values.setdefault(key.lower(), (eq, value))
    source = next((values[k][1] for k in ("source", "src") if k in values), m.source)
    target = next((values[k][1] for k in ("target", "dst", "destination") if k in values), m.target)
    ro = next((k for k in ("readonly", "ro") if k in values), None)
    read_only = m.read_only if ro is None else (not values[ro][0] or values[ro][1].lower() in ("1", "true", "t"))
    return type(m)(m.kind, source, target, read_only)
