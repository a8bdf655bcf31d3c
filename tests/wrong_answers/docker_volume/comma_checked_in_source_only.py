"""to_docker_args refuses a comma in the source but writes a target with a comma, which --mount then splits."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import to_docker_args as _to_docker_args

CAUGHT_BY = ["test_to_docker_args_rejects_a_comma_in_the_target"]


def to_docker_args(mounts):
    try:
        items = list(mounts)
    except TypeError:
        return _to_docker_args(mounts)  # its own message
    args = []
    for m in items:
        if isinstance(m, Mount) and isinstance(m.target, str) and "," in m.target:  # noqa: F405
            # Check everything else with the comma taken out, then write the target as it is.
            _to_docker_args([Mount(m.kind, m.source, m.target.replace(",", "_"), m.read_only)])  # noqa: F405
            spec = f"type={m.kind}" + (f",source={m.source}" if m.source is not None else "") + f",target={m.target}"
            args += ["--mount", spec + (",readonly" if m.read_only else "")]
        else:
            args += _to_docker_args([m])
    return args
