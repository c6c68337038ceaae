"""Command-line interface (thin: parses options, calls the library, prints, picks exit codes)."""
