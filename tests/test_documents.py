import datetime as dt

import pytest

from kg.documents import decode, load, read_masthead, reference_year
from kg.errors import DocumentError


def test_gb18030_is_detected_and_decoded():
    text = "市委书记庄悦群到茂南区调研。" * 3
    assert decode(text.encode("gb18030")) == text


def test_empty_file_is_refused():
    with pytest.raises(DocumentError, match="empty"):
        decode(b"  \n ", "a.txt")


def test_binary_file_is_refused():
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png")


def test_masthead_gives_paper_and_issue_date():
    paper, day = read_masthead("贵州日报\nGUIZHOU RIBAO\n2026年1月\n16\n星期五\n正文")
    assert paper == "贵州日报" and day == dt.date(2026, 1, 16)


def test_reference_year_prefers_full_dates_over_plans():
    assert reference_year("(2026年4月11日) 到2028年建成", None) == 2026


def test_traditional_text_is_converted_to_simplified():
    doc = load("市委書記莊悅群到茂南區調研。".encode(), "t.txt", "t")
    assert "市委书记" in doc.text and "茂南区" in doc.text


def test_page_break_inside_a_paragraph_is_rejoined():
    doc = load("科学城建设提速\n\n眼下，长\n\n沙湘江科学城建设正进入冲刺阶段。".encode(), "t.txt", "t")
    assert "长沙湘江科学城" in doc.text


def test_credits_and_bylines_are_not_glued_to_the_paragraphs_around_them():
    text = ("从矿山到冶炼，从加工到利用 全链条推动产业升级\n\n本报记者 张三\n\n"
            "某某科技有限公司生产车间。李四 摄\n\n4月20日上午，省长到车间调研。")
    doc = load(text.encode(), "t.txt", "t")
    assert "产业升级\n" in doc.text and "张三\n" in doc.text and "摄\n" in doc.text


def test_a_line_of_the_pages_credits_is_neither_joined_nor_continued():
    text = ("> 首页 >\n\n某某新区:8个项目集中开工\n\n时间:2024-05-06 10:20:30   来源:某某新闻网\n\n"
            "某某新区项目开工现场。通讯员 张三 摄\n\n5月6日,某某新区举行项目集中开工活动。")
    doc = load(text.encode(), "t.txt", "t")
    assert "集中开工\n" in doc.text and "来源:某某新闻网\n" in doc.text, doc.text


def test_a_line_whose_only_mark_is_a_colon_is_no_paragraph_the_layout_cut():
    # navigation (当前位置:首页 > 要闻) and a subheading (俄外长:…) are whole lines: the headline
    # and the title after them are not their continuations
    text = ("某某网\n\n当前位置:首页 > 新闻动态 > 政务要闻\n\n张某会见某某集团董事长李某\n\n"
            "正文第一段说明情况,会见在市里举行。\n\n俄外长:制裁令欧洲陷入困境\n\n匈牙利总理欧尔班22日表示,欧洲陷入困境。")
    doc = load(text.encode(), "t.txt", "t")
    assert "政务要闻\n" in doc.text and "欧洲陷入困境\n" in doc.text, doc.text


def test_the_headline_is_never_joined_to_the_first_paragraph():
    doc = load("遵义：“一县一策”让人才成长与产业发展同频共振\n\n贵州遵钛集团的车间里，机器轰鸣。".encode(),
               "t.txt", "t")
    assert "同频共振\n" in doc.text


def test_a_simplified_page_skips_the_conversion_and_every_page_converts_as_opencc_does():
    from kg.documents import _t2s, to_simplified

    simplified = "市委书记张三到茂南区调研，察看了企业生产情况。"
    assert to_simplified(simplified) is simplified  # returned as it is, not scanned
    for text in (simplified, "市委書記張三到茂南區調研", "著名的乾隆年間", "一目瞭然，於是", "头发與頭髮"):
        assert to_simplified(text) == _t2s().convert(text)
    assert to_simplified("茂南區") == "茂南区"


def test_a_web_pages_date_stamp_in_digits_gives_the_year():
    assert reference_year("某某县:书记在园区调研\n时间:2013-09-29 00:00:00来源:\n9月23日,县委书记到乡调研。", None) == 2013
    assert reference_year("2022/03/30 17:19:50 来源:新闻网\n3月29日,项目开工。", None) == 2022
    assert reference_year("电话 1.2013.09.1 转 9月23日", None) is None


def test_older_forms_that_opencc_leaves_are_simplified_too():
    from kg.documents import to_simplified

    assert to_simplified("鄂爾多斯氯堿化工公司在崐山") == "鄂尔多斯氯碱化工公司在昆山"
