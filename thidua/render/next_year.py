"""The next year's bloc file, as YAML text an office worker will edit (pure)."""

from __future__ import annotations

from thidua.core.handover import Handover
from thidua.core.numbers import plain
from thidua.model import BlocYear, Criterion, Table
from thidua.yamlquote import double_quoted


def _q(text: str) -> str:
    """A YAML double-quoted scalar that reads back as ``text``, whatever it holds (control characters,
    line separators and all: checks refuse them in a file, but this never writes a file that does not parse)."""
    return double_quoted(text)


def _criterion_lines(c: Criterion, indent: str) -> list[str]:
    out = [f"{indent}- id: {_q(c.id)}", f"{indent}  name: {_q(c.name)}"]
    if c.max is not None:
        out.append(f"{indent}  max: {plain(c.max)}")
    if c.children:
        out.append(f"{indent}  items:")
        for child in c.children:
            out.extend(_criterion_lines(child, indent + "    "))
    return out


def table_lines(table: Table) -> list[str]:
    out = ["criteria:", f"  name: {_q(table.name)}"]
    if table.total is not None:
        out.append(f"  total: {plain(table.total)}")
    out.append("  groups:")
    for g in table.groups:
        out.extend(_criterion_lines(g, "    "))
    if table.bonus_cap is not None:
        out.append(f"  bonus: {{max: {plain(table.bonus_cap)}}}")
    if table.deduction_cap is not None:
        out.append(f"  deductions: {{max: {plain(table.deduction_cap)}}}")
    return out


def next_year_text(current: BlocYear, handover: Handover, schema_line: str | None = None) -> str:
    year = current.year + 1
    staying = [m for m in current.members if m.left is None]
    leaving = [m for m in current.members if m.left is not None]
    lines = []
    if schema_line:
        lines.append(schema_line)
    lines += [
        f"# Khối {current.bloc}, năm {year}: tạo bởi `thidua handover {current.year} --bloc {current.bloc} --write`.",
        ("# Trưởng khối, Phó khối theo quyết định của khối ghi trong tệp năm trước."
         if handover.decided_leader or handover.decided_deputy else
         f"# Trưởng khối, Phó khối theo đề xuất ({handover.rule_name}); sửa nếu khối quyết định khác."),
        f"bloc: {current.bloc}",
        f"year: {year}",
        f"name: {_q(current.name)}",
        "",
        "members:",
    ]
    for m in staying:
        lines.append(f"  - id: {m.id}")
        lines.append(f"    name: {_q(m.name)}")
        if m.short:
            lines.append(f"    short: {_q(m.short)}")
    lines.append("")
    # What the bloc decided wins over what the rule proposes: the file records decisions.
    leader = handover.decided_leader or handover.leader
    deputy = handover.decided_deputy or handover.deputy
    if leader:
        lines.append(f"leader: {leader}")
    if deputy:
        lines.append(f"deputy: {deputy}")
    if current.rotation is not None:
        r = current.rotation
        lines.append("rotation:")
        lines.append(f"  rule: {r.kind}")
        order = [o.id for o in r.order if o.id in {m.id for m in staying}]
        if order:
            lines.append(f"  order: [{', '.join(order)}]")
        lines.append(f"  skip_first_year: {'true' if r.skip_first_year else 'false'}")
        if r.cooldown_years:
            lines.append(f"  cooldown_years: {r.cooldown_years}")
    lines.append("")
    lines.append("events: {}   # covenant: NĂM-THÁNG-NGÀY (ký kết), midyear (sơ kết), review (tổng kết)")
    lines.append("")
    if current.criteria_ref is not None:
        lines.append(f"criteria: {current.criteria_ref.id}   # đổi sang bảng điểm năm {year} khi khối thông qua")
    elif current.table is not None:
        lines.extend(table_lines(current.table))
    if leaving:
        lines.append("")
        lines.append("departures:")
        for m in leaving:
            lines.append(f"  - member: {m.id}")
            lines.append("    reason: other")
            lines.append(f"    date: {m.left.isoformat()}")
            lines.append(f"    note: {_q(f'{m.name} rời khối ngày {m.left.isoformat()}')}")
    lines.append("")
    lines.append("scores: {}")
    return "\n".join(lines) + "\n"
