from collections.abc import Callable
from pathlib import Path

from tests.conftest import keys, lint, single_channel_config

VARIABLES = "customer:\n  name: imię\norder:\n  number: numer\n  items: pozycje\n"


def test_unknown_variables_are_reported_at_their_position(project: Callable[..., Path]) -> None:
    template = (
        "Dzień dobry {{ customer.name }},\n"
        "{% if customer %}zamówienie {{ order.numer }}{% endif %}\n"
        "{% for item in order.items %}{{ item.name }}{% endfor %}\n"
        "{{ agent.signature }}\n"
    )
    root = project(single_channel_config("template", "*.j2", variables="vars.yaml"),
                   {"list.txt.j2": template, "vars.yaml": VARIABLES})
    findings = lint(root).findings
    assert keys(findings) == [
        ("TEMPLATE-UNKNOWN-VARIABLE", "template", "list.txt.j2", 2),
        ("TEMPLATE-UNKNOWN-VARIABLE", "template", "list.txt.j2", 4),
    ]
    assert [(f.span.column, f.excerpt) for f in findings] == [(32, "order.numer"),
                                                             (4, "agent.signature")]


def test_without_a_variables_file_names_are_not_judged(project: Callable[..., Path]) -> None:
    root = project(single_channel_config("template", "*.j2"),
                   {"list.txt.j2": "{{ anything.at.all }}\n"})
    assert lint(root).findings == ()


def test_sandbox_escape_payload_is_reported_not_run(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    payload = f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n"
    root = project(single_channel_config("template", "*.j2"), {"evil.txt.j2": payload})
    findings = lint(root).findings
    assert keys(findings) == [("TEMPLATE-UNSAFE-EXPRESSION", "template", "evil.txt.j2", 1)]
    assert findings[0].message.endswith("__init__, __globals__")
    assert not marker.exists()
