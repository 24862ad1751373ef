from django.core.management.base import BaseCommand

from chidao.web.demo import load_demo, login_table


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu tỉnh Lai Châu (chạy lại không mất dữ liệu) / Load the Lai Châu demo data, idempotently."

    def handle(self, *args, **options):
        load_demo(log=self.stdout.write)
        self.stdout.write("\nTài khoản mẫu / demo logins:\n" + login_table())
