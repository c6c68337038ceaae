"""`python -m toolkit` is the same as the `toolkit` command."""

from toolkit.cli.main import main

raise SystemExit(main())
