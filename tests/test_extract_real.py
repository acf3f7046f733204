"""Extraction on sentences written in the style of real pages: national news, web pages without a
masthead, county papers. One test per kind of error seen on real text (issue: extraction that
holds on real news); none of these sentences is taken from a page of a development set."""

import datetime as dt

from kg.documents import load
from kg.extract import extract
from kg.extract.model import EntityType, EventType


def facts_of(text: str, paper: str | None = None):
    return extract(load(text.encode(), "t.txt", "t", newspaper=paper))


def label(f, key):
    return f.entities[key].label if key else None


def events(f, kind=EventType.VISIT):
    return [e for e in f.events if e.type is kind]


def visited(f):
    return {(label(f, e.agent), label(f, p)) for e in events(f) for p in e.places}


def posts(f):
    return {(label(f, p.person), p.title, label(f, p.jurisdiction)) for p in f.posts}


def test_a_name_before_its_title_is_a_person_with_that_post():
    f = facts_of("2019年5月20日，习近平总书记到赣州市考察调研。丁薛祥副总理出席会议。")
    assert ("习近平", "总书记", None) in posts(f)
    assert ("丁薛祥", "副总理", None) in posts(f)
    assert ("习近平", "赣州市") in visited(f)


def test_a_foreign_name_after_a_title_is_a_person():
    f = facts_of("国家主席习近平在人民大会堂会见来华进行国事访问的新西兰总理希普金斯。")
    meeting = events(f, EventType.MEETING)
    assert meeting and label(f, meeting[0].agent) == "习近平"
    assert {label(f, k) for k in meeting[0].participants} == {"希普金斯"}
    assert f.entities[meeting[0].participants[0]].type is EntityType.OFFICIAL


def test_tour_stops_without_a_legal_suffix_are_visited():
    f = facts_of("6月2日，县委书记李明先后来到恒达工贸、瑞丰玻纤和城南便民服务中心，了解企业生产情况。")
    assert {("李明", "恒达工贸"), ("李明", "瑞丰玻纤"), ("李明", "城南便民服务中心")} <= visited(f)
    assert f.entities[next(k for k, e in f.entities.items() if e.label == "恒达工贸")].type \
        is EntityType.COMPANY


def test_sites_after_inspected_with_le_are_stops_and_a_full_county_name_locates_them():
    f = facts_of("5月8日，市长王立新调研了开发区的标准化厂房、青石镇的兴农菌业，"
                 "又到平阳县红色纪念馆，听取工作汇报。")
    assert {("王立新", "标准化厂房"), ("王立新", "兴农菌业"), ("王立新", "红色纪念馆")} <= visited(f)


def test_a_generic_or_counted_stop_is_not_a_site():
    f = facts_of("5月8日，市长王强深入产业园区、在建项目和企业一线，先后来到12个项目现场。")
    assert not {p for _, p in visited(f)} & {"产业园区", "在建项目", "12个项目现场", "企业一线"}


def test_a_topic_after_a_visit_verb_is_no_stop():
    f = facts_of("5月8日，县长张华深入学习贯彻总书记视察广东重要讲话精神。")
    assert not visited(f)


def test_a_tour_goes_on_in_later_sentences_at_named_sites():
    f = facts_of("3月9日，区委书记赵立军赴重点企业、项目现场调研复工复产情况。\n"
                 "在红星机械有限公司、东港二船厂，赵立军与企业负责人亲切交谈。\n"
                 "调研组一行还先后来到城西农贸市场和滨江社区，察看民生保障。")
    assert {("赵立军", "红星机械有限公司"), ("赵立军", "东港二船厂"),
            ("赵立军", "城西农贸市场"), ("赵立军", "滨江社区")} <= visited(f)


def test_a_time_word_after_a_name_ends_it():
    f = facts_of("中央财经委员会办公室副主任韩文秀今天在济南作宣讲报告。")
    assert {p for p, _, _ in posts(f)} == {"韩文秀"}


def test_a_state_visit_goes_to_a_foreign_country_and_china_is_no_stop():
    f = facts_of("全国人大常委会委员长赵乐际于6月3日至6日对越南进行正式友好访问。\n"
                 "国务院副总理张国清到中国一汽调研，深入了解中国制造业发展情况。")
    assert ("赵乐际", "越南社会主义共和国") in visited(f)
    assert not {p for _, p in visited(f)} & {"中华人民共和国"}
    country = next(e for e in f.entities.values() if e.label == "越南社会主义共和国")
    assert country.type is EntityType.PLACE
    assert any(m.text == "越南" and m.key == country.key for m in f.mentions)


def test_a_travelling_delegation_is_not_a_destination():
    f = facts_of("省委书记王明率江西省党政代表团赴浙江省学习考察。")
    assert {p for _, p in visited(f)} == {"浙江省"}


def test_a_recalled_visit_is_not_dated_to_the_issue_day():
    f = facts_of("贵州日报 2026年3月3日\n本报讯 全省上下深入贯彻习近平总书记到贵州考察时的重要讲话精神。\n"
                 "2015年6月16日，习近平总书记来到遵义市考察。")
    dates = {label(f, p): e.date for e in events(f) for p in e.places}
    assert dates == {"贵州省": None, "遵义市": dt.date(2015, 6, 16)}


def test_a_regions_party_committee_and_government_get_their_official_names():
    f = facts_of("会议由临湘市委主办，凤阳县人大常委会、达川区政协协办。")
    bodies = {e.label: e.aliases for e in f.entities.values() if e.type is EntityType.GOVERNMENT_BODY}
    assert bodies["中国共产党临湘市委员会"] == {"临湘市委"}
    assert "凤阳县人民代表大会常务委员会" in bodies and "中国人民政治协商会议达川区委员会" in bodies


def test_officials_listed_before_one_movement_verb_all_travel():
    f = facts_of("5月6日，市人大常委会副主任李文华、副市长陈海、市政协副主席周敏带领考察团赴苏州市开展招商。")
    assert {("李文华", "苏州市"), ("陈海", "苏州市"), ("周敏", "苏州市")} <= visited(f)


def test_dao_inside_a_word_is_no_movement_and_the_inviting_host_does_not_travel():
    f = facts_of("省纪委通报了原副市长王平、原局长刘强受到党纪处分的情况。\n"
                 "习近平表示，很高兴应拉莫斯总统邀请，再次对菲律宾进行国事访问。")
    assert visited(f) == {("习近平", "菲律宾共和国")}


def test_a_travelling_party_visits_together_and_a_company_may_open_its_projects_name():
    f = facts_of("6月3日，市长刘成，常务副市长宋涛一行，对我县重点项目进行督查。\n"
                 "刘成一行先后深入华盛纺织公司三期纺纱生产线、城关镇美丽乡村示范点等项目现场，实地查看进展。")
    assert {("刘成", "华盛纺织公司三期纺纱生产线"), ("宋涛", "华盛纺织公司三期纺纱生产线"),
            ("刘成", "华盛纺织公司")} <= visited(f)
    assert any(p.endswith("美丽乡村示范点") for _, p in visited(f))


def test_a_surname_with_a_form_of_address_is_nobody():
    f = facts_of("6月2日，市民杜先生来到垂杨柳医院就医，记者王先华随行采访。")
    assert {e.label for e in f.entities.values() if e.type in (EntityType.PERSON, EntityType.OFFICIAL)} \
        == {"王先华"}


def test_a_ministry_written_short_is_the_state_councils_unless_another_countrys():
    f = facts_of("外交部部长王毅在外交部作报告。俄罗斯外交部发表声明。人社部和省财政厅联合发文。")
    bodies = {e.label for e in f.entities.values() if e.type is EntityType.GOVERNMENT_BODY}
    assert {"中华人民共和国外交部", "中华人民共和国人力资源和社会保障部"} <= bodies
    assert "俄罗斯外交部" in bodies


def test_short_city_names_jieba_reads_as_places_are_regions():
    f = facts_of("全国文明乡风大会在山东临沂举行。")
    assert {e.label for e in f.entities.values()} >= {"山东省", "临沂市"}


def test_a_range_from_to_is_no_movement_and_escorts_in_zai_peitong_xia_do_not_lead():
    f = facts_of("从2015年的城市工作会议到中央政治局集体学习，总书记多次强调文脉传承。\n"
                 "11月4日，习近平在省委书记王明和省长李华陪同下，先后来到孝感、咸宁考察。")
    assert {a for a, _ in visited(f)} == {"习近平"}
    assert ("习近平", "孝感市") in visited(f)


def test_a_scene_at_a_place_is_no_stop_of_the_tour_but_a_visit_there_is():
    f = facts_of("5月20日，副总理张国清来到武汉调研。\n在武汉，华中地区最大的智算中心投入使用。\n"
                 "在江夏区五里界村调研时他表示，要发展特色产业。\n2020年3月，张国清考察杭州时指出，要创新。")
    places = {p for _, p in visited(f)}
    assert "五里界村" in places or "江夏区" in places
    assert "杭州市" in places
    assert not any("智算中心" in p for p in places)


def test_a_page_without_masthead_takes_its_home_from_what_it_names():
    # No masthead, the county named only after its officials' bare titles: the page's own
    # words (全县, 我县) and the towns it lists make the county plain.
    f = facts_of("全县重点项目推进会召开\n\n3月12日，县委书记张明主持召开全县重点项目推进会，"
                 "县委副书记、县长李华出席，市委常委、副市长王强到会指导。会议指出，汉阴县今年实施"
                 "重点项目86个，涧池镇、双乳镇要加快进度，我县上下要抓好项目建设。")
    assert f.info.home_region == "610921" and f.info.home_source.startswith("page")
    assert 0.3 < f.info.home_confidence < 1.0
    assert ("张明", "县委书记", "汉阴县") in posts(f)
    assert ("李华", "县长", "汉阴县") in posts(f)
    assert ("王强", "副市长", "安康市") in posts(f)


def test_home_region_confidence_is_said_for_every_source():
    paper = facts_of("茂名日报\n2026年3月1日\n\n市委书记王明到茂南区调研。", paper="茂名日报")
    assert (paper.info.home_region, paper.info.home_confidence, paper.info.home_source) == (
        "440900", 1.0, "masthead")
    nothing = facts_of("会议强调，要抓好安全生产工作。")
    assert (nothing.info.home_region, nothing.info.home_confidence) == (None, 0.0)


def test_one_character_forms_of_the_home_city_count_for_it():
    # 苏州 is named more often in full, but the writer speaks from 南通: 来通, 在通发展.
    f = facts_of("苏州市企业家代表团来通考察\n\n3月5日，苏州市企业家代表团来通考察。市长赵亮会见"
                 "代表团一行，欢迎苏州市企业家来通投资、在通发展，南通市将为企业提供优质服务。")
    assert f.info.home_region == "320600"
    assert ("赵亮", "市长", "南通市") in posts(f)


def test_a_county_level_city_is_the_city_of_its_bare_city_titles():
    f = facts_of("如皋市委书记到搬经镇调研\n\n5月8日，市委书记赵刚到搬经镇、丁堰镇调研，"
                 "副市长周丽参加。赵刚强调，如皋市要抓好乡村振兴。")
    assert f.info.home_region == "320682"
    assert ("赵刚", "市委书记", "如皋市") in posts(f)
    assert ("周丽", "副市长", "如皋市") in posts(f)


def test_stray_heads_before_a_title_are_dropped():
    f = facts_of("6月3日，市副市长王建国，区政府区长李明，县人民政府副县长刘勇，丁堰镇副镇长陈芳"
                 "参加活动。如皋市、南通市有关部门负责人出席。")
    got = {(person, title) for person, title, _ in posts(f)}
    assert {("王建国", "副市长"), ("李明", "区长"), ("刘勇", "副县长"), ("陈芳", "副镇长")} <= got
    assert ("陈芳", "副镇长", "丁堰镇") in posts(f)


def test_a_town_the_home_county_holds_governs_its_town_titles():
    # 城关镇 is the name of ninety-nine towns: the county the page is about holds one of them.
    f = facts_of("城关镇党委书记吴刚、城关镇副镇长陈芳陪同调研。汉阴县涧池镇、双乳镇负责人，"
                 "我县各镇干部参加。")
    assert ("陈芳", "副镇长", "城关镇") in posts(f)
    town = next(p.jurisdiction for p in f.posts if p.title == "副镇长")
    assert town == "region/610921/城关镇"


def test_bare_titles_after_a_delegations_city_are_that_citys():
    f = facts_of("茂名日报\n\n市委书记王明会见了湛江市委书记刘洋，市委副书记、市长陈刚率领的湛江市"
                 "党政代表团一行。", paper="茂名日报")
    assert ("王明", "市委书记", "茂名市") in posts(f)
    assert ("陈刚", "市长", "湛江市") in posts(f)


def test_an_office_after_a_city_title_is_that_citys():
    f = facts_of("市委常委、宣传部长林芳，县委常委、办公室主任周强参加调研。汉阴县、安康市有关部门"
                 "负责人陪同，我县干部参加。")
    assert ("林芳", "宣传部长", "安康市") in posts(f)
    assert ("周强", "办公室主任", "汉阴县") in posts(f)


def test_an_autonomous_regions_titles_keep_its_level_word():
    f = facts_of("8月19日，广西壮族自治区党委书记刘宁，自治区党委副书记、自治区主席蓝天立到南宁市调研。")
    assert ("刘宁", "自治区党委书记", "广西壮族自治区") in posts(f)
    assert ("蓝天立", "自治区党委副书记", "广西壮族自治区") in posts(f)
