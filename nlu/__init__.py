"""Custom Rasa NLU pipeline components (loaded by the Rasa server through config.yml)."""
