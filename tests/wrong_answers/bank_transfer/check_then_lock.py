"""Checks the balance before taking the locks: two transfers can both see enough money and overdraw it."""

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = ["test_concurrent_overdrafts_are_refused"]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        self._known("dst", dst)
        if self._balances[src] < amount:
            raise InsufficientFunds(f"src: {src!r} holds {self._balances[src]}, cannot send {amount}")
        first, second = sorted((src, dst), key=self._rank.__getitem__)
        with self.locks[first], self.locks[second]:
            self._balances[src] -= amount
            self._balances[dst] += amount
