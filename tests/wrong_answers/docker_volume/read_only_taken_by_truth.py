"""to_docker_args writes a mount as read-only whenever read_only is truthy, so 1 or "yes" pass instead of raising TypeError."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import to_docker_args as _to_docker_args

CAUGHT_BY = ["test_to_docker_args_rejects_a_read_only_that_is_not_a_bool"]


def to_docker_args(mounts):
    fixed = []
    for m in list(mounts):
        if isinstance(m, Mount) and not isinstance(m.read_only, bool):  # noqa: F405
            m = Mount(m.kind, m.source, m.target, bool(m.read_only))  # noqa: F405
        fixed.append(m)
    return _to_docker_args(fixed)
