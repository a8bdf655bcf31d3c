"""5. 死锁

In English: 5. Deadlock.

Source: 004_4864363d713f5d38.txt · C++ (the section's questions are "1. const define的区分", "2. malloc和new的区别",
"3. 虚函数", "4. 结构体与类的区别" and "5. 死锁"; this is question 5, deadlock).

Write a bank whose transfers may run in many threads at once. Each account has its own lock, so that
transfers between disjoint pairs of accounts (A to B, C to D) run side by side instead of queueing behind
one global lock. A transfer holds the locks of both of its accounts while it moves the money. Taking them
in the order "source, then destination" deadlocks: A to B holds A and waits for B while B to A holds B and
waits for A. Take them in one fixed global order instead (here: the order in which the accounts were
given), whatever the direction of the transfer.

A transfer that fails (not enough money, an unknown account, a bad amount) changes nothing. Amounts and
balances are ints (cents, say): sums stay exact. ``total()`` is a consistent snapshot: it never sees money
that has left one account and not yet reached the other.

The grader replaces entries of ``bank.locks`` with instrumented locks to watch what a transfer holds and
waits for, so take each account's lock from that dict at the time of the call (see ``Bank``).
"""

from __future__ import annotations

import threading  # noqa: F401 - for the locks
from collections.abc import Mapping


# given
class InsufficientFunds(ValueError):
    """Raised by :meth:`Bank.transfer` when the source account holds less than the amount."""


class Bank:
    """Accounts with balances, and thread-safe transfers between them.

    Args:
        balances (Mapping[str, int]): account name -> starting balance (an int >= 0). The mapping is
            copied. Locks are always taken in one fixed order of the accounts (this solution uses the
            order given here; sorted names would do as well).

    Attributes:
        locks (dict[str, threading.Lock]): one lock per account, created by ``__init__``. ``transfer``,
            ``balance`` and ``total`` take an account's lock as ``self.locks[name]``, looked up at each
            call and used only through ``with`` (or ``acquire()``/``release()``), so that the lock in the
            dict is the one that counts. Tests may replace these entries with instrumented locks.

    Raises:
        TypeError: a balance is not an int (a float, a string, or a bool: ``True`` is no balance).
        ValueError: a balance is negative.

        Both messages name ``balances``.

    Example:
        >>> bank = Bank({"alice": 100, "bob": 20})
        >>> bank.transfer("alice", "bob", 30)
        >>> bank.balance("alice"), bank.balance("bob"), bank.total()
        (70, 50, 120)
        >>> try:
        ...     bank.transfer("bob", "alice", 500)
        ... except InsufficientFunds as exc:
        ...     print("refused:", exc)
        refused: src: 'bob' holds 50, cannot send 500
        >>> bank.total()
        120
    """

    def __init__(self, balances: Mapping[str, int]) -> None:
        raise NotImplementedError

    def transfer(self, src: str, dst: str, amount: int) -> None:
        """Move ``amount`` from account ``src`` to account ``dst``, atomically.

        Holds the locks of ``src`` and ``dst`` (and no other), taken in the bank's fixed order whatever
        the direction, so that concurrent transfers never deadlock and transfers between disjoint pairs
        of accounts never wait on each other.

        Args:
            src (str): the account that pays.
            dst (str): the account that receives; must differ from ``src``.
            amount (int): how much, ``> 0``.

        Returns:
            None. On any error nothing has changed.

        Raises:
            TypeError: ``amount`` is not an int (a bool is refused too: ``True`` is no amount); the message
                names ``amount``.
            ValueError: ``amount <= 0`` (the message names ``amount``), or ``src == dst`` (the message names
                ``src`` or ``dst``).
            KeyError: ``src`` or ``dst`` is not an account (the message names which).
            InsufficientFunds: ``src`` holds less than ``amount`` (a ``ValueError``).

        Example:
            >>> bank = Bank({"a": 10, "b": 0})
            >>> bank.transfer("a", "b", 10)
            >>> bank.balance("a"), bank.balance("b")
            (0, 10)
        """
        raise NotImplementedError

    def balance(self, name: str) -> int:
        """The balance of one account.

        Args:
            name (str): the account.

        Returns:
            int: its balance, never negative.

        Raises:
            KeyError: no account has this name (the message shows the name).

        Example:
            >>> Bank({"a": 5}).balance("a")
            5
        """
        raise NotImplementedError

    def total(self) -> int:
        """The sum of all balances, as one consistent snapshot.

        Takes every account's lock (in the bank's fixed order), so no transfer is half done while it sums.

        Returns:
            int: the sum of the balances; transfers never change it.

        Example:
            >>> Bank({"a": 5, "b": 7}).total()
            12
        """
        raise NotImplementedError
