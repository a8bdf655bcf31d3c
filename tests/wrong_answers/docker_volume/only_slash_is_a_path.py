"""-v treats only SRC starting with "/" as a bind mount (the engine's old rule): ./config becomes a volume."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import Mount, _check_target

CAUGHT_BY = [
    "test_parse_volume_reads_real_specs[bind mounts]",
    "test_parse_volume_reads_real_specs[ro and rw]",
    "test_both_syntaxes_give_the_same_mount",
]


def parse_volume(spec):
    if not isinstance(spec, str):
        raise TypeError(f"spec: expected a string, got {type(spec).__name__}")
    if not spec:
        raise ValueError("spec: empty")
    if len(spec) > 2 and spec[1] == ":" and spec[2] in "\\/":
        raise ValueError("spec: Windows paths are not supported")
    parts = spec.split(":")
    if len(parts) > 3:
        raise ValueError(f"spec: too many parts in {spec!r}")
    if len(parts) == 1:
        return Mount("volume", None, _check_target(parts[0], spec))
    source, target = parts[0], parts[1]
    if not source:
        raise ValueError("source: empty")
    if not source.startswith("/") and (" " in source or "$" in source):
        raise ValueError(f"source: bad volume name {source!r}")
    _check_target(target, spec)
    read_only = False
    if len(parts) == 3:
        if parts[2] not in ("ro", "rw"):
            raise ValueError(f"options: expected ro or rw, got {parts[2]!r}")
        read_only = parts[2] == "ro"
    return Mount("bind" if source.startswith("/") else "volume", source, target, read_only)
