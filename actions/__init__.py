"""Rasa SDK custom actions. Thin: they read the tracker, call plain modules in bot/ and knowledge/,
and send the text back. The action server runs them: ``python -m rasa_sdk --actions actions``."""
