"""Keeps the balances as floats: the values look right, but balance() and total() return floats, and large sums lose cents."""

from solutions.bank_transfer.bank_transfer import *  # noqa: F403 - the rest is right
from solutions.bank_transfer.bank_transfer import Bank as _Right

CAUGHT_BY = ["test_balances_and_total_are_ints"]


class Bank(_Right):
    def __init__(self, balances):
        super().__init__(balances)
        self._balances = {name: float(v) for name, v in self._balances.items()}
