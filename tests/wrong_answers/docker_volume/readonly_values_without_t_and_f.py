"""--mount's readonly value knows true, false, 1 and 0 but not the documented t and f."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount

CAUGHT_BY = ["test_parse_mount_reads_real_specs[readonly t and f]"]


def parse_mount(spec):
    if isinstance(spec, str):
        for field in spec.split(","):
            key, eq, value = field.partition("=")
            if key.lower() in ("readonly", "ro") and eq and value.lower() in ("t", "f"):
                raise ValueError(f"{key}: expected true, false, 1 or 0, got {value!r} in {spec!r}")
    return _parse_mount(spec)
