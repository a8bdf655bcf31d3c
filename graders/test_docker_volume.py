"""Grader for docker_volume: parse_volume (-v), parse_mount (--mount) and to_docker_args.

Expected values are tables of real ``docker run`` specs worked out by hand from Docker's documented syntax
(``-v [SRC:]DST[:ro|rw]``; ``--mount type=..,source|src=..,target|dst|destination=..,readonly|ro[=bool]``,
type defaulting to volume), the errors Docker itself gives for the same specs, and round trips:
``to_docker_args`` output is read back both by a small reference parser written here and by the learner's
own ``parse_mount``.
"""

from __future__ import annotations

import random

import pytest

from graders.helpers import assert_equal, assert_raises

# Tables of (spec, expected (kind, source, target, read_only), what the case shows), grouped so that each
# test covers one rule and fails on the first case that breaks it.
VOLUME_SPECS = {
    "bind mounts": [
        ("/srv/data:/data", ("bind", "/srv/data", "/data", False), "absolute host path"),
        ("./config:/etc/app", ("bind", "./config", "/etc/app", False), "relative path with ./"),
        ("../shared:/shared", ("bind", "../shared", "/shared", False), "relative path with ../"),
        (".:/work", ("bind", ".", "/work", False), "the current directory"),
        ("~/cache:/root/.cache", ("bind", "~/cache", "/root/.cache", False), "home directory, kept unexpanded"),
        ("/host dir/x:/data", ("bind", "/host dir/x", "/data", False), "a space in the host path"),
    ],
    "named volumes": [
        ("pgdata:/var/lib/postgresql/data", ("volume", "pgdata", "/var/lib/postgresql/data", False), "named"),
        ("my_vol-1.2:/data", ("volume", "my_vol-1.2", "/data", False), "name with _ - ."),
        ("2024logs:/logs", ("volume", "2024logs", "/logs", False), "name starting with a digit"),
    ],
    "anonymous volume": [
        ("/scratch", ("volume", None, "/scratch", False), "DST only"),
        ("/var/lib/mysql", ("volume", None, "/var/lib/mysql", False), "DST only, deeper"),
    ],
    "ro and rw": [
        ("/srv/data:/data:ro", ("bind", "/srv/data", "/data", True), "read-only bind"),
        ("/srv/data:/data:rw", ("bind", "/srv/data", "/data", False), "explicit rw"),
        ("./config:/etc/app:ro", ("bind", "./config", "/etc/app", True), "read-only relative bind"),
        ("my_vol-1.2:/data:ro", ("volume", "my_vol-1.2", "/data", True), "read-only named volume"),
        ("pgdata:/pg:rw", ("volume", "pgdata", "/pg", False), "rw named volume"),
    ],
}

# (spec, what the message must mention (a regular expression, any case), what is wrong), grouped by the part
# at fault. The docstrings promise that a message names the part at fault (spec, source, target, options or
# the --mount key); "empty" and "windows" are accepted too, as plain-language names of what is wrong.
VOLUME_ERRORS = {
    "target": [
        ("pgdata:data", "target", "relative target"),
        ("data", "target", "relative anonymous target"),
        ("/data:ro", "target", "mode without a source"),
        ("/srv/data:/", "target", "target is the root"),
    ],
    "source": [
        (":/data", "source", "empty source"),
        ("my volume:/data", "source", "space in a volume name"),
        ("$HOME:/data", "source", "neither a path nor a name"),
    ],
    "options": [
        ("/a:/b:rx", "option", "unknown option"),
        ("/a:/b:z", "option", "SELinux label, not supported"),
        ("/a:/b:nocopy", "option", "nocopy, not supported"),
        ("/a:/b:ro,rw", "option", "two access modes"),
        ("/a:/b:ro,ro", "option", "ro twice"),
        ("/a:/b:", "option", "empty options"),
    ],
    "spec": [
        ("", "empty|spec", "empty spec"),
        ("/a:/b:ro:extra", "spec", "four parts"),
    ],
    # parse_volume's docstring lists a Windows drive under spec; a message about the source "C" (the drive
    # letter read as a volume name) blames the wrong part.
    "windows": [
        ("C:\\data:/data", "windows|spec", "Windows path with backslash"),
        ("C:/data:/data", "windows|spec", "Windows path with slash"),
        ("d:\\x\\y:/y:ro", "windows|spec", "lower-case drive letter"),
    ],
}

MOUNT_SPECS = {
    "bind with key aliases": [
        ("type=bind,source=/srv/data,target=/data", ("bind", "/srv/data", "/data", False), "source, target"),
        ("type=bind,src=/srv/data,dst=/data", ("bind", "/srv/data", "/data", False), "src, dst"),
        ("type=bind,source=./cfg,destination=/etc/app", ("bind", "./cfg", "/etc/app", False), "destination"),
        ("type=bind,source=~/x,target=/x", ("bind", "~/x", "/x", False), "home directory"),
    ],
    "volumes": [
        ("type=volume,source=pgdata,target=/var/lib/pg", ("volume", "pgdata", "/var/lib/pg", False), "named"),
        ("source=pgdata,target=/var/lib/pg", ("volume", "pgdata", "/var/lib/pg", False), "type defaults to volume"),
        ("type=volume,target=/cache", ("volume", None, "/cache", False), "anonymous volume"),
        ("target=/cache", ("volume", None, "/cache", False), "anonymous volume, no type"),
    ],
    "readonly forms": [
        ("type=bind,src=/srv/data,dst=/data,readonly", ("bind", "/srv/data", "/data", True), "readonly"),
        ("type=bind,source=./cfg,destination=/etc/app,ro", ("bind", "./cfg", "/etc/app", True), "ro"),
        ("target=/cache,readonly", ("volume", None, "/cache", True), "anonymous read-only"),
        ("type=volume,src=logs,dst=/var/log,readonly=true", ("volume", "logs", "/var/log", True), "readonly=true"),
        ("type=bind,source=/a,target=/b,readonly=false", ("bind", "/a", "/b", False), "readonly=false"),
        ("type=bind,source=/a,target=/b,ro=1", ("bind", "/a", "/b", True), "ro=1"),
        ("type=bind,source=/a,target=/b,readonly=0", ("bind", "/a", "/b", False), "readonly=0"),
        ("type=bind,source=/a,target=/b,readonly=FALSE", ("bind", "/a", "/b", False), "readonly=FALSE"),
    ],
    "order, case and repeats": [
        ("target=/b,type=bind,source=/a", ("bind", "/a", "/b", False), "fields in another order"),
        ("readonly,dst=/b,src=pgdata", ("volume", "pgdata", "/b", True), "readonly first"),
        ("Type=BIND,Source=/a,Target=/b", ("bind", "/a", "/b", False), "keys and type in another case"),
        ("type=bind,source=/a,target=/b,readonly,readonly=false", ("bind", "/a", "/b", False), "last value wins"),
    ],
}

MOUNT_ERRORS = {
    "target": [
        ("type=bind,source=/a", "target", "no target"),
        ("type=volume,source=pgdata", "target", "no target for a volume"),
        ("type=bind,source=/a,target=rel", "target", "relative target"),
        ("type=bind,source=/a,target=/", "target", "root target"),
        ("type=bind,source=/a,target", "target", "target without a value"),
    ],
    "source": [
        ("type=bind,target=/data", "source", "bind without a source"),
        ("type=bind,source=data,target=/b", "source", "bind source is a name"),
        ("type=volume,source=/srv/data,target=/b", "source", "volume source is a path"),
        ("type=bind,source=,target=/b", "source", "empty value"),
        ("type=bind,source=C:\\data,target=/data", "source", "Windows source"),
    ],
    "type and readonly values": [
        ("type=tmpfs,target=/t", "type", "tmpfs"),
        ("type=npipe,source=/a,target=/b", "type", "npipe"),
        ("type=bind,source=/a,target=/b,readonly=yes", "readonly", "readonly=yes"),
        ("type=bind,source=/a,target=/b,ro=2", "ro", "ro=2"),
    ],
    "keys": [
        ("type=bind,source=/a,target=/b,bind-propagation=rshared", "bind-propagation", "unsupported Docker key"),
        ("type=volume,source=v1,target=/b,volume-driver=local", "volume-driver", "unsupported Docker key"),
        ("type=bind,source=/a,target=/b,colour=red", "colour", "unknown key"),
    ],
    "empty spec or fields": [
        ("", "empty|spec", "empty spec"),
        ("type=bind,source=/a,target=/b,", "empty|spec", "trailing comma"),
        ("type=bind,,source=/a,target=/b", "empty|spec", "two commas in a row"),
    ],
}

# (the -v spec, the --mount spec of the same mount, what the case shows)
SAME_MOUNT = [
    ("/srv/data:/data", "type=bind,source=/srv/data,target=/data", "bind"),
    ("/srv/data:/data:ro", "type=bind,src=/srv/data,dst=/data,readonly", "read-only bind"),
    ("./a:/a:rw", "type=bind,source=./a,target=/a,readonly=false", "relative bind"),
    ("pgdata:/pg", "source=pgdata,target=/pg", "named volume"),
    ("pgdata:/pg:ro", "type=volume,source=pgdata,destination=/pg,ro", "read-only named volume"),
    ("/scratch", "type=volume,target=/scratch", "anonymous volume"),
]


def fields(m) -> tuple:
    return (m.kind, m.source, m.target, m.read_only)


def check_mount(learner, got, expected: tuple, call: str) -> None:
    if not isinstance(got, learner.Mount):
        raise AssertionError(f"{call}\n  returned {type(got).__name__} {got!r}, expected a Mount")
    assert_equal(fields(got), expected, call=call, what="(kind, source, target, read_only)")
    if not isinstance(got.read_only, bool):
        raise AssertionError(
            f"{call}\n  read_only is {type(got.read_only).__name__} {got.read_only!r}, expected a bool"
        )


def reference_parse_mount(spec: str) -> tuple:
    """Docker's --mount syntax, as much of it as this exercise uses, read independently of the learner."""
    kind, source, target, read_only = "volume", None, None, False
    for field in spec.split(","):
        key, eq, value = field.partition("=")
        key = key.lower()
        if key == "type":
            kind = value.lower()
        elif key in ("source", "src"):
            source = value
        elif key in ("target", "dst", "destination"):
            target = value
        elif key in ("readonly", "ro"):
            read_only = (not eq) or value.lower() in ("1", "true", "t")
        else:
            raise AssertionError(f"unexpected field {field!r} in --mount spec {spec!r}")
    return (kind, source, target, read_only)


def random_mounts(learner, n: int, seed: int) -> list:
    rng = random.Random(seed)
    paths = ["/srv/data", "./config", "../up/dir", "~/cache", ".", "/var/lib/app-1.2", "/with space/x", "/a/b/c/d"]
    names = ["pgdata", "logs_2024", "v1", "cache-vol", "a.b.c", "99problems"]
    targets = ["/data", "/etc/app", "/var/lib/postgresql/data", "/x", "/deep/inside/the/box", "/with space"]
    out = []
    for _ in range(n):
        kind = rng.choice(["bind", "volume", "volume"])
        if kind == "bind":
            source = rng.choice(paths)
        else:
            source = rng.choice(names + [None])
        out.append(learner.Mount(kind, source, rng.choice(targets), rng.random() < 0.4))
    return out


# ------------------------------------------------------------------------------------------- -v


@pytest.mark.points(2)
@pytest.mark.parametrize("group", list(VOLUME_SPECS))
def test_parse_volume_reads_real_specs(learner, group):
    for spec, expected, case in VOLUME_SPECS[group]:
        check_mount(learner, learner.parse_volume(spec), expected, f"parse_volume({spec!r})  [{case}]")


@pytest.mark.parametrize("group", list(VOLUME_ERRORS))
def test_parse_volume_rejects_bad_specs(learner, group):
    for spec, match, case in VOLUME_ERRORS[group]:
        assert_raises(ValueError, learner.parse_volume, spec, match=match, call=f"parse_volume({spec!r})  [{case}]")


def test_parse_volume_rejects_what_is_not_a_string(learner):
    for spec in (None, b"/a:/b", ["/a", "/b"]):
        assert_raises(TypeError, learner.parse_volume, spec, match="spec", call=f"parse_volume({spec!r})")


# ------------------------------------------------------------------------------------------- --mount


@pytest.mark.points(2)
@pytest.mark.parametrize("group", list(MOUNT_SPECS))
def test_parse_mount_reads_real_specs(learner, group):
    for spec, expected, case in MOUNT_SPECS[group]:
        check_mount(learner, learner.parse_mount(spec), expected, f"parse_mount({spec!r})  [{case}]")


@pytest.mark.parametrize("group", list(MOUNT_ERRORS))
def test_parse_mount_rejects_bad_specs(learner, group):
    for spec, match, case in MOUNT_ERRORS[group]:
        assert_raises(ValueError, learner.parse_mount, spec, match=match, call=f"parse_mount({spec!r})  [{case}]")


def test_parse_mount_rejects_what_is_not_a_string(learner):
    for spec in (42, None, b"target=/b"):
        assert_raises(TypeError, learner.parse_mount, spec, match="spec", call=f"parse_mount({spec!r})")


def test_both_syntaxes_give_the_same_mount(learner):
    for volume_spec, mount_spec, case in SAME_MOUNT:
        a = learner.parse_volume(volume_spec)
        b = learner.parse_mount(mount_spec)
        if a != b:
            raise AssertionError(
                f"parse_volume({volume_spec!r}) gave {fields(a)}\n  parse_mount({mount_spec!r}) gave {fields(b)}\n"
                f"  both describe the same mount ({case}) and should be equal"
            )


# ------------------------------------------------------------------------------------------- to_docker_args


@pytest.mark.points(2)
def test_to_docker_args_writes_one_mount_flag_per_mount(learner):
    seed = 5
    mounts = random_mounts(learner, 25, seed)
    args = learner.to_docker_args(mounts)
    call = "to_docker_args(25 mounts)"
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise AssertionError(f"{call}  (seed {seed})\n  returned {args!r:.200}, expected a list of strings")
    assert_equal(len(args), 50, call=call, seed=seed, what="number of arguments")
    assert_equal(args[0::2], ["--mount"] * 25, call=call, seed=seed, what="flags (every other argument)")
    got = [reference_parse_mount(spec) for spec in args[1::2]]
    assert_equal(got, [fields(m) for m in mounts], call=call + ", each spec read back", seed=seed)


@pytest.mark.points(2)
def test_to_docker_args_round_trips_through_parse_mount(learner):
    seed = 2
    mounts = random_mounts(learner, 60, seed)
    args = learner.to_docker_args(mounts)
    back = [learner.parse_mount(spec) for spec in args[1::2]]
    first = next((i for i, (a, b) in enumerate(zip(back, mounts, strict=False)) if a != b), None)
    if len(back) != len(mounts) or first is not None:
        where = (
            f"first difference at mount {first}: {fields(back[first])} vs {fields(mounts[first])}"
            if first is not None
            else ""
        )
        raise AssertionError(
            f"[parse_mount(s) for s in to_docker_args(mounts)[1::2]] != mounts  (60 random mounts, seed {seed})\n"
            f"  got {len(back)} mounts back; {where}"
        )


def test_to_docker_args_of_no_mounts_is_empty(learner):
    assert_equal(learner.to_docker_args([]), [], call="to_docker_args([])")


def test_to_docker_args_accepts_a_generator(learner):
    mounts = [learner.Mount("bind", "/a", "/b", True), learner.Mount("volume", "v1", "/v", False)]
    args = learner.to_docker_args(m for m in mounts)
    assert_equal(
        [reference_parse_mount(s) for s in args[1::2]], [fields(m) for m in mounts], call="to_docker_args(a generator)"
    )


UNWRITABLE = [
    (("tmpfs", None, "/t", False), "kind", "tmpfs"),
    (("bind", "/a", "rel", False), "target", "relative target"),
    (("bind", "/a", "/", False), "target", "root target"),
    (("bind", None, "/b", False), "source", "bind without source"),
    (("volume", "/srv/data", "/b", False), "source", "volume with a path"),
    (("bind", "/a,b", "/b", False), "source", "comma in source"),
]


def test_to_docker_args_rejects_mounts_it_cannot_write(learner):
    for mount, match, case in UNWRITABLE:
        m = learner.Mount(*mount)
        call = f"to_docker_args([Mount{mount}])  [{case}]"
        assert_raises(ValueError, learner.to_docker_args, [m], match=match, call=call)


def test_to_docker_args_rejects_what_is_not_a_mount(learner):
    assert_raises(
        TypeError,
        learner.to_docker_args,
        [("bind", "/a", "/b", False)],
        match="mounts",
        call="to_docker_args([('bind', '/a', '/b', False)])",
    )
