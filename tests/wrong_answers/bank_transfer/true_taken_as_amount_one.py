"""Takes True as an amount of 1, since bool is an int subclass, instead of refusing it with TypeError."""

from solutions.bank_transfer.bank_transfer import *  # noqa: F403 - the rest is right
from solutions.bank_transfer.bank_transfer import Bank as _Right

CAUGHT_BY = ["test_amounts_that_are_not_ints_raise_type_error[bool]"]


class Bank(_Right):
    def transfer(self, src, dst, amount):
        if isinstance(amount, bool):
            amount = int(amount)
        return super().transfer(src, dst, amount)
