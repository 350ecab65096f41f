"""The Chinese names of the figures the command prints."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["INFO_COUNT_LABELS", "PROPOSAL_COUNT_LABELS"]

PROPOSAL_COUNT_LABELS: Mapping[str, str] = {
    "received": "收到提案",
    "collective_received": "集体提案 (收到)",
    "under_review": "审查中",
    "withdrawn": "撤回",
    "filed": "立案",
    "merged": "并案",
    "not_filed": "不予立案",
    "converted": "转为社情民意等",
    "transferred_up_unfiled": "未立案转上级",
    "transferred_after_filing": "立案后转上级",
    "transferred_up": "转上级政协",
    "handled_locally": "本级办理",
    "assigned": "交本级承办单位",
    "handed_over": "交办 (含转上级)",
    "replied": "已答复",
    "replied_on_time": "按期答复",
    "overdue": "逾期未复",
    "closed": "办结",
    "rated": "已反馈",
    "face_to_face": "见面沟通",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "reply_a": "A类答复",
    "reply_b": "B类答复",
    "reply_c": "C类答复",
    "rehandled": "重新办理",
    "key": "重点提案",
    "supervised": "督办",
    "excellent": "优秀提案",
    "collective_filed": "集体提案 (立案)",
}
"""Every proposal count, in the order the command lists them."""

INFO_COUNT_LABELS: Mapping[str, str] = {
    "submitted": "报送",
    "pending": "待处理",
    "returned": "退回",
    "issued": "编发",
    "issued_alone": "单篇编发",
    "issued_combined": "综合编发",
    "forwarded": "转报",
    "forwarded_to_city": "转报市政协",
    "forwarded_to_province": "转报省政协",
    "forwarded_to_national": "转报全国政协",
    "adopted_county": "区县采用",
    "adopted_city": "市级采用",
    "adopted_province": "省级采用",
    "adopted_national": "全国采用",
    "taken_up_county_or_above": "区县及以上采用转报",
    "taken_up_city_or_above": "市级及以上采用转报",
    "instructed": "获领导批示",
    "instruction_events": "批示 (人次)",
    "instructions_county": "区县领导批示",
    "instructions_city": "市领导批示",
    "instructions_province": "省领导批示",
    "instructions_national": "国家领导批示",
    "adoption_events": "采用 (篇次)",
    "forward_events": "转报 (篇次)",
    "national_forward_events": "转报全国政协 (篇次)",
    "outcome_events": "采用转报 (篇次)",
    "outcome_events_with_instructions": "采用转报批示 (篇次)",
}
"""Every 社情民意 count, in the order the command lists them."""
