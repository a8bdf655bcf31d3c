"""Debits first and checks afterwards, raising without putting the money back (nor for an unknown dst)."""

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = [
    "test_insufficient_funds_raises_and_changes_nothing",
    "test_unknown_accounts_raise_key_error_and_change_nothing[unknown destination]",
]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        with self.locks[src]:
            self._balances[src] -= amount
            if self._balances[src] < 0:
                raise InsufficientFunds(f"src: {src!r} cannot send {amount}")
        self._known("dst", dst)
        with self.locks[dst]:
            self._balances[dst] += amount
