"""Takes a bank-wide lock around the two account locks "to be safe": disjoint transfers queue behind it."""

import threading

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = ["test_transfers_between_disjoint_pairs_do_not_wait_on_each_other"]


class Bank(_Right):
    def __init__(self, balances):
        super().__init__(balances)
        self._global = threading.Lock()

    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        self._known("dst", dst)
        first, second = sorted((src, dst), key=self._rank.__getitem__)
        with self._global, self.locks[first], self.locks[second]:
            if self._balances[src] < amount:
                raise InsufficientFunds(f"src: {src!r} holds {self._balances[src]}, cannot send {amount}")
            self._balances[src] -= amount
            self._balances[dst] += amount
