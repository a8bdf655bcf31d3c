"""Takes every account's lock, in order, for each transfer: no deadlock, but all transfers queue."""

import contextlib

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = [
    "test_transfers_between_disjoint_pairs_do_not_wait_on_each_other",
    "test_opposite_directions_take_the_two_locks_in_the_same_order",
]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        self._known("dst", dst)
        with contextlib.ExitStack() as held:
            for name in self._rank:
                held.enter_context(self.locks[name])
            if self._balances[src] < amount:
                raise InsufficientFunds(f"src: {src!r} holds {self._balances[src]}, cannot send {amount}")
            self._balances[src] -= amount
            self._balances[dst] += amount
