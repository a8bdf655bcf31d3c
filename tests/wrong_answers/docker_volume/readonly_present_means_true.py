"""--mount sets read_only whenever a readonly/ro field is present, so readonly=false mounts read-only."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import parse_mount as _parse_mount

CAUGHT_BY = ["test_parse_mount_reads_real_specs[readonly forms]", "test_both_syntaxes_give_the_same_mount"]


def parse_mount(spec):
    m = _parse_mount(spec)
    keys = [f.partition("=")[0].lower() for f in spec.split(",")]
    if "readonly" in keys or "ro" in keys:
        return type(m)(m.kind, m.source, m.target, True)
    return m
