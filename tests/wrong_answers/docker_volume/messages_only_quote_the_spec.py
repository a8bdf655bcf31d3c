"""Error messages only quote the whole spec ("could not parse ...") instead of naming the part at fault."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount
from solutions.docker_volume.docker_volume import parse_volume as _parse_volume

CAUGHT_BY = [
    "test_parse_mount_rejects_bad_specs[keys]",
    "test_parse_mount_rejects_bad_specs[type and readonly values]",
    "test_parse_volume_rejects_bad_specs[options]",
]


def parse_volume(spec):
    try:
        return _parse_volume(spec)
    except ValueError:
        raise ValueError(f"could not parse the -v value {spec!r}") from None


def parse_mount(spec):
    try:
        return _parse_mount(spec)
    except ValueError:
        raise ValueError(f"could not parse the --mount value {spec!r}") from None
