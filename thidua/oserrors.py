"""An operating-system error in Vietnamese: what a user reads never says "Permission denied".

Python's ``OSError.strerror`` is the C library's English text ("No space left on device", "Too
many levels of symbolic links"). :func:`os_error_text` gives the Vietnamese for the errors a
user meets (a full disk, a read-only folder, a missing folder, a symlink loop, a name too long),
by ``errno``; a message thidua wrote itself (already Vietnamese) is kept as it is.
"""

from __future__ import annotations

import errno
import os

_VIETNAMESE = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép (không có quyền)",
    errno.ELOOP: "liên kết (symlink) vòng lặp, không trỏ tới tệp nào",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc, không ghi được",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EEXIST: "đã có một tệp cùng tên ở chỗ này",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa hoặc thiết bị",
    errno.EBUSY: "tệp đang bị chương trình khác dùng",
    errno.ETXTBSY: "tệp đang bị chương trình khác dùng",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENXIO: "thiết bị không tồn tại hoặc chưa sẵn sàng",
    errno.EINVAL: "tên tệp hoặc thao tác không hợp lệ",
    errno.ENOTEMPTY: "thư mục không rỗng",
}
for _name, _text in (("EDQUOT", "đã hết hạn mức dung lượng đĩa của người dùng"),
                     ("EFBIG", "tệp quá lớn để ghi")):
    if hasattr(errno, _name):
        _VIETNAMESE[getattr(errno, _name)] = _text


def os_error_text(exc: OSError) -> str:
    """Why ``exc`` happened, in Vietnamese (without the file name)."""
    code = exc.errno
    own = exc.strerror
    if code is not None and code in _VIETNAMESE and (not own or own == os.strerror(code)):
        return _VIETNAMESE[code]
    if own:
        return own if code is None or own != os.strerror(code) else f"lỗi hệ thống: {own}"
    return str(exc)
