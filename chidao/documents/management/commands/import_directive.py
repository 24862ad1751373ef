from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from chidao.documents.reader import parse
from chidao.documents.reader.files import UnreadableDocument, read_file
from chidao.documents.services import ImportRefused, propose, save_directive


class Command(BaseCommand):
    help = ("Đọc và lưu một văn bản chỉ đạo, tự gắn cơ quan theo tên / "
            "Read and store a directive, linking agencies by name (chidao import-directive FILE).")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true",
                            help="chỉ hiển thị đề xuất, không lưu / show the proposal, store nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            read = read_file(file)
        except UnreadableDocument as problem:
            raise CommandError(f"{file}: {problem.vi} / {problem.en}", returncode=2) from None
        except OSError as problem:
            raise CommandError(f"{file}: không đọc được tệp / cannot read the file: {problem.strerror}",
                               returncode=2) from None
        proposal = propose(parse(read.text))
        result = proposal.result
        found = lambda key: result.get(key) or "—"  # noqa: E731
        self.stdout.write(f"{found('doc_type')} {found('number')}/{found('symbol')} "
                          f"ngày/date {found('date')}: {found('subject')}")
        for task in proposal.tasks:
            names = ", ".join(a.name for a in task.agencies) or "— chưa gắn cơ quan / no agency linked —"
            self.stdout.write(f"  • {task.assignee_text} → {names}")
        for duty in proposal.duties:
            self.stdout.write(f"  báo cáo/report {duty.frequency} → {duty.recipient or duty.to_text}"
                              f"{' qua/via ' + str(duty.via or duty.via_text) if (duty.via or duty.via_text) else ''}")
        if dry_run:
            return
        try:
            directive = save_directive(proposal, source_text=read.text, source_name=str(file))
        except ImportRefused as refusal:
            with translation.override("en"):
                english = str(refusal)
            raise CommandError(f"{file}: {refusal} / {english}", returncode=2) from None
        self.stdout.write(self.style.SUCCESS(
            f"Đã lưu / stored: {directive.key} — {directive.tasks.count()} nhiệm vụ / tasks"))
