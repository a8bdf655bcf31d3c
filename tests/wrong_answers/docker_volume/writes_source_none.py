"""to_docker_args writes source=None for an anonymous volume, which reads back as a volume named "None"."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import _check_mount

CAUGHT_BY = [
    "test_to_docker_args_writes_one_mount_flag_per_mount",
    "test_to_docker_args_round_trips_through_parse_mount",
]


def to_docker_args(mounts):
    args = []
    for m in mounts:
        _check_mount(m)
        spec = f"type={m.kind},source={m.source},target={m.target}"
        args += ["--mount", spec + (",readonly" if m.read_only else "")]
    return args
