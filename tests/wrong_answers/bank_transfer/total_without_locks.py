"""total() sums the balances without taking the locks: it can see money that is between two accounts."""

from solutions.bank_transfer.bank_transfer import *
from solutions.bank_transfer.bank_transfer import Bank as _Right

CAUGHT_BY = ["test_total_is_a_consistent_snapshot_during_transfers"]


class Bank(_Right):
    def total(self):
        return sum(self.balance(name) for name in self._rank)
