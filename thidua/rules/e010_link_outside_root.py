"""E010 link-outside-root: Tệp trong thư mục dữ liệu là liên kết (symlink) trỏ ra ngoài thư mục đó."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

# Made by the reading of a data file (thidua/loading/load.py), never by a check of its content: a link
# committed to the data repository (git keeps links) could otherwise make validate quote the first
# lines of a file of the machine that runs it (/etc/passwd, a CI runner's secrets) into a public log.
RULE = Rule(
    code="E010",
    name="link-outside-root",
    severity=Severity.ERROR,
    title="Tệp trong thư mục dữ liệu là liên kết (symlink) trỏ ra ngoài thư mục đó",
    hint="Chép chính tệp vào thư mục dữ liệu thay cho liên kết; thidua không đọc tệp ở ngoài thư mục dữ "
         "liệu qua một liên kết (liên kết lạ trong kho git có thể làm lộ tệp của máy chạy kiểm tra).",
    stage="text",
)
