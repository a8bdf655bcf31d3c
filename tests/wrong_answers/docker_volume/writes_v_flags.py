"""to_docker_args writes -v SRC:DST[:ro] instead of the --mount form its docstring promises."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right

CAUGHT_BY = [
    "test_to_docker_args_writes_one_mount_flag_per_mount",
    "test_to_docker_args_round_trips_through_parse_mount",
]


def to_docker_args(mounts):
    args = []
    for m in mounts:
        spec = m.target if m.source is None else f"{m.source}:{m.target}"
        args += ["-v", spec + (":ro" if m.read_only else "")]
    return args
