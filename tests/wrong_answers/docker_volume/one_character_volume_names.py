"""Takes the volume-name rule as one letter or digit followed by any number of others, so a one-character name passes (Docker needs two)."""

import re

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount
from solutions.docker_volume.docker_volume import parse_volume as _parse_volume

CAUGHT_BY = [
    "test_parse_volume_rejects_bad_specs[volume name rules]",
    "test_parse_mount_rejects_bad_specs[volume name rules]",
]

_ONE = re.compile(r"[A-Za-z0-9]")


def parse_volume(spec):
    windows = isinstance(spec, str) and re.match(r"[A-Za-z]:[\\/]", spec)
    if isinstance(spec, str) and not windows and len(spec.split(":")) in (2, 3) and _ONE.fullmatch(spec.split(":")[0]):
        m = _parse_volume("xx" + spec[1:])  # the rest checked as usual
        return Mount(m.kind, spec[0], m.target, m.read_only)  # noqa: F405
    return _parse_volume(spec)


def parse_mount(spec):
    if isinstance(spec, str):
        fields = spec.split(",")
        for i, field in enumerate(fields):
            key, eq, value = field.partition("=")
            if key.lower() in ("source", "src") and _ONE.fullmatch(value):
                m = _parse_mount(",".join(fields[:i] + [f"{key}=xx"] + fields[i + 1 :]))
                return Mount(m.kind, value, m.target, m.read_only)  # noqa: F405
    return _parse_mount(spec)
