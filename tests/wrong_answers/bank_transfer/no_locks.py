"""No locks at all ("the GIL makes it safe"): concurrent read-modify-writes of a balance lose updates."""

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right
from solutions.bank_transfer.bank_transfer import InsufficientFunds, _check_amount

CAUGHT_BY = [
    "test_concurrent_transfers_neither_deadlock_nor_lose_money",
    "test_a_transfer_waits_for_the_lock_of_each_of_its_accounts",
]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        amount = _check_amount(amount)
        if src == dst:
            raise ValueError(f"src, dst: expected two different accounts, got {src!r} twice")
        self._known("src", src)
        self._known("dst", dst)
        if self._balances[src] < amount:
            raise InsufficientFunds(f"src: {src!r} holds {self._balances[src]}, cannot send {amount}")
        self._balances[src] -= amount
        self._balances[dst] += amount

    def total(self):
        return sum(self._balances.values())
