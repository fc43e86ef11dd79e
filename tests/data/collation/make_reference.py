"""Write vi-reference.txt: a few thousand Vietnamese names in the order ICU's ``vi`` collation gives.

    python -m venv /tmp/icu && . /tmp/icu/bin/activate && pip install pyicu   # needs libicu-dev, pkg-config
    python tests/data/collation/make_reference.py            # rewrites vi-reference.txt next to this file
    python tests/data/collation/make_reference.py --check    # also compares thidua.core.vnsort's tables with ICU

The checked-in file was made with PyICU 2.17 on ICU 72.1 (CLDR 42, Unicode 15.0), Debian's libicu72.
PyICU is needed here only: the test (tests/test_vnsort.py) reads the file and needs nothing but the
standard library.

How the order is made:

- the collator is ``icu.Collator.createInstance(icu.Locale("vi"))`` as it comes: tertiary strength,
  punctuation and spaces not ignorable, numeric collation off (so "Khối 10" < "Khối 2");
- before ICU sees a name, the tones of each run of vowels are moved after its last vowel (NFD, then
  NFC: "Hòa" and "Hoà" both become "Hoà"). ICU itself compares tones by position ("Hoà" < "Hoá" < "Hòa");
  thidua makes the two spellings of a name equal, on purpose, and this is the only place where it
  departs from ICU. The run is ``(?:[aeiouyAEIOUY][marks]*)+`` in NFD, marks being U+0300-036F,
  U+1AB0-1AFF, U+1DC0-1DFF, U+20D0-20FF, U+FE20-FE2F; tones U+0300 U+0309 U+0303 U+0301 U+0323.
  The script prints how many names this moves against plain ICU;
- names ICU calls equal (after that move) are written in code-point order, marked "=".

Each line of the file is the level at which ICU tells the name from the one on the line before it
(1 letters, 2 tones and other marks, 3 case, = equal), a tab, and the name (NFC).

The names: the 63 provinces and cities before the 2025 merger and the 34 after it, each as a
province, with "Tỉnh", "UBND tỉnh", "Sở Nội vụ tỉnh" … in front; agencies, mass organisations,
enterprises and schools; districts, communes and wards with "Huyện", "Xã", "Phường" …; people's names;
then adversarial sets: An/Anh/Ân/Ăn, Hà Giang/Hà Nội/Hải Dương, Đà/Da/Dạ, tone-placement
variants (Hòa/Hoà, Thủy/Thuỷ, Khỏe/Khoẻ), names differing only by case, by a hyphen, a dash or
a space, by digits ("Khối 2"/"Khối 10"), by punctuation ("UBND tỉnh (cũ)"), and a few foreign
names (f j w z, ü ç ñ ß ø).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "vi-reference.txt"

# -- the one departure from ICU: tones after the last vowel of their run --------------------------

MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
VOWEL_RUN = re.compile(f"(?:[aeiouyAEIOUY][{MARKS}]*)+")
TONE = re.compile("[\u0300\u0309\u0303\u0301\u0323]")


def tones_last(text: str) -> str:
    def move(run: re.Match) -> str:
        tones = "".join(TONE.findall(run.group()))
        return TONE.sub("", run.group()) + tones

    return unicodedata.normalize("NFC", VOWEL_RUN.sub(move, unicodedata.normalize("NFD", text)))


# -- names ----------------------------------------------------------------------------------------

OLD_PROVINCES = [  # before 1 July 2025
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
NEW_PROVINCES = [  # from 1 July 2025
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Hồ Chí Minh"}

PROVINCE_UNITS = [
    "{kind} {p}", "UBND {kind} {p}", "Ủy ban nhân dân {kind} {p}", "Sở Nội vụ {kind} {p}",
    "Ban Thi đua - Khen thưởng {kind} {p}", "Hội Liên hiệp Phụ nữ {kind} {p}", "Liên đoàn Lao động {kind} {p}",
    "Đoàn TNCS Hồ Chí Minh {kind} {p}", "Hội Nông dân {kind} {p}", "Công an {kind} {p}", "Báo {p}",
    "Ủy ban MTTQ Việt Nam {kind} {p}", "Hội Cựu chiến binh {kind} {p}", "Trường Chính trị {kind} {p}",
]

AGENCIES = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương", "Sở Xây dựng", "Sở Giáo dục và Đào tạo",
    "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hoá, Thể thao và Du lịch", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Sở Kế hoạch và Đầu tư",
    "Sở Giao thông vận tải", "Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông",
    "Sở Tài nguyên và Môi trường", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Văn phòng Tỉnh ủy",
    "Văn phòng Tỉnh uỷ", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Ban Quản lý các khu công nghiệp",
    "Ban Quản lý Khu kinh tế", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy", "Ban Dân tộc", "Ban Thi đua - Khen thưởng", "Ban Thi đua – Khen thưởng",
    "Ban Thi đua-Khen thưởng", "Ban Thi đua Khen thưởng", "Sở Nội vụ - Ban Thi đua", "Sở Nội vụ-Ban Thi đua",
    "Đài Phát thanh và Truyền hình tỉnh", "Trường Chính trị tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh", "Cục Thống kê tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Tòa án nhân dân tỉnh", "Toà án nhân dân tỉnh",
    "Viện Kiểm sát nhân dân tỉnh", "Cục Hải quan tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh",
    "Liên minh Hợp tác xã tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Uỷ ban MTTQ Việt Nam tỉnh", "UBMTTQ tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh",
    "Tỉnh đoàn", "Tỉnh Đoàn", "Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "Liên hiệp các Hội Khoa học - Kỹ thuật tỉnh",
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp Hội KH-KT", "Liên hiệp Hội KHKT",
    "Hội Chữ thập đỏ tỉnh", "Hội Người cao tuổi tỉnh", "Hội Luật gia tỉnh", "Hội Nhà báo tỉnh",
    "Liên hiệp các tổ chức hữu nghị tỉnh", "Hội Văn học nghệ thuật tỉnh", "Hội Khuyến học tỉnh",
    "Hội Cựu thanh niên xung phong tỉnh", "Hội Nạn nhân chất độc da cam/dioxin tỉnh", "Hội Nạn nhân chất độc da cam",
    "Hội Người mù tỉnh", "Hội Đông y tỉnh", "Hội Làm vườn tỉnh", "Hội Sinh vật cảnh tỉnh", "Hội Doanh nhân trẻ",
    "Hội Bảo trợ người khuyết tật và trẻ mồ côi", "Hội Cựu giáo chức", "Hội Hữu nghị Việt - Lào",
    "Hội Hữu nghị Việt Nam - Campuchia", "Hội Hữu nghị Việt - Nhật", "Hội Hữu nghị Việt Nam - Pháp",
    "Công đoàn Viên chức tỉnh", "Công đoàn ngành Giáo dục", "Công đoàn ngành Y tế", "Công đoàn Khu kinh tế",
    "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh", "Đảng bộ Các cơ quan Đảng tỉnh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "Đoàn TNCS HCM", "Hội Liên hiệp Thanh niên",
    "Hội Sinh viên", "Hội đồng Đội tỉnh", "Hội Đồng Đội tỉnh", "Nhà Thiếu nhi tỉnh", "Nhà Văn hóa Thanh niên",
    "Nhà Văn hoá Lao động", "Bảo tàng tỉnh", "Thư viện tỉnh", "Trung tâm Văn hóa - Nghệ thuật",
    "Trung tâm Y tế huyện", "Trung tâm Kiểm soát bệnh tật (CDC)", "Bệnh viện Đa khoa tỉnh",
    "Bệnh viện Đa khoa khu vực", "Bệnh viện Y học cổ truyền", "Bệnh viện Phụ sản - Nhi", "Bệnh viện Lao và Bệnh phổi",
    "Bệnh viện Mắt", "Bệnh viện Tâm thần", "Bệnh viện Ung bướu", "Trung tâm Cấp cứu 115",
    "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Thuỷ lợi", "Chi cục Thủy sản", "Chi cục Thú y",
    "Chi cục Quản lý thị trường", "Chi cục Văn thư - Lưu trữ", "Chi cục Dân số - Kế hoạch hóa gia đình",
    "Vườn quốc gia Cát Tiên", "Vườn quốc gia Yok Đôn", "Khu bảo tồn thiên nhiên Hòn Bà",
]
ENTERPRISES = [
    "Công ty TNHH MTV Xổ số kiến thiết", "Công ty Cổ phần Cấp thoát nước", "Công ty Điện lực",
    "Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh", "Ngân hàng TMCP Công Thương chi nhánh",
    "Ngân hàng TMCP Ngoại thương chi nhánh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
    "Ngân hàng TMCP Đầu tư và Phát triển (BIDV)", "Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)",
    "Công ty TNHH MTV Yến sào", "Công ty Cổ phần Đường sắt", "Viễn thông tỉnh", "Bưu điện tỉnh", "VNPT tỉnh",
    "Viettel tỉnh", "Công ty Cổ phần Môi trường đô thị", "Công ty TNHH MTV Khai thác công trình thủy lợi",
    "Công ty Cổ phần Du lịch", "Cảng hàng không quốc tế Cam Ranh", "Công ty Cổ phần Cảng Nha Trang",
    "Công ty CP Sữa Việt Nam (Vinamilk)", "Tập đoàn FPT", "Công ty TNHH Samsung Electronics Việt Nam",
    "Công ty TNHH Jollibee Việt Nam", "Công ty TNHH Wonderfarm", "Công ty Cổ phần Zalo", "Công ty Cổ phần Foodcomm",
    "Công ty TNHH Fuji Xerox", "Công ty TNHH Juki Việt Nam", "Hợp tác xã Nông nghiệp", "Hợp tác xã Thủy sản",
    "Quỹ Tín dụng nhân dân", "Tổng công ty Điện lực miền Nam", "Tổng Công ty Điện lực miền Bắc",
    "Công ty Thủy điện Hòa Bình", "Công ty Thuỷ điện Hoà Bình", "Công ty Xăng dầu", "Petrolimex",
]
SCHOOLS = [
    "Trường THPT chuyên Lê Quý Đôn", "Trường Cao đẳng Kỹ thuật Công nghệ", "Trường Cao đẳng Y tế",
    "Trường Cao đẳng Sư phạm Trung ương", "Trường Đại học Khánh Hòa", "Trường THPT Nguyễn Văn Trỗi",
    "Trường THPT Lý Tự Trọng", "Trường THPT Hoàng Văn Thụ", "Trường THPT Trần Hưng Đạo", "Trường THPT Nguyễn Trãi",
    "Trường THPT Phan Bội Châu", "Trường THPT Lê Hồng Phong", "Trường THPT Ngô Gia Tự", "Trường THPT Huỳnh Thúc Kháng",
    "Trường Phổ thông Dân tộc nội trú tỉnh", "Trường Đại học Nha Trang", "Trường Đại học Thái Nguyên",
    "Trường Đại học Cần Thơ", "Trường Đại học Đà Lạt", "Trường Đại học Huế", "Trường Đại học Vinh",
    "Trường Đại học Quy Nhơn", "Trường Đại học Tây Nguyên", "Trường Mầm non Hoa Sen", "Trường Mầm non Họa Mi",
    "Trường Mầm non Hoạ Mi", "Trường Tiểu học Kim Đồng", "Trường THCS Chu Văn An", "Trường THCS Quang Trung",
    "Trường THCS Trưng Vương", "Trường THCS Võ Thị Sáu", "Trường THPT Võ Nguyên Giáp", "Trường THPT Hùng Vương",
]
PLACES = [  # districts, towns, communes and wards
    "Nha Trang", "Cam Ranh", "Ninh Hòa", "Vạn Ninh", "Diên Khánh", "Khánh Vĩnh", "Khánh Sơn", "Cam Lâm",
    "Trường Sa", "Phan Rang - Tháp Chàm", "Ninh Hải", "Ninh Phước", "Ninh Sơn", "Bác Ái", "Thuận Bắc", "Thuận Nam",
    "Đồng Xuân", "Sơn Hòa", "Tuy An", "Phú Hòa", "Tây Hòa", "Đông Hòa", "Sông Cầu", "Ea Súp", "Ea H'leo",
    "Ea Kar", "Krông Bông", "Krông Năng", "Krông Ana", "Krông A Na", "Cư Kuin", "M'Đrắk", "Buôn Hồ", "Buôn Ma Thuột",
    "Buôn Đôn", "Cư M'gar", "Cư M’gar", "Krông Pắc", "Lắk", "Đắk Mil", "Đắk Song", "Đắk R'lấp", "Đắk Glong",
    "Cư Jút", "Tuy Đức", "Gia Nghĩa", "Ia H'Drai", "Ia Grai", "Ia Pa", "Chư Sê", "Chư Păh", "Chư Prông",
    "Đăk Đoa", "Đak Pơ", "Kbang", "Kông Chro", "Mang Yang", "An Khê", "Ayun Pa", "Pleiku", "Đắk Hà", "Đắk Tô",
    "Ngọc Hồi", "Sa Thầy", "Kon Plông", "Kon Rẫy", "Đạ Tẻh", "Đạ Huoai", "Bảo Lộc", "Bảo Lâm", "Di Linh",
    "Đức Trọng", "Lạc Dương", "Đơn Dương", "Lâm Hà", "Cát Tiên", "Đà Lạt", "Hòa Thắng", "Hoà Thắng",
    "Vĩnh Nguyên", "Phước Long", "Vĩnh Hải", "Lộc Thọ", "Tân Lập", "Xương Huân", "Phương Sài", "Ngọc Hiệp",
    "Đồng Đế", "Ba Ngòi", "Cam Đức", "Suối Dầu", "Đại Lãnh", "Tu Bông", "Vạn Giã", "Ninh Diêm", "Hòn Khói",
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân",
    "Sóc Sơn", "Đông Anh", "Gia Lâm", "Nam Từ Liêm", "Bắc Từ Liêm", "Mê Linh", "Hà Đông", "Sơn Tây", "Ba Vì",
    "Phúc Thọ", "Đan Phượng", "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín",
    "Phú Xuyên", "Ứng Hòa", "Ứng Hoà", "Mỹ Đức", "Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An",
    "Đồ Sơn", "Dương Kinh", "Thủy Nguyên", "Thuỷ Nguyên", "An Dương", "An Lão", "Kiến Thụy", "Kiến Thuỵ",
    "Tiên Lãng", "Vĩnh Bảo", "Cát Hải", "Bạch Long Vĩ", "Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn",
    "Liên Chiểu", "Cẩm Lệ", "Hòa Vang", "Hoàng Sa", "Ninh Kiều", "Bình Thủy", "Cái Răng", "Ô Môn", "Thốt Nốt",
    "Phong Điền", "Cờ Đỏ", "Vĩnh Thạnh", "Thới Lai", "Thủ Đức", "Bình Thạnh", "Gò Vấp", "Phú Nhuận", "Tân Bình",
    "Tân Phú", "Bình Tân", "Củ Chi", "Hóc Môn", "Bình Chánh", "Nhà Bè", "Cần Giờ", "Quận 1", "Quận 3", "Quận 10",
    "Quận 12", "Quận 4", "Quận 5", "Phường 1", "Phường 2", "Phường 10", "Phường 11", "Phường 9", "Phường 12",
    "Hương Thủy", "Hương Thuỷ", "Hương Trà", "Phú Vang", "Phú Lộc", "Quảng Điền", "A Lưới", "Nam Đông",
    "Đồng Hới", "Bố Trạch", "Quảng Trạch", "Tuyên Hóa", "Minh Hóa", "Lệ Thủy", "Lệ Thuỷ", "Đông Hà",
    "Vĩnh Linh", "Gio Linh", "Cam Lộ", "Đakrông", "Hướng Hóa", "Cồn Cỏ", "Hội An", "Tam Kỳ", "Điện Bàn",
    "Duy Xuyên", "Thăng Bình", "Núi Thành", "Tiên Phước", "Trà My", "Nam Trà My", "Bắc Trà My", "Phước Sơn",
    "Đông Giang", "Tây Giang", "Nam Giang", "Quế Sơn", "Hiệp Đức", "Đại Lộc", "Lý Sơn", "Bình Sơn", "Sơn Tịnh",
    "Tư Nghĩa", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Minh Long", "Trà Bồng", "Quy Nhơn", "An Nhơn", "Hoài Nhơn",
    "Tuy Phước", "Phù Cát", "Phù Mỹ", "Vân Canh", "Vĩnh Thạnh", "Hoài Ân", "An Lão", "Tuy Hòa", "Phan Thiết",
    "La Gi", "Tuy Phong", "Bắc Bình", "Hàm Thuận Bắc", "Hàm Thuận Nam", "Hàm Tân", "Đức Linh", "Tánh Linh",
    "Phú Quý", "Phú Quốc", "Rạch Giá", "Hà Tiên", "Kiên Lương", "Hòn Đất", "Tân Hiệp", "Châu Thành", "Giồng Riềng",
    "Gò Quao", "An Biên", "An Minh", "Vĩnh Thuận", "U Minh Thượng", "Long Xuyên", "Châu Đốc", "Tân Châu", "An Phú",
    "Tịnh Biên", "Tri Tôn", "Chợ Mới", "Thoại Sơn", "Phú Tân", "Châu Phú", "Mỹ Tho", "Gò Công", "Cai Lậy",
    "Cái Bè", "Chợ Gạo", "Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Tháp Mười", "Lấp Vò", "Lai Vung", "Tam Nông",
    "Trà Vinh", "Cầu Kè", "Tiểu Cần", "Duyên Hải", "Cầu Ngang", "Bến Tre", "Ba Tri", "Bình Đại", "Mỏ Cày Nam",
    "Mỏ Cày Bắc", "Giồng Trôm", "Thạnh Phú", "Vị Thanh", "Ngã Bảy", "Long Mỹ", "Phụng Hiệp", "Sóc Trăng",
    "Vĩnh Châu", "Ngã Năm", "Mỹ Xuyên", "Trần Đề", "Cù Lao Dung", "Kế Sách", "Bạc Liêu", "Giá Rai", "Hồng Dân",
    "Phước Long", "Hòa Bình", "Đông Hải", "Năm Căn", "Ngọc Hiển", "Đầm Dơi", "Cái Nước", "Thới Bình", "U Minh",
    "Trần Văn Thời", "Móng Cái", "Hạ Long", "Cẩm Phả", "Uông Bí", "Quảng Yên", "Đông Triều", "Vân Đồn", "Cô Tô",
    "Tiên Yên", "Bình Liêu", "Hải Hà", "Đầm Hà", "Ba Chẽ", "Sa Pa", "Bát Xát", "Bảo Thắng", "Bảo Yên", "Bắc Hà",
    "Mường Khương", "Si Ma Cai", "Văn Bàn", "Mù Cang Chải", "Trạm Tấu", "Văn Chấn", "Nghĩa Lộ", "Lục Yên",
    "Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Hoàng Su Phì", "Xín Mần", "Bắc Quang", "Vị Xuyên", "Bắc Mê",
    "Mường Lay", "Mường Nhé", "Mường Chà", "Tủa Chùa", "Tuần Giáo", "Điện Biên Phủ", "Mộc Châu", "Mai Sơn",
    "Thuận Châu", "Quỳnh Nhai", "Sông Mã", "Sốp Cộp", "Phù Yên", "Bắc Yên", "Mường La", "Yên Châu", "Vân Hồ",
    "Mai Châu", "Lạc Sơn", "Lạc Thủy", "Lạc Thuỷ", "Kim Bôi", "Đà Bắc", "Tân Lạc", "Cao Phong", "Lương Sơn",
    "Việt Trì", "Phú Thọ", "Lâm Thao", "Thanh Sơn", "Tân Sơn", "Hạ Hòa", "Hạ Hoà", "Đoan Hùng", "Cẩm Khê",
    "Vĩnh Yên", "Phúc Yên", "Tam Đảo", "Tam Dương", "Lập Thạch", "Sông Lô", "Yên Lạc", "Vĩnh Tường",
    "Từ Sơn", "Tiên Du", "Quế Võ", "Yên Phong", "Thuận Thành", "Gia Bình", "Lương Tài", "Bắc Giang", "Việt Yên",
    "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Yên Thế", "Yên Dũng", "Tân Yên",
    "Chí Linh", "Kinh Môn", "Nam Sách", "Kim Thành", "Thanh Hà", "Cẩm Giàng", "Bình Giang", "Gia Lộc", "Tứ Kỳ",
    "Ninh Giang", "Thanh Miện", "Văn Lâm", "Văn Giang", "Mỹ Hào", "Khoái Châu", "Ân Thi", "Kim Động", "Phù Cừ",
    "Tiên Lữ", "Quỳnh Phụ", "Hưng Hà", "Đông Hưng", "Thái Thụy", "Thái Thuỵ", "Kiến Xương", "Vũ Thư",
    "Phủ Lý", "Duy Tiên", "Kim Bảng", "Thanh Liêm", "Bình Lục", "Lý Nhân", "Mỹ Lộc", "Vụ Bản", "Ý Yên",
    "Nghĩa Hưng", "Nam Trực", "Trực Ninh", "Xuân Trường", "Giao Thủy", "Giao Thuỷ", "Hải Hậu", "Tam Điệp",
    "Nho Quan", "Gia Viễn", "Hoa Lư", "Yên Khánh", "Kim Sơn", "Yên Mô", "Sầm Sơn", "Bỉm Sơn", "Nghi Sơn",
    "Mường Lát", "Quan Hóa", "Quan Sơn", "Bá Thước", "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành",
    "Hà Trung", "Vĩnh Lộc", "Yên Định", "Thọ Xuân", "Thường Xuân", "Triệu Sơn", "Thiệu Hóa", "Hoằng Hóa",
    "Hậu Lộc", "Nga Sơn", "Như Xuân", "Như Thanh", "Nông Cống", "Đông Sơn", "Quảng Xương", "Vinh", "Cửa Lò",
    "Thái Hòa", "Hoàng Mai", "Quế Phong", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Nghĩa Đàn", "Quỳ Hợp",
    "Quỳnh Lưu", "Con Cuông", "Tân Kỳ", "Anh Sơn", "Diễn Châu", "Yên Thành", "Đô Lương", "Thanh Chương",
    "Nghi Lộc", "Nam Đàn", "Hưng Nguyên", "Hồng Lĩnh", "Kỳ Anh", "Hương Sơn", "Đức Thọ", "Vũ Quang",
    "Nghi Xuân", "Can Lộc", "Hương Khê", "Thạch Hà", "Cẩm Xuyên", "Lộc Hà", "Thủ Dầu Một", "Dĩ An",
    "Thuận An", "Tân Uyên", "Bến Cát", "Bàu Bàng", "Dầu Tiếng", "Phú Giáo", "Biên Hòa", "Biên Hoà", "Long Khánh",
    "Nhơn Trạch", "Long Thành", "Trảng Bom", "Thống Nhất", "Cẩm Mỹ", "Vĩnh Cửu", "Xuân Lộc", "Định Quán",
    "Đồng Xoài", "Bình Long", "Chơn Thành", "Lộc Ninh", "Bù Đốp", "Bù Đăng", "Bù Gia Mập", "Hớn Quản",
    "Tân An", "Kiến Tường", "Bến Lức", "Đức Hòa", "Cần Giuộc", "Cần Đước", "Thủ Thừa", "Vũng Tàu", "Bà Rịa",
    "Phú Mỹ", "Long Điền", "Đất Đỏ", "Xuyên Mộc", "Côn Đảo", "Trảng Bàng", "Hòa Thành", "Gò Dầu", "Bến Cầu",
    "Dương Minh Châu", "Tân Biên", "Tân Châu", "Thái Bình", "Hiền Lương", "Đông Hà", "Ái Quốc", "Ấm Thượng",
    "Ẳng Cang", "Ẩn Thạch", "Ân Nghĩa", "Ăng Thơ", "Ô Loan", "Ơn Hưng", "Ưng Hòe", "Ưng Hoè", "Ý Yên", "Ỷ La",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đào", "Đinh", "Lương", "Trịnh", "Mai", "Tô", "Hà", "Hứa", "Âu", "Ông", "Ưng",
            "Ninh", "Đoàn", "Thái", "Kiều", "Quách", "Khúc", "Y", "Ksor", "H'Hen", "Nay", "Rơ Mah", "Siu", "Kpă"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Công", "Đình", "Kim",
           "Hoài", "Khánh", "Bảo", "Gia", "Thế", "Hồng", "Anh", "Như", "Phương", "Tường", "Quang"]
GIVENS = ["An", "Ân", "Ấn", "Anh", "Ánh", "Ảnh", "Bình", "Cường", "Chi", "Dũng", "Duy", "Giang", "Hà", "Hạ",
          "Hải", "Hào", "Hòa", "Hoà", "Hoá", "Hóa", "Hùng", "Hương", "Hường", "Huy", "Huệ", "Khoa", "Khoẻ", "Khỏe",
          "Khuê", "Lan", "Linh", "Long", "Mai", "Mận", "Nam", "Ngân", "Nga", "Ngà", "Ngọc", "Nhung", "Oanh", "Ơn",
          "Phúc", "Phước", "Quân", "Quý", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thủy", "Thuỷ", "Thụy", "Thuỵ", "Trang",
          "Tuấn", "Tùng", "Uyên", "Ửng", "Việt", "Vy", "Yến", "Xuân", "Ý", "Ánh Dương", "Minh Thư", "Hoàng Yến",
          "Hải Yến", "Bảo Ngọc", "Ngọc Ánh", "Thúy", "Thuý", "Tuyết", "Uyển", "Hoè", "Hòe", "Loan", "Loạn"]
FOREIGN = [
    "Zürich", "Zurich", "São Paulo", "Sao Paulo", "Müller", "Mueller", "Crème", "Creme", "Françoise", "Francoise",
    "Straße", "Strasse", "Ørsted", "Orsted", "Łódź", "Lodz", "Jalapeño", "Jalapeno", "Fiji", "Wales", "Warszawa",
    "Jeju", "Zambia", "Frankfurt", "Johannesburg", "Wellington", "FPT Software", "JICA", "WHO Việt Nam",
    "UNICEF Việt Nam", "Zalopay", "Wiki", "Jolly", "Fanpage Khối", "Wi-Fi", "e-Office", "E-Office", "eOffice",
]
ADVERSARIAL = [
    "An", "Anh", "Ân", "Ăn", "Ấn", "Ần", "Ắn", "An Giang", "Anh Sơn", "Ăn Giang", "Ân Thi", "An-Giang", "An.Giang",
    "An,Giang", "An1", "An 1", "An_Giang", "A", "a", "Á", "À", "Ả", "Ã", "Ạ", "Ă", "Â", "Ba", "Bà", "Bá", "Bả",
    "Bã", "Bạ", "Hà Giang", "Hà Nội", "Hải Dương", "Hạ Long", "Hà Tĩnh", "Ha Noi", "Ha Giang", "Hai Duong",
    "HaNoi", "Hanoi", "Hà-Nội", "Hà  Nội", "Hồ Chí Minh", "Hội", "Hồng", "Hồ", "Hô", "Hổ", "Hộ", "Hơ", "Hờ",
    "Hoi", "Hồi", "Hỏi", "Hói", "Hong", "Đà", "Da", "Dạ", "Đa", "Dà", "Đạ", "Đá", "Đà Lạt", "Đà Nẵng", "Da Nang",
    "Dân", "Đân", "dà", "đà", "DA", "ĐÀ",
    "Hòa", "Hoà", "Hoa", "Hoá", "Hóa", "Hoạ", "Họa", "Hỏa", "Hoả", "Hõa", "Hoã", "Hoà Bình", "Hòa Bình",
    "Thủy", "Thuỷ", "Thuy", "Thụy", "Thuỵ", "Thúy", "Thuý", "Thùy", "Thuỳ", "Thũy", "Thuỹ",
    "Khỏe", "Khoẻ", "Khoe", "Khóe", "Khoé", "Khọe", "Khoẹ", "Khòe", "Khoè",
    "Quý", "Qúy", "Quy", "Quỳ", "Qùy", "Quỵ", "Qụy", "Quỹ", "Qũy", "Quỷ", "Qủy",
    "Khối 1", "Khối 2", "Khối 10", "Khối 11", "Khối 2A", "Khối 2a", "Khối II", "Khối IV", "Khối 02", "Khối 20",
    "Khối 3", "Khối 1.2", "Khối 1,2", "Khối 9", "Khối", "Khối thi đua số 1", "Khối thi đua số 10",
    "Khối thi đua số 2", "Cụm 1", "Cụm 12", "Cụm 3", "Tổ 1", "Tổ 1A", "Tổ 1 - Khu phố 2", "Khu phố 1", "Khu phố 10",
    "Sở Nội vụ - Ban Thi đua", "Sở Nội vụ", "Sở Nội vụ tỉnh", "Sở Nội vụ (cũ)", "Sở Nội vụ-A", "Sở Nội vụ – Ban",
    "Sở Nội Vụ", "SỞ NỘI VỤ", "sở nội vụ", "Sở nội vụ", "Sở Nội vụ.", "Sở Nội vụ,", "Sở Nội vụ (mới)",
    "UBND tỉnh (cũ)", "UBND tỉnh", "UBND tỉnh (mới)", "UBND Tỉnh", "UBND", "Ubnd", "ubnd", "Ủy ban", "Uỷ ban",
    "Ủy Ban", "ỦY BAN", "Uy ban", "Ủy ban nhân dân", "Ủy ban Nhân dân", "Ủy ban nhân dân tỉnh", "U",
    "TP. Hồ Chí Minh", "TP.HCM", "TP HCM", "Tp. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hồ Chí Minh, Thành phố",
    "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu", "Bà Rịa—Vũng Tàu",
    "Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "Huế", "Hue", "Huê", "Huệ",
    "Đoàn TNCS Hồ Chí Minh", "Đoàn Tncs Hồ Chí Minh", "ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TN", "Đoàn", "Doan",
    "Đoàn Thanh niên", "Đoàn thanh niên",
    "Ơn", "On", "Ôn", "Ờn", "Ớn", "Uy", "Ưu", "Ừ", "Ư", "Ứ", "Ửu", "Ý", "Y", "Ỳ", "Ỵ", "Ỷ", "Ỹ", "Yên", "Yến",
    "Ê", "E", "Ế", "Ề", "Ệ", "Em", "Êm", "Đi", "Di", "Dì", "Đì", "Gi", "Gì", "Giữ", "Gìn", "Giường", "Già",
    "Nguyễn Văn Ánh", "Nguyễn Văn Anh", "Nguyễn Văn An", "Nguyễn Vân Anh", "Nguyễn Văn Ân", "Đặng Thị Ơn",
    "Đặng Thị On", "Đặng Thị Ôn", "Dặng Thị Ơn", "Đặng Thị", "Đặng", "Dang", "Đang",
    "Cư M'gar", "Cư M’gar", "Cư Mgar", "Cư M-gar", "Ea H'leo", "Ea Hleo", "Krông A Na", "Krông Ana",
    "Hội Nạn nhân chất độc da cam/dioxin", "Hội Nạn nhân chất độc da cam", "Hội Nạn nhân chất độc da cam - dioxin",
    '"Dân vận khéo"', "Dân vận khéo", "Đào & Cộng sự", "Đào và Cộng sự", "#1 Hà Nội", "@Hà Nội", "*Hà Nội",
    "(Hà Nội)", "[Hà Nội]", "Hà Nội!", "Hà Nội?", "100% Hà Nội", "1 Hà Nội", "10 Hà Nội", "2 Hà Nội",
    "Hà Nội 1", "Hà Nội 10", "Hà Nội 2", "Hà Nội I", "Hà Nội II", "Hà Nội 1/2", "Hà Nội 1-2", "Hà Nội 1:2",
    "Hà Nội ₫", "Hà Nội $", "Hà Nội €", "Hà Nội +", "Hà Nội =", "Hà Nội °", "Hà Nội §", "Hà Nội …", "Hà Nội ...",
    "Hà Nội •", "Hà Nội ·", "Hà Nội «", "Hà Nội »", "Hà Nội “", "Hà Nội ”", "Hà Nội ‘", "Hà Nội ’",
    "Khoa học - Kỹ thuật", "Khoa học-Kỹ thuật", "Khoa học – Kỹ thuật", "Khoa học Kỹ thuật", "KH-KT", "KHKT",
    "Kh-Kt", "khkt", "Văn hóa", "Văn hoá", "Văn Hóa", "Văn Hoá", "VĂN HÓA", "VĂN HOÁ", "văn hóa", "văn hoá",
    "Tòa án", "Toà án", "Tòa Án", "TÒA ÁN", "Toa an", "Tỏa", "Toả", "Tọa", "Toạ", "Tõa", "Toã",
    "Hòe", "Hoè", "Hoe", "Hóe", "Hoé", "Xòe", "Xoè", "Lòe", "Loè", "Nhòe", "Nhoè", "Thủy lợi", "Thuỷ lợi",
    "Thủy sản", "Thuỷ sản", "Quỳnh", "Quynh", "Qùynh", "Nguyễn", "Nguyen", "NGUYỄN", "nguyễn", "Nguyên", "Nguyện",
    "Người", "Ngươi", "Ngưởi", "Ngượi", "Ngươì", "Ngừơi", "Mười", "Mươi", "Mừơi", "Tuổi", "Tuôỉ", "Khuya", "Khuyá",
    "Hươu", "Hưởu", "Hươủ", "Rượu", "Rươụ", "Ruộu", "Yểu", "Yêủ", "Khuỷu", "Khuyủ", "Khúc", "Cúc", "Cục",
]


def tone_variant(word: str) -> str:
    """The other style of an open oa/oe/uy syllable: Hòa <-> Hoà, Thủy <-> Thuỷ (not after q)."""
    d = unicodedata.normalize("NFD", word)
    m = re.search(r"([oOuU])([\u0300\u0309\u0303\u0301\u0323]?)([aAeEyY])([\u0300\u0309\u0303\u0301\u0323]?)$", d)
    if not m or (m.group(2) == "") == (m.group(4) == "") or (m.group(1) in "uU" and m.group(3) not in "yY"):
        return word
    if m.group(1) in "oO" and m.group(3) in "yY":
        return word
    if m.start() > 0 and d[m.start() - 1] in "qQ":
        return word
    tone = m.group(2) or m.group(4)
    swapped = m.group(1) + m.group(3) + tone if m.group(2) else m.group(1) + tone + m.group(3)
    return unicodedata.normalize("NFC", d[:m.start()] + swapped)


def with_variants(name: str) -> set[str]:
    words = name.split(" ")
    out = {name}
    other = " ".join(tone_variant(w) for w in words)
    out.add(other)
    return out


def names() -> list[str]:
    rng = random.Random(2025)
    found: set[str] = set()
    provinces = sorted(set(OLD_PROVINCES) | set(NEW_PROVINCES))
    for p in provinces:
        kind = "thành phố" if p in CITIES else "tỉnh"
        for template in PROVINCE_UNITS:
            unit = template.format(kind=kind, p=p)
            found.add(unit[0].upper() + unit[1:])
        found.add(p)
        found.add(("Thành phố " if p in CITIES else "Tỉnh ") + p)
    found.update(AGENCIES, ENTERPRISES, SCHOOLS, FOREIGN, ADVERSARIAL)
    for a in AGENCIES:
        found.add(a + " " + rng.choice(provinces))
    for place in PLACES:
        found.add(place)
        for prefix in rng.sample(["Huyện", "Thị xã", "Thành phố", "Quận", "Xã", "Phường", "Thị trấn", "UBND xã",
                                  "UBND phường", "UBND huyện", "Đảng ủy xã", "Hội Nông dân xã", "Đoàn xã",
                                  "Công an xã", "Trạm Y tế xã", "Trường THCS", "Trường Tiểu học",
                                  "Hội Liên hiệp Phụ nữ xã", "Ban Chỉ huy Quân sự xã", "Hợp tác xã"], 3):
            found.add(f"{prefix} {place}")
    for _ in range(1000):
        parts = [rng.choice(SURNAMES), rng.choice(MIDDLES)]
        if rng.random() < 0.35:
            parts.append(rng.choice(MIDDLES))
        parts.append(rng.choice(GIVENS))
        found.add(" ".join(parts))
    for given in GIVENS:
        found.add(f"Nguyễn Thị {given}")
        found.add(f"Nguyễn Văn {given}")
    more = set()
    for name in sorted(found):
        more |= with_variants(name)
    found |= more
    for name in rng.sample(sorted(found), 150):  # case variants
        found.update({name.upper(), name.lower(), name.title()})
    for name in sorted(found):
        if " - " in name:
            found.update({name.replace(" - ", "-"), name.replace(" - ", " – ")})
    return sorted({unicodedata.normalize("NFC", n.strip()) for n in found} - {""})


# -- ICU -----------------------------------------------------------------------------------------


def collators():
    import icu

    made = []
    for strength in (icu.Collator.PRIMARY, icu.Collator.SECONDARY, icu.Collator.TERTIARY):
        c = icu.Collator.createInstance(icu.Locale("vi"))
        c.setStrength(strength)
        made.append(c)
    return icu, made


def level(made, a: str, b: str) -> str:
    for n, c in enumerate(made, 1):
        if c.compare(a, b):
            return str(n)
    return "="


def write(path: Path) -> None:
    icu, made = collators()
    full = made[2]
    all_names = names()
    order = sorted(all_names, key=lambda n: (full.getSortKey(tones_last(n)), n))
    raw = sorted(all_names, key=lambda n: (full.getSortKey(n), n))
    moved = sum(1 for a, b in zip(order, raw, strict=True) if a != b)
    lines = [
        f"# {len(order)} names in ICU's vi collation order, written by make_reference.py (see its docstring)",
        f"# PyICU {icu.VERSION}, ICU {icu.ICU_VERSION}, Unicode {icu.UNICODE_VERSION}; Collator vi, default attributes.",
        "# Tones were moved after the last vowel of their vowel run before ICU compared (Hòa = Hoà).",
        "# Each line: the level at which ICU tells the name from the line before",
        "# (1 letters, 2 tones and marks, 3 case, = equal), a tab, the name.",
    ]
    previous = None
    for name in order:
        lines.append(("1" if previous is None else level(made, tones_last(previous), tones_last(name))) + "\t" + name)
        previous = name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {k: sum(1 for line in lines if line.startswith(k + "\t")) for k in "123="}
    print(f"wrote {path}: {len(order)} names, levels {counts}; "
          f"{moved} lines would differ in plain ICU order (without moving tones)")


def check_tables() -> int:
    """Compare the tables in thidua.core.vnsort with what ICU says; 0 when they agree."""
    import unicodedata as ud

    sys.path.insert(0, str(HERE.parents[2]))
    from thidua.core import vnsort

    icu, (primary, secondary, _) = collators()
    full = icu.Collator.createInstance(icu.Locale("vi"))
    codes = [*range(0x9, 0xE), *range(0x20, 0x7F), *range(0xA0, 0xC0), 0xD7, 0xF7, *range(0x2010, 0x205F),
             *range(0x20A0, 0x20C1), *map(ord, "−±∞≤≥≠→←↑↓■□▪▫●○◦★☆※✓✔✗✘\u2028\u2029")]
    chars = sorted({chr(c) for c in codes if (ud.category(chr(c))[0] in "PSZ" or chr(c) in "\t\n\v\f\r")
                    and ud.normalize("NFKD", chr(c)) == chr(c)}, key=full.getSortKey)
    problems = 0
    if "".join(chars) != vnsort._VARIABLE:
        print("vnsort._VARIABLE differs from ICU's order:\n" + ascii("".join(chars)))
        problems += 1
    if any(primary.compare(a, b) == 0 for a, b in zip(chars, chars[1:], strict=False)):
        print("some punctuation shares a primary weight in ICU")
        problems += 1
    marks = sorted((chr(c) for c in range(0x300, 0x363) if chr(c) != "\u034f"),
                   key=lambda m: secondary.getSortKey("x" + m))
    groups: list[str] = []
    for m in marks:
        if groups and secondary.compare("x" + groups[-1][-1], "x" + m) == 0:
            groups[-1] += m
        else:
            groups.append(m)
    if tuple(groups) != vnsort._MARK_ORDER:
        print("vnsort._MARK_ORDER differs from ICU's order:\n" + ascii(tuple(groups)))
        problems += 1
    print("tables agree with ICU" if not problems else f"{problems} table(s) differ")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="also compare thidua.core.vnsort's tables with ICU")
    args = ap.parse_args(argv)
    write(args.out)
    return check_tables() if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
