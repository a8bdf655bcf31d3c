"""Checks only that starting balances are not negative, so a float or True is taken as a balance."""

import threading

from solutions.bank_transfer.bank_transfer import *  # noqa: F403 - the rest is right
from solutions.bank_transfer.bank_transfer import Bank as _Right

CAUGHT_BY = ["test_starting_balances_that_are_not_ints_raise_type_error"]


class Bank(_Right):
    def __init__(self, balances):
        self._balances = {}
        for name, value in balances.items():
            if value < 0:  # a str fails here with Python's own TypeError, which never names balances
                raise ValueError(f"balances: expected balances >= 0, got {value} for {name!r}")
            self._balances[name] = value
        self._rank = {name: i for i, name in enumerate(self._balances)}
        self.locks = {name: threading.Lock() for name in self._balances}
