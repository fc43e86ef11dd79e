"""Score edits of a bloc-year's text: only the figures that change are touched.

What to write (a member's self or agreed points, its bonus and deductions) is said by
:class:`MemberEdit`; :class:`ScoreEditor` finds the place in ``scores:`` and splices it
with the generic :class:`thidua.forms.yamlsplice.YamlSplicer`, creating a missing
member, mapping or list in the style of its siblings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import yaml

from thidua.forms.meta import number_text
from thidua.forms.yamlsplice import NULLS, EditError, Map, Seq, Text, YamlSplicer

SCORE_FIELDS = ("self", "self_bonus", "self_deductions", "agreed", "bonus", "deductions", "total")
ADJUSTMENT_FIELDS = ("self_bonus", "self_deductions", "bonus", "deductions")
_LIST_SAMPLES = ("bonus", "deductions", "self_bonus", "self_deductions")


@dataclass(frozen=True, slots=True)
class AdjustmentEdit:
    """Changes to one member's bonus or deductions list.

    Attributes:
      replace: 0-based index → (new points or None, new reason or None) for items already recorded.
      append: new items (points, reason) in order.
      final: the whole list after the change, for files that write it as a single number.
    """

    replace: dict[int, tuple[Decimal | None, str | None]] = field(default_factory=dict)
    append: tuple[tuple[Decimal, str], ...] = ()
    final: tuple[tuple[Decimal, str], ...] = ()


@dataclass(slots=True)
class MemberEdit:
    points: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # "self"/"agreed" → criterion → value
    adjustments: dict[str, AdjustmentEdit] = field(default_factory=dict)  # ADJUSTMENT_FIELDS


class ScoreEditor(YamlSplicer):
    """Writes :class:`MemberEdit` values into ``scores:``."""

    # -- the scores section ------------------------------------------------------
    def _sample(self, scores, fields: tuple[str, ...], prefer=None):
        """The first mapping/sequence under these fields: in ``prefer`` (the same member) first."""
        members = ([prefer] if prefer is not None else []) + (
            [v for _, v in scores.value] if isinstance(scores, yaml.MappingNode) else [])
        for m in members:
            for f in fields:
                hit = self.get(m, f)
                if hit and isinstance(hit[1], (yaml.MappingNode, yaml.SequenceNode)) and hit[1].value:
                    return hit[1]
        return None

    def _points_value(self, values: dict[str, Decimal], sample, rank: dict[str, int]) -> Map:
        style = '"'
        flow = False
        if sample is not None:
            flow = bool(sample.flow_style)
            style = sample.value[0][0].style or None  # libyaml says '' for plain
        ordered = sorted(values.items(), key=lambda kv: (rank.get(kv[0], 1 << 30), kv[0]))
        return Map(tuple((self.key_text(k, style), v) for k, v in ordered), flow, wrap=flow)

    def _adjustments_value(self, items: tuple[tuple[Decimal, str], ...], sample) -> Seq:
        item_flow = True
        seq_flow = len(items) == 1
        if sample is not None:
            seq_flow = bool(sample.flow_style)
            first = sample.value[0]
            item_flow = not isinstance(first, yaml.MappingNode) or bool(first.flow_style)
        return Seq(tuple(self._item(p, r, item_flow) for p, r in items), seq_flow)

    @staticmethod
    def _item(points: Decimal, reason: str, flow: bool) -> Map:
        entries: list[tuple[str, object]] = [("points", points)]
        if reason:
            entries.append(("reason", Text(reason)))
        return Map(tuple(entries), flow)

    def _member_value(self, edit: MemberEdit, scores, rank: dict[str, int], flow: bool) -> Map:
        items: list[tuple[str, object]] = []
        for f in ("self", "agreed"):
            if edit.points.get(f):
                items.append((f, self._points_value(edit.points[f], self._sample(scores, ("self", "agreed")), rank)))
        for f in ADJUSTMENT_FIELDS:
            adj = edit.adjustments.get(f)
            if adj and adj.final:
                items.append((f, self._adjustments_value(adj.final, self._sample(scores, _LIST_SAMPLES))))
        items.sort(key=lambda kv: SCORE_FIELDS.index(kv[0]))
        return Map(tuple(items), flow)

    def apply(self, updates: dict[str, MemberEdit], criteria: list[str]) -> None:
        """Write each member's changes into ``scores:``, creating what is missing."""
        rank = {c: i for i, c in enumerate(criteria)}
        hit = self.get(self.root, "scores")
        scores = hit[1] if hit else None
        new_members = [m for m in updates if not (isinstance(scores, yaml.MappingNode) and self.get(scores, m))]
        if scores is not None and not isinstance(scores, (yaml.MappingNode, yaml.ScalarNode)):
            raise EditError("'scores:' không phải là một mục", scores)
        if new_members:
            flow = bool(isinstance(scores, yaml.MappingNode) and scores.flow_style)
            block = Map(tuple((m, self._member_value(updates[m], scores, rank, flow)) for m in new_members), False)
            if scores is None:
                from thidua.schema.formats import BLOC_YEAR

                top = {name: i for i, name in enumerate(BLOC_YEAR.fields)}
                self.insert_entries(self.root, [("scores", "scores", block)], top)
            elif isinstance(scores, yaml.ScalarNode):
                if scores.value not in NULLS:
                    raise EditError("'scores:' không phải là một mục", scores)
                self.set_value(scores, block, hit[0].start_mark.column, len("scores"))
            else:
                self.insert_entries(scores, [(m, m, v) for m, v in block.items], None)
        for member, edit in updates.items():
            if member in new_members:
                continue
            node = self.get(scores, member)[1]
            self._apply_member(node, edit, scores, rank)

    def _apply_member(self, node, edit: MemberEdit, scores, rank: dict[str, int]) -> None:
        if not isinstance(node, yaml.MappingNode):
            raise EditError("điểm của đơn vị không phải là một mục", node)
        field_rank = {f: i for i, f in enumerate(SCORE_FIELDS)}
        missing: list[tuple[str, str, object]] = []
        for f in ("self", "agreed"):
            values = edit.points.get(f)
            if not values:
                continue
            hit = self.get(node, f)
            sample = self._sample(scores, ("self", "agreed"), prefer=node)
            if hit is None:
                missing.append((f, f, self._points_value(values, sample, rank)))
            elif isinstance(hit[1], yaml.ScalarNode):
                if hit[1].value not in NULLS:
                    raise EditError(f"'{f}:' không phải là một mục điểm", hit[1])
                self.set_value(hit[1], self._points_value(values, sample, rank), hit[0].start_mark.column, len(f))
            else:
                self._set_points(hit[1], values, rank)
        for f in ADJUSTMENT_FIELDS:
            adj = edit.adjustments.get(f)
            if adj is None or not (adj.replace or adj.append):
                continue
            hit = self.get(node, f)
            sample = self._sample(scores, _LIST_SAMPLES, prefer=node)
            if hit is None:
                missing.append((f, f, self._adjustments_value(adj.final, sample)))
            elif isinstance(hit[1], yaml.ScalarNode):
                final = adj.final
                value = final[0][0] if len(final) == 1 and not final[0][1] else \
                    Seq(tuple(self._item(p, r, True) for p, r in final), True)
                if hit[1].start_mark.index == self._scalar_end(hit[1]) or not isinstance(value, Decimal):
                    self.set_value(hit[1], value, hit[0].start_mark.column, len(f))
                else:
                    self.splice(hit[1].start_mark.index, self._scalar_end(hit[1]), number_text(value))
            else:
                self._set_adjustments(hit[1], adj)
        if missing:
            if not node.value:
                raise EditError("mục điểm của đơn vị rỗng", node)
            self.insert_entries(node, missing, field_rank)

    def _set_points(self, mapping, values: dict[str, Decimal], rank: dict[str, int]) -> None:
        if not isinstance(mapping, yaml.MappingNode):
            raise EditError("điểm không phải là một mục 'mã tiêu chí: điểm'", mapping)
        style = (mapping.value[0][0].style or None) if mapping.value else '"'
        new = []
        for crit, value in sorted(values.items(), key=lambda kv: (rank.get(kv[0], 1 << 30), kv[0])):
            hit = self.get(mapping, crit)
            if hit is None:
                new.append((crit, self.key_text(crit, style), value))
            else:
                self.set_value(hit[1], value, hit[0].start_mark.column, len(crit))
        self.insert_entries(mapping, new, rank)

    def _set_adjustments(self, seq, adj: AdjustmentEdit) -> None:
        if not isinstance(seq, yaml.SequenceNode):
            raise EditError("điểm thưởng/điểm trừ không phải là một danh sách", seq)
        for index, (points, reason) in sorted(adj.replace.items()):
            if index >= len(seq.value) or not isinstance(seq.value[index], yaml.MappingNode):
                raise EditError("danh sách điểm thưởng/điểm trừ khác với lúc xuất biểu mẫu", seq)
            item = seq.value[index]
            if points is not None:
                hit = self.get(item, "points")
                if hit is None:
                    self.insert_entries(item, [("points", "points", points)], {"points": 0, "reason": 1})
                else:
                    self.set_value(hit[1], points, hit[0].start_mark.column, len("points"))
            if reason is not None:
                hit = self.get(item, "reason")
                if hit is None:
                    self.insert_entries(item, [("reason", "reason", Text(reason))], {"points": 0, "reason": 1})
                else:
                    self.set_reason(hit[1], reason, bool(item.flow_style or seq.flow_style))
        if not adj.append:
            return
        last = seq.value[-1] if seq.value else None
        item_flow = last is None or not isinstance(last, yaml.MappingNode) or bool(last.flow_style)
        items = [self._item(p, r, item_flow or bool(seq.flow_style)) for p, r in adj.append]
        if seq.flow_style:
            if last is None:
                at = seq.end_mark.index - 1
                self.splice(at, at, ", ".join(self.inline(i) for i in items))
            else:
                end = self._last_end(last)
                self.splice(end, end, "".join(", " + self.inline(i) for i in items))
            return
        col = seq.start_mark.column
        chunk = self.block(Seq(tuple(items), False), col - self.step, 0)
        pos, lead = self._after_line(self._last_end(seq))
        self.splice(pos, pos, lead + chunk.removeprefix(self.nl) + self.nl)
