"""top_k_indices finds each of the top values with values.index(v): equal values all get the first position."""

from solutions.top_k.top_k import *

CAUGHT_BY = [
    "test_top_k_indices_break_ties_by_the_smaller_position",
    "test_top_k_indices_of_hand_worked_cases[ties after the largest]",
    "test_top_k_indices_handle_a_million_values_with_ties",
]


def top_k_indices(values, k):
    values = list(values)
    return [values.index(v) for v in top_k(values, k)]
