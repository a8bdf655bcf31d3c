"""-v splits on ":" without looking for a drive letter: C:\\data:/data fails with a puzzling message."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import Mount, _check_target, _kind_of_source

CAUGHT_BY = ["test_parse_volume_rejects_bad_specs[windows]"]


def parse_volume(spec):
    if not isinstance(spec, str):
        raise TypeError(f"spec: expected a string, got {type(spec).__name__}")
    if not spec:
        raise ValueError("spec: empty")
    parts = spec.split(":")
    if len(parts) > 3:
        raise ValueError(f"spec: too many parts in {spec!r}")
    if len(parts) == 1:
        return Mount("volume", None, _check_target(parts[0], spec))
    kind = _kind_of_source(parts[0], spec)
    _check_target(parts[1], spec)
    read_only = False
    if len(parts) == 3:
        if parts[2] not in ("ro", "rw"):
            raise ValueError(f"options: expected ro or rw, got {parts[2]!r}")
        read_only = parts[2] == "ro"
    return Mount(kind, parts[0], parts[1], read_only)
