"""balance() reads the account without taking its lock ("reading an int is atomic"), against the Bank docstring."""

from solutions.bank_transfer.bank_transfer import *  # noqa: F403 - the rest is right
from solutions.bank_transfer.bank_transfer import Bank as _Right

CAUGHT_BY = ["test_balance_waits_for_the_account_lock"]


class Bank(_Right):
    def balance(self, name):
        return self._balances[self._known("name", name)]
