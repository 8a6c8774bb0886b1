"""Errors that stop the assistant before it starts, told as one problem and one fix."""

from __future__ import annotations


class StartupError(Exception):
    """A configuration or environment problem an operator can fix; printed without a traceback."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return f"GAGAL: {self.problem}\nPerbaikan: {self.fix}"


class UserInputError(ValueError):
    """A request refused because of what the person typed; the message is Indonesian and says
    what is wrong and what a correct value looks like."""
