"""The maintainers' tools: a new exercise starts from skeletons that the project's own checks understand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grading import catalogue as cat
from grading.layout import LAYOUT, Layout
from tools.new_exercise import create


@pytest.fixture
def kata(tmp_path: Path) -> Layout:
    root = tmp_path / "kata"
    root.mkdir()
    shutil.copy(LAYOUT.catalogue, root / "catalogue.toml")
    return Layout(root)


def test_new_exercise_writes_a_planned_entry_and_the_skeletons(kata):
    written = create("pixel_shuffle", "Pixel shuffle", "cnn", 2, layout=kata)
    entry = cat.load(kata.catalogue).get("pixel_shuffle")
    assert (entry.title, entry.topic, entry.difficulty, entry.ready) == ("Pixel shuffle", "cnn", 2, False)
    assert kata.solution("pixel_shuffle") in written and kata.grader("pixel_shuffle") in written
    assert len(kata.wrong_answers("pixel_shuffle")) == 3
    stub = kata.stub("pixel_shuffle").read_text()
    assert "raise NotImplementedError" in stub and "In English: " in stub
    assert "CAUGHT_BY" in kata.wrong_answers("pixel_shuffle")[0].read_text()


def test_new_exercise_refuses_a_slug_the_catalogue_has(kata):
    with pytest.raises(ValueError, match="box_iou"):
        create("box_iou", "IoU", "detection", 1, layout=kata)


def test_new_exercise_refuses_to_overwrite_and_writes_nothing(kata):
    kata.grader("pixel_shuffle").parent.mkdir(parents=True)
    kata.grader("pixel_shuffle").write_text("mine")
    before = kata.catalogue.read_text()
    with pytest.raises(FileExistsError):
        create("pixel_shuffle", "Pixel shuffle", "cnn", 2, layout=kata)
    assert kata.grader("pixel_shuffle").read_text() == "mine"
    assert kata.catalogue.read_text() == before
    assert not kata.solution("pixel_shuffle").exists()
