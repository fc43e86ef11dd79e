"""The three file formats: a bloc-year, a shared scoring table, and thidua.yaml.

These declarations are the single source of truth: the loader checks files
against them, `thidua schema` prints them as JSON Schema, and docs/format.md is
tested against them.
"""

from __future__ import annotations

from decimal import Decimal

from thidua.model import HONOUR_LEVELS
from thidua.schema.types import (
    Bool,
    Choice,
    Date,
    Dict,
    Field,
    Id,
    Int,
    Key,
    List,
    Num,
    Obj,
    OneOf,
    Ratio,
    Share,
    Str,
)

ROTATION_KINDS = ("fixed-order", "deputy-succeeds", "best-ranked", "elected")
DEPARTURE_REASONS = ("merged", "dissolved", "moved", "renamed", "other")
ROUNDING_MODES = ("half-up", "half-even", "down")
QUOTA_ROUNDING = ("down", "up", "nearest")
QUOTA_BASES = ("members", "rest", "blocs", "proposed")
VOTE_BASES = ("voters", "members")
NEGATIVE_TOTALS = ("error", "floor")

ROTATION = Obj(title="Quy tắc luân phiên", fields={
    "rule": Field(Choice(ROTATION_KINDS), True, "cách chọn Trưởng khối năm sau", "deputy-succeeds"),
    "order": Field(List(Id()), doc="thứ tự luân phiên (mã đơn vị)", example=["hlhpn", "ldld"]),
    "skip_first_year": Field(Bool(), doc="đơn vị mới vào (hoặc mới hợp nhất) không làm Trưởng khối năm đầu", example=True),
    "cooldown_years": Field(Int(maximum=20), doc="không làm lại Trưởng khối trong N năm gần nhất", example=2),
})

PERSON = Obj(title="Người ký, chủ trì hoặc thư ký", fields={
    "name": Field(Str(max_len=120), True, "họ và tên", "Nguyễn Thị Hà"),
    "title": Field(Str(max_len=120), doc="chức vụ", example="Chủ tịch"),
    "unit": Field(Id(), doc="đơn vị công tác (mã đơn vị thành viên)", example="hlhpn"),
})
TIME = Str(pattern=r"([01]?[0-9]|2[0-3])[:hg]([0-5][0-9])", what="giờ, phút (08:00, 8h00 hoặc 8g00)", max_len=5)

_EVENT_OBJ = Obj(fields={
    "date": Field(Date(), True, "ngày diễn ra", "2024-02-22"),
    "start": Field(TIME, doc="giờ bắt đầu", example="08:00"),
    "end": Field(TIME, doc="giờ kết thúc", example="11:30"),
    "place": Field(Str(), doc="địa điểm", example="Hội trường Tỉnh đoàn"),
    "host": Field(Id(), doc="đơn vị đăng cai (mã)", example="tinhdoan"),
    "chair": Field(PERSON, doc="người chủ trì cuộc họp"),
    "secretary": Field(PERSON, doc="thư ký cuộc họp (người ghi biên bản)"),
    "present": Field(List(Id()), doc="các đơn vị dự họp (mã)"),
    "note": Field(Str(max_len=2000, multiline=True), doc="ghi chú"),
})
EVENT = OneOf(scalar=Date(), mapping=_EVENT_OBJ,
              doc="một ngày, hoặc một mục có date, start, end, place, host, chair, secretary, present")

# What documents print that the scores do not say: who signs, on what grounds, to whom.
DOCUMENTS = Obj(title="Thông tin ghi trên văn bản", fields={
    "superior": Field(Str(), doc="cơ quan cấp trên ghi ở dòng trên tên khối (mặc định: Hội đồng Thi đua - "
                      "Khen thưởng tỉnh …)", example="Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa"),
    "addressee": Field(Str(), doc="nơi nhận tờ trình, dòng Kính gửi (mặc định: Hội đồng Thi đua - Khen thưởng "
                       "tỉnh …)", example="Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa"),
    "grounds": Field(List(Str(max_len=400), max_items=20), doc="căn cứ của tờ trình, mỗi dòng một văn bản "
                     "(của tỉnh; khối ghi thêm căn cứ của mình)",
                     example=["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"]),
    "recipients": Field(List(Str(max_len=200), max_items=20), doc="Nơi nhận (không kể dòng Lưu)",
                        example=["Như trên", "Ban Thi đua - Khen thưởng tỉnh"]),
    "signer": Field(PERSON, doc="người ký tờ trình (thủ trưởng đơn vị Trưởng khối) hoặc báo cáo của tỉnh"),
    "proposal_number": Field(Str(max_len=60), doc="số, ký hiệu tờ trình", example="12/TTr-KTĐ"),
    "office": Field(Str(), doc="(thidua.yaml) cơ quan lập báo cáo tổng hợp của tỉnh",
                    example="Ban Thi đua - Khen thưởng"),
    "office_superior": Field(Str(), doc="(thidua.yaml) cơ quan cấp trên của cơ quan đó",
                             example="Sở Nội vụ tỉnh Khánh Hòa"),
})
BLOC_KINDS = ("khối", "cụm")

CRITERION_DEPTH = 4


def _criterion(depth: int) -> Obj:
    fields = {
        "id": Field(Key(), True, "mã tiêu chí, ví dụ 1.2", "1.2"),
        "name": Field(Str(), True, "nội dung tiêu chí"),
        "max": Field(Num(maximum=Decimal(100000)), doc="điểm tối đa (bắt buộc với tiêu chí không có tiêu chí con)", example=10),
    }
    if depth > 1:
        fields["items"] = Field(List(_criterion(depth - 1), max_items=200), doc="các tiêu chí con")
    return Obj(fields=fields, title="Tiêu chí")


CRITERION = _criterion(CRITERION_DEPTH)

CAP = Obj(fields={"max": Field(Num(), True, "mức tối đa", 5)})

TABLE_FIELDS = {
    "table": Field(Str(), doc="tên ngắn của bảng", example="mttq-2024"),
    "name": Field(Str(), True, "tên đầy đủ của bảng chấm điểm", "Bảng chấm điểm thi đua năm 2024"),
    "total": Field(Num(), doc="tổng điểm tối đa; phải bằng tổng điểm tối đa của các nhóm", example=100),
    "groups": Field(List(CRITERION, max_items=100, min_items=1), True, "các nhóm tiêu chí (mỗi nhóm có items hoặc max)"),
    "bonus": Field(CAP, doc="điểm thưởng và mức tối đa"),
    "deductions": Field(CAP, doc="điểm trừ và mức tối đa"),
}
TABLE = Obj(fields=TABLE_FIELDS, title="Bảng chấm điểm")

BAND = Obj(fields={
    "name": Field(Str(), True, "tên xếp loại", "Xuất sắc"),
    "min": Field(Num(), True, "tổng điểm thấp nhất để đạt", 95),
})

TIE_BREAK = Str(pattern=r"group:[0-9A-Za-z._-]+|deductions|bonus|votes:[a-z][a-z0-9_-]*",
                what="tiêu chí phân định (group:<mã nhóm>, deductions, bonus, votes:<mã danh hiệu>)")

SCORING = Obj(title="Quy tắc tính điểm", fields={
    "places": Field(Int(maximum=4), doc="số chữ số thập phân khi làm tròn tổng", example=2),
    "rounding": Field(Choice(ROUNDING_MODES), doc="cách làm tròn", example="half-up"),
    "bands": Field(List(BAND, max_items=20), doc="các mức xếp loại, từ cao xuống thấp"),
    "tie_breaks": Field(List(TIE_BREAK), doc="tiêu chí phân định khi bằng điểm, theo thứ tự: "
                        "group:<mã nhóm>, deductions, bonus, votes:<mã danh hiệu>",
                        example=["group:1", "deductions", "votes:co-ubnd"]),
    "negative_total": Field(Choice(NEGATIVE_TOTALS), doc="tổng điểm dưới 0 (điểm trừ vượt điểm đạt được): "
                            "error là lỗi E408 (mặc định), floor là tính bằng 0", example="error"),
})

QUOTA = Obj(fields={
    "count": Field(Int(maximum=1000), doc="số đơn vị tối đa", example=1),
    "share": Field(Share(), doc="tỷ lệ tối đa trên số đơn vị (hoặc số khối dẫn đầu)", example="20%"),
    "rounding": Field(Choice(QUOTA_ROUNDING), doc="làm tròn khi tính theo tỷ lệ", example="down"),
    "min": Field(Int(maximum=1000), doc="số tối thiểu sau khi làm tròn", example=1),
    "of": Field(Choice(QUOTA_BASES), doc="tỷ lệ tính trên: members (số đơn vị của khối, mặc định cấp khối), "
                "rest (số đơn vị còn lại của khối, trừ các đơn vị đã được đề nghị danh hiệu cấp khối xét trước: "
                "'không quá 50% số đơn vị còn lại'), "
                "blocs (số đơn vị dẫn đầu các khối, mỗi khối một: CV 5007/BNV-TĐKT, mặc định cấp tỉnh), "
                "proposed (số đơn vị được các khối đề nghị from_award: NĐ 91/2017, điều 11)", example="blocs"),
})

VOTE_RULE = Obj(title="Điều kiện số phiếu", fields={
    "min": Field(Share(), doc="từ tỷ lệ này trở lên (≥)", example="70%"),
    "over": Field(Share(), doc="trên tỷ lệ này (>)", example="50%"),
    "of": Field(Choice(VOTE_BASES), doc="tính trên: voters (số phiếu bầu, mặc định) hoặc members "
                "(tổng số thành viên của khối)", example="members"),
})

AWARD = Obj(title="Danh hiệu / hình thức khen thưởng", fields={
    "id": Field(Id(), True, "mã danh hiệu", "co-ubnd"),
    "name": Field(Str(), True, "tên đầy đủ", "Cờ thi đua của UBND tỉnh"),
    "level": Field(Choice(("bloc", "province")), doc="bloc: khối bình xét; province: chọn trong các đơn vị dẫn đầu khối", example="bloc"),
    "quota": Field(OneOf(scalar=Int(maximum=1000), mapping=QUOTA), doc="hạn mức: một số, hoặc count/share/rounding", example=1),
    "votes": Field(OneOf(scalar=Share(), mapping=VOTE_RULE),
                   doc="tỷ lệ phiếu: một tỷ lệ (từ … trở lên, trên số phiếu bầu), hoặc min/over và of",
                   example="70%"),
    "min_score": Field(Num(), doc="tổng điểm tối thiểu", example=95),
    "min_band": Field(Str(), doc="xếp loại tối thiểu", example="Xuất sắc"),
    "no_discipline": Field(Bool(), doc="không bị kỷ luật trong năm (mặc định true)", example=True),
    "full_year": Field(Bool(), doc="là thành viên cả năm (mặc định true)", example=True),
    "from_award": Field(Id(), doc="(cấp tỉnh) chỉ xét các đơn vị được đề nghị danh hiệu này", example="co-ubnd"),
    "combines_with": Field(List(Id()), doc="(cấp khối) đơn vị đã được đề nghị các danh hiệu này vẫn được xét "
                           "danh hiệu này; mặc định mỗi đơn vị tối đa một danh hiệu cấp khối", example=["co-ubnd"]),
})

REVIEW_RULE = Obj(title="Hội nghị bình xét", fields={
    "quorum": Field(Ratio(), doc="số đơn vị tối thiểu dự hội nghị tổng kết, bình xét, trên tổng số thành viên "
                    "(quy chế thường ghi 2/3)", example="2/3"),
})

CONFIG = Obj(title="thidua.yaml: cấu hình của tỉnh", fields={
    "province": Field(Str(), True, "tên tỉnh", "Khánh Hòa"),
    "place": Field(Str(), doc="địa danh ghi trên văn bản (mặc định là tên tỉnh)", example="Khánh Hòa"),
    "scoring": Field(SCORING, doc="quy tắc tính điểm mặc định"),
    "awards": Field(List(AWARD, max_items=30), doc="quy định khen thưởng, theo thứ tự xét"),
    "rotation": Field(ROTATION, doc="quy tắc luân phiên mặc định"),
    "documents": Field(DOCUMENTS, doc="thông tin ghi trên văn bản của các khối (căn cứ, nơi nhận …)"),
    "review": Field(REVIEW_RULE, doc="quy định về hội nghị tổng kết, bình xét của các khối (số đơn vị dự tối thiểu)"),
})

MEMBER = Obj(title="Đơn vị thành viên", fields={
    "id": Field(Id(), True, "mã đơn vị, ngắn, không dấu, không đổi qua các năm", "hlhpn"),
    "name": Field(Str(), True, "tên đầy đủ", "Hội Liên hiệp Phụ nữ tỉnh"),
    "short": Field(Str(max_len=80), doc="tên ngắn dùng trong bảng", example="Hội LHPN tỉnh"),
    "joined": Field(Date(), doc="ngày vào khối, nếu vào giữa năm"),
    "left": Field(Date(), doc="ngày rời khối, nếu rời giữa năm"),
    "predecessors": Field(List(Id()), doc="mã các đơn vị năm trước mà đơn vị này kế tục (đổi tên, hợp nhất)"),
})

ADJUSTMENT = Obj(fields={
    "points": Field(Num(), True, "số điểm", 1),
    "reason": Field(Str(max_len=1000, multiline=True), doc="lý do", example="Nộp báo cáo chậm"),
})
ADJUSTMENTS = OneOf(scalar=Num(), mapping=List(ADJUSTMENT, max_items=100),
                    doc="một số, hoặc danh sách {points, reason}")
POINTS = Dict(key=Key(), value=Num(maximum=Decimal(100000)), doc="điểm theo mã tiêu chí")

MEMBER_SCORES = Obj(title="Điểm của một đơn vị", fields={
    "self": Field(POINTS, doc="điểm tự chấm", example={"1.1": 10}),
    "self_bonus": Field(ADJUSTMENTS, doc="điểm thưởng đơn vị tự đề xuất khi tự chấm (không tính vào tổng)"),
    "self_deductions": Field(ADJUSTMENTS, doc="điểm trừ đơn vị tự nhận khi tự chấm (không tính vào tổng)"),
    "agreed": Field(POINTS, doc="điểm khối thống nhất sau chấm chéo (điểm được tính)", example={"1.1": 9.5}),
    "bonus": Field(ADJUSTMENTS, doc="điểm thưởng"),
    "deductions": Field(ADJUSTMENTS, doc="điểm trừ"),
    "total": Field(Num(), doc="tổng điểm ghi trên biên bản giấy, để đối chiếu", example=95.5),
})

VOTES = Obj(title="Kết quả bỏ phiếu kín", fields={
    "voters": Field(Int(maximum=1000), True, "số người (đơn vị) bỏ phiếu", 7),
    "awards": Field(Dict(key=Id(), value=Dict(key=Id(), value=Int(maximum=1000))),
                    doc="số phiếu theo danh hiệu rồi theo đơn vị", example={"co-ubnd": {"hlhpn": 7}}),
})

DISCIPLINE = Obj(fields={
    "member": Field(Id(), True, "mã đơn vị"),
    "reason": Field(Str(max_len=1000, multiline=True), doc="lý do (hình thức kỷ luật)"),
    "pending": Field(Bool(), doc="đang xem xét kỷ luật: chưa xét khen thưởng cho đến khi có kết luận", example=True),
    "date": Field(Date(), doc="ngày quyết định kỷ luật"),
    "until": Field(Date(), doc="ngày hết thời hạn kỷ luật; thành tích tính từ sau ngày này"),
})

DEPARTURE = Obj(fields={
    "member": Field(Id(), True, "mã đơn vị của năm trước"),
    "reason": Field(Choice(DEPARTURE_REASONS), True, "merged, dissolved, moved, renamed hoặc other", "merged"),
    "into": Field(Id(), doc="mã đơn vị kế tục (khi hợp nhất hoặc đổi tên)"),
    "date": Field(Date(), doc="ngày có hiệu lực"),
    "note": Field(Str(max_len=1000, multiline=True), doc="ghi chú, ví dụ số quyết định"),
})

DECIDED = Obj(title="Quyết định thực tế của khối", fields={
    "awards": Field(Dict(key=Id(), value=List(Id())), doc="danh hiệu → các đơn vị khối đã suy tôn, đề nghị",
                    example={"co-ubnd": ["hlhpn"]}),
    "next_leader": Field(Id(), doc="Trưởng khối năm sau khối đã thống nhất"),
    "next_deputy": Field(Id(), doc="Phó khối năm sau khối đã thống nhất"),
    "note": Field(Str(max_len=2000, multiline=True), doc="ghi chú"),
})

HONOUR_DECISION = Obj(title="Quyết định khen thưởng", fields={
    "number": Field(Str(max_len=60), doc="số, ký hiệu quyết định", example="1234/QĐ-UBND"),
    "date": Field(Date(), doc="ngày ký quyết định (trong năm thi đua; khen thưởng thường xuyên của năm có thể "
                  "đến hết tháng 6 năm sau: W322)", example="2021-06-10"),
    "issuer": Field(Str(max_len=200), doc="người (cơ quan) ký quyết định", example="Chủ tịch UBND tỉnh"),
})

HONOUR_COUNT = Obj(title="Số lượng theo báo cáo", fields={
    "collectives": Field(Int(maximum=100000), doc="số tập thể được khen, kể cả các tập thể đã ghi tên", example=6),
    "individuals": Field(Int(maximum=100000), doc="số cá nhân được khen, kể cả các cá nhân đã ghi tên", example=16),
})

HONOUR = Obj(title="Khen thưởng đã nhận", fields={
    "award": Field(Str(max_len=200), True, "hình thức khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
    "level": Field(Choice(HONOUR_LEVELS), doc="cấp khen thưởng: state (Nhà nước: Chủ tịch nước, Chính phủ, Thủ tướng "
                   "Chính phủ), ministry (bộ, ban, ngành, đoàn thể trung ương), province (tỉnh), local (sở, ngành, "
                   "huyện: Giấy khen)", example="province"),
    "decision": Field(HONOUR_DECISION, doc="quyết định khen thưởng, khi đã biết"),
    "campaign": Field(Str(max_len=400), doc="phong trào thi đua chuyên đề; bỏ trống hoặc ghi 'thường xuyên' là khen "
                      "thưởng thường xuyên (tổng kết năm)", example="Phong trào thi đua chào mừng bầu cử đại biểu "
                      "Quốc hội khóa XV"),
    "proposed_by": Field(Str(max_len=200), doc="khi mới là đề nghị lên cấp trên, chưa có quyết định: cấp đã trình",
                         example="UBND tỉnh"),
    "collectives": Field(List(Id(), max_items=200), doc="các tập thể được khen (mã đơn vị thành viên)",
                         example=["vpty", "btcty"]),
    "individuals": Field(List(PERSON, max_items=1000), doc="các cá nhân được khen: họ tên, đơn vị công tác "
                         "(unit, bắt buộc: E324), chức vụ"),
    "count": Field(HONOUR_COUNT, doc="số lượng khi nguồn chỉ nêu con số (không nêu đủ tên): báo cáo in số này, "
                   "các tên đã ghi tính trong đó (E325 khi số nhỏ hơn số tên)"),
    "note": Field(Str(max_len=1000, multiline=True), doc="ghi chú"),
})

BLOC_YEAR = Obj(title="Tệp khối-năm của thidua", fields={
    "bloc": Field(Id(), True, "mã khối, trùng tên thư mục", "mttq"),
    "year": Field(Int(minimum=1945, maximum=2200), True, "năm thi đua, trùng tên tệp", 2024),
    "name": Field(Str(), True, "tên khối", "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh"),
    "kind": Field(Choice(BLOC_KINDS), doc="khối hoặc cụm: từ dùng trên văn bản (Trưởng khối / Cụm trưởng); "
                  "mặc định theo tên (Cụm … là cụm)", example="khối"),
    "number": Field(Str(max_len=60), doc="số, ký hiệu biên bản họp bình xét", example="01/BB-KTĐ"),
    "province": Field(Str(max_len=80), doc="tỉnh của khối-năm khi khác tỉnh trong thidua.yaml: lịch sử của một tỉnh "
                      "cũ giữ lại sau khi hợp nhất tỉnh; không chấm, không xét cấp tỉnh cùng các khối của tỉnh",
                      example="Ninh Thuận"),
    "predecessors": Field(List(Id()), doc="mã các khối tiền thân khi khối được thành lập lại từ các khối cũ "
                          "(ví dụ sau khi hợp nhất tỉnh); lịch sử luân phiên đọc cả các khối này",
                          example=["nt-mttq"]),
    "members": Field(List(MEMBER, max_items=200, min_items=1), True, "các đơn vị thành viên"),
    "leader": Field(Id(), doc="Trưởng khối (mã đơn vị)", example="hlhpn"),
    "deputy": Field(Id(), doc="Phó khối (mã đơn vị)", example="ubmttq"),
    "rotation": Field(ROTATION, doc="quy tắc luân phiên của khối (mặc định theo thidua.yaml)"),
    "events": Field(Obj(fields={
        "covenant": Field(EVENT, doc="ký kết giao ước thi đua"),
        "midyear": Field(EVENT, doc="sơ kết 6 tháng"),
        "review": Field(EVENT, doc="tổng kết, bình xét"),
    }), doc="các mốc trong năm"),
    "criteria": Field(OneOf(scalar=Str(max_len=120), mapping=TABLE),
                      doc="tên bảng trong blocs/_tables/ (ví dụ _tables/mttq-2024), hoặc bảng viết ngay tại đây",
                      example="_tables/mttq-2024"),
    "scores": Field(Dict(key=Id(), value=MEMBER_SCORES), doc="điểm theo mã đơn vị"),
    "votes": Field(VOTES, doc="kết quả bỏ phiếu bình xét"),
    "discipline": Field(List(DISCIPLINE), doc="đơn vị bị kỷ luật trong năm"),
    "decided": Field(DECIDED, doc="quyết định thực tế của khối (để đối chiếu với đề xuất)"),
    "honours": Field(List(HONOUR, max_items=500), doc="khen thưởng các tập thể, cá nhân trong khối đã nhận trong năm "
                     "(theo quyết định của cấp trên; khác decided: là đề nghị của khối)"),
    "departures": Field(List(DEPARTURE), doc="đơn vị năm trước không còn trong khối, và lý do"),
    "scoring": Field(SCORING, doc="ghi đè quy tắc tính điểm của tỉnh cho khối này"),
    "awards": Field(List(AWARD, max_items=30), doc="ghi đè quy định khen thưởng của tỉnh cho khối này"),
    "documents": Field(DOCUMENTS, doc="thông tin ghi trên văn bản của khối (người ký, số tờ trình, căn cứ …)"),
    "note": Field(Str(max_len=4000, multiline=True), doc="ghi chú"),
})
