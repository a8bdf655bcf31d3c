"""to_docker_args loops over mounts without checking it is iterable, so a single Mount fails with Python's own message, which never names mounts."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import _check_mount

CAUGHT_BY = ["test_to_docker_args_rejects_mounts_that_are_not_iterable"]


def to_docker_args(mounts):
    args = []
    for m in mounts:  # TypeError: 'Mount' object is not iterable
        _check_mount(m)
        fields = [f"type={m.kind}"]
        if m.source is not None:
            fields.append(f"source={m.source}")
        fields.append(f"target={m.target}")
        if m.read_only:
            fields.append("readonly")
        args += ["--mount", ",".join(fields)]
    return args
