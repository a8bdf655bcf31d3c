"""Grader for linux_cat: ``cat(paths, out, number=..., stdin=...)``, ``main(argv)`` and the script.

Expected output comes from the bytes the grader wrote (concatenation), from a naive ``cat -n`` written here
(number the lines of the concatenated input: ``cat -n`` of several files equals ``cat -n`` of their
concatenation), from hand-worked cases, and, where the machine has one, from its own ``cat`` and
``cat -n`` run on the same files (skipped, with the reason, where there is none). Error reasons come
from ``os.strerror``. Memory is measured with ``tracemalloc`` while a sparse file of 256 MiB is copied
to a sink that only counts bytes.

Promises and the tests that hold them:
- files copied in order, byte for byte -> test_cat_copies_one_file_byte_for_byte, test_cat_concatenates_files_in_order,
  test_cat_copies_binary_data_without_adding_a_newline, test_cat_of_empty_files_writes_nothing,
  test_output_matches_the_system_cat
- paths may be str or os.PathLike -> test_cat_accepts_path_objects
- a single str, bytes or path object -> TypeError naming paths -> test_cat_rejects_a_single_string_for_paths,
  test_cat_rejects_a_single_bytes_or_path_object
- fixed-size chunks, constant memory -> test_cat_copies_a_large_file_in_constant_memory,
  test_number_on_a_large_file_uses_constant_memory
- out is written to, never closed -> every test that reads the BytesIO after the call
  (test_cat_copies_one_file_byte_for_byte first)
- "-" reads stdin, every time it appears -> test_cat_reads_the_stdin_stream_for_a_dash,
  test_a_dash_reads_stdin_again_each_time_it_appears
- an empty list means ["-"] -> test_cat_with_no_paths_reads_stdin
- stdin=None: sys.stdin.buffer, looked up when "-" is reached -> test_cat_reads_sys_stdin_when_no_stream_is_given,
  test_sys_stdin_is_looked_up_only_when_a_dash_is_reached
- number=True is cat -n ("%6d\t", widening past 999,999) -> test_number_numbers_every_line_like_cat_n,
  test_number_widens_past_999999_lines, test_number_off_leaves_lines_unnumbered
- numbering runs on across files; an unfinished line continues unnumbered -> test_number_continues_across_files,
  test_number_adds_no_newline_after_an_unfinished_last_line, test_number_handles_lines_longer_than_a_chunk
- an unreadable file: "cat: NAME: os.strerror" on stderr, the rest copied, result 1 ->
  test_a_missing_file_in_the_middle_is_reported_and_skipped, test_every_unreadable_file_gets_its_own_message,
  test_the_reason_is_the_system_error_text, test_a_file_without_read_permission_is_reported
- result 0 when every file was copied -> test_cat_copies_one_file_byte_for_byte and others (check_status)
- main: -n numbers, "-" and no files read stdin, exit status -> test_main_numbers_lines_with_dash_n,
  test_main_reads_stdin_for_a_dash_and_without_files, test_main_reports_a_missing_file_and_returns_1
- main: argv=None means sys.argv[1:] -> test_main_without_argv_reads_sys_argv
- main: -n anywhere -> test_main_takes_dash_n_anywhere
- main: "--" makes every later argument a file name -> test_main_treats_arguments_after_double_dash_as_files
- the file runs as a script -> test_the_file_runs_as_a_script
"""

from __future__ import annotations

import errno
import io
import os
import random
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from graders.helpers import assert_equal, assert_raises

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SYSTEM_CAT = shutil.which("cat")


def reads_unreadable_files() -> bool:
    """Whether this process can read a file whose permissions forbid it (root, or a process that keeps
    CAP_DAC_READ_SEARCH, as the engine's unprivileged test process does): then no file is unreadable."""
    import tempfile

    if os.name != "posix":
        return True
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return False
        return True


BIG = 256 * 1024 * 1024


def naive_number(data: bytes) -> bytes:
    """cat -n of ``data``: every line (a run ending in a newline, or a non-empty unfinished one) numbered."""
    pieces = data.split(b"\n")
    out = [b"%6d\t%s\n" % (i, piece) for i, piece in enumerate(pieces[:-1], start=1)]
    if pieces[-1]:
        out.append(b"%6d\t%s" % (len(pieces), pieces[-1]))
    return b"".join(out)


def long_lines(seed: int) -> bytes:
    """Lines of 0 to 200,000 bytes: many cross any chunk boundary between 4 KiB and 128 KiB."""
    rng = random.Random(seed)
    lines = []
    for _ in range(40):
        n = rng.choice([0, 1, 7, 4095, 4096, 65535, 65536, 65537, rng.randrange(200_000)])
        lines.append(bytes(rng.randrange(32, 127) for _ in range(min(n, 50))) * (n // 50) + b"x" * (n % 50))
    return b"\n".join(lines) + b"\n"


@pytest.fixture
def files(tmp_path):
    """A few files with awkward contents; returns {short name: (path as str, bytes)}."""
    contents = {
        "a.txt": b"alpha\nbeta\n",
        "b.txt": b"gamma\n\n\ndelta",  # blank lines, no newline at the end
        "bin.dat": bytes(range(256)) * 3 + b"\r\n\x00\r tail",  # every byte value, CR LF, no final newline
        "empty": b"",
        "c.txt": b"\n",
        "long.txt": long_lines(seed=64),
    }
    out = {}
    for name, data in contents.items():
        path = tmp_path / name
        path.write_bytes(data)
        out[name] = (str(path), data)
    return out


def run_cat(learner, paths, capsys, **kwargs):
    """(return value, bytes written to out, text written to stderr) of learner.cat(paths, out, ...)."""
    out = io.BytesIO()
    capsys.readouterr()
    status = learner.cat(paths, out, **kwargs)
    return status, out.getvalue(), capsys.readouterr().err


def call_of(paths, files, **kwargs):
    names = {p: n for n, (p, _) in files.items()}
    shown = ", ".join(repr(names.get(p, Path(p).name if os.sep in p else p)) for p in paths)
    extra = "".join(f", {k}={v!r}" for k, v in kwargs.items() if k != "stdin")
    if "stdin" in kwargs:
        extra += ", stdin=<BytesIO>"
    return f"cat([{shown}], out{extra})"


def check_bytes(got: bytes, expected: bytes, call: str, what: str = "bytes written to out") -> None:
    if got == expected:
        return
    first = next(
        (i for i, (g, e) in enumerate(zip(got, expected, strict=False)) if g != e), min(len(got), len(expected))
    )
    lo = max(0, first - 20)
    raise AssertionError(
        f"{call}\n  {what}: {len(got):,} bytes, expected {len(expected):,}; first difference at byte {first:,}\n"
        f"  got      ...{got[lo : first + 20]!r}\n  expected ...{expected[lo : first + 20]!r}"
    )


def check_status(got, expected: int, call: str) -> None:
    assert_equal(got, expected, call=call, what="return value (the exit status)")


# ------------------------------------------------------------------------------------------- copying


@pytest.mark.points(2)
def test_cat_copies_one_file_byte_for_byte(learner, files, capsys):
    path, data = files["a.txt"]
    status, got, err = run_cat(learner, [path], capsys)
    call = call_of([path], files)
    check_bytes(got, data, call)
    check_status(status, 0, call)
    assert_equal(err, "", call=call, what="standard error")


@pytest.mark.points(2)
def test_cat_concatenates_files_in_order(learner, files, capsys):
    order = ["b.txt", "a.txt", "empty", "c.txt", "long.txt", "a.txt"]
    paths = [files[n][0] for n in order]
    status, got, _ = run_cat(learner, paths, capsys)
    call = call_of(paths, files)
    check_bytes(got, b"".join(files[n][1] for n in order), call)
    check_status(status, 0, call)


def test_cat_copies_binary_data_without_adding_a_newline(learner, files, capsys):
    path, data = files["bin.dat"]
    _, got, _ = run_cat(learner, [path, path], capsys)
    check_bytes(got, data + data, call_of([path, path], files))


def test_cat_of_empty_files_writes_nothing(learner, files, capsys):
    path, _ = files["empty"]
    status, got, err = run_cat(learner, [path, path], capsys)
    call = call_of([path, path], files)
    check_bytes(got, b"", call)
    check_status(status, 0, call)


def test_cat_rejects_a_single_string_for_paths(learner, files):
    path, _ = files["a.txt"]
    assert_raises(TypeError, learner.cat, path, io.BytesIO(), match=r"\bpaths\b", call="cat('a.txt', out)  (a str)")


@pytest.mark.parametrize("kind", ["bytes", "Path"])
def test_cat_rejects_a_single_bytes_or_path_object(learner, files, kind):
    path = files["a.txt"][0]
    single = os.fsencode(path) if kind == "bytes" else Path(path)
    assert_raises(TypeError, learner.cat, single, io.BytesIO(), match=r"\bpaths\b", call=f"cat(<one {kind} path>, out)")


def test_cat_accepts_path_objects(learner, files, tmp_path, capsys):
    missing = tmp_path / "no_such_file.txt"
    paths = [Path(files["a.txt"][0]), missing, Path(files["b.txt"][0])]
    status, got, err = run_cat(learner, paths, capsys)
    call = "cat([Path('a.txt'), Path('no_such_file.txt'), Path('b.txt')], out)"
    check_bytes(got, files["a.txt"][1] + files["b.txt"][1], call)
    assert_equal(err, f"cat: {missing}: {os.strerror(errno.ENOENT)}\n", call=call, what="standard error")
    check_status(status, 1, call)


# ------------------------------------------------------------------------------------------- standard input


@pytest.mark.points(2)
def test_cat_reads_the_stdin_stream_for_a_dash(learner, files, capsys):
    paths = [files["a.txt"][0], "-", files["b.txt"][0]]
    stdin = io.BytesIO(b"from stdin\x00\n")
    status, got, _ = run_cat(learner, paths, capsys, stdin=stdin)
    call = call_of(paths, files, stdin=stdin)
    check_bytes(got, files["a.txt"][1] + b"from stdin\x00\n" + files["b.txt"][1], call)
    check_status(status, 0, call)


def test_cat_reads_sys_stdin_when_no_stream_is_given(learner, files, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"piped \xff bytes\n")))
    paths = ["-", files["c.txt"][0]]
    _, got, _ = run_cat(learner, paths, capsys)
    check_bytes(got, b"piped \xff bytes\n\n", call_of(paths, files) + "  (sys.stdin holds b'piped \\xff bytes\\n')")


class Terminal(io.RawIOBase):
    """Standard input typed at a terminal: each segment of bytes is followed by an end of file (Ctrl-D)."""

    def __init__(self, *segments: bytes):
        self._segments = [bytearray(s) for s in segments]

    def readable(self):
        return True

    def readinto(self, buffer):
        if not self._segments:
            return 0
        if not self._segments[0]:
            self._segments.pop(0)  # this end of file is consumed: the next read gets the next segment
            return 0
        n = min(len(buffer), len(self._segments[0]))
        buffer[:n] = self._segments[0][:n]
        del self._segments[0][:n]
        return n


def test_a_dash_reads_stdin_again_each_time_it_appears(learner, files, capsys):
    # `cat - a.txt -` at a terminal: type "one", Ctrl-D, a.txt is copied, type "two", Ctrl-D.
    paths = ["-", files["a.txt"][0], "-"]
    stdin = Terminal(b"one\n", b"two\n")
    status, got, _ = run_cat(learner, paths, capsys, stdin=stdin)
    call = call_of(paths, files, stdin=stdin) + "  (stdin gives b'one\\n', end of file, b'two\\n', end of file)"
    check_bytes(got, b"one\n" + files["a.txt"][1] + b"two\n", call)
    check_status(status, 0, call)


def test_sys_stdin_is_looked_up_only_when_a_dash_is_reached(learner, files, capsys, monkeypatch):
    # sys.stdin replaced by a text stream without .buffer (as in some IDEs and notebooks): copying files
    # must not touch it.
    monkeypatch.setattr(sys, "stdin", io.StringIO("text only"))
    paths = [files["a.txt"][0]]
    status, got, _ = run_cat(learner, paths, capsys)
    call = call_of(paths, files) + "  (sys.stdin has no .buffer, and no '-' is given)"
    check_bytes(got, files["a.txt"][1], call)
    check_status(status, 0, call)


def test_cat_with_no_paths_reads_stdin(learner, capsys):
    _, got, _ = run_cat(learner, [], capsys, stdin=io.BytesIO(b"only stdin"))
    check_bytes(got, b"only stdin", "cat([], out, stdin=<BytesIO b'only stdin'>)  (no files: read stdin, like cat)")


# ------------------------------------------------------------------------------------------- cat -n


def test_number_numbers_every_line_like_cat_n(learner, capsys):
    stdin = io.BytesIO(b"a\n\nb\n")
    _, got, _ = run_cat(learner, ["-"], capsys, number=True, stdin=stdin)
    check_bytes(got, b"     1\ta\n     2\t\n     3\tb\n", "cat(['-'], out, number=True) with stdin b'a\\n\\nb\\n'")


def test_number_adds_no_newline_after_an_unfinished_last_line(learner, files, capsys):
    path, data = files["b.txt"]
    _, got, _ = run_cat(learner, [path], capsys, number=True)
    expected = b"     1\tgamma\n     2\t\n     3\t\n     4\tdelta"
    check_bytes(got, expected, call_of([path], files, number=True) + "  (b'gamma\\n\\n\\ndelta')")


@pytest.mark.points(2)
def test_number_continues_across_files(learner, tmp_path, capsys):
    parts = [b"x\ny", b"z\n", b"", b"w\n", b"v"]
    paths = []
    for i, data in enumerate(parts):
        (tmp_path / f"part{i}").write_bytes(data)
        paths.append(str(tmp_path / f"part{i}"))
    _, got, _ = run_cat(learner, paths, capsys, number=True)
    call = "cat(files holding b'x\\ny', b'z\\n', b'', b'w\\n', b'v'; number=True)"
    check_bytes(got, b"     1\tx\n     2\tyz\n     3\tw\n     4\tv", call)


@pytest.mark.points(2)
def test_number_handles_lines_longer_than_a_chunk(learner, files, capsys):
    order = ["long.txt", "bin.dat", "long.txt", "b.txt", "a.txt"]
    paths = [files[n][0] for n in order]
    _, got, _ = run_cat(learner, paths, capsys, number=True)
    expected = naive_number(b"".join(files[n][1] for n in order))
    check_bytes(got, expected, call_of(paths, files, number=True) + "  (lines of up to 200,000 bytes, seed 64)")


@pytest.mark.timeout(20)
def test_number_widens_past_999999_lines(learner, tmp_path, capsys):
    # printf("%6d\t") grows to 7 digits at line 1,000,000. The reference takes 0.5 s, the whole test
    # 1-2.5 s here; numbering line by line in a Python loop adds about a second.
    path = tmp_path / "many.txt"
    path.write_bytes(b"\n" * 1_000_003)
    _, got, _ = run_cat(learner, [str(path)], capsys, number=True)
    expected = b"".join(b"%6d\t\n" % i for i in range(1, 1_000_004))
    check_bytes(got, expected, "cat(['many.txt'], out, number=True)  (1,000,003 empty lines)")


def test_number_off_leaves_lines_unnumbered(learner, files, capsys):
    path, data = files["b.txt"]
    _, got, _ = run_cat(learner, [path], capsys, number=False)
    check_bytes(got, data, call_of([path], files, number=False))


# ------------------------------------------------------------------------------------------- errors


def missing_path(tmp_path) -> str:
    return str(tmp_path / "no_such_file.txt")


@pytest.mark.points(2)
def test_a_missing_file_in_the_middle_is_reported_and_skipped(learner, files, tmp_path, capsys):
    missing = missing_path(tmp_path)
    paths = [files["a.txt"][0], missing, files["b.txt"][0]]
    status, got, err = run_cat(learner, paths, capsys)
    call = call_of(paths, files)
    check_bytes(got, files["a.txt"][1] + files["b.txt"][1], call, "bytes written to out (the other files, in order)")
    assert_equal(err, f"cat: {missing}: {os.strerror(errno.ENOENT)}\n", call=call, what="standard error")
    check_status(status, 1, call)


def test_every_unreadable_file_gets_its_own_message(learner, files, tmp_path, capsys):
    missing, other = missing_path(tmp_path), str(tmp_path / "nor_this")
    paths = [missing, files["c.txt"][0], other]
    status, got, err = run_cat(learner, paths, capsys, number=True)
    call = call_of(paths, files, number=True)
    check_bytes(got, b"     1\t\n", call)
    reason = os.strerror(errno.ENOENT)
    assert_equal(err, f"cat: {missing}: {reason}\ncat: {other}: {reason}\n", call=call, what="standard error")
    check_status(status, 1, call)


def _directory(tmp_path):
    return str(tmp_path), errno.EISDIR


def _loop(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return str(tmp_path / "loop"), errno.ELOOP


def _under_a_file(tmp_path):
    (tmp_path / "plain").write_bytes(b"x")
    return str(tmp_path / "plain" / "inside"), errno.ENOTDIR


@pytest.mark.parametrize(
    "make", [_directory, _loop, _under_a_file], ids=["a directory", "a symlink loop", "a path through a file"]
)
def test_the_reason_is_the_system_error_text(learner, files, tmp_path, capsys, make):
    bad, code = make(_fresh(tmp_path))
    paths = [bad, files["a.txt"][0]]
    status, got, err = run_cat(learner, paths, capsys)
    call = call_of(paths, files)
    check_bytes(got, files["a.txt"][1], call)
    assert_equal(err, f"cat: {bad}: {os.strerror(code)}\n", call=call, what="standard error")
    check_status(status, 1, call)


def _fresh(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.skipif(reads_unreadable_files(), reason="this process can read every file (root, or a capability)")
def test_a_file_without_read_permission_is_reported(learner, files, tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"secret\n")
    locked.chmod(0)
    paths = [str(locked), files["a.txt"][0]]
    status, got, err = run_cat(learner, paths, capsys)
    call = call_of(paths, files)
    check_bytes(got, files["a.txt"][1], call)
    assert_equal(err, f"cat: {locked}: {os.strerror(errno.EACCES)}\n", call=call, what="standard error")
    check_status(status, 1, call)


# ------------------------------------------------------------------------------------------- large files


class CountingSink:
    """A binary stream that keeps nothing: it counts bytes and remembers the largest single write."""

    def __init__(self):
        self.total = 0
        self.largest = 0
        self.head = b""

    def write(self, data):
        n = len(data)
        if len(self.head) < 16:
            self.head += bytes(data[: 16 - len(self.head)])
        self.total += n
        self.largest = max(self.largest, n)
        return n

    def flush(self):
        pass


def copy_big_file(learner, tmp_path, number):
    path = tmp_path / "sparse.bin"
    with open(path, "wb") as f:
        f.truncate(BIG)  # a hole: no disk space, reads as zeros
    sink = CountingSink()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        status = learner.cat([str(path)], sink, number=number)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
        path.unlink()
    return status, sink, peak


@pytest.mark.points(2)
@pytest.mark.timeout(20)
def test_cat_copies_a_large_file_in_constant_memory(learner, tmp_path):
    # 64 KiB chunks: peak 0.14 MB, about 1 s here under tracemalloc (0.1 s without). Reading the whole
    # file at once holds 256 MB.
    status, sink, peak = copy_big_file(learner, tmp_path, number=False)
    call = "cat(['sparse.bin'], out)  (256 MiB of zeros)"
    assert_equal(sink.total, BIG, call=call, what="number of bytes written")
    check_bytes(sink.head, bytes(16), call, "first 16 bytes written")
    check_status(status, 0, call)
    assert peak < 16 * 1024 * 1024, (
        f"{call}\n  allocated up to {peak / 2**20:.1f} MiB while copying, expected constant memory (under 16 MiB): "
        "read and write fixed-size chunks, never the whole file"
    )


@pytest.mark.points(2)
@pytest.mark.timeout(20)
def test_number_on_a_large_file_uses_constant_memory(learner, tmp_path):
    # The file has no newline at all: one 256 MiB "line". Reading it line by line holds all of it.
    status, sink, peak = copy_big_file(learner, tmp_path, number=True)
    call = "cat(['sparse.bin'], out, number=True)  (256 MiB of zeros, no newline)"
    assert_equal(sink.total, BIG + 7, call=call, what="number of bytes written (the file and one '     1\\t')")
    check_bytes(sink.head, b"     1\t" + bytes(9), call, "first 16 bytes written")
    check_status(status, 0, call)
    assert peak < 16 * 1024 * 1024, (
        f"{call}\n  allocated up to {peak / 2**20:.1f} MiB while copying, expected constant memory (under 16 MiB): "
        "number the lines chunk by chunk, carrying the 'at the start of a line' state over"
    )


# ------------------------------------------------------------------------------------------- the system's cat

SYSTEM_ORDER = ["a.txt", "b.txt", "bin.dat", "empty", "c.txt", "long.txt", "b.txt", "a.txt"]


@pytest.mark.skipif(SYSTEM_CAT is None, reason="this machine has no cat command to compare with")
@pytest.mark.parametrize("flags", [[], ["-n"]], ids=["cat", "cat -n"])
def test_output_matches_the_system_cat(learner, files, capsys, flags):
    paths = [files[n][0] for n in SYSTEM_ORDER]
    system = subprocess.run([SYSTEM_CAT, *flags, *paths], capture_output=True, timeout=30, check=False)
    status, got, _ = run_cat(learner, paths, capsys, number=bool(flags))
    call = call_of(paths, files, number=bool(flags))
    check_bytes(got, system.stdout, call, f"bytes written to out, compared with `{' '.join(['cat', *flags])}`")
    check_status(status, system.returncode, call)


# ------------------------------------------------------------------------------------------- main and the script


def run_main(learner, argv, capsys, stdin=b""):
    """(return value, bytes written to sys.stdout.buffer, stderr text) of learner.main(argv)."""
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    saved = sys.stdout, sys.stdin
    capsys.readouterr()
    sys.stdout, sys.stdin = stdout, io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        status = learner.main(argv)
        stdout.flush()
    finally:
        sys.stdout, sys.stdin = saved
    return status, stdout.buffer.getvalue(), capsys.readouterr().err


@pytest.mark.points(2)
def test_main_numbers_lines_with_dash_n(learner, files, capsys):
    argv = ["-n", files["a.txt"][0], files["b.txt"][0]]
    status, got, _ = run_main(learner, argv, capsys)
    call = "main(['-n', 'a.txt', 'b.txt'])"
    check_bytes(got, naive_number(files["a.txt"][1] + files["b.txt"][1]), call, "bytes written to sys.stdout.buffer")
    check_status(status, 0, call)


def test_main_reads_stdin_for_a_dash_and_without_files(learner, files, capsys):
    argv = [files["c.txt"][0], "-"]
    status, got, _ = run_main(learner, argv, capsys, stdin=b"typed\n")
    call = "main(['c.txt', '-']) with stdin b'typed\\n'"
    check_bytes(got, b"\ntyped\n", call, "bytes written to sys.stdout.buffer")
    check_status(status, 0, call)
    status, got, _ = run_main(learner, [], capsys, stdin=b"no args")
    check_bytes(got, b"no args", "main([]) with stdin b'no args'", "bytes written to sys.stdout.buffer")


def test_main_reports_a_missing_file_and_returns_1(learner, files, tmp_path, capsys):
    missing = missing_path(tmp_path)
    status, got, err = run_main(learner, [missing, files["a.txt"][0]], capsys)
    call = "main(['no_such_file.txt', 'a.txt'])"
    check_bytes(got, files["a.txt"][1], call, "bytes written to sys.stdout.buffer")
    assert_equal(err, f"cat: {missing}: {os.strerror(errno.ENOENT)}\n", call=call, what="standard error")
    check_status(status, 1, call)


def test_main_without_argv_reads_sys_argv(learner, files, capsys, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["linux_cat.py", "-n", files["a.txt"][0]])
    status, got, _ = run_main(learner, None, capsys)
    call = "main() with sys.argv == ['linux_cat.py', '-n', 'a.txt']"
    check_bytes(got, naive_number(files["a.txt"][1]), call, "bytes written to sys.stdout.buffer")
    check_status(status, 0, call)


def test_main_takes_dash_n_anywhere(learner, files, capsys):
    argv = [files["a.txt"][0], "-n", files["b.txt"][0]]
    status, got, _ = run_main(learner, argv, capsys)
    call = "main(['a.txt', '-n', 'b.txt'])"
    check_bytes(got, naive_number(files["a.txt"][1] + files["b.txt"][1]), call, "bytes written to sys.stdout.buffer")
    check_status(status, 0, call)


def test_main_treats_arguments_after_double_dash_as_files(learner, tmp_path, capsys, monkeypatch):
    (tmp_path / "-n").write_bytes(b"a file named -n\n")
    monkeypatch.chdir(tmp_path)
    status, got, err = run_main(learner, ["--", "-n"], capsys)
    call = "main(['--', '-n'])  (in a folder holding a file named '-n')"
    check_bytes(got, b"a file named -n\n", call, "bytes written to sys.stdout.buffer")
    assert_equal(err, "", call=call, what="standard error")
    check_status(status, 0, call)


def run_script(learner, args, stdin=b""):
    env = dict(os.environ)
    # The learner's file may import from the project (as the shipped wrong answers do).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, learner.__file__, *args], input=stdin, capture_output=True, timeout=30, env=env, check=False
    )


@pytest.mark.points(2)
@pytest.mark.timeout(30)
def test_the_file_runs_as_a_script(learner, files, tmp_path):
    script = Path(learner.__file__).name
    paths = [files["a.txt"][0], "-", files["bin.dat"][0]]
    done = run_script(learner, paths, stdin=b"\x01\x02\n")
    call = f"python {script} a.txt - bin.dat  (stdin b'\\x01\\x02\\n')"
    check_bytes(done.stdout, files["a.txt"][1] + b"\x01\x02\n" + files["bin.dat"][1], call, "standard output")
    assert_equal(done.returncode, 0, call=call, what=f"exit status (stderr: {done.stderr[-300:]!r})")

    missing = missing_path(tmp_path)
    done = run_script(learner, ["-n", files["b.txt"][0], missing])
    call = f"python {script} -n b.txt no_such_file.txt"
    check_bytes(done.stdout, naive_number(files["b.txt"][1]), call, "standard output")
    assert_equal(
        done.stderr.decode(errors="replace"),
        f"cat: {missing}: {os.strerror(errno.ENOENT)}\n",
        call=call,
        what="standard error",
    )
    assert_equal(done.returncode, 1, call=call, what="exit status")
