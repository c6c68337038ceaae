"""Term recognition: surface forms of glossary terms and an automaton that finds them in text."""
