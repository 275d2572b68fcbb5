"""What a browser would send back from a page's form, for tests that save a form as read."""

from __future__ import annotations

import html as html_lib
import re


def form_values(page: str) -> dict[str, str]:
    """What a browser would submit: inputs, ticked boxes, chosen options, text areas."""
    values = {}
    for tag in re.findall(r"<input[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or 'type="submit"' in tag:
            continue
        if 'type="checkbox"' in tag or 'type="radio"' in tag:
            if " checked" in tag:
                values[name.group(1)] = value.group(1) if value else "on"
            continue
        values[name.group(1)] = html_lib.unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        values[name] = chosen.group(1) if chosen else ""
    for name, text in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        values[name] = html_lib.unescape(text.strip())
    return values
