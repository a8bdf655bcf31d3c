"""Grader for docker_volume: parse_volume (-v), parse_mount (--mount) and to_docker_args.

Expected values are tables of real ``docker run`` specs worked out by hand from Docker's documented syntax
(``-v [SRC:]DST[:ro|rw]``; ``--mount type=..,source|src=..,target|dst|destination=..,readonly|ro[=bool]``,
type defaulting to volume), the errors Docker itself gives for the same specs, and round trips:
``to_docker_args`` output is read back both by a small reference parser written here and by the learner's
own ``parse_mount``.

Promises and the tests that hold them:
- -v: a path source (/, . or ~) is a bind mount, kept unexpanded -> test_parse_volume_reads_real_specs[bind mounts]
- -v: any other source is a named volume -> test_parse_volume_reads_real_specs[named volumes]
- -v: DST alone is an anonymous volume (source None) -> test_parse_volume_reads_real_specs[anonymous volume]
- -v: ro is read-only, rw (the default) read-write -> test_parse_volume_reads_real_specs[ro and rw]
- -v: errors name the part at fault (target, source, options, spec), Windows drives refused ->
  test_parse_volume_rejects_bad_specs
- volume names match [A-Za-z0-9][A-Za-z0-9_.-]+ (two characters at least) ->
  test_parse_volume_rejects_bad_specs[volume name rules], test_parse_mount_rejects_bad_specs[volume name rules]
- TypeError naming spec when it is not a string -> test_parse_volume_rejects_what_is_not_a_string,
  test_parse_mount_rejects_what_is_not_a_string
- --mount: key aliases, type defaulting to volume, anonymous volumes -> test_parse_mount_reads_real_specs
- --mount: readonly/ro alone or =true|1|t|false|0|f in any case -> test_parse_mount_reads_real_specs[readonly forms],
  test_parse_mount_reads_real_specs[readonly t and f]
- --mount: any field order, keys and type in any case, last value wins ->
  test_parse_mount_reads_real_specs[order, case and repeats]
- --mount: last value wins across aliases (src after source) ->
  test_parse_mount_reads_real_specs[repeats through aliases]
- --mount: errors name the part or key at fault -> test_parse_mount_rejects_bad_specs
- a message names the part in its own words, not by quoting the whole spec -> assert_raises_naming in every
  rejection test
- both syntaxes give the same Mount -> test_both_syntaxes_give_the_same_mount
- to_docker_args: two items per mount, --mount SPEC that reads back ->
  test_to_docker_args_writes_one_mount_flag_per_mount, test_to_docker_args_round_trips_through_parse_mount
- to_docker_args: the documented text (type=,source=,target=[,readonly], no source= when anonymous) ->
  test_to_docker_args_writes_the_documented_spec_text
- to_docker_args: any iterable, empty gives [] -> test_to_docker_args_accepts_a_generator,
  test_to_docker_args_of_no_mounts_is_empty
- to_docker_args: TypeError naming mounts (not iterable, a single Mount, not a Mount) ->
  test_to_docker_args_rejects_mounts_that_are_not_iterable, test_to_docker_args_rejects_what_is_not_a_mount
- to_docker_args: TypeError naming read_only unless a bool -> test_to_docker_args_rejects_a_read_only_that_is_not_a_bool
- to_docker_args: ValueError naming the field for what parse_mount would refuse ->
  test_to_docker_args_rejects_mounts_it_cannot_write, test_to_docker_args_rejects_a_comma_in_the_target
"""

from __future__ import annotations

import random
import re

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

# (spec, what the message must name (a regular expression, any case, matched as a word), what is wrong),
# grouped by the part at fault. The docstrings promise that a message names the part at fault (spec, source,
# target, options or the --mount key), not merely by quoting the spec; an empty spec or field may be called
# "empty" and a Windows path "Windows" instead.
SPEC = r"\bspec\b"
EMPTY_OR_SPEC = r"\bempty\b|\bspec\b"
WINDOWS_OR_SPEC = r"\bwindows\b|\bspec\b"
VOLUME_ERRORS = {
    "target": [
        ("pgdata:data", r"\btarget\b", "relative target"),
        ("data", r"\btarget\b", "relative anonymous target"),
        ("/data:ro", r"\btarget\b", "mode without a source"),
        ("/srv/data:/", r"\btarget\b", "target is the root"),
    ],
    "source": [
        (":/data", r"\bsource\b", "empty source"),
        ("my volume:/data", r"\bsource\b", "space in a volume name"),
        ("$HOME:/data", r"\bsource\b", "neither a path nor a name"),
    ],
    # [A-Za-z0-9][A-Za-z0-9_.-]+ : at least two characters, the first a letter or digit. (A one-letter name
    # before ":/" reads as a Windows drive, so the one-character case here is a digit.)
    "volume name rules": [
        ("7:/data", r"\bsource\b", "one-character volume name"),
        ("_cache:/data", r"\bsource\b", "name starting with _"),
        ("-v1:/data", r"\bsource\b", "name starting with -"),
    ],
    "options": [
        ("/a:/b:rx", r"\boptions?\b", "unknown option"),
        ("/a:/b:z", r"\boptions?\b", "SELinux label, not supported"),
        ("/a:/b:nocopy", r"\boptions?\b", "nocopy, not supported"),
        ("/a:/b:rshared", r"\boptions?\b", "propagation, not supported"),
        ("/a:/b:ro,rw", r"\boptions?\b", "two access modes"),
        ("/a:/b:ro,ro", r"\boptions?\b", "ro twice"),
        ("/a:/b:", r"\boptions?\b", "empty options"),
    ],
    "spec": [
        ("", EMPTY_OR_SPEC, "empty spec"),
        ("/a:/b:ro:extra", SPEC, "four parts"),
    ],
    # parse_volume's docstring lists a Windows drive under spec; a message about the source "C" (the drive
    # letter read as a volume name) blames the wrong part.
    "windows": [
        ("C:\\data:/data", WINDOWS_OR_SPEC, "Windows path with backslash"),
        ("C:/data:/data", WINDOWS_OR_SPEC, "Windows path with slash"),
        ("d:\\x\\y:/y:ro", WINDOWS_OR_SPEC, "lower-case drive letter"),
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
    "readonly t and f": [
        ("type=bind,source=/a,target=/b,readonly=t", ("bind", "/a", "/b", True), "readonly=t"),
        ("type=bind,source=/a,target=/b,ro=F", ("bind", "/a", "/b", False), "ro=F"),
        ("type=bind,source=/a,target=/b,ro,readonly=f", ("bind", "/a", "/b", False), "readonly=f after ro"),
    ],
    # "A key given twice keeps its last value": an alias is the same key.
    "repeats through aliases": [
        ("type=bind,source=/a,src=/c,target=/b", ("bind", "/c", "/b", False), "src after source"),
        ("type=bind,src=/a,source=/c,target=/b", ("bind", "/c", "/b", False), "source after src"),
        ("type=bind,source=/a,target=/x,dst=/y", ("bind", "/a", "/y", False), "dst after target"),
        ("destination=/x,target=/y,source=v1", ("volume", "v1", "/y", False), "target after destination"),
        ("type=bind,source=/a,target=/b,readonly,ro=0", ("bind", "/a", "/b", False), "ro=0 after readonly"),
    ],
}

MOUNT_ERRORS = {
    "target": [
        ("type=bind,source=/a", r"\btarget\b", "no target"),
        ("type=volume,source=pgdata", r"\btarget\b", "no target for a volume"),
        ("type=bind,source=/a,target=rel", r"\btarget\b", "relative target"),
        ("type=bind,source=/a,target=/", r"\btarget\b", "root target"),
        ("type=bind,source=/a,target", r"\btarget\b", "target without a value"),
    ],
    "source": [
        ("type=bind,target=/data", r"\bsource\b", "bind without a source"),
        ("type=bind,source=data,target=/b", r"\bsource\b", "bind source is a name"),
        ("type=volume,source=/srv/data,target=/b", r"\bsource\b", "volume source is a path"),
        ("type=bind,source=,target=/b", r"\bsource\b", "empty value"),
        ("type=bind,source=C:\\data,target=/data", r"\bsource\b", "Windows source"),
    ],
    "volume name rules": [
        ("type=volume,source=v,target=/b", r"\bsource\b", "one-character volume name"),
        ("src=.hidden-not-a-path,dst=/b,type=volume", r"\bsource\b|\bsrc\b", "a path given as a volume"),
        ("type=volume,source=_v1,target=/b", r"\bsource\b", "name starting with _"),
    ],
    "type and readonly values": [
        ("type=tmpfs,target=/t", r"\btype\b", "tmpfs"),
        ("type=npipe,source=/a,target=/b", r"\btype\b", "npipe"),
        ("type=bind,source=/a,target=/b,readonly=yes", r"\breadonly\b", "readonly=yes"),
        ("type=bind,source=/a,target=/b,ro=2", r"\bro\b", "ro=2"),
    ],
    "keys": [
        ("type=bind,source=/a,target=/b,bind-propagation=rshared", r"\bbind-propagation\b", "unsupported Docker key"),
        ("type=volume,source=v1,target=/b,volume-driver=local", r"\bvolume-driver\b", "unsupported Docker key"),
        ("type=bind,source=/a,target=/b,colour=red", r"\bcolour\b", "unknown key"),
    ],
    "empty spec or fields": [
        ("", EMPTY_OR_SPEC, "empty spec"),
        ("type=bind,source=/a,target=/b,", EMPTY_OR_SPEC, "trailing comma"),
        ("type=bind,,source=/a,target=/b", EMPTY_OR_SPEC, "two commas in a row"),
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


def assert_raises_naming(exc_type, fn, arg, pattern: str, *, call: str, quoted=None) -> None:
    """``fn(arg)`` raises ``exc_type`` whose message matches ``pattern`` outside any quotation of ``quoted``
    (the whole spec or mount, which names every part and so says nothing about which one is at fault)."""
    exc = assert_raises(exc_type, fn, arg, call=call)
    message = str(exc)
    rest = message
    for text in [quoted] if isinstance(quoted, str) else list(quoted or []):
        if text:
            rest = rest.replace(repr(repr(text)), " ").replace(repr(text), " ").replace(text, " ")
    if not re.search(pattern, rest, flags=re.IGNORECASE):
        wanted = " or ".join(repr(w) for w in re.findall(r"\\b([^\\|]+?)\\b", pattern)) or repr(pattern)
        raise AssertionError(
            f"{call}\n  raised {type(exc).__name__}({message!r}), as it should, but the message should name "
            f"{wanted} (the part at fault) in its own words: quoting the whole spec does not say which part is wrong"
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
        call = f"parse_volume({spec!r})  [{case}]"
        assert_raises_naming(ValueError, learner.parse_volume, spec, match, call=call, quoted=spec)


def test_parse_volume_rejects_what_is_not_a_string(learner):
    for spec in (None, b"/a:/b", ["/a", "/b"]):
        assert_raises_naming(TypeError, learner.parse_volume, spec, SPEC, call=f"parse_volume({spec!r})")


# ------------------------------------------------------------------------------------------- --mount


@pytest.mark.points(2)
@pytest.mark.parametrize("group", list(MOUNT_SPECS))
def test_parse_mount_reads_real_specs(learner, group):
    for spec, expected, case in MOUNT_SPECS[group]:
        check_mount(learner, learner.parse_mount(spec), expected, f"parse_mount({spec!r})  [{case}]")


@pytest.mark.parametrize("group", list(MOUNT_ERRORS))
def test_parse_mount_rejects_bad_specs(learner, group):
    for spec, match, case in MOUNT_ERRORS[group]:
        call = f"parse_mount({spec!r})  [{case}]"
        assert_raises_naming(ValueError, learner.parse_mount, spec, match, call=call, quoted=spec)


def test_parse_mount_rejects_what_is_not_a_string(learner):
    for spec in (42, None, b"target=/b"):
        assert_raises_naming(TypeError, learner.parse_mount, spec, SPEC, call=f"parse_mount({spec!r})")


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
    (("tmpfs", None, "/t", False), r"\bkind\b", "tmpfs"),
    (("bind", "/a", "rel", False), r"\btarget\b", "relative target"),
    (("bind", "/a", "/", False), r"\btarget\b", "root target"),
    (("bind", None, "/b", False), r"\bsource\b", "bind without source"),
    (("volume", "/srv/data", "/b", False), r"\bsource\b", "volume with a path"),
    (("bind", "/a,b", "/b", False), r"\bsource\b", "comma in source"),
]


def test_to_docker_args_rejects_mounts_it_cannot_write(learner):
    for mount, match, case in UNWRITABLE:
        m = learner.Mount(*mount)
        call = f"to_docker_args([Mount{mount}])  [{case}]"
        assert_raises_naming(ValueError, learner.to_docker_args, [m], match, call=call, quoted=repr(m))


def test_to_docker_args_rejects_a_comma_in_the_target(learner):
    m = learner.Mount("bind", "/a", "/b,c", False)
    call = "to_docker_args([Mount('bind', '/a', '/b,c', False)])"
    assert_raises_naming(ValueError, learner.to_docker_args, [m], r"\btarget\b", call=call, quoted=repr(m))


def test_to_docker_args_rejects_what_is_not_a_mount(learner):
    item = ("bind", "/a", "/b", False)
    call = "to_docker_args([('bind', '/a', '/b', False)])"
    assert_raises_naming(TypeError, learner.to_docker_args, [item], r"\bmounts\b", call=call, quoted=repr(item))


def test_to_docker_args_rejects_mounts_that_are_not_iterable(learner):
    # "mounts is not iterable (a single Mount included)": TypeError naming mounts, not Python's own
    # "object is not iterable".
    single = learner.Mount("bind", "/a", "/b", False)
    for mounts, what in [(5, "5"), (None, "None"), (single, "Mount('bind', '/a', '/b', False)")]:
        call = f"to_docker_args({what})"
        assert_raises_naming(TypeError, learner.to_docker_args, mounts, r"\bmounts\b", call=call, quoted=repr(mounts))


def test_to_docker_args_rejects_a_read_only_that_is_not_a_bool(learner):
    # read_only=1 is truthy, but the field is a bool: writing ",readonly" for it would hide a bug.
    for value in (1, "yes"):
        m = learner.Mount("bind", "/a", "/b", value)
        call = f"to_docker_args([Mount('bind', '/a', '/b', {value!r})])"
        assert_raises_naming(TypeError, learner.to_docker_args, [m], r"\bread_only\b", call=call, quoted=repr(m))


@pytest.mark.points(2)
def test_to_docker_args_writes_the_documented_spec_text(learner):
    # "type=KIND,source=SOURCE,target=TARGET followed by ,readonly ... leaves out source= for an anonymous
    # volume": the text itself, not only something that reads back the same.
    cases = [
        (("bind", "/srv/data", "/data", True), "type=bind,source=/srv/data,target=/data,readonly"),
        (("volume", None, "/cache", False), "type=volume,target=/cache"),
        (("volume", "pgdata", "/var/lib/pg", False), "type=volume,source=pgdata,target=/var/lib/pg"),
        (("bind", "./cfg", "/etc/app", False), "type=bind,source=./cfg,target=/etc/app"),
        (("volume", None, "/tmp/x", True), "type=volume,target=/tmp/x,readonly"),
    ]
    mounts = [learner.Mount(*fields_) for fields_, _ in cases]
    expected = [arg for _, spec in cases for arg in ("--mount", spec)]
    assert_equal(learner.to_docker_args(mounts), expected, call="to_docker_args(five mounts)")
