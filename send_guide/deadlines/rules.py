"""The statutory rules of ../shared/ehc-timescales.md as data: who must act, the duty in plain
English, the legal source, how sure the reference is, and what could move the date.

Keeping the words here (not in the date arithmetic) lets the conversation, the staff command and
the tests share one wording, and lets a reviewer check each rule against the reference line by line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Certainty(Enum):
    """The reference's marks: [V] statutory text checked, [S] secondary source, [?] unsettled."""

    CHECKED = "checked against the law"
    SECONDARY = "from advice services' reading of the law"
    UNSETTLED = "not settled in law"


class Party(Enum):
    """Who must act by the date, so an overdue date can be explained the right way round."""

    COUNCIL = "council"
    FAMILY = "family"
    MEDIATION = "mediation service"
    PROFESSIONAL = "professional"


@dataclass(frozen=True)
class Rule:
    number: int  # the row in the reference table
    key: str
    party: Party
    duty: str  # "{date}" is filled in with the date in words
    source: str
    certainty: Certainty
    caveats: tuple[str, ...] = ()


REG_10_4 = (
    "This date can move in some cases. For example, a school or college was closed for 4 weeks or more "
    "(such as the summer holiday) when the council asked it for advice. Or there were exceptional personal "
    "circumstances. Or you or your child were away from the area for 4 weeks or more. "
    "The council should tell you if this applies (SEND Regulations 2014, regulation 10(4))."
)
REG_8_2 = (
    "This date can move in some cases. There may be exceptional circumstances. The family may have been away "
    "for 4 weeks or more. Or an appointment was missed (SEND Regulations 2014, regulation 8(2))."
)
NO_ROLL_FORWARD = "The SEND Regulations do not move this date if it falls on a weekend or a bank holiday."
MONTH_COUNTING = (
    "Some advice services count the months as ending one day earlier than this. "
    "To be safe, act well before this date."
)
TRIBUNAL_DAYS = (
    "The tribunal moves a deadline that falls on a weekend, a bank holiday, between 25 December and "
    "1 January, or in August. This follows IPSEA's reading of the tribunal rules."
)
SCHOOL_ONLY_APPEAL = (
    "You do not need a mediation certificate if you only appeal about the school or college named in the plan."
)
LAST_REVIEWED = (
    "The law does not say clearly if the 12 months count from the review meeting or from the council's "
    "decision after it. We counted from the date you gave."
)
BEFORE_15_FEBRUARY = (
    'The law says "before 15 February". Read strictly, that means by 14 February. '
    'Many councils say "by 15 February".'
)
BEFORE_31_MARCH = (
    'The law says "before 31 March". Read strictly, that means by 30 March. Many councils say "by 31 March".'
)
CLEAR_DAYS = 'The law does not say clearly if the 2 weeks must be "clear days". Sending things earlier is safer.'
POSTED_DOCUMENTS = (
    "If the document came by post, the law does not say clearly which day counts as the day it was sent to you."
)
HEALTH_MEDIATION = "If the mediation is only about health care, some read this as 30 working days."
PLAN_CONTINUES = "The plan stays in place until the time to appeal has passed, or until an appeal ends."


def _rule(number: int, key: str, party: Party, duty: str, source: str, certainty: Certainty,
          *caveats: str) -> Rule:
    return Rule(number, key, party, duty, source, certainty, tuple(caveats))


RULES: dict[str, Rule] = {rule.key: rule for rule in (
    _rule(1, "decide_to_assess", Party.COUNCIL,
          "The council must tell you if it will carry out an EHC needs assessment by {date}. "
          "If it says no, it must tell you how to appeal and about mediation.",
          "SEND Regulations 2014, regulations 4 and 5", Certainty.CHECKED, REG_10_4, NO_ROLL_FORWARD),
    _rule(2, "advice_given", Party.PROFESSIONAL,
          "The professional should send their advice by {date}.",
          "SEND Regulations 2014, regulation 8", Certainty.SECONDARY, REG_8_2),
    _rule(3, "no_plan_notice", Party.COUNCIL,
          "If the council decides not to make an EHC plan, it must tell you by {date}. "
          "It must also tell you how to appeal and about mediation.",
          "SEND Regulations 2014, regulation 10", Certainty.CHECKED, REG_10_4, NO_ROLL_FORWARD),
    _rule(4, "draft_plan_comments", Party.FAMILY,
          "You have until {date} to comment on the draft plan, ask for a school or college, "
          "or ask for a meeting.",
          "SEND Regulations 2014, regulation 13(1); Children and Families Act 2014, section 38",
          Certainty.CHECKED, NO_ROLL_FORWARD, POSTED_DOCUMENTS),
    _rule(5, "final_plan", Party.COUNCIL,
          "The council must send the final EHC plan by {date}.",
          "SEND Regulations 2014, regulation 13(2)", Certainty.CHECKED, REG_10_4, NO_ROLL_FORWARD),
    _rule(6, "annual_review", Party.COUNCIL,
          "The council must review the EHC plan by {date}.",
          "Children and Families Act 2014, section 44(1)", Certainty.UNSETTLED, LAST_REVIEWED),
    _rule(7, "review_meeting_notice", Party.COUNCIL,
          "Everyone must be invited to the review meeting, and advice sent out, by {date}. "
          "That is at least 2 weeks before the meeting.",
          "SEND Regulations 2014, regulation 20(3) and (4)", Certainty.CHECKED, CLEAR_DAYS),
    _rule(8, "review_report", Party.COUNCIL,
          "The school or college must send the review report by {date}.",
          "SEND Regulations 2014, regulation 20(7)", Certainty.SECONDARY),
    _rule(9, "review_decision", Party.COUNCIL,
          "The council must decide by {date} to keep, change or end the plan. "
          "If it will change the plan, it must send the proposed changes with the decision.",
          "SEND Regulations 2014, regulation 20(10); L, M and P v Devon County Council [2022] EWHC 493 (Admin)",
          Certainty.SECONDARY),
    _rule(10, "amendment_comments", Party.FAMILY,
          "You have until {date} to comment on the proposed changes or ask for a school or college.",
          "SEND Regulations 2014, regulation 22(2)", Certainty.CHECKED, NO_ROLL_FORWARD, POSTED_DOCUMENTS),
    _rule(11, "amended_plan", Party.COUNCIL,
          "The council must send the final changed plan, or say it will not change it, by {date}.",
          "SEND Regulations 2014, regulation 22(3) and (4); L, M and P v Devon County Council [2022] EWHC 493 "
          "(Admin)", Certainty.CHECKED, NO_ROLL_FORWARD),
    _rule(12, "phase_transfer", Party.COUNCIL,
          "The plan must be reviewed and changed to name the new school or setting by {date}.",
          "SEND Regulations 2014, regulation 18", Certainty.CHECKED, BEFORE_15_FEBRUARY),
    _rule(12, "phase_transfer_post16", Party.COUNCIL,
          "The plan must be reviewed and changed to name the new college or setting by {date}.",
          "SEND Regulations 2014, regulation 18", Certainty.CHECKED, BEFORE_31_MARCH),
    _rule(13, "post16_transfer", Party.COUNCIL,
          "The plan must be reviewed and changed to name the new post-16 setting by {date}. "
          "That is at least 5 months before the move.",
          "SEND Regulations 2014, regulation 18", Certainty.CHECKED),
    _rule(15, "contact_mediation_adviser", Party.FAMILY,
          "If you want to appeal, contact the mediation adviser by {date}.",
          "SEND Regulations 2014, regulation 33", Certainty.CHECKED, NO_ROLL_FORWARD, MONTH_COUNTING),
    _rule(16, "certificate_after_declining", Party.MEDIATION,
          "The mediation adviser must give you a certificate by {date}.",
          "SEND Regulations 2014, regulation 34", Certainty.SECONDARY),
    _rule(17, "mediation_held", Party.MEDIATION,
          "The mediation meeting must take place by {date}.",
          "SEND Regulations 2014, regulations 35 to 37", Certainty.SECONDARY, HEALTH_MEDIATION),
    _rule(18, "certificate_after_mediation", Party.MEDIATION,
          "The mediator must give you a certificate by {date}.",
          "SEND Regulations 2014, regulation 39", Certainty.SECONDARY),
    _rule(19, "appeal", Party.FAMILY,
          "The last day to appeal to the SEND Tribunal is {date}.",
          "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule 20(1)(c)", Certainty.CHECKED,
          TRIBUNAL_DAYS, MONTH_COUNTING, SCHOOL_ONLY_APPEAL),
    _rule(20, "order_school_name", Party.COUNCIL,
          "The council must name the school or college the tribunal ordered by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(20, "order_amend", Party.COUNCIL,
          "The council must change the plan as the tribunal ordered by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(20, "order_draft_plan", Party.COUNCIL,
          "The council must send a draft EHC plan by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(20, "order_final_plan", Party.COUNCIL,
          "The council must send the final EHC plan by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(20, "order_assess_notice", Party.COUNCIL,
          "The council must tell you it will carry out the assessment by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(20, "order_no_plan_notice", Party.COUNCIL,
          "If the council decides not to make a plan after the assessment, it must tell you by {date}.",
          "SEND Regulations 2014, regulation 44", Certainty.SECONDARY),
    _rule(21, "transfer_between_councils", Party.COUNCIL,
          "The plan must be passed to the new council by {date}.",
          "SEND Regulations 2014, regulation 15", Certainty.CHECKED),
    _rule(22, "reassessment_plan", Party.COUNCIL,
          "After a new assessment, the council must send the final EHC plan by {date}.",
          "SEND Regulations 2014, regulation 27", Certainty.CHECKED, REG_10_4, NO_ROLL_FORWARD),
)}


# Each rule as a step on the timeline card (send_guide/timeline_card.py): a few words, not the duty.
STEP_NAMES: dict[str, str] = {
    "decide_to_assess": "The council decides whether to assess",
    "advice_given": "The professional sends their advice",
    "no_plan_notice": "If there will be no plan, the council tells you",
    "draft_plan_comments": "Your comments on the draft plan",
    "final_plan": "The final EHC plan",
    "annual_review": "The annual review of the plan",
    "review_meeting_notice": "Invitations and advice for the review meeting",
    "review_report": "The review report from the school or college",
    "review_decision": "The council decides after the review",
    "amendment_comments": "Your comments on the proposed changes",
    "amended_plan": "The final changed plan",
    "phase_transfer": "The plan names the new school or setting",
    "phase_transfer_post16": "The plan names the new college or setting",
    "post16_transfer": "The plan names the new post-16 setting",
    "contact_mediation_adviser": "Contact the mediation adviser, if you want to appeal",
    "certificate_after_declining": "You get the mediation certificate",
    "mediation_held": "The mediation meeting",
    "certificate_after_mediation": "You get the mediation certificate",
    "appeal": "The last day to appeal to the SEND Tribunal",
    "order_school_name": "The council names the school the tribunal ordered",
    "order_amend": "The council changes the plan as the tribunal ordered",
    "order_draft_plan": "The draft EHC plan after the tribunal's order",
    "order_final_plan": "The final EHC plan after the tribunal's order",
    "order_assess_notice": "The council says it will assess",
    "order_no_plan_notice": "If there will be no plan, the council tells you",
    "transfer_between_councils": "The plan passes to the new council",
    "reassessment_plan": "The final EHC plan after the new assessment",
}
