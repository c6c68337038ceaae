"""`toolkit serve`: the editors' web view on a local server."""

from __future__ import annotations

import click
import uvicorn

from toolkit.cli.main import EXIT_OK, Context
from toolkit.cli.pipeline import project_root
from toolkit.web import create_app, editing_allowed, is_loopback


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--read-only", is_flag=True, help="Turn the glossary editor off.")
@click.option(
    "--allow-edit",
    is_flag=True,
    help="Allow editing when binding to an address other than loopback (off by default there).",
)
@click.pass_obj
def serve(obj: Context, host: str, port: int, read_only: bool, allow_edit: bool) -> int:
    """Serve the web view: dashboard, glossary search and editor, articles side by side
    (en, kk, kk-Latn, ru) with their findings, and live transliteration.

    Editing (add a concept, add or remove terms, edit notes, definitions, sources and
    terms) writes the glossary YAML files (atomically, keeping comments and order) after
    the same lint as `toolkit glossary lint`. It is off with --read-only, and off when
    --host is not a loopback address unless --allow-edit is given.
    """
    editing = editing_allowed(host, read_only=read_only, allow_edit=allow_edit)
    # on loopback, only loopback Host names: a foreign name that resolves to 127.0.0.1 (DNS
    # rebinding) would make its pages same-origin with this server
    app = create_app(
        project_root(),
        obj.glossary_dir,
        read_only=not editing,
        loopback_hosts_only=is_loopback(host),
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"toolkit: serving http://{shown}:{port}/ (editing {'on' if editing else 'off'})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return EXIT_OK
