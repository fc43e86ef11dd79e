"""The files `thidua init` writes for a new province data repository (pure: text only, no I/O).

``files(province, source)`` gives each path (relative to the new folder) and its text,
in the order they are written. ``source`` is what ``pip install`` is given to install
thidua (it is not on a public index): a requirement such as
``thidua @ git+https://…/thidua.git@<commit>``, or :data:`SOURCE_PLACEHOLDER`, which the
workflow refuses with a message saying what to fill in. The GitHub Actions workflow with
the placeholder is the one docs/ci.md shows (a test keeps the two equal).
"""

from __future__ import annotations

import json
import unicodedata

DIFF_DRIVER = 'git config diff.thidua.textconv "thidua diff --textconv"'
HOOK_FILES = r"(^|/)(thidua\.yaml|blocs/.+\.ya?ml)$"  # as in .pre-commit-hooks.yaml
# Bloc-year files at any depth: '**/' also matches at the top, so the line holds for a data root in a subfolder.
DIFF_ATTRIBUTE = "**/blocs/*/[0-9][0-9][0-9][0-9].yaml diff=thidua"
SOURCE_PLACEHOLDER = "<nguồn cài thidua>"


def _yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def config_text(province: str) -> str:
    return f"""\
# thidua.yaml: quy định chung của tỉnh cho mọi khối thi đua.
# Mỗi khối-năm (blocs/<mã khối>/<năm>.yaml) có thể ghi đè 'scoring', 'awards', 'rotation' của riêng mình.
# Quy định khen thưởng là dữ liệu: khi tỉnh ban hành quy chế mới, sửa ở đây rồi commit.
# Kiểm tra sau khi sửa: thidua validate

province: {_yaml_str(province)}      # tên tỉnh, ghi trên văn bản
place: {_yaml_str(province)}         # địa danh ở dòng "…, ngày … tháng … năm …"

scoring:
  places: 2                # số chữ số thập phân khi làm tròn tổng điểm
  rounding: half-up        # half-up: 0,005 làm tròn lên; half-even; down: bỏ phần lẻ
  bands: []                # xếp loại theo tổng điểm, từ cao xuống thấp, ví dụ:
  #  - {{name: Xuất sắc, min: 95}}
  #  - {{name: Tốt, min: 85}}
  #  - {{name: Khá, min: 70}}
  #  - {{name: Trung bình, min: 50}}
  tie_breaks: []           # phân định khi bằng điểm, theo thứ tự, ví dụ:
  #  ["group:1", deductions, "votes:co-ubnd"]   (điểm nhóm 1, ít điểm trừ hơn, số phiếu Cờ thi đua)

awards: []                 # các hình thức khen thưởng, theo thứ tự xét; bỏ dấu # và sửa theo quy chế của tỉnh:
#  - id: co-ubnd
#    name: Cờ thi đua của UBND tỉnh
#    quota: 1                         # mỗi khối tối đa 1 đơn vị
#    votes: 70%                       # tỷ lệ phiếu tối thiểu trên số người bỏ phiếu
#    min_band: Xuất sắc
#  - id: bang-khen
#    name: Bằng khen của Chủ tịch UBND tỉnh
#    quota: {{share: 30%, rounding: down, min: 1}}
#    votes: 50%
#    min_band: Tốt
#  - id: co-chinh-phu
#    name: Cờ thi đua của Chính phủ
#    level: province                  # chọn trong các đơn vị dẫn đầu khối
#    from_award: co-ubnd
#    quota: {{share: 20%, rounding: down}}

rotation:
  rule: deputy-succeeds    # Phó khối lên Trưởng khối; hoặc fixed-order, best-ranked, elected
  skip_first_year: true    # đơn vị mới vào (hoặc mới hợp nhất) không làm Trưởng khối năm đầu
  cooldown_years: 0        # số năm phải chờ trước khi làm lại Trưởng khối (0: không giới hạn)
"""


TABLE_EXAMPLE = """\
name: Bảng chấm điểm thi đua khối MTTQ năm 2025
total: 100
groups:
  - id: "1"
    name: Thực hiện nhiệm vụ chính trị
    items:
      - {id: "1.1", name: Kết quả thực hiện chỉ tiêu, max: 60}
      - {id: "1.2", name: Tổ chức phong trào thi đua, max: 20}
  - {id: "2", name: Công tác xây dựng tổ chức, max: 20}
bonus: {max: 5}
deductions: {max: 5}
"""


def _indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(keepends=True))


BLOCS_README = f"""\
# Thư mục `blocs/`: dữ liệu các khối thi đua

Mỗi khối một thư mục, tên thư mục là mã khối (chữ thường không dấu, ví dụ `mttq`); mỗi năm một tệp
`<năm>.yaml`. Bảng chấm điểm dùng chung cho nhiều khối hoặc nhiều năm đặt trong `_tables/`.

```
blocs/
  _tables/mttq-2025.yaml     # bảng chấm điểm dùng chung
  mttq/2025.yaml             # khối MTTQ năm 2025
  mttq/2026.yaml
```

Một tệp khối-năm tối thiểu (chép vào `blocs/mttq/2025.yaml` rồi sửa tên, đơn vị, điểm):

```yaml
bloc: mttq
year: 2025
name: Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh
members:
  - {{id: ubmttq, name: Ủy ban MTTQ Việt Nam tỉnh}}
  - {{id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}}
  - {{id: ldld, name: Liên đoàn Lao động tỉnh}}
leader: hlhpn
deputy: ldld
events:
  covenant: 2025-02-20
criteria:
{_indent(TABLE_EXAMPLE)}scores:
  ubmttq:
    self: {{"1.1": 58, "1.2": 19, "2": 19}}      # tự chấm
    agreed: {{"1.1": 57, "1.2": 19, "2": 19}}    # khối thống nhất sau chấm chéo: điểm được tính
  hlhpn:
    agreed: {{"1.1": 58, "1.2": 18.5, "2": 20}}
    bonus: [{{points: 1, reason: Mô hình mới được tỉnh biểu dương}}]
  ldld:
    agreed: {{"1.1": 56, "1.2": 19, "2": 18}}
    deductions: [{{points: 0.5, reason: Nộp báo cáo chậm}}]
```

- Số viết dấu chấm thập phân: `9.5` (không viết `9,5`); ngày viết `NĂM-THÁNG-NGÀY`: `2025-02-20`.
- Mã đơn vị giữ nguyên qua các năm; khi đổi tên, hợp nhất, ghi `predecessors` ở đơn vị mới và
  `departures` cho đơn vị không còn trong khối.
- Sau mỗi lần sửa: `thidua validate`. Trước khi commit: `thidua diff` để xem ý nghĩa thay đổi.
"""

TABLES_README = f"""\
# Thư mục `blocs/_tables/`: bảng chấm điểm dùng chung

Một bảng dùng cho nhiều khối hoặc nhiều năm đặt ở đây, ví dụ `blocs/_tables/mttq-2025.yaml`, và được
gọi trong tệp khối-năm bằng `criteria: _tables/mttq-2025`.

```yaml
{TABLE_EXAMPLE}```

Khi sửa một bảng dùng chung, `thidua diff` cho biết tổng điểm, thứ hạng của những khối nào thay đổi theo.
"""

PRE_COMMIT_CONFIG = f"""\
# pre-commit: kiểm tra dữ liệu thi đua trước mỗi lần commit (tệp sửa và mọi tệp đọc đến nó).
# Cài một lần trên mỗi máy (xem README.md): cài thidua, rồi pip install pre-commit && pre-commit install
repos:
  # Dùng lệnh thidua đã cài trên máy:
  - repo: local
    hooks:
      - id: thidua-validate
        name: thidua validate
        entry: thidua validate
        language: system
        files: {HOOK_FILES}
        pass_filenames: true
        require_serial: true
  # Hoặc để pre-commit tự cài thidua từ kho mã nguồn của thidua (hook 'thidua-validate'
  # khai báo trong .pre-commit-hooks.yaml của kho đó): thay khối trên bằng
  # - repo: <địa chỉ git của kho thidua>
  #   rev: <mã commit hoặc tag của thidua>   # git ls-remote <địa chỉ> HEAD
  #   hooks:
  #     - id: thidua-validate
"""

GITATTRIBUTES = f"""\
# git diff hiển thị ý nghĩa thay đổi của tệp khối-năm (đơn vị, Trưởng khối, điểm, tổng, hạng).
# Cần chạy một lần trên mỗi máy (cấu hình này không lưu được trong kho):
#   {DIFF_DRIVER}
{DIFF_ATTRIBUTE}
# Tệp YAML luôn xuống dòng kiểu Unix, dù sửa trên Windows.
*.yaml text eol=lf
"""

# What thidua writes that is made again from the committed data; anchored at the data root, so that a
# folder of the same name deeper down (blocs/x/reports/) is never ignored.
GITIGNORE = """\
# Tệp thidua tạo ra từ dữ liệu đã commit: không đưa vào kho, tạo lại được bất cứ lúc nào.
# Văn bản báo cáo (thidua report): tạo lại từ dữ liệu của cùng commit, giống hệt từng byte.
/reports/
# Biểu mẫu trắng (thidua form export). Biểu mẫu các đơn vị điền và gửi về là hồ sơ: nếu muốn giữ trong
# kho, lưu ở một thư mục khác, ví dụ bieu-mau-nhan-ve/, rồi commit.
/forms/
# Bộ nhớ đệm của thidua validate: xóa lúc nào cũng được.
/.thidua-cache/
# Tệp tạm của Excel, Word và LibreOffice khi đang mở một văn bản.
~$*
.~lock.*#
"""


def gitignore_missing(existing: str) -> list[str]:
    """The lines of :data:`GITIGNORE` an existing .gitignore lacks: a folder counts as there when a line
    names it anchored or not, with or without the trailing '/' (``reports/`` already ignores /reports/)."""
    have = {line.strip().strip("/") for line in existing.splitlines()}
    lines = [line for line in GITIGNORE.splitlines() if line and not line.startswith("#")]
    return [line for line in lines if line.strip("/") not in have]


def workflow_text(source: str = SOURCE_PLACEHOLDER) -> str:
    return f"""\
# Kiểm tra dữ liệu thi đua trên mỗi pull request: lỗi hiện ngay trên dòng của tệp bị lỗi.
name: thidua
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
env:
  # Nguồn cài thidua (chưa có trên PyPI), ví dụ "thidua @ git+https://<kho thidua>@<mã commit>"
  THIDUA: {_yaml_str(source)}
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # cần lịch sử để thidua diff đọc nhánh gốc
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Cài thidua
        run: |
          case "$THIDUA" in
            "<"*) echo "::error file=.github/workflows/thidua.yml::Điền nguồn cài thidua vào dòng THIDUA"; exit 1 ;;
          esac
          python -m pip install "$THIDUA"
      - name: Kiểm tra dữ liệu (thidua validate)
        run: thidua validate --format github
      - name: Ý nghĩa thay đổi (thidua diff)
        if: github.event_name == 'pull_request'
        continue-on-error: true
        run: |
          {{
            echo '```'
            thidua diff "origin/${{{{ github.base_ref }}}}" HEAD
            echo '```'
          }} >> "$GITHUB_STEP_SUMMARY"
"""


WORKFLOW = workflow_text()


def _shell_str(text: str) -> str:
    """A word for sh, cmd and PowerShell alike: double quotes (a requirement has no quote of its own)."""
    return '"' + text.replace('"', "") + '"'


def readme_text(province: str, source: str = SOURCE_PLACEHOLDER) -> str:
    return f"""\
# Dữ liệu thi đua {province}

Kho này lưu dữ liệu các khối thi đua của {province}: mỗi khối mỗi năm một tệp YAML (thành viên,
Trưởng khối, Phó khối, bảng chấm điểm, điểm tự chấm và điểm khối thống nhất, kết quả bỏ phiếu, quyết
định của khối). Mọi thay đổi được ghi lại bằng git: ai sửa, sửa gì, khi nào.

## Cấu trúc

| Tệp, thư mục | Nội dung |
| --- | --- |
| `thidua.yaml` | quy định chung của tỉnh: xếp loại, khen thưởng, luân phiên Trưởng khối |
| `blocs/<mã khối>/<năm>.yaml` | một khối trong một năm (xem `blocs/README.md`) |
| `blocs/_tables/` | bảng chấm điểm dùng chung |

## Việc thường làm

| Việc | Lệnh |
| --- | --- |
| Kiểm tra dữ liệu (lỗi có số dòng, số cột, cách sửa) | `thidua validate` |
| Chấm điểm, xếp hạng, đề xuất khen thưởng năm 2025 | `thidua score 2025` |
| Đề xuất Trưởng khối, Phó khối năm sau | `thidua handover 2025 --bloc mttq` |
| Xem ý nghĩa những thay đổi chưa commit | `thidua diff` |
| So sánh hai lần commit | `thidua diff HEAD~1 HEAD` |
| Lịch sử một khối qua các năm | `thidua history --bloc mttq` |

## Cài đặt một lần trên mỗi máy

```sh
python -m pip install {_shell_str(source)}
python -m pip install pre-commit && pre-commit install
git config diff.thidua.textconv "thidua diff --textconv"
```

Dòng đầu cài thidua (chưa có trên PyPI: nguồn cài do đơn vị quản lý thidua cung cấp, cũng là dòng
`THIDUA` trong `.github/workflows/thidua.yml`); dòng hai kiểm tra dữ liệu trước mỗi lần commit
(tệp sửa và mọi tệp đọc đến nó: sửa bảng điểm dùng chung thì các khối dùng bảng đó cũng được kiểm
tra); dòng ba để `git diff` hiển thị điểm, tổng, hạng thay vì dòng YAML.

## Quy trình sửa dữ liệu

1. Sửa tệp khối-năm bằng một trình soạn thảo văn bản (lưu UTF-8).
2. `thidua validate`: sửa hết lỗi.
3. `thidua diff`: xem lại thay đổi làm tổng điểm, thứ hạng, đề nghị khen thưởng thay đổi thế nào.
4. Commit với nội dung rõ ràng, ví dụ "Khối MTTQ 2025: điểm thống nhất sau chấm chéo ngày 20/12".
5. Trên GitHub, mỗi pull request được kiểm tra tự động (`.github/workflows/thidua.yml`).
"""


def files(province: str, source: str = SOURCE_PLACEHOLDER) -> dict[str, str]:
    """Every file of a new data repository, path → text, in the order they are written."""
    province = unicodedata.normalize("NFC", " ".join(province.split()))
    source = " ".join(source.split())
    return {
        "thidua.yaml": config_text(province),
        "blocs/README.md": BLOCS_README,
        "blocs/_tables/README.md": TABLES_README,
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        ".github/workflows/thidua.yml": workflow_text(source),
        "README.md": readme_text(province, source),
    }
