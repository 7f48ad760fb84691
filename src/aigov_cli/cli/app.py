"""The Typer app and its one error boundary.

Everything a command raises is caught here, once: aigov's own errors become one line and
their exit code; a `UsageError` of aigov's reads like click's own (usage line, hint, exit
2); click's usage errors pass through to click; a closed pipe ends the run quietly (141);
anything else is a bug: one line saying so, exit 70, the traceback with AIGOV_DEBUG=1.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import AigovError, ExitCode, LoadError, PipeClosed, UsageError
from ..output import error


def _click_class(name: str) -> Any:
    """A click exception class as the installed typer provides it (typer 0.28 vendors
    click as `typer._click`; older releases use click itself): found through the public
    `typer.BadParameter`, so that neither a private module nor click is imported."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


F = TypeVar("F", bound=Callable[..., Any])
ClickException = _click_class("ClickException")
ClickUsageError = _click_class("UsageError")


class AigovCommand(TyperCommand):
    """A command whose aigov usage errors read as click's, with this command's usage."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise ClickUsageError(str(exc), ctx) from None


class AigovGroup(TyperGroup):
    """Catches what commands raise, once, at the boundary (see the module docstring)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (ClickException, typer.Exit, typer.Abort, PipeClosed, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            raise PipeClosed() from None
        except LoadError as exc:
            for problem in exc.problems:
                error(str(problem))
            raise typer.Exit(ExitCode.TROUBLE) from None
        except AigovError as exc:
            error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:  # a bug: one line for the user, the traceback on request
            if os.environ.get("AIGOV_DEBUG"):
                raise
            error(f"internal error: {type(exc).__name__}: {exc} (set AIGOV_DEBUG=1 for details)")
            raise typer.Exit(ExitCode.INTERNAL) from None


app = typer.Typer(
    name="aigov",
    cls=AigovGroup,
    help="Compare how jurisdictions govern artificial intelligence.\n\n"
    "Examples:\n\n"
    "  aigov compare japan china\n\n"
    "  aigov diff japan china --format json | jq .\n\n"
    "  aigov obligations japan china eu --topic content_labelling\n\n"
    "  aigov validate --strict",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """`app.command` with aigov's command class (usage errors read as click's)."""
    register: Callable[[F], F] = app.command(*args, cls=AigovCommand, **kwargs)
    return register


def _version(value: bool) -> None:
    if value:
        from ..registry import newest_builtin_as_of

        typer.echo(f"aigov {__version__} (data as of {newest_builtin_as_of()})")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Print the version and the data's date, and exit.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Compare how jurisdictions govern artificial intelligence."""


def _only_invoked_command(argv: list[str]) -> list[Any] | None:
    """Keep only the command being run registered; the full list to restore afterwards.

    Typer inspects every command's parameters when it builds the app (about 2 P for our
    commands, measured with scripts/bench.py); a run needs only the one it invokes. The
    full app is kept for top-level help, completion and anything unrecognised.
    """
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None
    name = next((arg for arg in argv if not arg.startswith("-")), None)
    commands = list(app.registered_commands)
    chosen = [
        c for c in commands if (c.name or (c.callback.__name__ if c.callback else "")) == name
    ]
    if len(chosen) != 1:
        return None
    app.registered_commands = chosen
    return commands


def run(argv: list[str] | None = None) -> int:
    """Run the app in click's standalone mode (usage errors exit 2) and return its code.
    Can be called any number of times in one process."""
    import sys

    everything = _only_invoked_command(list(sys.argv[1:] if argv is None else argv))
    try:
        app(args=argv, prog_name="aigov")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        if everything is not None:
            app.registered_commands = everything
    return 0
