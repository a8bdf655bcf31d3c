"""Locks the source, then the destination: a->b and b->a at once each hold one lock and wait for the other."""

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = [
    "test_concurrent_transfers_neither_deadlock_nor_lose_money",
    "test_opposite_directions_take_the_two_locks_in_the_same_order",
]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        self._known("dst", dst)
        with self.locks[src], self.locks[dst]:
            if self._balances[src] < amount:
                raise InsufficientFunds(f"src: {src!r} holds {self._balances[src]}, cannot send {amount}")
            self._balances[src] -= amount
            self._balances[dst] += amount
