"""The `chidao` console script.

`chidao parse` reads documents without touching a database, so it is dispatched before Django is set up;
every other word is a Django management command (`chidao migrate`, `chidao demo`, `chidao createsuperuser`).
"""
import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["parse"]:
        from chidao.documents.cli import main as parse_main

        return parse_main(argv[1:])
    if argv and not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")  # `chidao import-directive` runs the import_directive command
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(["chidao", *argv])
    except DatabaseError as error:
        # Usually a database that was never migrated, or one that cannot be reached: say so, no traceback.
        print(f"lỗi: cơ sở dữ liệu chưa sẵn sàng ({error}); hãy chạy `chidao migrate` hoặc kiểm tra DATABASE_URL.\n"
              f"error: the database is not ready ({error}); run `chidao migrate` or check DATABASE_URL.",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
