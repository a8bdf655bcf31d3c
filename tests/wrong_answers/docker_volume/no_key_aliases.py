"""--mount knows only source= and target=: src, dst and destination are "unknown keys"."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount

CAUGHT_BY = [
    "test_parse_mount_reads_real_specs[bind with key aliases]",
    "test_parse_mount_reads_real_specs[readonly forms]",
    "test_both_syntaxes_give_the_same_mount",
]


def parse_mount(spec):
    if isinstance(spec, str):
        for field in spec.split(","):
            key = field.partition("=")[0].lower()
            if key in ("src", "dst", "destination"):
                raise ValueError(f"{key}: unknown key in {spec!r}")
    return _parse_mount(spec)
