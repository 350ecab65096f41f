"""The HTTP service: JSON endpoints over the library, an OpenAPI document, 422 with every problem.

Built on Litestar because its request models can be the library's own kind of class: attrs
classes are decoded from JSON and described in the OpenAPI document as they are (its
``AttrsSchemaPlugin``), so there are no mirror models to keep in step with the code. Responses
are the plain data the library already gives (``to_dict``), exact figures as text.

=========================  ====================================================================
endpoint                   answer
=========================  ====================================================================
``GET /health``            ``{"status": "ok", "version": …}``
``GET /rule-sets``         the installed rule sets: name, jurisdiction, title, dates
``POST /validate``         ``{"valid": true, "records": {…}}``, or 422 with every problem
``POST /score``            the assessment: every member's score card
``POST /rank``             the member ranking (姓氏笔画 ties, grades, sectors, groups)
``POST /explain``          one member's score card, line by line, and as text
``POST /requirements``     the requirement report: per member and per activity group
``POST /awards``           every award's winners, 公示 list and the reasons of the others
``POST /statistics``       proposal, 社情民意 or attendance figures, exact, optionally grouped
``GET /schema/openapi.json``  the OpenAPI document
=========================  ====================================================================

Every error the library raises on purpose — a dataset that does not load, an unknown rule
set, a member not found — is answered ``422`` with ``{"error", "code", "hint", "problems":
[...]}``, each problem located (file, table, row, column, record, field) and given its stable
code and offending value, as ``cppcc validate`` lists them. A body that is not the request's
shape gets the same form.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

import attrs
from litestar import Litestar, Request, Response, get, post
from litestar.datastructures import State
from litestar.exceptions import ValidationException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.plugins.attrs import AttrsSchemaPlugin

from cppcc_model.assess.award_selection import select_awards
from cppcc_model.assess.engine import Assessment, assess
from cppcc_model.assess.member_ranking import rank_members
from cppcc_model.assess.requirements import requirement_report_to_dict
from cppcc_model.catalogue import code_of
from cppcc_model.checks import lifecycle_problems
from cppcc_model.errors import (
    CppccError,
    DatasetError,
    InvalidValueError,
    Location,
    Problem,
    ProblemsError,
)
from cppcc_model.io.json import ledger_from_dict
from cppcc_model.io.rows import ledger_from_tables
from cppcc_model.ledger import Ledger
from cppcc_model.messages import Lang, accepted_lang, choose_lang, problem_dict, translate
from cppcc_model.model import Period
from cppcc_model.plugins import Plugins, load_plugins
from cppcc_model.rules.ruleset import RuleSet
from cppcc_model.service.requests import (
    AssessRequest,
    DatasetRequest,
    ExplainRequest,
    RankRequest,
    StatisticsRequest,
)
from cppcc_model.when import resolve_when

__all__ = ["create_app", "problem_payload"]

_PROBLEMS = {422: ResponseSpec(data_container=dict[str, Any], description="the problems found")}
_SOURCE = "request"


def problem_payload(problem: Problem, lang: Lang = "en") -> dict[str, Any]:
    """One problem as JSON: :func:`~cppcc_model.messages.problem_dict`, English by default."""
    return dict(problem_dict(problem, lang))


def _lang(request: Request[Any, Any, Any]) -> Lang:
    """The request's language: its ``Accept-Language``, else the service's own."""
    default: Lang = request.app.state.get("lang", "zh")
    return accepted_lang(request.headers.get("accept-language"), default)


def _error_response(request: Request[Any, Any, Any], error: Exception) -> Response[Any]:
    lang = _lang(request)
    if isinstance(error, ProblemsError):
        body = {
            "error": translate(error.summary, lang),
            "code": error.code,
            "hint": translate(error.hint, lang),
            "problems": [problem_payload(p, lang) for p in error.problems],
        }
    elif isinstance(error, CppccError):
        problem = Problem(error.message, error.where or Location(), error.hint)
        body = {
            "error": translate(error.message, lang),
            "code": error.code,
            "hint": translate(error.hint, lang),
            "problems": [problem_payload(problem, lang)],
        }
    else:
        assert isinstance(error, ValidationException)
        extra = error.extra if isinstance(error.extra, list) else []
        problems = [
            problem_payload(
                Problem(
                    str(item.get("message", "not valid")),
                    Location(path=str(item.get("key") or "$")),
                    "send the request body the OpenAPI document describes",
                ),
                lang,
            )
            for item in extra
            if isinstance(item, dict)
        ] or [problem_payload(Problem(str(error.detail), Location(path="$")), lang)]
        body = {
            "error": translate("the request body is not valid", lang),
            "code": code_of("the request body is not valid"),
            "hint": None,
            "problems": problems,
        }
    return Response(body, status_code=422, headers={"Content-Language": lang})


# ---------------------------------------------------------------------- from request to objects


def _ledger(request: DatasetRequest) -> Ledger:
    if (request.ledger is None) == (request.tables is None):
        raise InvalidValueError(
            "give the dataset as `ledger` (the JSON form) or as `tables` (rows), exactly one",
            where=Location(path="$"),
            hint='send {"ledger": {"format": "cppcc-ledger", …}} or {"tables": {"members": […]}}',
        )
    if request.ledger is not None:
        ledger = ledger_from_dict(request.ledger, source=_SOURCE)
        _check_lifecycles(ledger)
        return ledger
    assert request.tables is not None
    return ledger_from_tables(request.tables, source=_SOURCE, check=lifecycle_problems)


def _check_lifecycles(ledger: Ledger) -> None:
    """Refuse a ledger whose proposal or 社情民意 histories break their lifecycle.

    As ``cppcc`` does: every problem at once, each with the JSON path of its step.
    """
    problems = lifecycle_problems(ledger)
    if problems:
        where = Location(file=_SOURCE)
        raise DatasetError(
            "cannot load the ledger",
            [attrs.evolve(problem, where=where.merged(problem.where)) for problem in problems],
            hint="fix the problems listed; nothing was loaded",
        )


def _period(
    ledger: Ledger, year: int | None, period: str | None, as_of: str | None
) -> tuple[Period, Any]:
    when = resolve_when(ledger, year, period, as_of)
    return when.period, when.as_of


@attrs.frozen
class _Scoring:
    ledger: Ledger
    rule_set: RuleSet
    period: Period
    as_of: Any


def _rule_set_payload(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "name": rule_set.name,
        "jurisdiction": rule_set.jurisdiction,
        "title": rule_set.title,
        "effective_from": rule_set.effective_from.isoformat(),
        "effective_until": rule_set.effective_until.isoformat()
        if rule_set.effective_until is not None
        else None,
    }


def _figures(stats: Any) -> dict[str, Any]:
    """Plain data of statistics: their own ``as_dict``, or counts and rate properties."""
    as_dict = getattr(stats, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    from cppcc_model.proposals.figures import Figure
    from cppcc_model.proposals.statistics import stats_as_dict

    counts = attrs.asdict(stats.counts)
    rates = {
        name: getattr(stats, name)
        for name in sorted(dir(type(stats)))
        if isinstance(getattr(type(stats), name, None), property)
        and isinstance(getattr(stats, name), Figure)
    }
    return stats_as_dict(counts, rates, 2)


def create_app(
    plugins: Plugins | None = None, *, debug: bool = False, lang: Lang | None = None
) -> Litestar:
    """The service's ASGI application, with ``plugins`` (default: the installed ones).

    Problems are answered in the language a request's ``Accept-Language`` prefers (``zh`` or
    ``en``); without one, in ``lang`` (default: :func:`~cppcc_model.messages.choose_lang`,
    Chinese unless ``CPPCC_LANG`` or the locale says English).
    """
    loaded = plugins if plugins is not None else load_plugins()
    language = lang if lang is not None else choose_lang()

    def scoring(body: AssessRequest) -> _Scoring:
        ledger = _ledger(body)
        period, as_of = _period(ledger, body.year, body.period, body.as_of)
        target = body.rules if body.rules is not None else ledger.committee.jurisdiction
        return _Scoring(ledger, loaded.rule_sets.resolve(target, as_of), period, as_of)

    def assessed(chosen: _Scoring) -> Assessment:
        return assess(chosen.ledger, chosen.rule_set, chosen.period, as_of=chosen.as_of)

    @get("/health", summary="Whether the service runs, and its version")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": importlib.metadata.version("cppcc-model")}

    @get("/rule-sets", summary="The installed rule sets")
    async def rule_sets() -> list[dict[str, Any]]:
        return [_rule_set_payload(r) for r in sorted(loaded.rule_sets, key=lambda r: r.name)]

    @post(
        "/validate",
        status_code=200,
        summary="Check a dataset: every problem at once, located",
        responses={422: ResponseSpec(data_container=dict[str, Any], description="not valid")},
    )
    async def validate(data: DatasetRequest) -> dict[str, Any]:
        ledger = _ledger(data)
        return {
            "valid": True,
            "committee": ledger.committee.name,
            "records": {
                "members": len(ledger.members),
                "activity_groups": len(ledger.activity_groups),
                "activities": len(ledger.activities),
                "proposals": len(ledger.proposals),
                "info_reports": len(ledger.info_reports),
                "contributions": len(ledger.contributions),
                "work_plans": len(ledger.work_plans),
            },
        }

    @post("/score", status_code=200, summary="Score every member", responses=_PROBLEMS)
    async def score(data: AssessRequest) -> dict[str, Any]:
        return assessed(scoring(data)).to_dict()

    @post("/rank", status_code=200, summary="Rank the members", responses=_PROBLEMS)
    async def rank(data: RankRequest) -> dict[str, Any]:
        chosen = scoring(data)
        return rank_members(assessed(chosen), chosen.ledger, method=data.method).to_dict()

    @post("/explain", status_code=200, summary="One member's score card", responses=_PROBLEMS)
    async def explain(data: ExplainRequest) -> dict[str, Any]:
        chosen = scoring(data)
        member = chosen.ledger.find_member(data.member)
        settings = chosen.rule_set.settings
        if not member.served_during(chosen.period) and not settings.assess_members_not_serving:
            raise CppccError(
                f"{member.name} ({member.id}) did not serve during {chosen.period}",
                where=Location(record_id=member.id),
                hint="choose a period in which the member served (year / period)",
            )
        result = assess(
            chosen.ledger,
            chosen.rule_set,
            chosen.period,
            as_of=chosen.as_of,
            members=[member.id],
        )
        card = result.cards[0]
        return {"card": card.to_dict(), "text": card.render_text()}

    @post(
        "/requirements",
        status_code=200,
        summary="Who meets the minimum requirements",
        responses=_PROBLEMS,
    )
    async def requirements(data: AssessRequest) -> dict[str, Any]:
        chosen = scoring(data)
        return requirement_report_to_dict(assessed(chosen), chosen.ledger)

    @post("/awards", status_code=200, summary="Select every award's winners", responses=_PROBLEMS)
    async def awards(data: AssessRequest) -> dict[str, Any]:
        chosen = scoring(data)
        results = select_awards(
            chosen.ledger,
            chosen.rule_set,
            chosen.period,
            as_of=chosen.as_of,
            rule_sets=loaded.rule_sets,
        )
        return {
            "rule_set": chosen.rule_set.name,
            "period": {
                "start": chosen.period.start.isoformat(),
                "end": chosen.period.end.isoformat(),
            },
            "awards": [result.to_dict() for result in results],
        }

    @post(
        "/statistics",
        status_code=200,
        summary="Proposal, 社情民意 or attendance figures",
        responses=_PROBLEMS,
    )
    async def statistics(data: StatisticsRequest) -> dict[str, Any]:
        ledger = _ledger(data)
        period, as_of = _period(ledger, data.year, data.period, data.as_of)
        subject = data.subject
        found: Any
        if subject == "proposals":
            from cppcc_model.proposals.statistics import (
                proposal_statistics,
                proposal_statistics_by,
            )

            found = (
                proposal_statistics_by(ledger, data.by, as_of=as_of, period=period)
                if data.by
                else proposal_statistics(ledger, as_of=as_of, period=period)
            )
        elif subject == "info":
            from cppcc_model.information.statistics import info_statistics, info_statistics_by

            found = (
                info_statistics_by(ledger, data.by, as_of=as_of, period=period)
                if data.by
                else info_statistics(ledger, as_of=as_of, period=period)
            )
        elif subject == "attendance":
            from cppcc_model.attendance import attendance_statistics, attendance_statistics_by

            found = (
                attendance_statistics_by(ledger, period, data.by)
                if data.by
                else attendance_statistics(ledger, period)
            )
        else:
            raise InvalidValueError(
                f"there are no statistics of {subject!r}",
                where=Location(path="$.subject"),
                hint="use proposals, info or attendance",
            )
        body: dict[str, Any] = {
            "subject": subject,
            "by": data.by,
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
            "as_of": as_of.isoformat(),
        }
        if data.by:
            body["groups"] = {key: _figures(stats) for key, stats in found.items()}
        else:
            body["figures"] = _figures(found)
        return body

    return Litestar(
        route_handlers=[
            health,
            rule_sets,
            validate,
            score,
            rank,
            explain,
            requirements,
            awards,
            statistics,
        ],
        plugins=[AttrsSchemaPlugin()],
        state=State({"lang": language}),
        exception_handlers={CppccError: _error_response, ValidationException: _error_response},
        openapi_config=OpenAPIConfig(
            title="cppcc-model",
            version=importlib.metadata.version("cppcc-model"),
            description="Score, rank and explain CPPCC members' duty performance under their "
            "district's published rules; every figure exact, every problem located.",
        ),
        debug=debug,
    )
