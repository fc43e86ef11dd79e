"""`thidua handover YEAR --bloc B`: propose next year's chair and deputy; `--write` opens the file."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from thidua.cli.common import JsonOption, RootOption, handles_errors, resolve_root
from thidua.cli.output import json_text


def _name(by, member_id):
    m = by.member(member_id) if by and member_id else None
    return f"{m.name} ({member_id})" if m else (member_id or "—")


# The JSON keys are a published contract and say "chair" for the Trưởng khối, which the data and
# the code call the leader.
JSON_ROLES = {"leader": "chair", "deputy": "deputy"}


def handover_dict(run) -> dict:
    from thidua.documents.words import in_words, names_in, words_for

    h = run.handover
    w, keep = words_for(run.current.kind), names_in(run.current)

    def say(reason):  # the reasons in the bloc's own words, as the text says them (Cụm trưởng for a cụm)
        return in_words(w, reason, keep) if reason else reason

    return {
        "bloc": h.bloc, "year": h.year, "next_year": h.next_year,
        "rule": {"kind": h.rule.kind, "name": h.rule_name, "skip_first_year": h.rule.skip_first_year,
                 "cooldown_years": h.rule.cooldown_years},
        "chair": h.leader, "chair_reason": say(h.leader_reason),
        "deputy": h.deputy, "deputy_reason": say(h.deputy_reason),
        "passed_over": [{"member": p.member, "role": JSON_ROLES[p.role], "reason": say(p.reason)} for p in h.passed],
        "eligible": list(h.eligible),
        "ineligible": [{"member": p.member, "reason": say(p.reason)} for p in h.ineligible],
        "not_proposed": [{"member": n.member, "chair_reason": say(n.leader_reason), "deputy_reason": say(n.deputy_reason)}
                         for n in h.not_proposed],
        "decided": {"chair": h.decided_leader, "deputy": h.decided_deputy},
        "next_file": {"exists": run.next_file.is_file(),
                      "leader": run.next_year.leader.id if run.next_year and run.next_year.leader else None,
                      "deputy": run.next_year.deputy.id if run.next_year and run.next_year.deputy else None},
    }


def _reasons(n, w, keep) -> str:
    """One member's reasons for both roles, said once when they are the same."""
    from thidua.documents.words import in_words

    if n.same_reason:
        return f"{in_words(w, n.leader_reason, keep)} (không làm {w.leader}, {w.deputy})"
    parts = [f"{w.leader}: {in_words(w, n.leader_reason, keep)}" if n.leader_reason else "",
             f"{w.deputy}: {in_words(w, n.deputy_reason, keep)}" if n.deputy_reason else ""]
    return "; ".join(p for p in parts if p)


def handover_text(run) -> str:
    from thidua.documents.words import in_words, names_in, words_for

    h, by = run.handover, run.current
    w, keep = words_for(by.kind), names_in(by)  # a cụm's officers are its Cụm trưởng and Cụm phó; the core's reasons say khối
    out = [f"{by.name} ({by.bloc}): bàn giao năm {h.year} → {h.next_year}",
           f"Quy tắc: {h.rule_name}"]
    if not h.proposes:
        out.append(f"Không đề xuất: {in_words(w, h.leader_reason, keep)}" if h.rule.kind == "none" else
                   f"{w.Bloc} bầu {w.leader}, {w.deputy} năm {h.next_year}; thidua không đề xuất.")
        out.append(f"Đơn vị đủ điều kiện làm {w.leader} năm {h.next_year}:")
        out.extend(f"  • {_name(by, i)}" for i in h.eligible)
    else:
        out.append(f"{w.leader} năm {h.next_year}: {_name(by, h.leader)} — {in_words(w, h.leader_reason, keep)}")
        out.append(f"{w.deputy} năm {h.next_year}: {_name(by, h.deputy)} — {in_words(w, h.deputy_reason, keep)}")
    if h.not_proposed:
        out.append("Đơn vị bỏ qua hoặc không đủ điều kiện:")
        out.extend(f"  • {_name(by, n.member)}: {_reasons(n, w, keep)}" for n in h.not_proposed)
    if h.decided_leader or h.decided_deputy:
        if not h.proposes:
            verdict = "đủ điều kiện" if h.decided_leader in h.eligible else f"{w.leader} không nằm trong danh sách đủ điều kiện"
        else:
            same = h.decided_leader == h.leader and h.decided_deputy == h.deputy
            verdict = "khớp đề xuất" if same else "khác đề xuất"
        out.append(f"{w.Bloc} đã thống nhất: {w.leader} {_name(by, h.decided_leader)}, {w.deputy} "
                   f"{_name(by, h.decided_deputy)} ({verdict})")
    if run.next_year is not None:
        n = run.next_year
        lead = n.leader.id if n.leader else None
        dep = n.deputy.id if n.deputy else None
        if not h.proposes:
            verdict = "đủ điều kiện" if lead in h.eligible else f"{w.leader} không nằm trong danh sách đủ điều kiện"
        else:
            verdict = "khớp đề xuất" if (lead == h.leader and dep == h.deputy) else "khác đề xuất"
        out.append(f"Tệp năm {h.next_year}: {w.leader} {_name(n, lead)}, {w.deputy} {_name(n, dep)} ({verdict})")
    from thidua.textsafe import shown_text

    return "\n".join(shown_text(line) for line in out) + "\n"


@handles_errors
def handover(
    year: Annotated[int, typer.Argument(help="Năm đang kết thúc, ví dụ 2020 (đề xuất cho năm sau).", min=1945, max=2199)],
    bloc: Annotated[str, typer.Option("--bloc", "-b", help="Mã khối, ví dụ mttq.")],
    root: RootOption = None,
    write: Annotated[bool, typer.Option("--write", help="Tạo tệp năm sau (không bao giờ ghi đè tệp đã có).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Đề xuất Trưởng khối, Phó khối năm sau theo quy tắc luân phiên và lịch sử của khối, có giải thích.

    Example: thidua handover 2020 --root examples/bac-kan --bloc mttq --write
    """
    from thidua.loading.root import bloc_year_path, display_path
    from thidua.locking import locked

    data_root = resolve_root(root)
    if not write:
        raise typer.Exit(_show(handover_at_root(data_root, year, bloc), year, bloc, as_json, data_root))
    # --write: this year's file is locked from reading it to creating next year's, so two runs (or an
    # import into this year) take turns; next year's file is created only if it does not exist.
    next_path = bloc_year_path(data_root, bloc, year + 1)
    existed = os.path.lexists(next_path)
    this_year = bloc_year_path(data_root, bloc, year)
    with locked([this_year] if this_year.is_file() else [], shown=lambda p: display_path(data_root, p)):
        run = handover_at_root(data_root, year, bloc)
        code = _show(run, year, bloc, as_json, data_root)
        if code == 0:
            code = _write_next(run, data_root, existed)
    raise typer.Exit(code)


def handover_at_root(data_root, year: int, bloc: str):
    from thidua.handover_run import handover_at

    return handover_at(data_root, year, bloc)


def _show(run, year: int, bloc: str, as_json: bool, data_root) -> int:
    from thidua.cli.score_cmd import print_findings

    if run.refused:
        print_findings(run.findings, root=data_root)
        files = " ".join(run.broken)
        sys.stderr.write(f"thidua: không bàn giao năm {year} của khối {bloc} vì có lỗi trong {', '.join(run.broken)}; "
                         f"sửa trước khi bàn giao (thidua validate {files})\n")
        return 1
    if as_json:
        sys.stdout.write(json_text(handover_dict(run)))
    else:
        sys.stdout.write(handover_text(run))
    print_findings([d for d in run.findings if not d.is_error], root=data_root)
    return 0


def _write_next(run, data_root, existed: bool) -> int:
    from thidua.loading.load import Workspace
    from thidua.loading.root import user_path
    from thidua.render.next_year import next_year_text
    from thidua.writing import create_new

    schema_file = data_root / "schema" / "bloc-year.schema.json"
    # Editors find the schema relative to the file, as in the bundled data; without one, no line.
    schema = "# yaml-language-server: $schema=../../schema/bloc-year.schema.json" if schema_file.is_file() else None
    text = next_year_text(run.current, run.handover, schema)
    shown = user_path(data_root, str(run.next_file.absolute()))  # as it opens from here
    if not run.next_file.exists() and _refuse_invalid(run, text, shown):
        return 1
    if create_new(run.next_file, text.encode("utf-8")):
        sys.stderr.write(f"đã tạo {shown}\n")
        return 0
    h = run.handover
    nxt = Workspace(data_root).bloc_year_of(h.bloc, h.next_year)  # read now, not before the other run wrote it
    n = nxt.bloc_year if nxt is not None else None
    meanwhile = "" if existed else " (một lần chạy khác vừa tạo tệp trong lúc lệnh này chạy)"
    if n is None:
        sys.stderr.write(f"thidua: {shown} đã có{meanwhile}; không ghi đè. Tệp hiện có có lỗi: "
                         f"chạy thidua validate {shown}\n")
        return 1
    diffs = _differences(run, n)
    if not diffs:  # what --write would have written is there: nothing to do
        sys.stderr.write(f"Tệp năm {h.next_year} ({shown}) đã có và khớp đề xuất{meanwhile}; không cần ghi.\n")
        return 0
    sys.stderr.write(f"thidua: {shown} đã có{meanwhile}; không ghi đè. Khác biệt so với đề xuất:\n"
                     + "\n".join(diffs) + "\n")
    return 1


def _differences(run, n) -> list[str]:
    """How next year's file ``n`` differs from the proposal, in the chair, the deputy and the members."""
    h = run.handover
    diffs = []
    leader, deputy = h.decided_leader or h.leader, h.decided_deputy or h.deputy
    if (n.leader.id if n.leader else None) != leader:
        diffs.append(f"  Trưởng khối: tệp ghi {n.leader.id if n.leader else '—'}, đề xuất {leader or '—'}")
    if (n.deputy.id if n.deputy else None) != deputy:
        diffs.append(f"  Phó khối: tệp ghi {n.deputy.id if n.deputy else '—'}, đề xuất {deputy or '—'}")
    proposed = [m.id for m in run.current.members if m.left is None]
    have = [m.id for m in n.members]
    for mid in proposed:
        if mid not in have:
            diffs.append(f"  Thành viên: đề xuất giữ {mid}, tệp không có")
    for mid in have:
        if mid not in proposed:
            diffs.append(f"  Thành viên: tệp có thêm {mid}")
    return diffs


def _refuse_invalid(run, text: str, shown: str) -> bool:
    """Never create a file that fails validation: check the text as the file it would be, first."""
    from thidua.cli.score_cmd import print_findings
    from thidua.evaluation import evaluate
    from thidua.loading.load import Workspace

    ev = evaluate(Workspace(run.root), run.next_file, data=text.encode("utf-8"))
    errors = [d for d in ev.findings if d.is_error]
    if errors:
        print_findings(errors)
        sys.stderr.write(f"thidua: không tạo {shown}: tệp sẽ có lỗi (xem trên); sửa 'decided:' hoặc tệp năm "
                         f"{run.current.year} rồi chạy lại\n")
    return bool(errors)
