"""The kata's grading engine: runs each grader in its own watched pytest process and scores the records.

Entry point: ``python -m grading`` (see grading.cli). Pieces: records (the per-test record format),
pytest_plugin (the pytest side that writes them), runner (one exercise, watchdog and restarts),
report (results.json, Gradescope's format, the scoreboard), catalogue (catalogue.toml).
"""
