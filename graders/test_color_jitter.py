"""Grader for color_jitter: brightness, contrast and saturation as torchvision's functional API does them.

Expected values: ``fixtures/color_jitter/color_jitter.pt``, written by ``generate.py`` beside it with
torchvision's ``adjust_brightness``, ``adjust_contrast`` and ``adjust_saturation``; hand-worked pixels.

Promises and the tests that hold them:
- each adjustment as torchvision's, [C, H, W] and [N, C, H, W], 1 or 3 channels, float32 and float64 (dtype kept)
  -> test_matches_torchvision_for_every_factor
- color_jitter: brightness, then contrast, then saturation
  -> test_color_jitter_applies_brightness_contrast_saturation_in_order
- results clamped to [0, 1] -> test_brightness_clamps_at_one (and the fixtures' factors 1.6 and 3)
- contrast: each image's own mean, of the grayscale image -> test_contrast_uses_each_images_own_mean,
  test_contrast_mean_is_of_the_grayscale_image
- saturation 0: the gray level in every channel -> test_saturation_zero_gives_the_gray_level_in_every_channel
- factor 1: the image back, as a new tensor -> test_factor_one_gives_the_image_back_as_a_new_tensor
- saturation of a one-channel image: an unchanged copy -> test_one_channel_saturation_is_an_unchanged_copy
- img not modified -> test_leaves_the_input_unchanged
- factor < 0 -> ValueError naming factor -> test_rejects_a_negative_factor
- not 1 or 3 channels, not 3-D or 4-D -> ValueError naming img -> test_rejects_images_that_are_not_one_or_three_channel
- img not a floating-point tensor (uint8 included) -> TypeError naming img
  -> test_rejects_images_that_are_not_floating_point
- color_jitter names the negative factor -> test_color_jitter_names_the_negative_factor
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from graders.helpers import assert_close, assert_raises, assert_unchanged, call_repr

FIXTURE = torch.load(Path(__file__).parent / "fixtures" / "color_jitter" / "color_jitter.pt", weights_only=True)
SOURCE = f"torchvision {FIXTURE['versions']['torchvision']}"
IMAGES = sorted({k.rsplit("-", 2)[0] for k in FIXTURE["cases"]})
FUNCTIONS = ["adjust_brightness", "adjust_contrast", "adjust_saturation"]


@pytest.mark.points(2)
@pytest.mark.parametrize("image", IMAGES)
@pytest.mark.parametrize("fn", FUNCTIONS)
def test_matches_torchvision_for_every_factor(learner, fn, image):
    cases = [c for k, c in sorted(FIXTURE["cases"].items()) if c["fn"] == fn and k.startswith(image + "-")]
    assert cases
    for case in cases:
        img = case["img"].clone()
        got = getattr(learner, fn)(img, case["factor"])
        assert_close(got, case["expected"], call=f"{call_repr(fn, img, case['factor'])}  [{image}, against {SOURCE}]")


@pytest.mark.points(2)
@pytest.mark.parametrize("key", sorted(FIXTURE["jitter"]))
def test_color_jitter_applies_brightness_contrast_saturation_in_order(learner, key):
    case = FIXTURE["jitter"][key]
    got = learner.color_jitter(case["img"].clone(), *case["factors"])
    assert_close(got, case["expected"], call=f"{call_repr('color_jitter', case['img'], *case['factors'])}  [{SOURCE}]")


def test_brightness_clamps_at_one(learner):
    img = torch.tensor([[[0.1, 0.5, 0.9]]])
    got = learner.adjust_brightness(img, 1.5)
    assert_close(got, torch.tensor([[[0.15, 0.75, 1.0]]]), call=call_repr("adjust_brightness", img, 1.5))


def test_contrast_uses_each_images_own_mean(learner):
    # two flat-ish gray images of different levels: each is pulled towards its own mean, not the batch's
    img = torch.stack([torch.full((1, 2, 2), 0.2), torch.full((1, 2, 2), 0.8)])
    img[0, 0, 0, 0] = 0.6  # mean 0.3
    got = learner.adjust_contrast(img, 0.5)
    expected = torch.stack([torch.full((1, 2, 2), 0.25), torch.full((1, 2, 2), 0.8)])
    expected[0, 0, 0, 0] = 0.45
    assert_close(got, expected, call=call_repr("adjust_contrast", img, 0.5) + " (two images of different means)")


def test_contrast_mean_is_of_the_grayscale_image(learner):
    img = torch.zeros(3, 1, 2)
    img[0] = 1.0  # pure red: gray level 0.2989, not the channel mean 1/3
    got = learner.adjust_contrast(img, 0.0)
    assert_close(got, torch.full((3, 1, 2), 0.2989), call=call_repr("adjust_contrast", img, 0.0) + " (red image)")


def test_saturation_zero_gives_the_gray_level_in_every_channel(learner):
    img = torch.tensor([[[1.0, 0.0]], [[0.0, 1.0]], [[0.0, 0.0]]])
    got = learner.adjust_saturation(img, 0.0)
    expected = torch.tensor([[[0.2989, 0.587]]] * 3)
    assert_close(got, expected, call=call_repr("adjust_saturation", img, 0.0) + " (a red and a green pixel)")


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_factor_one_gives_the_image_back_as_a_new_tensor(learner, fn):
    img = torch.rand(2, 3, 4, 5, generator=torch.Generator().manual_seed(4), dtype=torch.float64)
    before = img.clone()
    got = getattr(learner, fn)(img, 1.0)
    assert_close(got, before, call=call_repr(fn, img, 1.0))
    assert_unchanged(before, img, name="img", call=call_repr(fn, img, 1.0))
    assert got is not img, f"{fn}(img, 1.0) returned img itself; return a new tensor"


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_leaves_the_input_unchanged(learner, fn):
    img = torch.rand(3, 6, 4, generator=torch.Generator().manual_seed(5))
    before = img.clone()
    getattr(learner, fn)(img, 2.2)
    assert_unchanged(before, img, name="img", call=call_repr(fn, img, 2.2))


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_rejects_a_negative_factor(learner, fn):
    assert_raises(ValueError, getattr(learner, fn), torch.rand(3, 2, 2), -0.5, match=r"\bfactor\b")


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_rejects_images_that_are_not_one_or_three_channel(learner, fn):
    assert_raises(ValueError, getattr(learner, fn), torch.rand(4, 2, 2), 1.2, match=r"\bimg\b")
    assert_raises(ValueError, getattr(learner, fn), torch.rand(2, 2), 1.2, match=r"\bimg\b")


@pytest.mark.parametrize("fn", FUNCTIONS + ["color_jitter"])
@pytest.mark.parametrize("kind", ["uint8", "list"])
def test_rejects_images_that_are_not_floating_point(learner, fn, kind):
    # torchvision also takes uint8 images (0 … 255); this exercise's images are floats in [0, 1].
    img = (torch.rand(3, 2, 2, generator=torch.Generator().manual_seed(6)) * 255).to(torch.uint8)
    if kind == "list":
        img = img.tolist()
    factors = (1.2,) if fn != "color_jitter" else (1.2, 0.8, 1.1)
    assert_raises(TypeError, getattr(learner, fn), img, *factors, match=r"\bimg\b", call=call_repr(fn, img, *factors))


@pytest.mark.parametrize("factor", [0.0, 0.4, 2.0])
def test_one_channel_saturation_is_an_unchanged_copy(learner, factor):
    img = torch.rand(2, 1, 3, 4, generator=torch.Generator().manual_seed(7))
    call = call_repr("adjust_saturation", img, factor) + " (one channel)"
    got = learner.adjust_saturation(img, factor)
    assert_close(got, img, call=call)
    if got is img or got.untyped_storage().data_ptr() == img.untyped_storage().data_ptr():
        raise AssertionError(
            f"{call}\n  returned img itself (or a view of it); the docstring promises an unchanged copy"
        )


@pytest.mark.parametrize("which", ["brightness", "contrast", "saturation"])
def test_color_jitter_names_the_negative_factor(learner, which):
    factors = {"brightness": 1.0, "contrast": 1.0, "saturation": 1.0, which: -1.0}
    img = torch.rand(3, 2, 2)
    args = (img, factors["brightness"], factors["contrast"], factors["saturation"])
    assert_raises(ValueError, learner.color_jitter, *args, match=rf"\b{which}\b", call=call_repr("color_jitter", *args))
