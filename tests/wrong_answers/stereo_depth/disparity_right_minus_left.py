"""Takes the disparity as x_right - x_left: every real match comes out negative, so no point is triangulated."""

from solutions.stereo_depth import stereo_depth as _ref
from solutions.stereo_depth.stereo_depth import *  # noqa: F403 - the rest is right

CAUGHT_BY = ["test_triangulation_recovers_projected_points", "test_triangulation_of_plain_numbers"]


def triangulate(x_left, x_right, y, focal_px, baseline, cx, cy):
    return _ref.triangulate(x_right, x_left, y, focal_px, baseline, cx, cy)
