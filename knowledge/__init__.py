"""Regulation knowledge: the facts of ../shared/seeds as data, each with its citation."""
