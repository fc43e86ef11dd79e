"""W010 file-not-read: Tệp YAML trong blocs/ mà thidua không đọc (tên hoặc chỗ đặt không đúng)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

# Made by validate's listing of the data root (thidua/loading/unread.py), not by a check of a file:
# "2024 - Copy.yaml", "2024.yml" or a folder "Khối MTTQ" would otherwise be skipped unseen, and a
# whole-root run would say "0 lỗi" over data it never read.
RULE = Rule(
    code="W010",
    name="file-not-read",
    severity=Severity.WARNING,
    title="Tệp YAML trong blocs/ mà thidua không đọc (tên hoặc chỗ đặt không đúng)",
    hint="Tệp năm đặt tên blocs/<mã khối>/<năm>.yaml (ví dụ blocs/mttq/2024.yaml), bảng điểm dùng chung "
         "blocs/_tables/<tên>.yaml; đổi tên tệp nếu là dữ liệu, hoặc chuyển bản sao, ghi chú ra khỏi blocs/.",
    stage="text",
)
