"""Output files: the one place that decides whether a file may be written, and writes it safely.

Rules, for every command that writes:

- Only regular files are written. A target that is a directory, device, FIFO or socket is refused,
  with or without ``force``.
- A symbolic link is never followed: without ``force`` it is refused like any existing file (even
  when it dangles); with ``force`` the link itself is replaced by the new file, and what it pointed
  to is left alone.
- Data goes to a temporary file beside the target, is flushed to disk (``fsync``), and is then put
  in place in one step. Without ``force`` the step is a hard link that fails if the name exists, so
  "does not exist" is decided at the moment of writing and two runs never overwrite each other.
- The temporary file is removed on every exit: an error, Ctrl-C, or SIGTERM (the CLI turns it into
  an exception so this cleanup runs).

Input files are read by ``read_input``: a regular file (or a link to one) only — a device, FIFO or
socket such as ``/dev/zero`` is refused before it is read — and at most ``max_input()`` bytes
(``DRAFTER_MAX_INPUT_MB``, 20 MB by default), so no file makes drafter load more than that.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from drafter.errors import LimitError, OutputError, OutputExists, ReadError

_KINDS = ((stat.S_ISDIR, "目录"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"), (stat.S_ISFIFO, "命名管道"),
          (stat.S_ISSOCK, "套接字"))


#: environment variable that raises (or lowers) the input size limit, in megabytes.
MAX_INPUT_ENV = "DRAFTER_MAX_INPUT_MB"
MAX_INPUT_MB = 20


def max_input() -> int:
    """The most bytes drafter reads from one input file: ``DRAFTER_MAX_INPUT_MB`` MB, else 20 MB."""
    text = os.environ.get(MAX_INPUT_ENV, "").strip()
    try:
        mb = float(text) if text else MAX_INPUT_MB
    except ValueError:
        mb = MAX_INPUT_MB
    return int(max(mb, 0) * 1024 * 1024)


def check_input(path: str | os.PathLike) -> os.stat_result:
    """The status of an input file that may be read: it exists and is a regular file (after links);
    ReadError otherwise. A FIFO or device is refused before it is opened (opening a FIFO would wait)."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("文件不存在", where=str(path)) from None
    except OSError as exc:
        raise ReadError(f"无法读取：{exc.strerror}", where=str(path)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("这是一个目录，请给出文件", where=str(path))
    if not stat.S_ISREG(st.st_mode):
        kind = next((k for test, k in _KINDS if test(st.st_mode)), "特殊文件")
        raise ReadError(f"输入是{kind}，不是普通文件：请给出文件", where=str(path))
    return st


def read_input(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of a regular input file of at most ``limit`` bytes (default ``max_input()``);
    ReadError or LimitError (one line, naming the file and the limit) otherwise."""
    path = Path(path)
    limit = max_input() if limit is None else limit
    st = check_input(path)
    if st.st_size > limit:
        raise too_big(path, st.st_size, limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ReadError(f"无法读取：{exc.strerror}", where=str(path)) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):   # replaced between the check and the open
            raise ReadError("输入不是普通文件", where=str(path))
        try:
            data = _read_upto(fh, limit + 1, st.st_size + 1)
        except OSError as exc:
            raise ReadError(f"无法读取：{exc.strerror}", where=str(path)) from None
    if len(data) > limit:
        raise too_big(path, len(data), limit)
    return data


def _read_upto(fh, most: int, expected: int) -> bytes:
    """At most ``most`` bytes of ``fh``: ``expected`` bytes first (the file's size and one), then 64 KB at a
    time to the end of a file that grew since (``fh.read(most)`` takes a buffer of ``most`` bytes at once)."""
    chunks, total, want = [], 0, max(expected, 1)
    while total < most and (chunk := fh.read(min(want, most - total))):
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 16
    return b"".join(chunks)


#: a zip package (.docx, .xlsx) may unpack to at most this many times the input limit, with at most
#: ``MAX_PARTS`` members each compressed at most ``MAX_RATIO`` to one.
UNZIPPED_FACTOR, MAX_PARTS, MAX_RATIO = 5, 2000, 200


def check_zip(path: str | os.PathLike) -> None:
    """Refuse a zip package (.docx, .xlsx) that would unpack to too much, before any part is read:
    the total uncompressed size, the number of parts and each large part's compression ratio, as its
    central directory declares them (zipfile never inflates a part past its declared size)."""
    import zipfile

    path = Path(path)
    st = check_input(path)
    limit = max_input()
    if st.st_size > limit:
        raise too_big(path, st.st_size, limit)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return   # not a zip: the reader says so in its own words
    if len(infos) > MAX_PARTS:
        raise LimitError(f"压缩包的部件太多：{len(infos)} 个（上限 {MAX_PARTS}）", where=str(path))
    total = sum(i.file_size for i in infos)
    if total > UNZIPPED_FACTOR * limit:
        raise LimitError(f"解压后太大：{total / 1048576:.0f} MB（上限 {UNZIPPED_FACTOR * limit / 1048576:.0f} MB，"
                         f"可用 {MAX_INPUT_ENV} 调高）：可能是压缩炸弹？", where=str(path))
    for info in infos:
        if info.file_size > 1048576 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LimitError(f"部件 {info.filename[:60]} 压缩比异常：{info.file_size // max(info.compress_size, 1)}:1 "
                             f"（上限 {MAX_RATIO}:1）：可能是压缩炸弹？", where=str(path))


def too_big(path: str | os.PathLike, size: int, limit: int) -> LimitError:
    return LimitError(f"文件太大（{size / 1048576:.1f} MB > {limit / 1048576:.0f} MB）："
                      f"拆成小文件，或设置 {MAX_INPUT_ENV} 调高上限", where=str(path))


def check_target(path: str | os.PathLike, force: bool) -> Path:
    """The output path if it may be written now: its folder exists and is writable, and the name is
    free (or ``force`` and it is a regular file or a link). Raises OutputError or OutputExists."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise OutputError(f"无法检查输出路径：{exc.strerror}", where=str(path)) from None
    if st is not None:
        for test, kind in _KINDS:
            if test(st.st_mode):
                raise OutputError(f"输出路径是{kind}，不是普通文件：请换一个文件名", where=str(path))
        if not force:
            what = "符号链接" if stat.S_ISLNK(st.st_mode) else "输出文件"
            raise OutputExists(f"{what}已存在：加 --force 覆盖，或换一个文件名", where=str(path))
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("输出目录不存在：先创建它", where=str(folder))
    if not os.access(folder, os.W_OK):
        raise OutputError("输出目录不可写", where=str(folder))
    return path


def _mode_for(path: Path) -> int:
    """Permissions for the new file: the old regular file's, else what the umask allows."""
    try:
        st = os.lstat(path)
        if stat.S_ISREG(st.st_mode):
            return st.st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes(path: str | os.PathLike, data: bytes, force: bool = False) -> Path:
    """Write ``data`` to ``path`` by the rules above; returns the path written."""
    path = check_target(path, force)
    mode = _mode_for(path)
    try:
        short = path.name.encode("utf-8")[:100].decode("utf-8", "ignore")   # room left under 255 bytes
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{short}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"无法写入：{exc.strerror}", where=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if force:
            check_target(path, force)   # still a regular file or a link: never rename over a device
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise OutputExists("输出文件已存在（刚被另一个程序写入）：加 --force 覆盖，或换一个文件名",
                               where=str(path)) from None
        raise OutputError(f"无法写入：{exc.strerror or exc}", where=str(path)) from None
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
    return path


def _link_new(temp: str, path: Path) -> None:
    """Put ``temp`` at ``path`` only if no file has that name; EEXIST otherwise."""
    try:
        os.link(temp, path)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # a file system without hard links: claim the name exclusively, then move the data over it
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(temp, path)


def write_text(path: str | os.PathLike, text: str, force: bool = False) -> Path:
    """Write text as UTF-8 with LF line ends by the rules above."""
    return write_bytes(path, text.encode("utf-8"), force)


def make_folder(path: str | os.PathLike) -> Path:
    """An output folder, created with its parents when missing; anything else there is an error."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError("输出路径已存在且不是目录", where=str(path)) from None
    except OSError as exc:
        raise OutputError(f"无法创建输出目录：{exc.strerror}", where=str(path)) from None
    return path
