"""fakesnow's server, run by test_snowflake.py, with one of fakesnow's limits lifted (test code only).

fakesnow reads `$name` anywhere in a statement as a session variable, inside string literals
and comments too, where Snowflake reads text: a value such as `$pageview` (PostHog's page-view
event, in pql_signal_events) fails. Here variables are inlined outside literals and comments only.
"""

from __future__ import annotations

import re
import sys

from fakesnow import cli, variables

_inline_variables = variables.Variables.inline_variables
# Scanned left to right: a literal, a line comment or a block comment, whichever starts first.
_TEXT = re.compile(r"('(?:[^'\\]|\\.|'')*'|--[^\n]*|/\*.*?\*/)", re.DOTALL)


def _inline_variables_outside_text(self: variables.Variables, sql: str) -> str:
    parts = _TEXT.split(sql)
    return "".join(part if index % 2 else _inline_variables(self, part) for index, part in enumerate(parts))


variables.Variables.inline_variables = _inline_variables_outside_text

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:]))
