"""factory-boy factories, one per model people create in tests."""
import datetime as dt

import factory
from django.contrib.auth import get_user_model

from chidao.accounts.models import Membership
from chidao.accounts.roles import Role
from chidao.documents.models import Directive, DirectiveSection
from chidao.orgs.models import AdminUnit, Agency
from chidao.tasks.models import Task

PASSWORD = "test-password-123"


class AdminUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdminUnit

    code = factory.Sequence(lambda n: f"{90000 + n:05d}")
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    level = AdminUnit.Level.COMMUNE
    kind = "xa"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"agency-{n}")
    name = factory.Sequence(lambda n: f"Sở Thử Nghiệm {n}")
    kind = Agency.Kind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.REPORTER


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    doc_type = "Công văn"
    number = factory.Sequence(lambda n: str(100 + n))
    symbol = "UBND-VX"
    issued_on = dt.date(2013, 7, 16)
    year = factory.LazyAttribute(lambda o: o.issued_on.year)
    place = "Lai Châu"
    subject = "tăng cường thực hiện công tác phòng, chống tệ nạn mại dâm"
    source_text = "Số: 1/UBND-VX"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DirectiveSection

    directive = factory.SubFactory(DirectiveFactory)
    position = factory.Sequence(int)
    number = "1"
    heading = "Sở Y tế"
    assignee_text = "Sở Y tế"
    text = "Tăng cường kiểm tra."
    start = 0
    end = 10


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    directive = factory.SubFactory(DirectiveFactory)
    agency = factory.SubFactory(AgencyFactory)
    text = "Tăng cường kiểm tra các cơ sở kinh doanh dịch vụ."
    assignee_text = factory.LazyAttribute(lambda o: o.agency.name)
