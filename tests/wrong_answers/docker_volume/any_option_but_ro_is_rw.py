"""-v reads OPTS as "ro means read-only, anything else read-write": rx, z, "ro,rw" and "" pass silently."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_volume as _parse_volume

CAUGHT_BY = ["test_parse_volume_rejects_bad_specs[options]"]


def parse_volume(spec):
    if isinstance(spec, str) and spec.count(":") == 2 and not spec[:3].endswith((":\\", ":/")):
        head, _, opts = spec.rpartition(":")
        m = _parse_volume(head)
        return type(m)(m.kind, m.source, m.target, "ro" in opts.split(","))
    return _parse_volume(spec)
