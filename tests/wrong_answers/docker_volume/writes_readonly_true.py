"""to_docker_args writes readonly=true and leads with target=: it reads back right but is not the documented text."""

from solutions.docker_volume.docker_volume import *  # noqa: F403 - the rest is right
from solutions.docker_volume.docker_volume import _check_mount

CAUGHT_BY = ["test_to_docker_args_writes_the_documented_spec_text"]


def to_docker_args(mounts):
    args = []
    for m in list(mounts):
        _check_mount(m)
        fields = [f"target={m.target}", f"type={m.kind}"]
        if m.source is not None:
            fields.append(f"source={m.source}")
        if m.read_only:
            fields.append("readonly=true")
        args += ["--mount", ",".join(fields)]
    return args
