"""The services directory's tables (SQLAlchemy 1.4, written in 2.0 style).

One row per service; its categories in a table of their own so "who helps with housing?" is a
plain indexed query. Aliases are few and only ever searched in Python, so they are one text field.
A row is shown with its source page's date until a person confirms it (who and when, or neither).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import relationship

from send_guide.confirmation import CONFIRMED_BY_LENGTH
from send_guide.database.base import Base

LIST_SEPARATOR = "|"  # between aliases, categories and sources in one field (and CSV cell)
# A confirmation says who and when: a name without a date, or a date without a name, is refused.
CONFIRMED_BOTH_OR_NEITHER = "(confirmed_by = '') = (confirmed_on IS NULL)"


class Service(Base):
    __tablename__ = "service"
    __table_args__ = (CheckConstraint(CONFIRMED_BOTH_OR_NEITHER, name="ck_service_confirmed_both_or_neither"),)

    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False, unique=True)
    aliases = Column(Text, nullable=False, default="")  # "|"-separated other names and acronyms
    description = Column(Text, nullable=False, default="")
    who_can_refer = Column(Text, nullable=False, default="")
    phone = Column(String(40), nullable=False, default="")
    email = Column(String(200), nullable=False, default="")
    address = Column(Text, nullable=False, default="")
    postcode = Column(String(10), nullable=False, default="")
    website = Column(String(500), nullable=False, default="")
    opening_hours = Column(Text, nullable=False, default="")
    source = Column(String(200), nullable=False)  # the pages the facts come from
    confirmed_by = Column(String(CONFIRMED_BY_LENGTH), nullable=False, default="")  # a name or role; "" = nobody yet
    confirmed_on = Column(Date, nullable=True)  # the day that person checked the row

    categories = relationship("ServiceCategory", cascade="all, delete-orphan", lazy="selectin",
                              order_by="ServiceCategory.category")

    @property
    def alias_list(self) -> list[str]:
        return [alias for alias in self.aliases.split(LIST_SEPARATOR) if alias]

    @property
    def category_ids(self) -> list[str]:
        return [link.category for link in self.categories]

    def __repr__(self) -> str:
        return f"Service({self.name!r})"


class ServiceCategory(Base):
    __tablename__ = "service_category"
    __table_args__ = (UniqueConstraint("service_id", "category"),)

    id = Column(Integer, primary_key=True)
    service_id = Column(Integer, ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    category = Column(String(50), nullable=False, index=True)
