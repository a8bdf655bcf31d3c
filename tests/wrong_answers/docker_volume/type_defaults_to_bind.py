"""--mount without type= is taken as a bind mount; Docker's default is a volume."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount

CAUGHT_BY = ["test_parse_mount_reads_real_specs[volumes]", "test_both_syntaxes_give_the_same_mount"]


def parse_mount(spec):
    if isinstance(spec, str) and spec and not any(f.lower().startswith("type=") for f in spec.split(",")):
        spec = "type=bind," + spec
    return _parse_mount(spec)
