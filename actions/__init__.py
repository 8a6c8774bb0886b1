"""Rasa SDK custom actions. Thin: they read the tracker, call plain modules in bot/ and knowledge/,
and send the text back. The action server runs them: ``python -m rasa_sdk --actions actions``."""

from bot import logmask

# The action server logs the messages it handles; registration answers hold NIB and NPWP.
logmask.install()
