"""E316 predecessor-unknown: Đơn vị (khối) tiền thân không có trong các tệp năm trước của tỉnh."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E316",
    name="predecessor-unknown",
    severity=Severity.ERROR,
    title="Đơn vị (khối) tiền thân không có trong các tệp năm trước của tỉnh",
    hint="Đơn vị tiền thân phải là thành viên của một khối trong các tệp năm trước (blocs/*/<năm trước>.yaml); "
         "khối tiền thân phải có tệp năm trước. Kiểm tra chính tả của mã.",
    stage="province",
)


def check(ctx):
    units = ctx.units
    if units is None or not units.previous_blocs:
        return  # no file of last year anywhere: nothing to check against
    by = ctx.by
    last = by.year - 1
    for m in by.members:
        for p in m.predecessors:
            current = any(place.bloc == by.bloc for place in units.units.get(p.id, ()))  # E315's
            if p.id != m.id and not current and p.id not in units.previous:
                yield RULE.at(p.src, f"{m.id}: đơn vị tiền thân '{p.id}' không có trong tệp năm {last} nào của tỉnh",
                              _close(p.id, units.previous))
    for p in by.predecessors:
        if p.id != by.bloc and p.id not in units.previous_blocs:
            yield RULE.at(p.src, f"khối tiền thân '{p.id}' không có tệp năm {last} (blocs/{p.id}/{last}.yaml)")


def _close(word, ids):
    import difflib

    close = difflib.get_close_matches(word, sorted(ids), n=1, cutoff=0.6)
    return f"Có phải ý là '{close[0]}'?" if close else None
