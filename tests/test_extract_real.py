"""Extraction on sentences written in the style of real pages: national news, web pages without a
masthead, county papers. One test per kind of error seen on real text (issue: extraction that
holds on real news); none of these sentences is taken from a page of a development set."""

import datetime as dt

import pytest

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


def test_a_visit_told_with_another_year_and_no_day_keeps_no_day_of_the_story():
    f = facts_of("新闻联播 2026年2月20日\n2月20日，三河村村民正在赶制订单。"
                 "2018年春节前夕，习近平总书记来到三河村看望贫困群众。"
                 "20日，省委书记王某某到昭觉县调研，要求到2027年完成改造。")
    dates = {label(f, p): e.date for e in events(f) for p in e.places}
    assert dates["三河村"] is None, dates
    assert dates["昭觉县"] == dt.date(2026, 2, 20), dates  # a year after the verb is a plan


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


def met(f):
    """(host, guest) label pairs of the document's meetings."""
    return {(label(f, e.agent), label(f, g)) for e in events(f, EventType.MEETING) for g in e.participants}


def test_two_hosts_listed_before_the_meeting_verb_both_meet_the_guest():
    f = facts_of("6月3日，省委常委、临江市委书记周明远，市委副书记、市长孙立平会见了"
                 "前来考察的北方重工集团党委书记、董事长韩志强一行。", paper="临江日报")
    assert met(f) == {("周明远", "韩志强"), ("孙立平", "韩志强")}


def test_each_guest_behind_a_long_title_chain_is_a_guest():
    f = facts_of("市委书记何卫东先后会见了华润置地有限公司党委委员、副总裁邓佳琪，"
                 "远大新能源科技股份有限公司董事长、总经理彭晓军，以及宏达物流集团执行董事蒋文斌等客商，"
                 "并听取了市发改委主任陈立新关于招商工作的汇报。",
                 paper="临江日报")
    assert met(f) == {("何卫东", "邓佳琪"), ("何卫东", "彭晓军"), ("何卫东", "蒋文斌")}


def test_people_present_at_a_meeting_are_neither_hosts_nor_guests():
    f = facts_of("7月9日，市长孙立平会见了南方电网公司副总经理吴晓峰一行，"
                 "市领导陶建华、许志刚参加会见。副市长马俊、秘书长林涛会见时在座。"
                 "县委常委王俊杰陪同或会见调研组一行；县委书记高远、县长邱平等陪同调研。",
                 paper="临江日报")
    assert met(f) == {("孙立平", "吴晓峰")}


def test_talks_have_the_other_side_before_the_verb():
    f = facts_of("欢迎仪式后，国务院总理李强同来华访问的新西兰总理希普金斯举行会谈。"
                 "会见贝宁总统塔隆时，国家主席习近平指出，中贝友好源远流长。")
    assert ("李强", "希普金斯") in met(f)
    assert ("习近平", "塔隆") in met(f)


def test_the_leader_of_a_delegation_is_the_guest():
    f = facts_of("5月18日，州委书记罗建国会见了以省工商联副主席、省光彩会会长卢志远为团长的"
                 "民营企业家考察团一行，以及副市长曾凡林率领的邻市党政代表团，对市商务局局长吴涛"
                 "介绍的投资环境表示赞赏。", paper="临江日报")
    assert met(f) == {("罗建国", "卢志远"), ("罗建国", "曾凡林")}


def test_hosts_who_joined_a_meeting_told_next_to_it_are_hosts_too():
    f = facts_of("4月12日，市委书记何卫东会见了远大新能源科技股份有限公司董事长彭晓军一行。"
                 "市人大常委会主任汪海、市政协主席柳青一同会见。市委常委、秘书长林涛参加会见。",
                 paper="临江日报")
    assert met(f) == {("何卫东", "彭晓军"), ("汪海", "彭晓军"), ("柳青", "彭晓军")}


def test_a_meeting_on_a_day_of_the_month_alone_is_dated_in_the_page_month():
    f = facts_of("新闻联播 2024年9月3日\n李强会见莱索托首相\n"
                 "国务院总理李强2日在京会见来华出席论坛的莱索托首相马特凯恩。\n")
    meeting = events(f, EventType.MEETING)
    assert meeting and meeting[0].date == dt.date(2024, 9, 2)


def test_a_conference_names_who_presided_and_not_whom_a_phrase_names():
    f = facts_of("会议指出，要在以习近平同志为核心的党中央坚强领导下，奋力推进高质量发展。"
                 "副省长胡文华、罗永刚参加会见并出席大会，省委副书记陈国栋参加会见并主持大会。")
    conferences = events(f, EventType.CONFERENCE)
    assert len(conferences) == 1
    assert label(f, conferences[0].agent) == "陈国栋"
    assert {label(f, k) for k in conferences[0].participants} == {"胡文华", "罗永刚"}
    assert not events(f, EventType.MEETING)


def test_guests_who_were_received_stand_before_the_host():
    f = facts_of("6月5日，全省劳动模范代表王建军、李秀英一行，受到省委书记陈国栋的亲切接见。"
                 "7月9日，市长孙立平会见了南方电网公司副总经理吴晓峰一行，副市长马俊出席。",
                 paper="临江日报")
    assert met(f) == {("陈国栋", "王建军"), ("陈国栋", "李秀英"), ("孙立平", "吴晓峰")}


def test_a_headline_guest_written_before_a_title_is_left_to_the_article():
    f = facts_of("习近平会见吉布提总统\n国家副主席韩正同乌干达副总统举行会谈\n"
                 "9月2日上午，国家主席习近平在北京人民大会堂会见来华访问的吉布提总统盖莱。\n")
    assert met(f) == {("习近平", "盖莱")}


def test_a_guest_addressed_by_title_and_sir_is_the_page_holder_of_that_title():
    f = facts_of("国务院总理李强在人民大会堂会见来华访问的西班牙首相桑切斯。"
                 "李强表示，今天上午，国家主席习近平同首相先生举行会晤，为两国关系发展作出规划。")
    assert met(f) == {("李强", "桑切斯"), ("习近平", "桑切斯")}


def _names_of(f, *types):
    return {e.label for e in f.entities.values() if e.type in types}


def _pairs(f, predicate):
    return {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == predicate}


def test_counted_and_generic_phrases_are_no_projects_or_parks():
    f = facts_of("今年以来，全县共有12个项目开工，三大项目加快建设，20亿元以上项目达到8个。"
                 "县里谋划一批重点招商项目，规划建设3000亩产业园，吸引客商投资粤港澳大湾区。"
                 "开发区总投资56亿元9个项目集中签约，北川县招商引资项目进展顺利。")
    kinds = _names_of(f, EntityType.PROJECT, EntityType.PARK, EntityType.PLACE)
    assert not {n for n in kinds if any(w in n for w in ("个项目", "三大", "亿元", "一批", "亩", "投资",
                                                           "招商引资项目"))}, kinds
    assert "粤港澳大湾区" in kinds
    # a capacity is part of a project's name; a quoted project is named whole
    f = facts_of("“青川县年产5万吨竹木综合加工利用项目”集中签约。搬迁至园区的8万吨铜冶炼项目投产。")
    assert {"青川县年产5万吨竹木综合加工利用项目", "8万吨铜冶炼项目"} <= _names_of(f, EntityType.PROJECT)


def test_investors_are_the_companies_that_act_on_a_project():
    f = facts_of("副县长刘强调研了县工业园的华锐化工有限公司、宏远新材料有限公司建设项目、"
                 "城东污水处理项目。"
                 "据介绍，金禾电力有限公司计划投资20亿元建设光伏发电项目，瑞丰食品有限公司投资3亿元建设冷链物流项目。"
                 "清溪河漂流项目位于黄岩镇。该项目由山城文旅开发有限公司投资建设。")
    inv = _pairs(f, "investsIn")
    assert ("宏远新材料有限公司", "宏远新材料有限公司建设项目") in inv  # the company opens its project's name
    assert ("金禾电力有限公司", "光伏发电项目") in inv and ("瑞丰食品有限公司", "冷链物流项目") in inv
    assert ("山城文旅开发有限公司", "清溪河漂流项目") in inv  # 该项目由…投资建设
    assert ("金禾电力有限公司", "冷链物流项目") not in inv
    assert not {p for c, p in inv if c == "华锐化工有限公司"}  # a visited site, not an investor
    assert "宏远新材料有限公司" in _names_of(f, EntityType.COMPANY)


def test_what_a_page_about_one_county_names_is_in_that_county():
    f = facts_of("青川县举行重点项目集中签约活动\n"
                 "本报讯 昨日，青川县举行重点项目集中签约活动。活动现场举行了竹海康养小镇项目开工仪式。"
                 "据了解，蜀道投资有限公司计划投资12亿元建设抽水蓄能电站项目。"
                 "青川县委书记李明出席活动。")
    loc = _pairs(f, "locatedIn")
    assert ("竹海康养小镇项目", "青川县") in loc and ("抽水蓄能电站项目", "青川县") in loc
    assert not {p for e, p in loc if e == "蜀道投资有限公司"}  # an investor from elsewhere


def test_a_site_visited_after_coming_to_a_county_is_in_that_county():
    f = facts_of("3月5日，市长王刚深入上林县督导安全生产工作。"
                 "王刚一行实地察看了广西远达电子材料有限公司、南宁宏盛新材料有限公司。"
                 "随后，王刚来到宾阳县，调研了宾州食品有限公司。")
    loc = _pairs(f, "locatedIn")
    assert ("广西远达电子材料有限公司", "上林县") in loc
    assert ("南宁宏盛新材料有限公司", "上林县") in loc  # the city in its name holds the county
    assert ("宾州食品有限公司", "宾阳县") in loc
    # what a sentence lists after <place>的 is there
    f = facts_of("在定南县，调研组察看了富田新材料产业园的华塑化工有限公司、城南固废处置项目，"
                 "以及岭北镇的红泰纺织有限公司。")
    loc = _pairs(f, "locatedIn")
    assert ("城南固废处置项目", "富田新材料产业园") in loc, loc
    assert ("红泰纺织有限公司", "岭北镇") in loc, loc


def test_noise_of_web_pages_is_no_part_of_a_name():
    f = facts_of("???\n<p>县委书记张明到嘉禾(hé)产业园(yuán)区调研.他强调，要加快项目建设。</p>\n"
                 "&nbsp;&nbsp;县长王刚来到青山(qīng shān)工业园区，察看了鑫源(yuán)电子有限公司。")
    names = {e.label for e in f.entities.values()}
    assert {"嘉禾产业园区", "青山工业园区", "鑫源电子有限公司"} <= names, names
    assert not {n for n in names if any(c in n for c in "()<>?&;") or n[0].isascii()}, names
    assert ("县委书记" in {p.title for p in f.posts}) and ("县长" in {p.title for p in f.posts})
    assert any(s.startswith("他强调") for s in f.sentences)  # a half-width stop ends a sentence


def test_a_picture_line_does_not_end_the_visit_and_a_visited_hall_is_located():
    f = facts_of("8月2日，省文旅厅厅长李华赴永州市宁远县调研。\n李华首站来到宁远县舜帝陵纪念馆，缅怀先贤。"
                 "\n图片\n随后李华来到湖南瑶华生物科技有限公司，考察企业发展情况。")
    loc = _pairs(f, "locatedIn")
    assert ("湖南瑶华生物科技有限公司", "宁远县") in loc, loc
    assert {p for e, p in loc if "纪念馆" in e} == {"宁远县"}, loc


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


def test_our_city_on_a_county_level_citys_page_is_that_city():
    # 我市 is the nearest region of the page's chain whose name ends in 市: the county-level
    # city itself, not the prefecture above it; on a district's page it is the prefecture.
    f = facts_of("安丘市委书记赵刚到安丘市凌河街道调研。安丘市是农业大市。赵刚指出，我市要抓好项目。"
                 "安丘市将继续推进乡村振兴。")
    ours = [m for m in f.mentions if m.text == "我市"]
    assert ours and {label(f, m.key) for m in ours} == {"安丘市"}, [(m.text, m.key) for m in ours]
    f = facts_of("株洲市委书记陈明到荷塘区调研。荷塘区是老工业区。陈明指出，我市要抓好项目。荷塘区将继续推进。")
    ours = [m for m in f.mentions if m.text == "我市"]
    assert ours and {m.key for m in ours} == {"region/430200"}, [(m.text, m.key) for m in ours]


def test_zones_of_national_news_are_parks_in_the_region_they_open_with():
    # 经济特区, 自贸试验区, 自由贸易港, 合作区 name parks; one that opens with a region (even as
    # one word of the tokenizer's, 厦门经济特区) lies in it, a province's zone in the province.
    f = facts_of("今年是汕头经济特区建立45周年。浙江自贸试验区和海南自由贸易港建设取得新进展。"
                 "横琴粤澳深度合作区建设稳步推进。")
    parks = _names_of(f, EntityType.PARK)
    assert {"汕头经济特区", "浙江自贸试验区", "海南自由贸易港", "横琴粤澳深度合作区"} <= parks, parks
    loc = _pairs(f, "locatedIn")
    assert ("汕头经济特区", "汕头市") in loc and ("浙江自贸试验区", "浙江省") in loc, loc
    assert ("海南自由贸易港", "海南省") in loc, loc


def test_a_township_name_that_begins_inside_a_word_is_no_township():
    # 提高城乡: the tokenizer's word 提高 holds the first character of 高城乡 (a real township
    # elsewhere); 来到高城乡 names it.
    f = facts_of("会议指出，要提高城乡居民收入水平，推动忻州市忻府区高质量发展。")
    assert "高城乡" not in {e.label for e in f.entities.values()}
    f = facts_of("忻州市忻府区区长李明来到高城乡调研。")
    assert "高城乡" in {e.label for e in f.entities.values()}


def test_what_a_name_is_said_to_be_in_right_after_it():
    # 位于, 落户, 坐落于 right after a name, and 是X县一个…, say where the thing is; the
    # statement outranks the city a park's name opens with.
    f = facts_of("湖南中科电气有限公司位于岳阳经济技术开发区。宏达新材料项目落户汨罗市，"
                 "华悦食品有限公司坐落于平江县三市镇。江苏无锡电子产业园签约仪式昨日举行。"
                 "无锡电子产业园是泗阳县一个较大的招商引资项目。")
    loc = _pairs(f, "locatedIn")
    assert ("湖南中科电气有限公司", "岳阳经济技术开发区") in loc, loc
    assert ("宏达新材料项目", "汨罗市") in loc and ("华悦食品有限公司", "三市镇") in loc, loc
    assert {p for e, p in loc if e == "江苏无锡电子产业园"} == {"泗阳县"}, loc


def test_a_township_stem_that_is_a_common_noun_is_no_short_form():
    # a township registered as 经济开发区镇 does not make every 经济开发区 a township
    f = facts_of("泗阳县经济开发区党工委书记李明主持签约仪式。")
    assert not [e for e in f.entities.values() if e.type is EntityType.TOWNSHIP], f.entities


def test_a_county_written_by_its_former_name_is_that_county():
    # 龙南县 became 龙南市 and 梅县 became 梅县区: pages and registered company names still
    # write the former name.
    f = facts_of("赣州市委书记李明到龙南县调研。李明来到龙南县华丰木业有限公司，察看生产情况。")
    loc = _pairs(f, "locatedIn")
    assert {p for e, p in loc if e == "龙南县华丰木业有限公司"} == {"龙南市"}, loc
    assert "region/441403" in {m.key for m in facts_of("梅州市梅县召开大会。").mentions}


def test_agricultural_and_startup_parks_are_parks():
    f = facts_of("县委书记李明来到金乡县鸿福现代农业园和金北双创园调研。")
    assert {"金乡县鸿福现代农业园", "金北双创园"} <= _names_of(f, EntityType.PARK)
    assert ("金北双创园", "金乡县") in _pairs(f, "locatedIn")


def test_a_site_visited_after_coming_to_a_city_is_in_that_city():
    f = facts_of("3月8日，国务院副总理李强到宜宾市考察调研。在天原化工集团，他详细了解企业生产经营情况。")
    assert ("天原化工集团", "宜宾市") in _pairs(f, "locatedIn"), _pairs(f, "locatedIn")


def test_a_web_pages_byline_dates_a_day_of_the_month_and_the_tour_after_it():
    # no masthead: the page's date is in its byline; 18日 is in its month, and the stops told
    # in the sentences after are visited that day
    f = facts_of("县委书记赴城关镇调研\n\n发布时间:2023-05-19 10:20  来源:县融媒体中心\n\n"
                 "18日，县委书记李明赴舒城县调研。\n\n在城关镇幸福村，李明察看了村容村貌。")
    dates = {label(f, p): e.date for e in events(f) for p in e.places}
    assert dates.get("舒城县") == dt.date(2023, 5, 18)
    assert dates.get("幸福村") == dt.date(2023, 5, 18)


def test_a_page_address_dates_yesterday():
    f = facts_of("市长到开发区调研\nhttp://news.example.cn/c/2021/07/09/123.htm\n"
                 "昨日，市长王刚到舒城县调研企业生产。")
    assert [e.date for e in events(f)] == [dt.date(2021, 7, 8)]


def test_a_year_named_in_a_plan_does_not_date_a_page_without_a_byline():
    f = facts_of("2035年远景目标纲要提出，到2035年基本实现现代化。\n18日，县委书记李明赴城关镇调研。")
    assert all(e.date is None for e in events(f))


def test_a_given_name_with_he_and_a_visitor_who_comes_to_a_county():
    f = facts_of("5月6日，省农业农村厅副巡视员张和平来临湘市羊楼司镇调研茶产业发展。")
    assert {("张和平", "临湘市"), ("张和平", "羊楼司镇")} <= visited(f)


def test_stops_after_shenru_dao_and_a_list_that_ends_with_dengdi():
    f = facts_of("县长李明先后深入到城南物流园、东湖双创园进行实地调研。\n"
                 "副县长赵刚到县人民医院、城北高速路口等地督导疫情防控工作。")
    got = visited(f)
    assert {("李明", "城南物流园"), ("李明", "东湖双创园")} <= got
    assert ("赵刚", "城北高速路口") in got


def test_quotes_around_part_of_a_site_name_are_not_in_its_label():
    f = facts_of("县委书记王强先后来到“美丽庭院”项目、城西产业园实地调研。")
    assert ("王强", "美丽庭院项目") in visited(f)


def test_here_after_a_sentence_about_a_site_is_that_site():
    f = facts_of("新闻联播 2025年5月2日\n西塘古镇历史文化街区已有千年历史，假期里游人如织。\n"
                 "2021年8月，习近平总书记来到这里考察。他指出，要保护好历史文化遗产。")
    assert ("习近平", "西塘古镇历史文化街区") in visited(f)
    # 来到这里，察看…: what the visitor does there may follow after a comma
    f = facts_of("新闻联播 2025年5月2日\n南浔古镇历史文化街区已有千年历史，假期里游人如织。\n"
                 "2021年8月，习近平总书记来到这里，察看古镇风貌。")
    assert ("习近平", "南浔古镇历史文化街区") in visited(f)


def test_a_site_at_which_the_visitor_speaks_midway_and_a_village_of_one_character():
    f = facts_of("2021年5月9日，习近平总书记到南阳市考察调研，在白河月季公园，他强调，要传承好中医药文化。"
                 "2006年3月，时任浙江省委书记习近平在鲁村考察时指出，要建设美丽乡村。")
    got = visited(f)
    assert ("习近平", "南阳市") in got and ("习近平", "白河月季公园") in got
    assert ("习近平", "鲁村") in got


def meetings_of(f):
    return {(label(f, e.agent), label(f, p)) for e in events(f, EventType.MEETING) for p in e.participants}


def test_two_hosts_meet_a_guest_whose_titles_run_over_a_comma():
    f = facts_of("3月5日，市委书记王明，市委副书记、市长李刚会见了中国能建集团党委委员、副总经理，"
                 "能建国际公司董事长张伟一行。")
    assert meetings_of(f) == {("王明", "张伟"), ("李刚", "张伟")}


def test_a_passive_meeting_with_two_hosts():
    f = facts_of("正泰集团董事长刘强一行受到了省委书记王宁、省长李华的亲切会见。")
    assert meetings_of(f) == {("王宁", "刘强"), ("李华", "刘强")}


def test_the_other_side_of_talks_is_a_person_without_a_title():
    f = facts_of("新闻联播 2025年3月4日\n李强同巴西总统举行会谈\n欢迎仪式后，李强同卢拉举行会谈。"
                 "吸引市民游客前来打卡拍照。")
    assert meetings_of(f) == {("李强", "卢拉")}
    assert not any(e.agent and label(f, e.agent) == "游客前" for e in f.events)


def test_names_listed_after_one_shared_title_all_hold_it():
    f = facts_of("汉阴县人大常委会主任王明主持会议，副主任李刚、赵敏、孙强出席。副县长周平、吴兵参加。")
    got = {(person, title) for person, title, _ in posts(f)}
    assert {("李刚", "县人大常委会副主任"), ("赵敏", "县人大常委会副主任"),
            ("孙强", "县人大常委会副主任"), ("周平", "副县长"), ("吴兵", "副县长")} <= got


def test_a_bare_office_after_a_bodys_title_is_that_bodys():
    f = facts_of("6月1日，市统计局党组书记、局长张华到凤阳县调研。县委常委、副县长王强陪同。")
    got = {(person, title) for person, title, _ in posts(f)}
    assert ("张华", "市统计局局长") in got
    assert ("王强", "副县长") in got


def test_sites_a_state_tour_pays_respects_at_and_a_site_seen_while_speaking():
    f = facts_of("访问期间，赵乐际还参谒越中友谊塔、参观河内国家大学。\n在参观胡志明故居时他表示，要传承友好。")
    got = visited(f)
    assert {("赵乐际", "越中友谊塔"), ("赵乐际", "河内国家大学"), ("赵乐际", "胡志明故居")} <= got


def test_a_title_after_tong_is_no_talk_partner():
    f = facts_of("新闻联播 2025年4月7日\n赵乐际同芬兰议长举行会谈。")
    assert not any(label(f, k) == "芬兰议长" for e in events(f, EventType.MEETING) for k in e.participants)


def test_a_visitor_of_a_national_story_is_not_made_a_local_of_the_place_visited():
    # a national story's home is inferred from where the visit went: the visitor, who holds no
    # post on the page, keeps the one node he has in every other story; a masthead still says
    # whose paper it is
    plain = facts_of("习近平在广东考察。12日上午，习近平来到深圳市前海深港现代服务业合作区，察看规划展示。")
    titled = facts_of("中共中央总书记、国家主席习近平12日来到深圳市考察。")
    assert {k for k in plain.entities if "习近平" in k} == {k for k in titled.entities if "习近平" in k} \
        == {"person/习近平"}
    local = facts_of("广东日报 2026年4月9日\n李明来到深圳市考察。")
    assert {k for k in local.entities if "李明" in k} == {"person/李明@440000"}


_TIE_PAGE = ("新闻联播 2026年6月20日\n古城焕发新活力\n苏州平江历史文化街区游人如织。"
             "扬州东关历史文化街区也很热闹。历史文化街区是城市的记忆。\n")
_DUMP = (
    "import sys\n"
    "from kg.documents import load\n"
    "from kg.extract import extract\n"
    "f = extract(load(sys.stdin.buffer.read(), 't.txt', 't'))\n"
    "print(sorted((m.start, m.end, m.key) for m in f.mentions))\n"
    "print(sorted((k, sorted(e.aliases)) for k, e in f.entities.items()))\n"
    "print([repr(e) for e in f.events], [repr(p) for p in f.posts], [repr(r) for r in f.relations])\n"
)


def test_extraction_is_the_same_under_every_hash_seed():
    # a short name (历史文化街区) that ends two longer ones of one length: which one it stands
    # for must not follow a set's iteration order, which changes with PYTHONHASHSEED
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    outs = set()
    for seed in ("0", "1"):  # two seeds under which the set orders of these names differ
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _DUMP], input=_TIE_PAGE.encode(), cwd=root,
                             env=env, capture_output=True, check=True, timeout=120)
        outs.add(run.stdout)
    assert len(outs) == 1, "extraction differs between hash seeds"
    assert "place/苏州平江历史文化街区" in outs.pop().decode()


def test_cities_listed_after_a_province_are_each_visited():
    f = facts_of("新闻联播 2025年6月5日\n中共中央政治局常委、国务院副总理李明3日至5日在湖南长沙、株洲调研。")
    assert {("李明", "湖南省"), ("李明", "长沙市"), ("李明", "株洲市")} <= visited(f)


def test_a_stay_in_a_province_named_by_one_character_is_a_visit_to_it():
    f = facts_of("新闻联播 2025年6月5日\n全国政协副主席李明出席论坛开幕式。\n"
                 "在浙期间，李明还到杭州、宁波的企业和社区调研。")
    assert {("李明", "浙江省"), ("李明", "杭州市"), ("李明", "宁波市")} <= visited(f)


def test_a_guest_described_as_visiting_china_or_a_province_visits_it():
    f = facts_of("新闻联播 2025年6月5日\n国家主席习近平在人民大会堂会见来华进行国事访问的智利总统博里奇。")
    assert ("博里奇", "中华人民共和国") in visited(f)
    assert ("习近平", "中华人民共和国") not in visited(f)
    g = facts_of("楚雄日报 2025年6月5日\n4日，州委书记王明会见了在湖北考察投资环境的华润集团董事长李华一行。")
    assert ("李华", "湖北省") in visited(g)
    assert ("王明", "湖北省") not in visited(g)
    # 访华的 followed by no title: a group of people, not a named visitor
    h = facts_of("新闻联播 2025年1月27日\n参与交流项目访华的师生代表联名致信。")
    assert not visited(h)


def test_a_delegation_named_as_subject_is_its_leaders_visit():
    f = facts_of("三亚日报 2025年3月5日\n3月4日，市委书记张强，市委副书记、市长刘洋会见了琼海市委书记李伟，"
                 "市委副书记、市长王鹏率领的琼海市党政代表团一行。\n"
                 "在三亚期间，琼海市党政代表团先后到三亚湾红树林生态公园、崖州区南山村参观考察。")
    got = visited(f)
    assert {("李伟", "三亚湾红树林生态公园"), ("王鹏", "南山村"), ("李伟", "三亚市")} <= got
    assert not any(p == "琼海市" for _, p in got)  # the group's own city is not where it went
    assert not any(a in ("张强", "刘洋") for a, _ in got)  # the hosts stay home


def test_a_visit_abroad_told_with_a_meeting_and_the_arrival_of_a_delegation():
    f = facts_of("新闻联播 2025年6月5日\n李明访问匈牙利\n国家副主席李明10日至12日访问匈牙利，"
                 "在布达佩斯会见匈牙利总统诺瓦克。")
    assert ("李明", "匈牙利共和国") in visited(f)
    assert any(e.agent == "person/李明" and "person/诺瓦克" in e.participants for e in events(f, EventType.MEETING))
    # 的到来: the delegation's arrival, not a visit of the host to the delegation's city
    g = facts_of("三亚日报 2025年3月5日\n市委书记张强对琼海市党政代表团的到来表示欢迎。")
    assert not visited(g)


def test_tour_stops_named_with_their_county_and_town_or_by_a_kind():
    # 和 inside a town's name (永和镇) splits no list; a county's short name before its town
    # and village is where the village is; 统计站 is a kind, so the town is part of its name;
    # 等13个企业（项目） trails the last company of a list
    f = facts_of("清远日报 2024年5月5日\n5月4日，在阳山七拱镇新联村、连山永和镇石坪村，市委书记王明深入田间地头"
                 "查看村民生产生活情况。")
    got = visited(f)
    assert {("王明", "新联村"), ("王明", "石坪村")} <= got
    assert not any(p.endswith("镇石坪村") or p.startswith("阳山") and p.endswith("村") for _, p in got)
    g = facts_of("滁州日报 2020年5月29日\n5月27日，市统计局局长高文冬赴凤阳县调研。\n在凤阳县，高文冬一行先后来到"
                 "大庙石英产业园，凤阳循环产业园和临淮关镇统计站，调研了凤阳硅谷智能有限公司、洪武拆解有限公司等"
                 "13个企业（项目）。")
    got = visited(g)
    assert {("高文冬", "临淮关镇统计站"), ("高文冬", "洪武拆解有限公司")} <= got



def test_two_guests_joined_by_he_each_behind_their_own_titles():
    # the second guest's chain of titles does not swallow the first guest (…董事长A和…公司副总裁B)
    f = facts_of("宜昌日报 2024年5月6日\n5月5日，市委书记王立，市委副书记、市长马泽江分别会见了万华化学集团董事长"
                 "廖增太和比亚迪股份有限公司执行副总裁何志奇。")
    assert {("王立", "廖增太"), ("王立", "何志奇"), ("马泽江", "廖增太"), ("马泽江", "何志奇")} <= meetings_of(f)


def test_talks_with_a_guest_whose_name_ends_before_juxing():
    f = facts_of("宜昌日报 2024年5月6日\n5月5日，市长马泽江与来宜考察的中国建材集团董事长周育先举行会谈。")
    assert ("马泽江", "周育先") in meetings_of(f)


def test_a_guest_who_comes_to_our_city_then_is_met_visits_it():
    # 来我市考察，市委书记…会见了…: the clause before the meeting tells the guest's visit; 还 after a
    # name (王立还看望) is no part of it
    f = facts_of("宜昌日报 2024年5月6日\n5月5日，中国中化集团董事长李凡荣一行来我市考察，市委书记王立会见了李凡荣一行。")
    assert ("李凡荣", "宜昌市") in visited(f)
    assert ("王立", "李凡荣") in meetings_of(f)
    g = facts_of("宜昌日报 2024年5月6日\n在秭归县期间，市委书记王立还看望慰问了老党员。")
    assert visited(g) == {("王立", "秭归县")}
    h = facts_of("宜昌日报 2024年5月6日\n近年来，宜昌市调研工作成效明显，市委书记王立带来了新思路。")
    assert not visited(h)


def test_a_list_of_stops_ends_where_what_is_done_there_begins():
    f = facts_of("宜昌日报 2024年5月6日\n5月5日，市长马泽江先后来到宜昌高新区、猇亭区，实地察看重点项目建设情况。")
    assert visited(f) == {("马泽江", "宜昌高新区"), ("马泽江", "猇亭区")}


# --- located in on pages about one county or town (issue 11, located-in slice) ---

def test_short_company_names_listed_before_one_that_ends_in_gongsi_are_companies():
    f = facts_of("5月6日，县长王华一行先后深入宏达机械、丰源食品、金泰纺织、恒信建材公司，了解企业生产情况。")
    companies = _names_of(f, EntityType.COMPANY)
    assert {"宏达机械", "丰源食品", "金泰纺织"} <= companies
    # a list of sites of several kinds is not a list of companies
    g = facts_of("5月6日，县长王华先后到县博物馆、东山展览馆、利民食品公司，听取工作汇报。")
    assert not {"县博物馆", "东山展览馆"} & _names_of(g, EntityType.COMPANY)


def test_companies_seen_on_a_visit_to_one_township_are_in_that_township():
    f = facts_of("3月5日下午，德清县委书记李强在新市镇调研。"
                 "李强先后来到华宇电子有限公司、绿源农业科技有限公司，详细了解企业生产经营情况。")
    loc = _pairs(f, "locatedIn")
    assert ("华宇电子有限公司", "新市镇") in loc and ("绿源农业科技有限公司", "新市镇") in loc


def test_a_clause_after_a_semicolon_that_opens_in_a_county_frames_its_sites():
    f = facts_of("近日，市委书记张伟在各县调研。在泾阳县，张伟察看了康宁医药有限公司；"
                 "在三原县，察看了华鑫机械制造有限公司、盛达食品有限公司建设情况。")
    loc = _pairs(f, "locatedIn")
    assert ("康宁医药有限公司", "泾阳县") in loc
    assert ("华鑫机械制造有限公司", "三原县") in loc and ("盛达食品有限公司", "三原县") in loc


def test_a_zone_named_after_a_county_is_in_that_county():
    f = facts_of("4月2日，市长王刚来到武义县，先后察看了武义经济开发区、温泉小镇项目。")
    loc = _pairs(f, "locatedIn")
    assert ("武义经济开发区", "武义县") in loc


def test_projects_signed_at_a_zones_ceremony_are_in_the_zone_and_each_has_its_own_investor():
    f = facts_of("8日，在平湖经济技术开发区重点项目集中签约仪式上，6个项目完成签约。"
                 "签约项目包括浙江华通科技有限公司投资的新能源电池项目、"
                 "上海锦程机械有限公司投资的智能装备制造项目。")
    loc = _pairs(f, "locatedIn")
    assert ("新能源电池项目", "平湖经济技术开发区") in loc
    assert ("智能装备制造项目", "平湖经济技术开发区") in loc
    inv = _pairs(f, "investsIn")
    assert ("浙江华通科技有限公司", "新能源电池项目") in inv
    assert ("上海锦程机械有限公司", "智能装备制造项目") in inv
    assert ("浙江华通科技有限公司", "智能装备制造项目") not in inv


def test_items_listed_after_a_zone_are_beside_it_not_in_it():
    f = facts_of("在长兴县，省政协主席刘明一行先后视察了煤山镇新川村、太湖工业区天能电池有限公司、"
                 "超威集团和金禾纺织有限公司。")
    loc = _pairs(f, "locatedIn")
    assert ("天能电池有限公司", "太湖工业区") in loc
    assert ("金禾纺织有限公司", "太湖工业区") not in loc and ("超威集团", "太湖工业区") not in loc


def test_a_clause_that_opens_in_a_county_and_a_visit_verb_frames_its_sites():
    f = facts_of("近日，市委书记张伟在泾阳县察看了康宁医药有限公司；"
                 "在三原县调研华鑫机械制造有限公司、盛达食品有限公司建设情况。")
    loc = _pairs(f, "locatedIn")
    assert ("华鑫机械制造有限公司", "三原县") in loc and ("盛达食品有限公司", "三原县") in loc


def test_a_park_ending_in_yuanqu_keeps_its_last_character():
    f = facts_of("5月3日，县长李华来到东岭村设施农业园区，察看蔬菜大棚。")
    assert "东岭村设施农业园区" in _names_of(f, EntityType.PARK)


def test_named_sites_of_a_visit_to_one_county_are_in_it_but_not_a_counted_phrase():
    f = facts_of("近日，泉州市商会会长王志强一行到武夷山市考察。市长张明介绍了武夷山市投资环境。"
                 "企业家代表实地考察了星村湿地公园、天游峰景区，表示将在武夷山市建起3个现代化种植基地。")
    loc = _pairs(f, "locatedIn")
    assert ("星村湿地公园", "武夷山市") in loc and ("天游峰景区", "武夷山市") in loc
    assert not {e for e, _ in loc if "3个" in e}


def test_a_verb_before_xiangmu_is_no_project_name():
    f = facts_of("全县上下要力争项目早建成、早投产，充分发挥项目带动作用。")
    assert not {n for n in _names_of(f, EntityType.PROJECT) if n.startswith(("力争", "充分发挥"))}


def test_a_county_named_inside_a_list_of_stops_covers_only_what_follows_it():
    f = facts_of("6月3日至4日，省委书记王林赴黔东南州调研。王林前往中兴新能源装备产业园、宏达化工有限公司，"
                 "雷山县茶叶种植园、民族文化产业园调研产业发展。在黔东南州，王林听取了州委工作汇报。")
    loc = _pairs(f, "locatedIn")
    assert ("民族文化产业园", "雷山县") in loc
    assert ("中兴新能源装备产业园", "雷山县") not in loc
    assert ("宏达化工有限公司", "中兴新能源装备产业园") not in loc  # listed beside the park, not in it


def test_what_gaigongsi_weiyu_says_is_where_the_company_last_named_is():
    f = facts_of("3月2日，县委书记王强来到宏宇新材料有限公司调研。该公司位于余江区中童镇，主要生产铜材。")
    assert ("宏宇新材料有限公司", "中童镇") in _pairs(f, "locatedIn")


def test_the_last_place_of_a_chain_after_zuoluoyu_holds_the_site():
    f = facts_of("5日，市长王刚到武宁县调研。坐落于泾县桃花潭镇的桃花潭景区游人如织。")
    assert ("桃花潭景区", "桃花潭镇") in _pairs(f, "locatedIn")


def _met(f):
    return {(label(f, e.agent), label(f, p)) for e in events(f, EventType.MEETING) for p in e.participants}


def _orgs(f):
    return {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}


def test_a_double_surname_or_a_four_character_name_after_a_title_is_a_person():
    f = facts_of("6月2日，自治区副主席欧阳建华在拉萨会见了来访客人。自治区政协副主席次仁多吉及有关部门负责人参加会见。")
    names = {p for p, _, _ in posts(f)}
    assert "欧阳建华" in names and "次仁多吉" in names


def test_a_title_chain_ends_at_a_meeting_verb_the_tokenizer_splits():
    # 张工会见: jieba reads 张|工会|见; the guest's title must not take in the host
    f = facts_of("5月8日下午，市委副书记、市长张工会见中华建材集团董事长李明远一行。")
    assert ("张工", "李明远") in _met(f)
    assert ("李明远", "董事长", "中华建材集团") in _orgs(f)
    assert not {t for p, t, _ in posts(f) if p == "李明远" and t != "董事长"}


def test_a_bare_city_title_on_a_municipality_page_governs_the_municipality():
    f = facts_of("天津日报讯 市委书记王明、市长李华昨日在迎宾馆会见客商代表。王明希望企业在津扩大投资。天津将持续优化营商环境。")
    assert ("王明", "市委书记", "天津市") in posts(f)
    assert ("李华", "市长", "天津市") in posts(f)


def test_a_company_named_before_a_party_title_is_the_posts_organisation():
    f = facts_of("3月5日，区委书记赵刚会见了中铁建工党委书记、董事长孙立新一行。宏远集团党委副书记、总经理钱海参加会见。")
    orgs = _orgs(f)
    assert ("孙立新", "党委书记", "中铁建工") in orgs and ("孙立新", "董事长", "中铁建工") in orgs
    assert ("钱海", "党委副书记", "宏远集团") in orgs
    assert not {t for _, t, _ in orgs if t.startswith(("中铁建工", "宏远集团"))}


def test_a_title_word_of_its_own_is_not_a_company_before_a_head():
    f = facts_of("技术总监王海峰介绍了生产线情况，销售总监李红补充了市场情况。")
    assert ("王海峰", "技术总监", None) in _orgs(f) and ("李红", "销售总监", None) in _orgs(f)


def test_a_district_after_its_city_in_a_title_is_the_titles_region():
    f = facts_of("4月9日，中国华电董事长刘强与北京市海淀区委副书记、区长孙文举行会谈。")
    assert ("孙文", "区委副书记", "海淀区") in posts(f)


def test_deputies_after_a_bodys_deputy_hold_the_same_bodys_post():
    f = facts_of("12日，竹山县人大常委会召开会议。县人大常委会副主任王兵主持会议，副主任李成、周红参加会议。")
    p = posts(f)
    assert ("李成", "县人大常委会副主任", "竹山县") in p and ("周红", "县人大常委会副主任", "竹山县") in p


def test_a_two_character_county_inside_a_word_is_not_the_pages_home():
    f = facts_of("竹山县人大常委会召开会议，任命李刚为县人民政府副县长、代理县长。竹山县各界表示支持。")
    assert ("李刚", "代理县长", "竹山县") in posts(f)
    assert "理县" not in {label(f, p.jurisdiction) for p in f.posts}


def test_an_appointment_names_the_posts_after_the_person():
    f = facts_of("新华社兰州3月1日电 甘肃省人大常委会会议1日决定，接受王立新辞去甘肃省省长职务的请求，"
                 "任命赵志强为甘肃省副省长、代理省长。")
    p = posts(f)
    assert ("王立新", "省长", "甘肃省") in p
    assert ("赵志强", "副省长", "甘肃省") in p and ("赵志强", "代理省长", "甘肃省") in p


def test_an_appointment_by_pronoun_and_with_a_term_number():
    f = facts_of("湖南省第十四届人大常委会会议表决通过，决定任命钱立为湖南省副省长，决定其为代理省长。"
                 "会议接受孙平辞去湖南省第十四届人大常委会主任职务的请求。")
    p = posts(f)
    assert ("钱立", "代理省长", "湖南省") in p
    assert ("孙平", "省人大常委会主任", "湖南省") in p


def test_two_posts_joined_by_jian_and_a_foreign_ministers_title():
    f = facts_of("国务委员兼外长王毅12日在北京会见斐济外长卡洛尼。")
    p = posts(f)
    assert ("王毅", "国务委员", None) in p and ("王毅", "外长", None) in p
    assert ("王毅", "卡洛尼") in _met(f)


def test_a_talk_with_yu_is_a_meeting_but_a_forum_is_not():
    f = facts_of("3日，县委书记赵明与来访的宏达集团董事长钱伟一行座谈。县委常委、副县长孙丽参加座谈。")
    assert _met(f) == {("赵明", "钱伟")}
    g = facts_of("5日，县委书记赵明主持召开民营企业家座谈会，县长王五出席。")
    assert not events(g, EventType.MEETING)


def test_the_leader_of_a_delegation_met_is_the_guest():
    f = facts_of("市委书记李军8日会见由外省政协副主席王东明率领的考察团。")
    assert ("李军", "王东明") in _met(f)
    g = facts_of("全国政协主席王沪宁23日在京会见由日本公明党党首齐藤正夫率领的代表团。")
    assert ("王沪宁", "齐藤正夫") in _met(g)


def test_people_present_at_a_meeting_keep_clean_titles():
    f = facts_of("市长周兵会见了中钢集团董事长何文。会见时在座的还有市委常委、秘书长吴刚。")
    assert ("吴刚", "市委常委", None) in {(a, t, None) for a, t, _ in posts(f)}
    assert not {t for _, t, _ in posts(f) if t.startswith("还有")}
    assert ("周兵", "吴刚") not in _met(f)


def test_a_foreign_name_after_a_state_title_ends_before_an_adverb():
    f = facts_of("俄罗斯外交部发表声明说，俄总统普京曾于去年建议延长该条约。")
    assert "普京" in {label(f, p.person) for p in f.posts}


def test_a_former_post_is_no_post_but_the_person_stays():
    f = facts_of("日前，中央纪委国家监委通报：江西省原副省长周志明、原华海重工董事长孙强严重违纪违法。")
    assert not {(p, t) for p, t, _ in posts(f) if p in ("周志明", "孙强")}
    assert "周志明" in _names_of(f, EntityType.PERSON, EntityType.OFFICIAL)
    g = facts_of("深圳前海宏达控股有限公司董事长陈林出席签约仪式。")
    assert ("陈林", "董事长") in {(p, t) for p, t, _ in posts(g)}


def test_the_parties_of_a_signing_are_not_placed_in_the_county_they_sign_with():
    f = facts_of("11月8日，平安县重点项目集中签约仪式举行。县长李明与远航新材料股份有限公司、恒丰能源有限公司"
                 "签订投资协议。平安县近年来招商引资成效明显，平安县工业园区企业达到120家。")
    loc = _pairs(f, "locatedIn")
    assert ("平安县工业园区", "平安区") in loc  # the county's own park is in it
    assert not {e for e, _ in loc if e.endswith("有限公司")}  # the companies come from elsewhere


def test_he_and_ji_inside_a_project_name_join_its_parts():
    f = facts_of("10月9日，东阳县举行重点项目集中开工仪式。其中，宏远新能源有限公司在东阳县投资建设的"
                 "光伏组件及储能电池项目总投资8亿元，还有年产5万吨饲料和2万吨有机肥项目。")
    projects = _names_of(f, EntityType.PROJECT)
    assert "光伏组件及储能电池项目" in projects and "年产5万吨饲料和2万吨有机肥项目" in projects
    assert not {p for p in projects if p.startswith(("储能电池", "2万吨"))}


def test_a_project_named_after_its_company_is_the_companys_and_not_in_the_companys_region():
    f = facts_of("11月5日，青川县举行秋季重点项目集中开工仪式。总投资3亿元的成都恒远建材有限公司"
                 "装配式钢结构和轻钢房屋项目、总投资2亿元的青川县林源农业科技有限公司茶叶深加工项目集中开工。"
                 "青川县今年已有亿元以上在建项目18个。")
    inv = _pairs(f, "investsIn")
    assert ("成都恒远建材有限公司", "成都恒远建材有限公司装配式钢结构和轻钢房屋项目") in inv
    assert ("青川县林源农业科技有限公司", "青川县林源农业科技有限公司茶叶深加工项目") in inv
    loc = _pairs(f, "locatedIn")
    assert ("成都恒远建材有限公司装配式钢结构和轻钢房屋项目", "青川县") in loc  # not 成都市: the company's
    assert ("成都恒远建材有限公司", "成都市") in loc


def test_a_project_a_company_builds_at_a_place_is_there_and_is_the_companys():
    f = facts_of("工业方面，江苏恒泰新能源科技有限公司在丰镇市投资建设的储能电池系统集成项目已经开工，"
                 "四川蓝海环保有限公司在兴和县投资建设的固废综合利用项目正在开展前期工作。")
    inv, loc = _pairs(f, "investsIn"), _pairs(f, "locatedIn")
    assert ("江苏恒泰新能源科技有限公司", "储能电池系统集成项目") in inv
    assert ("四川蓝海环保有限公司", "固废综合利用项目") in inv
    assert ("储能电池系统集成项目", "丰镇市") in loc and ("固废综合利用项目", "兴和县") in loc


def test_a_region_in_half_width_brackets_stays_inside_the_name():
    f = facts_of("何尚元(重庆)有限公司是两江新区的一家注册企业。国展(浙江)冷链物流基地项目正在加紧施工。")
    assert "何尚元(重庆)有限公司" in _names_of(f, EntityType.COMPANY)
    assert "国展(浙江)冷链物流基地项目" in _names_of(f, EntityType.PROJECT)
    assert "何尚元" not in _names_of(f, EntityType.PERSON, EntityType.OFFICIAL)  # the trade name


def test_a_country_name_inside_a_region_name_is_no_country():
    f = facts_of("来自内蒙古的企业代表参加了签约仪式。")
    assert "蒙古国" not in _names_of(f, EntityType.PLACE)


def test_a_company_that_invests_here_is_where_its_name_says():
    f = facts_of("10月20日，宁远县举行重点项目集中开工仪式。总投资1.2亿元的永州华顺建材有限公司"
                 "新型墙体材料项目开工。宁远县今年共有亿元以上在建项目30个。")
    loc = _pairs(f, "locatedIn")
    assert ("永州华顺建材有限公司", "永州市") in loc and ("永州华顺建材有限公司", "宁远县") not in loc
    assert ("永州华顺建材有限公司新型墙体材料项目", "宁远县") in loc


def test_a_zone_named_like_a_region_of_another_province_is_not_in_it():
    f = facts_of("9月22日，来自各地的客商在海兴开发区举行的招商洽谈会上签约。海原县与企业签订了农业合作协议。"
                 "海原县将为企业提供优质服务。")
    loc = _pairs(f, "locatedIn")
    assert not {p for e, p in loc if e == "海兴开发区" and p == "海兴县"}


def test_a_zone_named_after_another_county_on_a_tour_is_in_that_county():
    f = facts_of("5月6日，市委书记王军到东海县调研。王军先后来到东海县水晶产业园、泗阳经济开发区，"
                 "了解园区发展情况。")
    loc = _pairs(f, "locatedIn")
    assert ("泗阳经济开发区", "泗阳县") in loc and ("泗阳经济开发区", "东海县") not in loc


def test_a_provinces_own_zone_seen_on_a_county_tour_is_in_the_province():
    f = facts_of("4月3日，省长李刚来到寿光市调研。在潍坊港片区，李刚了解浙江自贸试验区建设经验的借鉴情况，"
                 "察看了蔬菜种业创新中心。")
    loc = _pairs(f, "locatedIn")
    assert ("浙江自贸试验区", "浙江省") in loc and ("浙江自贸试验区", "寿光市") not in loc


# --- visits on real local pages: tour stops, travellers, escorts (issue 11, visits slice) ---

def test_a_district_short_form_the_name_tagger_reads_as_a_person_is_the_district():
    f = facts_of("市长周平在杨浦区调研时指出，希望杨浦在城市更新上率先作出探索。周平还来到杨浦区图书馆。")
    assert ("周平", "杨浦区") in visited(f)
    assert "杨浦" not in _names_of(f, EntityType.PERSON)


def test_a_name_before_yixing_and_a_verb_of_going_is_the_visitor():
    f = facts_of("王立新一行来到恒泰精密机械有限公司，详细了解企业生产情况；"
                 "深入宏远新材料科技有限公司生产车间，查看项目进展。")
    assert {("王立新", "恒泰精密机械有限公司"), ("王立新", "宏远新材料科技有限公司")} <= visited(f)


def test_those_who_only_go_along_visit_nothing():
    f = facts_of("3月5日，县委书记刘洋一行来到兴业纺织有限公司调研。"
                 "县领导赵明、孙亮，城南经济开发区、县商务局等部门主要负责同志参加调研。")
    assert ("刘洋", "兴业纺织有限公司") in visited(f)
    assert not {a for a, _ in visited(f) if a in ("赵明", "孙亮")}


def test_the_city_leaders_go_on_to_the_next_stop_of_the_mayor():
    f = facts_of("4月2日下午，市委副书记、市长周平在静安区调研。随后，市领导来到华东电力设计研究院，察看实验室。"
                 "市领导还前往云图信息技术(上海)有限公司，察看平台演示。")
    assert ("周平", "云图信息技术(上海)有限公司") in visited(f)


def test_a_county_short_form_opening_a_company_name_is_not_visited():
    f = facts_of("县委书记李华到原东山产业园，实地了解阜平恒信机电科技有限公司、晨光食品加工有限公司等新落地企业情况。")
    v = visited(f)
    assert ("李华", "阜平恒信机电科技有限公司") in v
    assert not {p for _, p in v if p in ("阜平县",)}


def test_the_sites_listed_after_chakan_are_stops():
    f = facts_of("8月9日，在西峰区，市长马林察看小河村文旅示范点、董志污水处理厂、北塬物流园等项目建设情况。")
    v = visited(f)
    assert ("马林", "董志污水处理厂") in v and ("马林", "北塬物流园") in v


def test_ji_inside_one_project_name_does_not_split_it():
    f = facts_of("调研中，市长陈刚一行先后前往城北污水管网改造及清淤工程、东环路与南三路交叉口改造工程等项目现场，听取汇报。")
    v = visited(f)
    assert ("陈刚", "城北污水管网改造及清淤工程") in v
    assert not {p for _, p in v if p == "清淤工程"}


def test_latin_letters_in_a_site_name_keep_the_site():
    f = facts_of("州长赵云前往天成新能源装备产业园、华数3000P算力中心，督导经济运行情况。")
    assert ("赵云", "华数3000P算力中心") in visited(f)


def test_an_unannounced_inspection_anfang_visits_the_sites_it_lists():
    f = facts_of("6月2日，副县长张华以“四不两直”方式暗访了鑫源化工有限公司、城东加油站。")
    v = visited(f)
    assert ("张华", "鑫源化工有限公司") in v and ("张华", "城东加油站") in v


def test_a_counted_stop_of_the_tour_goes_on_with_its_visitor():
    f = facts_of("4月3日，市委书记孙明一行首站来到华源电子科技有限公司，了解企业生产经营情况。"
                 "调研第二站考察了宏图新材料有限公司，听取企业负责人介绍。")
    assert ("孙明", "宏图新材料有限公司") in visited(f)


def org_posts(f):
    return {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}


def test_people_elected_in_a_list_hold_the_post_named_after_dangxuan():
    f = facts_of("12月28日，攸县第十七届人民代表大会第一次会议举行第三次全体会议。经过计票，"
                 "周文斌以203票当选为县十七届人大常委会主任，孙立、黄海涛和邓敏当选为县十七届人大常委会副主任；"
                 "赵启明当选为县人民政府县长，马骏、韩雪当选副县长。")
    p = posts(f)
    assert ("周文斌", "县人大常委会主任", "攸县") in p
    assert {("孙立", "县人大常委会副主任", "攸县"), ("黄海涛", "县人大常委会副主任", "攸县"),
            ("邓敏", "县人大常委会副主任", "攸县")} <= p
    assert ("赵启明", "县长", "攸县") in p
    assert {("马骏", "副县长", "攸县"), ("韩雪", "副县长", "攸县")} <= p


def test_a_bare_deputy_after_a_standing_deputy_is_of_the_same_body():
    f = facts_of("昨天上午，金牛区人大常委会召开第九次会议。区人大常委会常务副主任刘建国，"
                 "副主任王芳、陈立新出席。")
    p = posts(f)
    assert ("王芳", "区人大常委会副主任", "金牛区") in p
    assert ("陈立新", "区人大常委会副主任", "金牛区") in p


def test_the_words_before_a_title_are_not_part_of_it():
    f = facts_of("会议由区人大常委会主任周海主持。会后，客人一行还拜访了县委常委、副县长孙涛。")
    titles = {(n, t) for n, t, _ in posts(f)}
    assert ("周海", "区人大常委会主任") in titles
    assert ("孙涛", "县委常委") in titles
    assert not {t for _, t in titles if t.startswith(("会议", "拜访"))}


def test_a_company_named_after_its_province_is_the_posts_organisation():
    f = facts_of("5月6日下午，江西交投公司党委书记、董事长刘明一行拜访县人民政府，与县委书记王华举行会谈。")
    op = org_posts(f)
    assert ("刘明", "党委书记", "江西交投公司") in op
    assert ("刘明", "董事长", "江西交投公司") in op


def test_a_person_elected_by_xuanju_holds_the_post_after_wei():
    f = facts_of("1月20日上午，湖南省十四届人大一次会议举行第三次全体会议。大会选举张建华为省人民政府省长；"
                 "选举王丽、李军为省十四届人大常委会副主任。")
    p = posts(f)
    assert ("张建华", "省长", "湖南省") in p
    assert {("王丽", "省人大常委会副主任", "湖南省"), ("李军", "省人大常委会副主任", "湖南省")} <= p


def test_a_visiting_provinces_delegation_does_not_make_the_hosts_city_its_own():
    f = facts_of("由贵州省委副书记、省长王强率领的贵州省党政代表团在温考察。昨晚，市委书记李明会见了王强一行。"
                 "李明代表市委、市政府对贵州省党政代表团一行的到来表示欢迎。他说，贵州省近年来发展成就显著，"
                 "温州与贵州省及贵阳等市合作密切，温州民营经济活跃。王强表示，贵州欢迎更多温州企业投资兴业，"
                 "希望温州与贵州深化合作。温州市副市长张林会见时在座。")
    p = posts(f)
    assert ("李明", "市委书记", "温州市") in p
    assert ("王强", "省长", "贵州省") in p


def test_the_one_who_calls_on_a_government_is_the_guest_of_the_talks_after_yu():
    f = facts_of("3月15日上午，华建路桥集团党委书记、董事长陈海一行拜访县人民政府，与县委书记刘伟举行会谈。"
                 "刘伟对陈海一行的到来表示欢迎。", paper="青阳日报")
    assert met(f) == {("刘伟", "陈海")}


def test_who_came_on_a_trip_is_the_guest_of_the_talks_after_yu_and_still_visited():
    f = facts_of("远航集团来临高考察\n6月2日，远航集团党委书记、董事长周强一行到临高县考察调研，并与县委书记吴伟座谈交流。",
                 paper="临高日报")
    assert met(f) == {("吴伟", "周强")}
    assert ("周强", "临高县") in visited(f)


def test_a_county_the_province_governs_itself_is_named_by_its_short_form_in_the_provinces_paper():
    # 乐东黎族自治县 and 仙桃市 have no prefecture: in 海南日报 / 湖北日报 their province vouches for
    # them as a prefecture does for its counties; a Beijing district's short form stays a word
    f = facts_of("海南日报 2020年6月3日\n6月2日，远航集团董事长周强一行到乐东考察调研。")
    assert ("周强", "乐东黎族自治县") in visited(f)
    f = facts_of("湖北日报 2020年6月3日\n6月2日，远航集团董事长周强一行到仙桃考察调研。")
    assert ("周强", "仙桃市") in visited(f)
    f = facts_of("北京日报 2023年3月28日\n3月27日，市委书记尹力到海淀调研，要求大兴调查研究之风。")
    assert "大兴区" not in {label(f, k) for k in f.entities}


def test_a_guests_state_visit_told_before_the_talks_is_no_visit_of_the_host():
    f = facts_of("5月25日下午，国家主席习近平在北京人民大会堂同来华进行国事访问的塞尔维亚总统武契奇举行会谈。")
    assert met(f) == {("习近平", "武契奇")}
    assert not [v for v in visited(f) if v[0] == "习近平"], visited(f)


def test_a_company_opening_its_projects_name_invests_though_the_name_holds_a_site():
    f = facts_of("重点项目集中开工\n3月1日，宁夏绿塬园艺有限公司智能花卉种植基地建设项目开工，计划总投资3.1亿元。", paper="固原日报")
    assert ("宁夏绿塬园艺有限公司", "宁夏绿塬园艺有限公司智能花卉种植基地建设项目") in _pairs(f, "investsIn")


def test_a_project_with_its_supporting_facilities_is_one_name():
    f = facts_of("重点项目集中开工\n4月9日，周宁县城郊大型仓储物流基地及配套基础设施建设项目开工。", paper="宁德日报")
    names = {label(f, k) for k in f.entities}
    assert "周宁县城郊大型仓储物流基地及配套基础设施建设项目" in names, names


def test_a_guest_comes_to_the_papers_own_city_named_by_one_of_its_characters():
    f = facts_of("客商来梅考察\n9月25日，远航集团董事长周强一行来梅考察。", paper="梅州日报")
    assert ("周强", "梅州市") in visited(f)
    f = facts_of("客商来荆考察\n9月25日，远航集团董事长周强一行来荆考察。", paper="荆门日报")
    assert ("周强", "荆门市") in visited(f)
    f = facts_of("客商来荆考察\n9月25日，远航集团董事长周强一行来荆考察。", paper="梅州日报")
    assert not visited(f)  # 荆 is none of 梅州市's
    f = facts_of("研习班来梅考察\n日前，市委常委、副市长黄涛会见了研习班一行。黄涛副市长对研习班来梅考察表示欢迎。",
                 paper="梅州日报")
    assert not visited(f)  # the one who welcomes the group did not come
    f = facts_of("客商来华考察\n9月25日，美国远航集团董事长约翰一行来华考察。", paper="华阴日报")
    assert "华阴市" not in {label(f, k) for k in f.entities}  # 来华 is China's


def test_the_group_met_is_the_one_its_leaders_brought_before_the_hosts():
    f = facts_of("客商来梅考察\n9月25日上午，远航集团总经理周强、华信公司总经理吴兰率企业考察团一行来梅考察，"
                 "市委书记温明，市委副书记、市长王锋会见考察团一行。", paper="梅州日报")
    assert met(f) == {("温明", "周强"), ("温明", "吴兰"), ("王锋", "周强"), ("王锋", "吴兰")}, met(f)


def test_he_before_a_county_word_joins_and_names_no_county():
    f = facts_of("观摩会召开\n12月21日，县委书记王明出席，县人大常委会副主任熊丽和县乡村振兴局负责人点评。"
                 "乡镇、开发区和县直单位负责人参加。", paper="常德日报")
    assert "和县" not in {label(f, k) for k in f.entities}
    f = facts_of("市委书记到和县调研\n3月1日，市委书记张三到和县调研。", paper="马鞍山日报")
    assert ("张三", "和县") in visited(f)


def test_a_group_that_arrives_escorted_by_its_hosts_sees_sites_for_its_leaders():
    f = facts_of("天水市党政代表团赴嘉峪关市学习考察\n9月2日，市委书记张明，市委副书记、市长李华带领天水市党政代表团一行"
                 "奔赴嘉峪关学习考察。当日上午，天水党政代表团一行抵达嘉峪关，在嘉峪关市委书记马光，市长郑军等领导的陪同下，"
                 "参观考察了嘉峪关城市博物馆、东湖生态旅游景区。", paper="天水日报")
    v = visited(f)
    assert {("张明", "嘉峪关城市博物馆"), ("李华", "东湖生态旅游景区")} <= v, v
    assert not [x for x in v if x[0] in ("马光", "郑军")], v


def test_a_group_made_up_of_named_members_is_met_later_and_their_companies_are_no_stops():
    f = facts_of("调研组来我市调研\n6月5日，由中国铁建公司董事葛明、中国保利集团董事吴华等组成的中央企业调研组来我市调研。"
                 "昨日下午，副市长尉连生与调研组一行座谈。调研组一行先后深入文瀛湖生态公园、同达药业有限公司调研。",
                 paper="大同日报")
    assert met(f) == {("尉连生", "葛明"), ("尉连生", "吴华")}, met(f)
    v = visited(f)
    assert {("葛明", "同达药业有限公司"), ("吴华", "文瀛湖生态公园")} <= v, v
    assert not [x for x in v if x[1] in ("中国铁建公司", "中国保利集团")], v


def test_a_region_opening_a_company_name_is_no_generic_word_it_begins_with():
    # 本 (本公司) and 我 open generic names; 本溪 is a city
    f = facts_of("市长调研重点项目\n12月1日，市长吴明先后来到本溪华信冶金炉料有限公司、辽宁众达轧辊有限公司调研。",
                 paper="本溪日报")
    assert {("吴明", "本溪华信冶金炉料有限公司"), ("吴明", "辽宁众达轧辊有限公司")} <= visited(f), visited(f)


def test_an_opening_time_of_the_clock_is_no_subject_of_the_sentence():
    f = facts_of("副州长在且末县调研\n9月11日至13日，常务副州长杜伟在且末县调研。"
                 "9月11日19时30分，调研组一行抵达且末县，首先来到且末县工业园区。", paper="巴音郭楞日报")
    assert ("杜伟", "且末县工业园区") in visited(f), visited(f)


def test_a_brand_and_its_trade_listed_beside_a_company_is_a_company():
    f = facts_of("县委书记带队考察\n12月14日，县委书记沈明带队赴台州考察，先后赴泰田集团、怡和卫浴、东港工贸集团参观学习，"
                 "又来到五金公园、盾安控股、万安科技有限公司，还察看了重点企业、城乡建设情况。", paper="安吉日报")
    v = {p for a, p in visited(f) if a == "沈明"}
    assert {"怡和卫浴", "盾安控股", "五金公园"} <= v, v
    assert {label(f, k) for k in f.entities if f.entities[k].type is EntityType.COMPANY} >= {"怡和卫浴", "盾安控股"}
    assert not {"重点企业", "城乡建设"} & {label(f, k) for k in f.entities}


def test_hamlets_academies_service_areas_and_memorial_parks_are_named_sites():
    f = facts_of("县委书记观摩乡村振兴\n12月21日，县委书记王明一行来到周家湾和善幸福屋场，随后参观了廌山书院、"
                 "天空之桥服务区和将台堡红军长征会师纪念园。", paper="常德日报")
    v = {p for a, p in visited(f) if a == "王明"}
    assert {"周家湾和善幸福屋场", "廌山书院", "天空之桥服务区", "将台堡红军长征会师纪念园"} <= v, v
    f = facts_of("区长检查安全生产\n1月1日，区长单明先后来到临港石化储备库、北塘油库和东堤海堤，"
                 "又察看了湖北大崎山自然保护区。", paper="滨海时报")
    v = {p for a, p in visited(f) if a == "单明"}
    assert {"临港石化储备库", "北塘油库", "东堤海堤", "大崎山自然保护区"} <= v, v


def test_a_countrys_one_character_short_form_is_no_part_of_a_head_of_states_title():
    f = facts_of("外交部发言人表示，俄总统普京日前发表讲话，美总统特朗普随后作出回应。")
    titles = {(n, t) for n, t, _ in posts(f)}
    assert ("普京", "总统") in titles and ("特朗普", "总统") in titles
    assert not {t for _, t in titles if t in ("俄总统", "美总统")}


def test_the_sites_listed_after_zoufang_are_stops():
    f = facts_of("3月14日,区政协主席王明赴江桥街道调研,实地走访华通精密机械股份有限公司、滨河社区服务中心。")
    v = visited(f)
    assert ("王明", "华通精密机械股份有限公司") in v and ("王明", "滨河社区服务中心") in v


def test_a_dyke_and_an_apartment_block_are_sites_of_a_tour():
    f = facts_of("副市长刘强一行先后实地察看了东湖大堤、青年公寓,了解防汛和安置情况。")
    v = visited(f)
    assert ("刘强", "东湖大堤") in v and ("刘强", "青年公寓") in v


@pytest.mark.parametrize("caption", ["陈亮(左二)在石桥镇蔬菜基地调研",  # names the visitor
                                     "察看蔬菜种植基地"])  # opens with what the visitor does
def test_a_photo_caption_inside_the_tour_does_not_end_its_day(caption):
    f = facts_of("发布时间:2024-05-09\n5月8日,县委书记陈亮到石桥镇调研农业生产。\n"
                 f"{caption}\n"
                 "在石桥镇,陈亮走进绿源农业合作社,了解蔬菜销售情况。")
    dates = {label(f, p): e.date for e in events(f) for p in e.places}
    assert dates.get("绿源农业合作社") == dt.date(2024, 5, 8)


def test_lately_said_of_what_was_looked_at_keeps_the_tours_day():
    f = facts_of("发布时间:2024-06-13\n6月12日,县委书记李华到宁条梁镇调研。\n"
                 "在东坑镇,李华详细了解了东坑镇近期重点工作推进情况。")
    dates = {label(f, p): e.date for e in events(f) for p in e.places}
    assert dates.get("东坑镇") == dt.date(2024, 6, 12)
    g = facts_of("发布时间:2024-06-13\n6月12日,县委书记李华到宁条梁镇调研。\n近日,李华到东坑镇调研。")
    assert {label(g, p): e.date for e in events(g) for p in e.places}.get("东坑镇") is None


def test_a_late_december_day_in_an_early_january_page_is_of_the_year_before():
    f = facts_of("发布时间:2025-01-03\n12月30日,县长王军到宁条梁镇调研安全生产。")
    assert {e.date for e in events(f)} == {dt.date(2024, 12, 30)}


def test_the_tour_sets_off_again_after_a_report_is_listened_to():
    f = facts_of("调研中,县长李强一行先后前往城东污水处理厂、滨江停车场改造工程等项目现场,"
                 "听取有关负责人汇报项目进展情况,随后还走访宏达新材料股份有限公司,了解企业生产经营情况。")
    v = visited(f)
    assert ("李强", "城东污水处理厂") in v and ("李强", "宏达新材料股份有限公司") in v


def test_sites_told_as_subjects_before_the_visitor_looks_at_them_are_stops():
    f = facts_of("5月6日,市委书记周明到南河区调研。"
                 "南河区青年文化艺术中心一经投用便广受欢迎,滨江湿地公园是全市首个生态主题公园,周明察看项目运营情况。")
    v = visited(f)
    assert ("周明", "青年文化艺术中心") in v or ("周明", "南河区青年文化艺术中心") in v
    assert ("周明", "滨江湿地公园") in v


def test_a_short_report_naming_one_county_once_locates_its_projects_there():
    f = facts_of("本报讯 今年以来，临泉县新签约项目12个。其中包括计划总投资8亿元的华能新能源公司光伏发电项目、"
                 "总投资3亿元的金禾集团饲料加工项目。")
    loc = _pairs(f, "locatedIn")
    assert ("华能新能源公司光伏发电项目", "临泉县") in loc
    assert ("金禾集团饲料加工项目", "临泉县") in loc


def test_a_registered_project_name_opens_with_its_company_past_a_yearly_capacity():
    f = facts_of("当天开工的项目分别是江西瑞丰食品科技有限责任公司年产30000吨速冻调理食品及配套冷链仓储建设项目、"
                 "九江市恒盛面业有限公司年加工小麦8万吨面粉项目。")
    inv = _pairs(f, "investsIn")
    assert ("江西瑞丰食品科技有限责任公司",
            "江西瑞丰食品科技有限责任公司年产30000吨速冻调理食品及配套冷链仓储建设项目") in inv
    assert ("九江市恒盛面业有限公司", "九江市恒盛面业有限公司年加工小麦8万吨面粉项目") in inv
    assert ("江西瑞丰食品科技有限责任公司", "九江市恒盛面业有限公司年加工小麦8万吨面粉项目") not in inv


def test_who_a_project_is_built_by_is_its_investor_without_a_legal_suffix():
    f = facts_of("本报讯 5月8日，弋阳县举行项目集中签约仪式。德兴铜矿尾矿综合利用项目由中冶资源投资建设，"
                 "总投资约2亿元。")
    assert ("中冶资源", "德兴铜矿尾矿综合利用项目") in _pairs(f, "investsIn")


def test_a_slogan_and_a_common_word_are_no_regions():
    f = facts_of("近年来，该县大力实施“工业强县、科教兴县”战略，再次走在三秦大地前列。")
    names = {e.label for e in f.entities.values()} if isinstance(f.entities, dict) else {e.label for e in f.entities}
    assert "兴县" not in names
    assert not any(n.startswith("大地") for n in names)


def test_a_guessed_person_ending_in_a_preposition_does_not_open_a_park():
    f = facts_of("近年来，吴南以临港经济区建设为抓手，加快产业集聚。")
    names = {e.label for e in f.entities.values()} if isinstance(f.entities, dict) else {e.label for e in f.entities}
    assert "吴南以临港经济区" not in names


def test_the_companies_of_a_meeting_held_in_a_county_are_not_located_there():
    f = facts_of("全国农机产业发展大会在沭阳县召开。会议由中国农机协会主办，江苏天禾传媒有限公司承办，"
                 "来自沭阳县的企业代表参会。")
    assert ("江苏天禾传媒有限公司", "沭阳县") not in _pairs(f, "locatedIn")


def test_democratic_party_chairs_are_titles_with_their_region_taken_off():
    f = facts_of("本报讯 6月3日，省委副书记赵明，省政协副主席、民盟云南省委主委钱立新在昆明会见了"
                 "以重庆市政协副主席、九三学社市委会主委孙和平为团长的考察团一行。")
    p = posts(f)
    assert ("钱立新", "民盟省委主委", "云南省") in p
    assert ("孙和平", "九三学社市委会主委", "重庆市") in p
    assert {("赵明", "孙和平"), ("钱立新", "孙和平")} <= _met(f)


def test_the_communist_party_before_a_region_is_no_part_of_the_title():
    f = facts_of("中午，中共营口市委书记王海涛和中共营口市委副书记、营口市市长李向东共同会见了访问团一行。")
    p = posts(f)
    assert ("王海涛", "市委书记", "营口市") in p
    assert ("李向东", "市委副书记", "营口市") in p
    assert not {t for _, t, _ in p if t.startswith("中共")}


def test_a_government_before_a_deputy_county_head_is_a_stray_head():
    f = facts_of("本报讯 3月2日，平遥县委书记刘志军与来平考察的客商举行座谈。政府副县长韩冬参加座谈。")
    assert ("韩冬", "副县长", "平遥县") in posts(f)


def test_prefecture_committee_and_commissioner_titles_govern_the_prefecture():
    f = facts_of("9月2日，阿克苏地区举办招商推介会。自治区人民政府副主席、地委书记王成致辞，"
                 "地委副书记、行署专员阿不都·热合曼主持。")
    p = posts(f)
    assert ("王成", "地委书记", "阿克苏地区") in p
    assert ("阿不都·热合曼", "行署专员", "阿克苏地区") in p


def test_a_visiting_county_named_more_than_the_city_does_not_make_the_city_its_parent():
    # the host city is named in full again and again; the guests' county (and its prefecture
    # above it, never named) must not become the page's home
    f = facts_of("5月10日上午，市委书记刘新接见了由县长艾力·买买提率领的新疆托克逊县政府考察团一行。"
                 "刘新向托克逊县政府考察团介绍了南阳市情。他说，对口支援新疆是光荣的任务，南阳市委、市政府"
                 "把援建托克逊县的工作作为政治责任。南阳与托克逊结缘，南阳将支持托克逊发展，为新疆的稳定提供帮助，"
                 "希望南阳市与托克逊县加强合作。")
    assert ("刘新", "市委书记", "南阳市") in posts(f)


def test_hosts_who_meet_the_group_itself_meet_its_leader():
    f = facts_of("9月8日下午，区委书记张平会见了由议长朴成浩率领的韩国大邱市中区议会代表团全体成员，"
                 "宾主进行了友好交谈，代表团在区期间，区长李刚、区人大主任王林也分别会见了代表团成员。")
    assert {("张平", "朴成浩"), ("李刚", "朴成浩"), ("王林", "朴成浩")} <= _met(f)


def test_a_foreign_name_before_the_words_of_leading_a_group_is_the_guest():
    f = facts_of("6月3日，市长王强在市政府会见日本经济交流协会会长山田太郎率领的访问团。")
    assert ("王强", "山田太郎") in _met(f)


def test_the_head_of_a_group_met_by_its_name_alone_is_named_after_it():
    f = facts_of("8月13日下午，副市长李明在市行政中心会见了德国巴伐利亚州经济访华团一行。"
                 "李明代表市政府对访华团一行表示欢迎，并介绍了我市经济社会发展情况。"
                 "访华团团长汉斯·穆勒对李明的会见表示感谢。")
    assert ("李明", "汉斯·穆勒") in _met(f)


def test_a_group_lead_word_does_not_make_the_rest_of_a_title_a_name():
    f = facts_of("4月2日，州委书记杨林会见了正威集团董事局主席王文银一行。")
    assert _met(f) == {("杨林", "王文银")}


def test_a_clause_of_titles_alone_before_a_comma_belongs_to_the_name_after_it():
    f = facts_of("本报讯 5月3日，县委副书记，县长王刚到城关镇调研。"
                 "区委书记，市高新技术产业园工委书记、管委会主任李芳出席。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert {("王刚", "县委副书记"), ("王刚", "县长"), ("李芳", "区委书记"), ("李芳", "管委会主任")} <= p


def test_a_deputy_head_after_a_party_group_title_is_of_the_same_body():
    f = facts_of("省人大常委会党组副书记、副主任，省总工会主席李华出席。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert ("李华", "省人大常委会副主任") in p and ("李华", "副主任") not in p


def test_a_party_outside_the_mainland_before_a_title_is_its_organisation():
    f = facts_of("5月19日，市委书记王东会见了中国国民党副主席林志明一行。以全国政协委员、台盟中央常委陈华为团长的参访团同行。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert ("林志明", "副主席") in p
    assert not {t for n, t in p if t.startswith(("国民党", "中国国民党", "以"))}


def test_negotiations_with_a_guest_after_yu_are_a_meeting_but_a_fair_is_not():
    f = facts_of("5月8日，县长赵明与中建三局副总经理陈立新一行就项目合作进行洽谈。"
                 "9日，赵明出席招商洽谈会。")
    assert _met(f) == {("赵明", "陈立新")}


def test_the_leader_of_a_visiting_group_governs_the_region_that_names_the_group():
    f = facts_of("本报讯 5月18日上午，市委书记徐明会见了由县长艾买提·托合提率领的新疆托克逊县考察团一行。"
                 "徐明向考察团介绍了南阳市情，南阳市委、市政府高度重视对口支援工作，南阳与托克逊结缘多年。")
    assert ("艾买提·托合提", "县长", "托克逊县") in posts(f)
    assert ("徐明", "市委书记", "南阳市") in posts(f)


def test_the_words_before_a_list_of_those_present_are_no_part_of_a_title():
    f = facts_of("出席会议的有县委书记李明，县委副书记、县长王强，县人大常委会主任赵军等。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert {("李明", "县委书记"), ("王强", "县长"), ("赵军", "县人大常委会主任")} <= p


def test_talks_between_two_sides_then_those_present_split_by_a_semicolon():
    f = facts_of("10月11日，高新区与重点招商企业举行工作座谈。区委书记，市软件产业园工委书记、管委会主任"
                 "王海；中国银行总行处长李娜，华信投资有限公司总经理周涛出席。王海对企业一行的到来表示欢迎。")
    assert {("王海", "李娜"), ("王海", "周涛")} <= _met(f)


def test_a_propaganda_department_head_in_a_chain_keeps_its_office():
    # jieba tags 宣传部 a person's name: it is neither a person nor a foreign country
    f = facts_of("8月30日上午，市长郭明会见了客商一行。市委常委、宣传部部长、副市长张春梅会见时在座。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert ("张春梅", "宣传部部长") in p
    assert "宣传部" not in {n for n, _ in p}


def test_a_conjunction_before_a_company_title_is_no_part_of_the_company():
    f = facts_of("一同参加会见的还有，县委常委、副县长吴朝晖，以及集团总裁刘连勇、高级副总裁孟宪莹。")
    assert ("刘连勇", "总裁") in {(n, t) for n, t, _ in posts(f)}
    assert not {o for _, _, o in _orgs(f) if o and o.startswith("以及")}


def test_a_township_the_gazetteer_does_not_hold_comes_off_its_title():
    f = facts_of("本报讯 3月5日，紫阳县委书记李明到乡镇调研。白杨镇副镇长张伟、石门乡党委书记赵四、"
                 "各乡镇党委书记参加。")
    p = {(n, t) for n, t, _ in posts(f)}
    assert ("张伟", "副镇长") in p and ("赵四", "乡党委书记") in p


def test_a_region_named_as_the_guests_once_is_theirs_wherever_the_page_names_it():
    f = facts_of("本报讯 4月24日，市委副书记、市长林海与来访的绥化市委书记、市人大常委会主任张东座谈。"
                 "林海代表市委、市政府对张东一行表示欢迎。他指出，湛江与绥化产业关联度高，绥化农业资源丰富，"
                 "湛江制造业发达，希望两市在绥化、湛江两地共建产业园。")
    p = posts(f)
    assert ("林海", "市长", "湛江市") in p
    assert ("张东", "市委书记", "绥化市") in p


def test_the_one_called_on_hosts_the_callers_but_a_new_year_gathering_is_no_call():
    f = facts_of("5月8日，县委书记王强、县长赵明一行在武汉拜会了中建三局董事长陈立新。"
                 "9日，王强出席在京老乡春节团拜会。")
    assert _met(f) == {("陈立新", "王强"), ("陈立新", "赵明")}


def test_a_tour_goes_on_after_a_day_said_first_and_the_leader_of_the_group_is_its_visitor():
    f = facts_of("3月5日至7日，市委书记周建国带领市委常委、秘书长林海，副市长吴峰，及市发改委、"
                 "市交通局等部门考察组一行赴通江县考察。\n"
                 "6日，考察组一行先后来到沙溪镇、通江县博物馆。\n"
                 "7日上午和下午考察组一行先后到铁佛镇、平昌县。")
    seen = visited(f)
    assert {("周建国", "通江县"), ("周建国", "沙溪镇"), ("周建国", "通江县博物馆"), ("周建国", "平昌县")} <= seen
    assert not any(agent in ("林海", "吴峰") for agent, _ in seen)
    assert ("林海", "秘书长", None) not in {(a, t, None) for a, t, _ in posts(f) if "周建国" in t}
    assert not any(place in ("市发改委", "市交通局") for _, place in seen)


def test_who_briefs_the_visitor_at_a_stop_is_not_the_visitor():
    f = facts_of("5月12日下午，市委书记陈志远到龙门镇调研。\n"
                 "在龙门镇政府，镇党委书记黄明介绍了全镇工作。\n"
                 "在青山村，村党支部书记刘芳汇报了村集体经济发展情况。")
    seen = visited(f)
    assert ("陈志远", "龙门镇") in seen and ("陈志远", "青山村") in seen
    assert not any(agent in ("黄明", "刘芳") for agent, _ in seen)


def test_the_day_after_a_dateline_of_a_web_page_is_the_day_of_the_visit():
    f = facts_of("陈志远调研澄迈县\n\n21.09.2019  10:05\n\n"
                 "  某某网9月21日消息（记者李平）20日上午，省委常委陈志远到澄迈县调研。")
    days = {e.date for e in events(f)}
    assert days == {dt.date(2019, 9, 20)}


def test_a_stop_the_sentence_moves_on_to_without_a_subject_is_the_visitors_not_its_hosts():
    f = facts_of("6月3日，县委书记马永刚到河湾镇柳树村调研。\n"
                 "离开柳树村，来到河湾镇红星村，村党支部书记张德华介绍了村里的情况。")
    seen = visited(f)
    assert any(agent == "马永刚" and place.endswith("红星村") for agent, place in seen)
    assert not any(agent == "张德华" for agent, _ in seen)


def test_a_township_written_before_the_village_of_a_stop_is_not_a_stop_of_its_own():
    f = facts_of("4月9日，县长杨德明前往南华县，先后察看了五街镇咪黑们村和兔街镇，了解产业发展情况。")
    seen = visited(f)
    assert any(agent == "杨德明" and place.endswith("咪黑们村") for agent, place in seen)
    assert ("杨德明", "五街镇") not in seen
    assert ("杨德明", "兔街镇") in seen


def test_a_short_farm_company_or_workshop_is_a_stop_but_a_field_of_farming_is_not():
    f = facts_of("5月6日，县长王海涛先后到丰禾农业、金穗醋坊，察看了设施农业，了解企业生产情况。")
    seen = visited(f)
    assert {("王海涛", "丰禾农业"), ("王海涛", "金穗醋坊")} <= seen
    assert not any(place == "设施农业" for _, place in seen)
    kinds = {e.label: e.type for e in f.entities.values()}
    assert kinds["丰禾农业"] is EntityType.COMPANY and "设施农业" not in kinds


def test_a_visit_made_at_a_request_keeps_its_destination():
    f = facts_of("按照省委的要求，7月2日，市委书记郑国平轻车简从，来到深山里的平陆县，住村调研。")
    assert ("郑国平", "平陆县") in visited(f)


def test_who_shows_the_way_is_not_the_leader_of_the_visitors():
    f = facts_of("5月3日，在县委书记王海带领下，市委常委李军一行来到柳河县红旗村调研。")
    seen = visited(f)
    assert ("李军", "柳河县") in seen and not any(agent == "王海" for agent, _ in seen)


def test_who_takes_officials_along_is_the_visitor_and_keeps_a_title_of_their_own():
    f = facts_of("3月2日，县长吴刚带着县发改局局长刘明、县交通局局长赵亮赴澄迈县调研。")
    assert visited(f) == {("吴刚", "澄迈县")}
    assert {p[:2] for p in posts(f)} >= {("吴刚", "县长"), ("刘明", "县发改局局长")}


def test_a_company_then_a_building_verb_opens_no_project_name():
    f = facts_of("本报讯 1月8日，兴平区春季重点项目集中开工。陕西瑞康医疗公司新建年产2亿支注射器生产线项目、"
                 "西北恒远物流公司扩建冷链仓储中心项目等破土动工。")
    inv = _pairs(f, "investsIn")
    assert ("陕西瑞康医疗公司", "年产2亿支注射器生产线项目") in inv
    assert ("西北恒远物流公司", "冷链仓储中心项目") in inv
    assert not any("新建" in p or "扩建" in p for _, p in inv)


def test_each_party_of_a_respectively_signing_list_takes_its_own_project():
    f = facts_of("活动中，县长现场与鼎盛实业有限公司、安徽华瑞新材料有限公司、金谷粮业有限公司分别签订了"
                 "鼎盛箱包生产项目、华瑞光伏背板生产项目、金谷粮业面粉加工项目。")
    inv = _pairs(f, "investsIn")
    assert ("鼎盛实业有限公司", "鼎盛箱包生产项目") in inv
    assert ("安徽华瑞新材料有限公司", "华瑞光伏背板生产项目") in inv
    assert ("金谷粮业有限公司", "金谷粮业面粉加工项目") in inv
    assert ("鼎盛实业有限公司", "华瑞光伏背板生产项目") not in inv
    assert ("金谷粮业有限公司", "鼎盛箱包生产项目") not in inv


def test_a_park_inside_a_projects_name_frames_no_company_after_it():
    f = facts_of("本报讯 长垣县举行项目集中签约。其中，河南宏泰集团投资的宏泰产业园二期项目投资额为5亿元；"
                 "中联控股集团投资的智能装备产业园项目投资额为8亿元。")
    loc = _pairs(f, "locatedIn")
    assert not any(e == "中联控股集团" and "宏泰产业园" in p for e, p in loc)


def test_the_companies_seen_on_a_tour_of_another_province_are_not_in_the_home_county():
    f = facts_of("本报讯 3月2日至4日，锦屏县委副书记、县长杨明率考察组到浙江省宁波市、温州市开展招商考察。"
                 "杨明一行先后到宁波市海顺模具公司、华东精工控股有限公司、温州市瓯江电气公司等进行实地考察。"
                 "锦屏县委、县政府将为企业提供全方位服务，希望企业到锦屏县投资兴业。")
    loc = _pairs(f, "locatedIn")
    assert ("华东精工控股有限公司", "锦屏县") not in loc
    assert ("宁波市海顺模具公司", "锦屏县") not in loc


def test_a_preposition_glued_to_a_company_name_is_not_part_of_it():
    f = facts_of("此次考察中，该县与部分企业达成合作意向，与莹辉光电科技(东莞)有限公司签订了合作框架协议。")
    names = _names_of(f, EntityType.COMPANY)
    assert "莹辉光电科技(东莞)有限公司" in names
    assert not any(n.startswith("与") for n in names)


def test_a_year_a_region_or_one_verb_before_the_suffix_names_no_project():
    f = facts_of("本报讯 今年以来，兴仁县掀起新一轮项目建设热潮，2023年度首批招商项目顺利落地，"
                 "展示了兴仁县项目建设的强劲势头，重建项目和建设项目有序推进。"
                 "贵州华坤纺织有限公司年产200万件服装项目已开工。")
    names = _names_of(f, EntityType.PROJECT)
    assert "兴仁县项目" not in names
    assert not any(n.startswith(("2023年", "新一轮")) for n in names)
    assert "重建项目" not in names and "建设项目" not in names
    assert any(n.endswith("年产200万件服装项目") for n in names)


def test_a_company_opening_the_name_of_its_own_plants_next_phase_is_where_that_plant_is():
    f = facts_of("本报讯 4月9日，崇信县举行重点项目集中开工仪式。华瑞棉纺公司三期10万锭紧密纺生产线项目、"
                 "大唐新能源公司风电场项目等8个项目集中开工。崇信县县长出席开工仪式。")
    loc = _pairs(f, "locatedIn")
    assert ("华瑞棉纺公司", "崇信县") in loc
    assert ("大唐新能源公司", "崇信县") not in loc


def test_an_industrial_cluster_zone_is_a_park_in_its_county():
    f = facts_of("本报讯 6月5日，武陟县在产业集聚区举行项目集中签约活动。面积18平方公里的武陟县产业集聚区，"
                 "已入驻企业120余家。")
    assert "武陟县产业集聚区" in _names_of(f, EntityType.PARK)
    assert ("武陟县产业集聚区", "武陟县") in _pairs(f, "locatedIn")


def test_a_project_whose_amount_or_builder_is_stated_is_named_however_plain_its_words():
    f = facts_of("本报讯 当天，睢县签约项目8个，分别是总投资6亿元的铝合金型材加工项目、总投资3亿元的果蔬冷链物流项目。"
                 "皮革制品生产及推广应用项目由河南鑫达皮业投资建设，预计年产值3亿元。")
    names = _names_of(f, EntityType.PROJECT)
    assert "铝合金型材加工项目" in names
    assert "果蔬冷链物流项目" in names
    assert "皮革制品生产及推广应用项目" in names
    assert ("河南鑫达皮业", "皮革制品生产及推广应用项目") in _pairs(f, "investsIn")
    assert "8个" not in " ".join(names)


def test_a_project_named_with_a_companys_brand_is_that_companys():
    f = facts_of("随后，镇长又来到诺维斯项目现场，与来自宁波诺维斯厨具设备有限公司的总经理就项目进展进行交流。"
                 "三鱼新能源有限公司负责人介绍，新能源汽车配件项目明年投产。")
    inv = _pairs(f, "investsIn")
    assert ("宁波诺维斯厨具设备有限公司", "诺维斯项目") in inv


def test_a_company_said_to_be_in_this_town_is_in_the_town_last_named():
    f = facts_of("近年来，蛟河市松江镇立足林地资源发展林业产业。调研组来到位于该镇的吉林奥源科技有限公司，"
                 "了解经营状况。")
    assert ("吉林奥源科技有限公司", "松江镇") in _pairs(f, "locatedIn")


def test_a_garden_park_seen_on_a_visit_to_a_township_is_in_the_township():
    f = facts_of("6月12日，县委书记王建国到海子镇、红柳镇调研农业农村工作。"
                 "在海子镇，王建国走进沙地西瓜种植基地和红枣生态观光产业园，详细了解特色产业发展情况。")
    loc = _pairs(f, "locatedIn")
    assert ("红枣生态观光产业园", "海子镇") in loc


def test_a_row_of_quoted_honours_names_no_parks():
    f = facts_of("本报讯 面积15平方公里的修武县产业集聚区，是“河南省二星级产业集聚区”“十快产业集聚区”“河南省经济开发区”。")
    parks = _names_of(f, EntityType.PARK)
    assert "修武县产业集聚区" in parks
    assert not any("星级" in p or p.startswith(("河南省", "十快")) for p in parks)


def test_a_short_description_may_stand_between_by_and_the_builder():
    f = facts_of("本报讯 4月15日，铁东区举行春季重点项目集中开工仪式。鞍山华美家居产业园项目是由广东知名家具企业华美集团"
                 "在铁东区投资兴建，总投资8亿元。")
    assert ("华美集团", "鞍山华美家居产业园项目") in _pairs(f, "investsIn")


def test_a_region_named_infrastructure_is_still_a_project():
    f = facts_of("本报讯 花湖机场建成投用后，鄂州市加快临空经济区建设，展示了鄂州市项目建设的强劲势头。")
    names = _names_of(f, EntityType.PROJECT)
    assert "鄂州市项目" not in names


def test_a_project_a_county_government_signs_with_a_company_is_in_that_county():
    f = facts_of("本报讯 4月9日，在招商推介会上，总投资4亿元的平武县人民政府与四川鑫茂建材有限公司签订新型砂石骨料生产项目；"
                 "总投资2亿元的北川羌族自治县人民政府与绵阳佳禾农业开发有限公司签订佳禾茶旅产业园、佳禾茶叶精深加工项目；"
                 "总投资1亿元的梓潼县人民政府与四川林丰木业有限公司签订实木门窗生产项目。")
    inv = _pairs(f, "investsIn")
    assert ("四川鑫茂建材有限公司", "新型砂石骨料生产项目") in inv
    assert ("绵阳佳禾农业开发有限公司", "佳禾茶叶精深加工项目") in inv
    loc = _pairs(f, "locatedIn")
    assert ("新型砂石骨料生产项目", "平武县") in loc
    assert ("佳禾茶叶精深加工项目", "北川羌族自治县") in loc
    assert ("四川林丰木业有限公司", "实木门窗生产项目") in inv  # a plain name, but a signed project


def test_a_company_named_as_the_investor_invests_in_the_project_just_named():
    f = facts_of("本报讯 当天开工的大坪生态茶叶示范园项目总投资3亿元，分两期建设。投资方湖南茗香农业科技有限公司负责人说，"
                 "一期将建设标准化茶园2000亩。")
    assert "湖南茗香农业科技有限公司" in _names_of(f, EntityType.COMPANY)
    assert not any(n.startswith("投资方") for n in _names_of(f, EntityType.COMPANY))
    assert ("湖南茗香农业科技有限公司", "大坪生态茶叶示范园项目") in _pairs(f, "investsIn")


def test_a_project_that_starts_inside_a_company_opens_with_the_whole_company():
    # the project's left edge stops at the verb inside the company's name (…规划建设有限公司)
    f = facts_of("本报讯 此次签约项目包括中建城投规划建设有限公司西南设计分院项目、兴旺农业科技示范项目等。")
    assert ("中建城投规划建设有限公司", "中建城投规划建设有限公司西南设计分院项目") in _pairs(f, "investsIn")


def test_projects_respectively_in_several_zones_are_in_the_county_they_share():
    f = facts_of("本报讯 9月8日，监利市举行重点项目集中签约活动。武汉恒瑞光电新材料项目、长沙博远智能装备项目等6个项目"
                 "分别签约进入监利经济开发区、容城镇和新沟镇，总投资12亿元。")
    loc = _pairs(f, "locatedIn")
    assert ("武汉恒瑞光电新材料项目", "监利市") in loc
    assert ("长沙博远智能装备项目", "监利市") in loc


def test_a_failed_respective_pairing_gives_no_project_to_every_party():
    f = facts_of("本报讯 县长代表县政府分别与甲乙建材有限公司、丙丁食品有限公司签订了绿色建材产业园项目和建设冷链物流(一期)项目。")
    inv = _pairs(f, "investsIn")
    assert not {("甲乙建材有限公司", "绿色建材产业园项目"), ("丙丁食品有限公司", "绿色建材产业园项目")} <= inv


def test_the_firms_a_zones_count_of_projects_rolls_out_are_in_that_zone():
    f = facts_of("本报讯 上半年两个园区共开工项目90项。其中，张掖循环经济示范园开工建设项目60项，总投资20亿元。"
                 "甘肃泰和化工有限公司年产2万吨硫酸生产线已建成投产，祁连乳业有限公司液态奶项目正在建设；"
                 "民乐生态工业园区开工建设项目30项，总投资8亿元。民乐丰源食品有限公司年产5000吨马铃薯淀粉生产线已完成投资。")
    loc = _pairs(f, "locatedIn")
    assert ("甘肃泰和化工有限公司", "张掖循环经济示范园") in loc
    assert ("祁连乳业有限公司", "张掖循环经济示范园") in loc
    assert ("民乐丰源食品有限公司", "民乐生态工业园区") in loc


def test_a_project_to_be_built_in_a_town_the_sentence_names_is_in_that_town():
    f = facts_of("本报讯 6月20日，弥勒市举行项目集中开工仪式。云南红河花海农业开发有限公司玫瑰精油加工项目计划总投资2亿元，"
                 "将在西三镇建设占地300亩的玫瑰种植及加工基地。")
    assert ("云南红河花海农业开发有限公司玫瑰精油加工项目", "西三镇") in _pairs(f, "locatedIn")


def test_villages_after_their_township_are_stops_even_when_they_read_as_verbs():
    f = facts_of("5月8日，县委书记李明到东岭镇调研。李明先后来到东岭镇联建村、团结村、石材加工集中区等地，"
                 "察看人居环境整治情况。")
    seen = visited(f)
    assert {("李明", "联建村"), ("李明", "团结村"), ("李明", "石材加工集中区")} <= seen


def test_a_chain_of_village_committee_village_and_site_names_the_village_and_the_site():
    f = facts_of("3月4日，县长王强到长坪乡调研。在长坪乡青松村委会竹溪村蓝莓种植基地，王强察看蓝莓长势，"
                 "了解农户增收情况。")
    seen = visited(f)
    assert ("王强", "竹溪村") in seen
    assert ("王强", "蓝莓种植基地") in seen
    assert not any(p and ("委会" in p) for _, p in seen)


def test_the_last_site_of_a_list_before_its_kind_is_a_stop():
    f = facts_of("6月3日，区长赵刚一行先后来到宏达机械公司、云溪科技企业孵化器等地调研，详细了解企业生产情况。")
    assert ("赵刚", "云溪科技企业孵化器") in visited(f)


def test_a_photo_file_name_between_paragraphs_does_not_end_the_tour():
    f = facts_of("4月9日，副市长孙丽一行深入河口县调研农村电商工作。\n"
                 "a41c9e07d2b34f8e9c1a5b6d7e8f9012.jpg\n"
                 "调研组一行先后来到河口县电子商务产业园、兴农果蔬有限公司，详细了解电商带货情况。")
    seen = visited(f)
    assert ("孙丽", "兴农果蔬有限公司") in seen


def test_escorts_listed_over_commas_before_the_visit_are_not_its_visitors():
    f = facts_of("近日，省农业农村厅副厅长周平一行，在市委常委、副市长刘洋，县委书记陈东，县委副书记、县长吴海及"
                 "县农业农村局等部门负责人的陪同下，对我县春耕生产进行了调研。周平一行来到桃源镇，察看育秧情况。")
    agents = {a for a, _ in visited(f)}
    assert "周平" in agents
    assert not agents & {"刘洋", "陈东", "吴海"}
    assert ("周平", "县农业农村局") not in visited(f)


def test_a_front_command_chief_is_a_titled_visitor():
    f = facts_of("5月6日，援建前方指挥部党委书记、总指挥张海新赴河口县调研援建项目。")
    assert "张海新" in {a for a, _ in visited(f)}


def test_the_outlets_dateline_names_no_stop():
    f = facts_of("高邮网讯（记者 王平）3月2日，市委副书记、市长李伟调研重点工作。李伟先后来到宏远机械公司、城南污水处理厂，"
                 "了解项目进展。")
    seen = visited(f)
    assert ("李伟", "宏远机械公司") in seen
    assert not any(p in ("高邮市", "高邮") for _, p in seen)


def test_a_two_character_brand_before_an_industry_head_is_a_company_stop():
    f = facts_of("2月3日，县长孙凯先后来到兴达模具、宏远机械，了解企业复工情况。")
    assert ("孙凯", "兴达模具") in visited(f)


def test_an_association_or_school_named_before_a_title_is_the_posts_organisation():
    f = facts_of("5月8日，区委书记王明会见南宁市湖南企业联合会会长、宏远建工有限公司董事长李强一行。"
                 "南宁市湖南企业联合会党委书记张伟，桂林理工学院党委书记赵军参加。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert ("李强", "会长", "南宁市湖南企业联合会") in org_posts
    assert ("张伟", "党委书记", "南宁市湖南企业联合会") in org_posts
    assert ("赵军", "党委书记", "桂林理工学院") in org_posts


def test_a_company_with_its_legal_form_in_brackets_or_a_province_prefix_holds_the_post():
    f = facts_of("市委书记王明会见广西钢铁(集团)党委书记、董事长张伟一行。"
                 "省交通建设投资集团有限公司党委委员、副总经理刘强参加。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org), label(f, p.jurisdiction)) for p in f.posts}
    assert ("张伟", "党委书记", "广西钢铁(集团)", None) in org_posts
    assert ("刘强", "党委委员", "省交通建设投资集团有限公司", None) in org_posts


def test_a_comma_doubled_before_another_mark_is_dropped():
    f = facts_of("6月2日,,市委书记刘光明,,市委副书记、市长马卫东会见了华能集团党委书记,、董事长孙立新一行,。")
    assert ("刘光明", "孙立新") in meetings_of(f) and ("马卫东", "孙立新") in meetings_of(f)
    assert ("孙立新", "党委书记", None) in posts(f)


def test_the_tong_of_a_guests_name_joins_no_one_before_zuotan():
    f = facts_of("4月9日，县委书记赵明与前来我县考察的远大集团董事长钱立同一行座谈。")
    assert ("赵明", "钱立同") in meetings_of(f)


def test_a_guest_named_by_surname_and_title_is_the_pages_one_holder_of_both():
    f = facts_of("近日，兴业商会会长、兴业建材有限公司董事长孙志远率商会会员一行回乡考察。"
                 "县委书记李明、县长王海亲切会见了孙会长一行。王海从三个方面介绍了县情。")
    assert ("李明", "孙志远") in meetings_of(f) and ("王海", "孙志远") in meetings_of(f)
    assert not any(n.startswith("王海") and n != "王海" for n in _names_of(f, EntityType.OFFICIAL))


def test_shi_zeng_and_you_after_a_name_end_it():
    f = facts_of("5月6日，市委书记赵立新在会见华宇集团董事长孙伟时表示，欢迎企业来投资。"
                 "会见结束后，市长钱明又会见了省商务厅厅长周强。市委副书记刘刚曾会见吴涛董事长。")
    met = meetings_of(f)
    assert ("赵立新", "孙伟") in met and ("钱明", "周强") in met and ("刘刚", "吴涛") in met
    assert not {n for n in _names_of(f, EntityType.OFFICIAL, EntityType.PERSON) if n in ("孙伟时", "钱明又", "刘刚曾")}


def test_officials_then_company_heads_present_at_talks_with_enterprises_meet_without_a_semicolon():
    f = facts_of("10月11日，东湖区与招商引资重点企业举行工作座谈。区委书记王丽，副区长张强，"
                 "恒信投资有限公司总经理姜山，远景工程有限公司董事长李海出席。")
    met = meetings_of(f)
    assert {("王丽", "姜山"), ("王丽", "李海"), ("张强", "姜山"), ("张强", "李海")} <= met
    assert ("王丽", "张强") not in met


def test_a_long_company_name_that_ends_in_its_suffix_holds_the_post():
    f = facts_of("市委书记王强会见了中国电建集团西北勘测设计研究院有限公司党委书记、董事长赵军一行。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert ("赵军", "党委书记", "中国电建集团西北勘测设计研究院有限公司") in org_posts


def test_a_meeting_recalled_by_its_guest_has_the_speaker_as_guest():
    f = facts_of("5月9日，州长李平会见了宏图集团董事局主席孙海一行。"
                 "宏图集团董事局主席孙海表示，将落实好周强书记、吴刚省长会见时提出的合作要求。")
    met = meetings_of(f)
    assert ("周强", "孙海") in met and ("吴刚", "孙海") in met and ("李平", "孙海") in met


def test_a_chief_executive_of_a_special_administrative_region_and_a_board_chairman_are_posts():
    f = facts_of("5月6日，省长王强在广州会见了澳门特区行政长官贺一诚一行，以及新鸿基地产董事局主席郭炳联。")
    assert ("王强", "贺一诚") in meetings_of(f)
    assert ("贺一诚", "行政长官", "澳门特别行政区") in posts(f)
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert ("郭炳联", "董事局主席", "新鸿基地产") in org_posts


def test_a_title_with_xiansheng_and_no_holder_named_is_the_pages_one_guest():
    f = facts_of("李强同斐济总理举行会谈\n欢迎仪式后，李强同兰布卡举行会谈。"
                 "李强表示，习近平主席同总理先生举行会晤，为两国关系发展作出规划。")
    met = meetings_of(f)
    assert ("李强", "兰布卡") in met and ("习近平", "兰布卡") in met


def test_shenru_before_a_verb_of_carrying_out_is_no_movement():
    f = facts_of("5月3日，县委书记王强会见了远航集团董事长李伟一行。"
                 "王强说，当前，平山县正深入贯彻党的二十大精神，深入推进乡村振兴战略。")
    assert not any(a == "王强" for a, _ in visited(f))


def test_a_guest_welcomed_to_come_to_the_district_to_inspect_visits_the_pages_district():
    f = facts_of("3月20日，沙坪坝区委书记祁美文会见华宇集团董事长孙伟一行。"
                 "祁美文代表区委、区政府欢迎孙伟一行来区考察投资。祁美文说，沙坪坝区发展前景广阔。")
    assert ("孙伟", "沙坪坝区") in visited(f)
    assert not any(a == "祁美文" for a, _ in visited(f))


def test_a_guest_going_to_a_province_named_by_its_one_character_visits_it():
    f = facts_of("6日下午，省委书记赵明在成都会见了杭州市委副书记、市长刘伟率领的杭州市党政代表团一行。"
                 "赵明对刘伟一行赴川考察表示欢迎。")
    assert ("刘伟", "四川省") in visited(f)


def test_a_transliterated_name_ends_before_a_verb_of_intent():
    f = facts_of("联合国负责人道主义事务的副秘书长约翰·史密森计划于18日前往中东地区。"
                 "瑞典外交大臣安娜·卡尔松打算下周访问北京。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.OFFICIAL, EntityType.PERSON)}
    assert {"约翰·史密森", "安娜·卡尔松"} <= people
    assert not any(n.endswith(("计划", "打算")) for n in people)


def test_a_name_of_two_ends_before_lv_or_xie_leading_a_group():
    f = facts_of("5月6日，市人大副主任刘洋率调研组来到钟管镇，调研乡村振兴工作。")
    g = facts_of("8日，县委常委、副县长黄敏携工作组到江都区督导防汛工作。")
    assert ("刘洋", "钟管镇") in visited(f) and ("黄敏", "江都区") in visited(g)
    people = {e.label for x in (f, g) for e in x.entities.values()
              if e.type in (EntityType.OFFICIAL, EntityType.PERSON)}
    assert not any(n.endswith(("率", "携")) for n in people)


def test_a_surname_and_a_title_head_name_the_pages_one_holder_of_that_title():
    f = facts_of("3月2日上午，市委常委、统战部部长、市工商联党组书记秦海峰来钟管镇开展入企走访活动。\n"
                 "秦书记先后到华美电器有限公司、恒达机械有限公司，详细了解企业生产经营情况。")
    stops = {p for a, p in visited(f) if a == "秦海峰"}
    assert {"华美电器有限公司", "恒达机械有限公司"} <= stops
    assert not any(e.label == "秦书记" for e in f.entities.values())


def test_a_surname_and_a_title_head_shared_by_two_holders_names_no_one():
    f = facts_of("3月2日，县委书记王海和县委副书记王涛分别会见了客商。\n"
                 "王书记先后到华美电器有限公司、恒达机械有限公司调研。")
    assert not any(p == "华美电器有限公司" for a, p in visited(f) if a in ("王海", "王涛"))


def test_sites_listed_after_dui_before_a_verb_of_visiting_are_stops():
    f = facts_of("5月3日，副市长陈刚到钟管镇，对城北体育公园、智能制造产业园、现代农业产业园等进行实地调研。")
    assert {"城北体育公园", "智能制造产业园", "现代农业产业园"} <= {p for a, p in visited(f) if a == "陈刚"}
    g = facts_of("5月3日，副市长陈刚到钟管镇，对疫情防控工作进行督导。")
    assert visited(g) == {("陈刚", "钟管镇")}


def test_a_site_a_paragraph_opens_with_is_a_stop_when_the_visitor_looks_at_it_after():
    f = facts_of("9月11日，市政协副主席刘明来到江都区，调研重大项目推进情况。\n"
                 "恒达新材料产业园项目正在紧锣密鼓地施工中。项目分步有序推进，预计年底前完成。"
                 "刘明认真了解项目情况，希望加快建设。\n")
    assert ("刘明", "恒达新材料产业园项目") in visited(f)
    g = facts_of("9月11日，市政协副主席刘明来到江都区，调研重大项目推进情况。\n"
                 "恒达新材料产业园项目正在紧锣密鼓地施工中。\n刘明强调，要加快建设进度。\n")
    assert ("刘明", "恒达新材料产业园项目") not in visited(g)


def test_a_region_a_brand_read_as_a_name_and_a_trade_word_open_one_company():
    f = facts_of("5月28日，街道党工委书记刘洋到企业调研，先后来到山东华远环保技术有限公司、"
                 "山东腾飞建设机械工程有限公司，详细了解企业生产经营等情况。")
    assert ("刘洋", "山东腾飞建设机械工程有限公司") in visited(f)
    assert not any(e.label == "机械工程有限公司" for e in f.entities.values())


def test_a_source_credit_line_is_not_joined_to_the_headings_and_story_after_it():
    f = facts_of("省长王明到哈尔滨、大庆调研\n\n来源:东北网-黑龙江频道    \n\n  王明在哈尔滨调研时强调\n\n"
                 "  连日来，省长王明到哈尔滨市巴彦县，大庆市龙凤区、萨尔图区，调研县域经济发展。\n")
    assert {"巴彦县", "龙凤区", "萨尔图区"} <= {p for a, p in visited(f) if a == "王明"}
    assert "来源:东北网-黑龙江频道\n" in f.text


def test_a_kind_of_village_before_a_villages_own_name_is_no_part_of_it():
    f = facts_of("5月3日，县委书记刘洋到章村镇调研。在少数民族村郎村调研时，刘洋一行查看了旅游环线建设情况。")
    stops = {p for a, p in visited(f) if a == "刘洋"}
    assert "郎村" in stops and "少数民族村郎村" not in stops


def test_a_township_central_school_is_an_institution():
    f = facts_of("10月23日，县委书记刘洋到钟管镇调研，先后走访了华美电器有限公司、钟管镇中心校，听取了相关情况的介绍。")
    assert ("刘洋", "钟管镇中心校") in visited(f)
    assert any(e.label == "钟管镇中心校" and e.type is EntityType.INSTITUTION for e in f.entities.values())
def test_yuan_as_a_word_of_its_own_marks_a_former_post_even_before_zhuxi():
    # 原主 is a dictionary word ("original owner"), yet 省工商联|原|主席 is a former chairman
    f = facts_of("6月3日，市委书记李刚出席会议。省政协原副主席、省工商联原主席赵明出席活动。")
    assert not any(label(f, p.person) == "赵明" for p in f.posts)
    assert ("李刚", "市委书记", None) in posts(f)


def test_a_chief_accountant_and_a_presidents_assistant_are_titles_of_a_company():
    f = facts_of("5月9日，县委书记王强会见了远东集团总裁助理刘洋一行。"
                 "远东集团总经理孙伟，副总经理、总会计师周敏，副总经理钱进一行拜会了县长李明。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert ("刘洋", "总裁助理", "远东集团") in org_posts
    assert not any(label(f, p.person) == "助理刘洋" for p in f.posts)
    assert {("周敏", "副总经理"), ("周敏", "总会计师")} <= {(a, t) for a, t, _ in org_posts}
    met = meetings_of(f)
    assert ("王强", "刘洋") in met
    assert {("李明", "孙伟"), ("李明", "周敏"), ("李明", "钱进")} <= met


def test_a_verb_of_calling_on_our_association_and_lately_are_no_part_of_a_title():
    f = facts_of("近日华兴集团总经理孙伟一行拜会州委副书记、州长杨林。"
                 "我会常务副会长吴刚、常务理事郑红参加。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert ("孙伟", "总经理", "华兴集团") in org_posts
    titles = {(a, t) for a, t, _ in org_posts}
    assert ("杨林", "州委副书记") in titles and ("吴刚", "常务副会长") in titles and ("郑红", "常务理事") in titles
    assert not any(t.startswith(("拜会", "我会")) for _, t in titles)
    assert ("杨林", "孙伟") in meetings_of(f)


def test_a_name_that_is_also_a_dictionary_word_is_a_name_between_a_title_and_a_meeting_verb():
    f = facts_of("8月2日，市委书记王明，市委副书记、市长高山会见了华天集团董事长李强一行。"
                 "副市长高度重视此项工作。")
    met = meetings_of(f)
    assert ("高山", "李强") in met and ("王明", "李强") in met
    people = {e.label for e in f.entities.values() if e.type in (EntityType.OFFICIAL, EntityType.PERSON)}
    assert "高度" not in people


def test_a_removal_names_the_post_after_tongzhi_and_the_next_appointed_item_keeps_the_verb():
    f = facts_of("7月9日，县人大常委会召开第十次会议。会议通过人事任免决议，免除冯建业同志常务副县长一职，"
                 "任命邓佳同志为政府副县长，苑立新同志为政府副县长。")
    titles = {(label(f, p.person), p.title) for p in f.posts}
    assert {("冯建业", "常务副县长"), ("邓佳", "副县长"), ("苑立新", "副县长")} <= titles


def test_the_pronoun_of_a_resignation_after_an_appointment_is_the_one_appointed():
    f = facts_of("6月20日，江门市人大常委会召开会议，决定任命孙丽为江门市人民政府副市长，"
                 "接受其辞去江门市人大常委会副主任职务的请求。")
    titles = {(label(f, p.person), p.title) for p in f.posts}
    assert ("孙丽", "副市长") in titles
    assert any(a == "孙丽" and t.endswith("人大常委会副主任") for a, t in titles)


def test_a_short_county_name_inside_a_persons_name_is_not_the_pages_home():
    # 正阳 is 正阳县's short form; in 路正阳同志 and 副县长路正阳 it is part of a name
    f = facts_of("8月14日，县人大常委会召开会议。会议决定，免除路正阳同志副县长一职。副县长路正阳出席会议。")
    assert all(p.jurisdiction is None or label(f, p.jurisdiction) != "正阳县" for p in f.posts)


def test_receiving_a_group_named_by_surname_and_title_then_holding_talks_is_a_meeting():
    f = facts_of("3月1日，丰顺县委副书记、县长陈明和副县长陈立等一行来到广州市丰顺商会调研。"
                 "广州市丰顺商会会长黄强接待了陈县长一行，并进行了座谈交流。陈县长向商会代表介绍了县情。")
    met = meetings_of(f)
    assert ("黄强", "陈明") in met
    assert not any("陈立" in pair for pair in met)
    people = {e.label for e in f.entities.values() if e.type in (EntityType.OFFICIAL, EntityType.PERSON)}
    assert "向商会" not in people


def test_a_reception_without_talks_is_no_meeting():
    f = facts_of("3月1日，县长陈明一行来到广州市丰顺商会。商会会长黄强接待了陈县长一行。")
    assert ("黄强", "陈明") not in meetings_of(f)


def test_a_guests_titles_in_a_clause_after_the_meeting_verb_run_over_a_comma_to_the_name():
    f = facts_of("4月2日，市委书记王明会见了华源集团有限公司党组成员、副总经理，"
                 "华源建设集团党委书记、董事长刘强一行。")
    org_posts = {(label(f, p.person), p.title, label(f, p.org)) for p in f.posts}
    assert {("刘强", "党组成员", "华源集团有限公司"), ("刘强", "副总经理", "华源集团有限公司"),
            ("刘强", "董事长", "华源建设集团")} <= org_posts
    assert not any(label(f, p.person) == "王明" and p.title != "市委书记" for p in f.posts)
    assert ("王明", "刘强") in meetings_of(f)


def test_a_chamber_head_named_before_his_title_holds_it():
    f = facts_of("5月18日，考察团一行来到延吉市。会上，韩志远会长首先致辞，欢迎各位来宾。"
                 "座谈会由孟丽娟秘书长主持。")
    titles = {(label(f, p.person), p.title) for p in f.posts}
    assert {("韩志远", "会长"), ("孟丽娟", "秘书长")} <= titles


def test_a_group_led_by_someone_named_before_his_title_is_met_as_its_main_members():
    f = facts_of("我会应邀组团赴白山市进行项目考察活动。考察活动由张立群秘书长带队，常务副会长孙明参加了考察。"
                 "5月18日下午，白山市委书记刘峰亲切接见了考察团主要成员，介绍了市情。"
                 "5月19日早，靖宇县县长赵磊接见了考察团全体成员并共进早餐。")
    met = meetings_of(f)
    assert ("刘峰", "张立群") in met and ("赵磊", "张立群") in met
    assert ("张立群", "秘书长", None) in posts(f)


def test_a_surname_read_as_a_word_of_its_own_after_a_preposition_joins_the_given_name():
    f = facts_of("5月18日，常务副会长孙明简要向张安顺书记汇报了商会情况。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.OFFICIAL, EntityType.PERSON)}
    assert "张安顺" in people and "安顺" not in people
def test_variant_traditional_characters_opencc_leaves_are_simplified():
    f = facts_of("據了解,寧陜縣與陜西綠源農業有限公司簽訂的茶葉深加工項目合同書,總投資3億元。")
    companies = {e.label for e in f.entities.values() if e.type is EntityType.COMPANY}
    assert "陕西绿源农业有限公司" in companies
    assert not any("陜" in e.label for e in f.entities.values())


def test_a_project_a_county_signs_for_with_a_company_is_in_that_county():
    f = facts_of("签约的合同项目中,柞水县与陕西金禾农业有限公司签订的木耳深加工产业园项目合同书,"
                 "总投资6亿元;丹凤县与西安明远新材料有限公司签订的新型建材项目合同书,总投资3亿元。")
    loc = _pairs(f, "locatedIn")
    assert ("木耳深加工产业园项目", "柞水县") in loc
    assert ("新型建材项目", "丹凤县") in loc
    inv = _pairs(f, "investsIn")
    assert ("陕西金禾农业有限公司", "木耳深加工产业园项目") in inv
    assert not any(a.endswith("县") for a, _ in inv)


def test_deng_between_a_plants_products_and_its_line_stays_in_the_projects_name():
    f = facts_of("宏远纸业有限公司签订年产8万吨牛皮纸等生产线项目。另有纸箱等包装材料生产项目。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert "年产8万吨牛皮纸等生产线项目" in projects
    assert not any(p.startswith("纸箱等") for p in projects)
    assert ("宏远纸业有限公司", "年产8万吨牛皮纸等生产线项目") in _pairs(f, "investsIn")


def test_a_companys_name_and_xiangmu_alone_names_no_project():
    f = facts_of("这是华创控股有限公司项目合作首次在本县落地,也是远航集团项目投资的又一成果。"
                 "宏达有限公司二期项目同日开工。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert "华创控股有限公司项目" not in projects and "远航集团项目" not in projects
    assert "宏达有限公司二期项目" in projects


def test_a_class_of_projects_names_no_project():
    f = facts_of("此次集中开工项目包括社会事业项目5项,总投资10亿元;城建类项目4项,总投资20亿元。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert "社会事业项目" not in projects and "城建类项目" not in projects


def test_a_papers_dateline_opens_a_report_of_its_own():
    f = facts_of("鄞州仙居一批重大项目开工\n"
                 "  本报宁波3月2日电 (记者 王明 共享联盟鄞州站 李红) 2日上午,宁波市鄞州区重大项目集中开工活动在"
                 "实验中学迁建工程现场举行。此次开工重大项目有9项,总投资80亿元。\n"
                 "  本报仙居3月2日电 (记者 张华 共享联盟仙居站 赵亮) 3月2日上午,仙居县8个重大项目集中开工。"
                 "此次集中开工的8个重大项目,总投资30亿元,助推仙居经济高质量发展。"
                 "同时开工的还有浙江绿源竹业年产5万吨竹制品生产线项目、浙江永安年产10万套家具生产项目等。",
                 paper="浙江日报")
    loc = _pairs(f, "locatedIn")
    assert ("浙江绿源竹业年产5万吨竹制品生产线项目", "仙居县") in loc
    assert ("浙江永安年产10万套家具生产项目", "仙居县") in loc


def test_a_region_or_a_phase_in_brackets_stays_inside_a_listed_sites_name():
    f = facts_of("3月8日,县委书记李强一行先后来到华强纺织公司、中国(华东)智能装备展示馆、"
                 "江淮(合肥)创新孵化器、城东物流园等地调研。")
    v = visited(f)
    assert ("李强", "中国(华东)智能装备展示馆") in v
    assert ("李强", "江淮(合肥)创新孵化器") in v


def test_a_temple_listed_among_the_stops_is_a_site():
    f = facts_of("考察期间,王明一行先后到青山茶业有限公司、普济寺和白云寺等地进行实地参观。")
    assert {("王明", "普济寺"), ("王明", "白云寺")} <= visited(f)


def test_what_goes_with_a_site_after_ji_is_one_item_of_the_list():
    f = facts_of("县长张伟一行先后来到宏达茶业公司、城南冷链物流基地及配套道路建设项目。")
    v = visited(f)
    assert ("张伟", "宏达茶业公司") in v
    assert not any(p.startswith("配套") for _, p in v)


def test_a_mongolian_name_without_a_surname_after_a_title_visits():
    f = facts_of("6月3日,旗人大常委会副主任额尔敦先后到巴彦塔拉苏木、乌兰哈达嘎查,调研牧区工作。")
    assert any(p == "额尔敦" and t == "旗人大常委会副主任" for p, t, _ in posts(f))
    assert any(a == "额尔敦" for a, _ in visited(f))


def test_a_leader_whose_words_a_sentence_invokes_visits_nowhere():
    f = facts_of("茂南发展观察\n8月3日,市委书记王立新到茂南区调研。"
                 "在习近平总书记亲自指导、亲切关怀下,茂南区特色产业加快发展。"
                 "要深入学习贯彻习近平总书记关于乡村振兴的重要论述,推动高州市高质量发展。")
    v = visited(f)
    assert ("王立新", "茂南区") in v
    assert not any(a == "习近平" for a, _ in v)


def test_a_trip_the_invoked_speech_was_given_on_is_still_a_visit():
    f = facts_of("他说,当前全省正深入贯彻习近平总书记到云南考察时的重要讲话精神,大抓产业。")
    assert ("习近平", "云南省") in visited(f)


def test_a_papers_dateline_is_no_stop_of_the_visit():
    f = facts_of("茂名日报全媒体讯(记者 李华)7月3日,副市长陈志强到茂南区督查防汛工作。")
    v = visited(f)
    assert ("陈志强", "茂南区") in v
    assert not any(p.endswith("日报") for _, p in v)


def test_a_site_a_paragraph_only_describes_is_visited_when_the_next_opens_with_the_visitor():
    f = facts_of("茂南发展观察\n8月3日,市委书记王立新到茂南区调研重点项目建设。\n"
                 "红旗泵站位于城区东南约3公里处,于1975年建成投产。该站装机4台。\n"
                 "王立新走进泵房内,听取了排涝保障情况汇报。")
    assert ("王立新", "红旗泵站") in visited(f)


def test_a_port_is_a_site_and_the_work_watched_there_is_no_part_of_its_name():
    f = facts_of("本报讯 9月2日,市长赵刚在江北区调研。赵刚现场察看龙门港作业,了解港区规划建设运营情况。"
                 "随后,赵刚一行先后到江北纺织产业园、长林智慧物流港、宏达机械有限公司实地考察。")
    v = visited(f)
    assert ("赵刚", "龙门港") in v
    assert ("赵刚", "长林智慧物流港") in v


def _types(f):
    return {e.label: e.type for e in f.entities.values()}


def test_every_name_of_a_list_under_one_office_title_is_an_official():
    f = facts_of("副县长张立新、王海涛、李春明出席会议。县法院院长赵德明,县委办主任孙立平列席会议。")
    t = _types(f)
    assert all(t[n] is EntityType.OFFICIAL for n in ("张立新", "王海涛", "李春明", "赵德明", "孙立平"))


def test_a_company_chief_whose_party_title_is_his_companys_is_no_official():
    f = facts_of("市长陈伟会见了华丰集团党委书记、董事长周建国一行。远东集团总经理、党委副书记吴海,"
                 "全国政协常委、宏图集团董事局主席郑立诚参加。")
    t = _types(f)
    assert t["周建国"] is EntityType.PERSON and t["吴海"] is EntityType.PERSON
    assert t["陈伟"] is EntityType.OFFICIAL and t["郑立诚"] is EntityType.OFFICIAL


def test_names_listed_before_deng_qu_lingdao_are_officials():
    f = facts_of("刘建华、孙海鹰、周志刚等区领导出席。市领导高明远、许立和杜文斌参加。")
    t = _types(f)
    assert all(t.get(n) is EntityType.OFFICIAL for n in ("刘建华", "孙海鹰", "周志刚", "高明远", "许立", "杜文斌"))


def test_a_townships_short_form_that_is_an_ordinary_word_is_the_word():
    f = facts_of("阜新蒙古族自治县召开会议,研究建设花生批发市场。汤原县要突出乡村振兴,建设美丽宜居乡村,"
                 "打造同心乡镇。")
    townships = {e.label for e in f.entities.values() if e.type is EntityType.TOWNSHIP}
    assert not townships & {"建设镇", "振兴乡", "宜居乡", "同心乡"}


def test_a_township_the_page_writes_with_another_level_word_keeps_the_written_name():
    f = facts_of("调研组来到定日县曲当镇仁青林村,察看村里的安居工程。")
    town = next(e for e in f.entities.values() if e.type is EntityType.TOWNSHIP)
    assert "曲当镇" in {town.label, *town.aliases} and town.region.parent == "540223"


def test_a_government_body_opens_with_its_region_not_with_the_clause_before_it():
    f = facts_of("会议要求,认真贯彻落实省委部署。王强副区长代理通州区人民政府区长职务,"
                 "此事须报市人大常委会备案。市长李明拜会海西州委。")
    bodies = {e.label for e in f.entities.values() if e.type is EntityType.GOVERNMENT_BODY}
    assert not any(b.startswith(("认真", "贯彻", "代理", "须报", "拜会")) for b in bodies)
    assert "通州区人民政府" in bodies


def test_a_village_the_gazetteer_lacks_is_a_village_in_its_township():
    f = facts_of("调研组先后来到青石镇柳岸村、石塘村,察看人居环境整治情况。")
    villages = {e.label for e in f.entities.values() if e.type is EntityType.VILLAGE}
    assert {"柳岸村", "石塘村"} <= villages


def test_a_bonded_zone_is_a_park_not_a_county_and_ben_quyu_is_no_home():
    f = facts_of("本区域含有标题。该公司负责运营、管理梅州综合保税区,推进物流区建设。", paper="宝山报")
    types = {e.label: e.type for e in f.entities.values()}
    assert types.get("梅州综合保税区") is EntityType.PARK
    assert not any(t is EntityType.COUNTY for t in types.values())


def test_a_named_site_ruin_former_residence_or_hotel_is_a_place():
    f = facts_of("考察团参观了石门坎遗址和王若飞故居,随后在遵义宾馆召开座谈会。")
    places = {e.label for e in f.entities.values() if e.type is EntityType.PLACE}
    assert {"石门坎遗址", "王若飞故居", "遵义宾馆"} <= places


def test_a_township_many_counties_have_is_the_one_whose_villages_the_page_names():
    f = facts_of("县委书记到西城镇开展调研,先后来到西城镇联建村、团结村等地。")
    town = next(e for e in f.entities.values() if e.label == "西城镇")
    assert town.region.parent == "350426"  # 尤溪县, whose 西城镇 has both villages


def test_the_towns_of_a_city_without_counties_lie_in_the_city():
    f = facts_of("东莞市石排镇召开乡村振兴工作会议。")
    town = next(e for e in f.entities.values() if e.label == "石排镇")
    assert town.region.parent == "441900"


def test_a_title_that_opens_with_its_level_word_makes_an_official():
    f = facts_of("市发改委主任赵立新,县烟办主任钱明,市城投公司总经理孙海出席签约仪式。")
    t = _types(f)
    assert t["赵立新"] is EntityType.OFFICIAL and t["钱明"] is EntityType.OFFICIAL
    assert t["孙海"] is EntityType.PERSON


def test_two_places_joined_by_a_dash_open_one_zones_name():
    f = facts_of("本报讯 日前,广西—东盟经济技术开发区举行项目集中开工活动,南宁市华丰食品有限公司落户广西—东盟经济技术开发区。")
    parks = {e.label for e in f.entities.values() if e.type is EntityType.PARK}
    assert "广西—东盟经济技术开发区" in parks
    assert ("南宁市华丰食品有限公司", "广西—东盟经济技术开发区") in _pairs(f, "locatedIn")


def test_a_zone_named_by_a_townships_short_name_is_in_that_township():
    f = facts_of("近日,市委书记王明到乌审旗调研。在图克镇,王明一行深入图克工业项目区,察看了煤化工项目建设情况。")
    assert ("图克工业项目区", "图克镇") in _pairs(f, "locatedIn")


def test_a_countys_projects_started_at_a_zones_ceremony_are_the_countys():
    f = facts_of("本报讯 3月5日,宁远县2023年第一季度重点项目集中开工仪式在宁远经济开发区举行。"
                 "此次集中开工的项目包括年产5万吨饲料加工项目、冷链物流中心项目等12个项目。")
    loc = _pairs(f, "locatedIn")
    assert ("年产5万吨饲料加工项目", "宁远经济开发区") not in loc


def test_a_parks_next_phase_is_where_the_park_is_not_inside_it():
    f = facts_of("本报讯 近日,宁远县举行重点项目集中开工活动。开工的宏图产业园二期项目总投资8亿元,"
                 "将建设标准化厂房20万平方米。")
    loc = _pairs(f, "locatedIn")
    assert ("宏图产业园二期项目", "宏图产业园") not in loc
    assert ("宏图产业园二期项目", "宁远县") in loc


def test_a_list_of_stops_opening_with_a_townships_village_goes_on_in_that_township():
    f = facts_of("5月10日,县委书记王明带队先后到泾源县香水镇卡子村、绿源农业、华兴包装有限公司观摩学习。")
    loc = _pairs(f, "locatedIn")
    assert ("华兴包装有限公司", "香水镇") in loc


def test_a_township_written_right_before_a_stops_name_holds_it():
    f = facts_of("在泾源县,王明一行先后察看了县城供热改造项目、香水镇“两新”党建示范点,详细了解项目进展。")
    loc = _pairs(f, "locatedIn")
    assert any(e.endswith("党建示范点") and p == "香水镇" for e, p in loc)


def test_a_park_a_county_government_signs_for_is_in_that_county():
    f = facts_of("总投资12亿元的旺苍县人民政府与浙江宏达集团有限公司签订宏达产业园、职业技术学院建设项目。")
    assert ("宏达产业园", "旺苍县") in _pairs(f, "locatedIn")


def test_the_company_a_county_signs_with_invests_in_the_project_of_the_next_clause():
    f = facts_of("3月2日,宁远县与浙江宏达集团正式签订合作协议,投资20亿元的华东轻工产业基地项目正式落户宁远县。")
    assert ("浙江宏达集团", "华东轻工产业基地项目") in _pairs(f, "investsIn")


def test_a_name_between_a_committee_and_its_trailing_title_is_a_person_whatever_jieba_reads():
    f = facts_of("5月8日，省委强卫书记在共和县调研，先后来到龙羊峡镇察看。县政府张华县长陪同。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.PERSON, EntityType.OFFICIAL)}
    assert {"强卫", "张华"} <= people
    assert not {"宣传部", "党组"} & {e.label for e in facts_of("市委宣传部书记、市政府党组书记出席。").entities.values()}


def test_who_comes_to_settle_work_or_study_makes_no_visit():
    from kg.documents import load
    from kg.extract import extract
    from kg.extract.model import EventType

    f = extract(load("新闻联播 2025年4月9日\n澳门青年陈嘉豪6年前来到中山创业，如今公司已有20名员工。\n".encode(), "t.txt", "t"))
    assert not [e for e in f.events if e.type is EventType.VISIT]
    f = extract(load("茂名日报 2025年4月9日\n4月8日，市委书记张三来到茂南区了解工作情况。\n".encode(), "t.txt", "t"))
    assert [e for e in f.events if e.type is EventType.VISIT]


def test_a_count_or_an_ordinal_inside_makes_no_project_and_another_list_ends_a_company_list():
    from kg.documents import load
    from kg.extract import extract
    from kg.extract.model import EntityType

    f = extract(load(("新闻联播 2022年11月29日\n湖北武汉至阳新、黄冈至咸宁三条高速公路昨天实现通车。"
                      "第十五届中国国际现代化铁路技术装备展览今天开展。"
                      "进口商品主要涵盖钢材、化肥、塑料粒子等生产原料和企业自用设备。\n").encode(), "t.txt", "t"))
    names = {e.label: e.type for e in f.entities.values()}
    assert not [n for n, t in names.items() if t in (EntityType.PROJECT, EntityType.PARK)], names
    assert not {"钢材", "化肥", "塑料粒子"} & set(names), names


def test_the_offices_of_a_body_visited_are_named_with_them():
    f = facts_of("新闻联播 2025年6月3日\n王沪宁到长沙市政协机关、岳阳市岳阳楼区政协机关调研，"
                 "随后到全国政协机关看望干部职工。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"长沙市政协机关", "岳阳市岳阳楼区政协机关", "全国政协机关"} <= places, places


def test_an_adverb_and_a_verb_open_no_name_of_a_park_or_a_body():
    f = facts_of("这批项目竣工投产，将进一步夯实临港经开区的优势产业基础。会议决定不再保留省金融工作局。")
    names = {e.label for e in f.entities.values()}
    assert "临港经开区" in names and not [n for n in names if "进一步" in n or "不再" in n], names


def test_a_zone_named_short_is_the_zone_written_out():
    f = facts_of("本报讯 凤阳经济开发区与某某公司签约。签约项目落户凤阳县经开区。"
                 "合肥经济技术开发区负责人出席，合肥经开区共有企业200家。")
    parks = {e.label: e.aliases for e in f.entities.values() if e.type is EntityType.PARK}
    assert "凤阳县经开区" in parks["凤阳经济开发区"] and "合肥经开区" in parks["合肥经济技术开发区"], parks


def test_a_township_official_touring_companies_tours_the_townships_own():
    f = facts_of("6月3日，钟管镇党委书记王建国到企业走访调研，镇相关部门负责人陪同。"
                 "王建国一行先后来到浙江华宇机械有限公司、恒信电子有限公司，详细了解企业生产情况。")
    located = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "locatedIn"}
    assert {("浙江华宇机械有限公司", "钟管镇"), ("恒信电子有限公司", "钟管镇")} <= located, located


def test_a_capacity_a_year_and_a_list_of_capacities_stay_inside_the_companys_project():
    f = facts_of("本报讯 甘肃瑞丰环保材料股份有限公司11万吨/年可降解高分子材料项目总投资25亿元。"
                 "宁夏金谷矿业有限责任公司60万吨PVC、60万吨烧碱产业综合项目总投资30亿元。")
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert {("甘肃瑞丰环保材料股份有限公司", "甘肃瑞丰环保材料股份有限公司11万吨/年可降解高分子材料项目"),
            ("宁夏金谷矿业有限责任公司", "宁夏金谷矿业有限责任公司60万吨PVC、60万吨烧碱产业综合项目")} <= invests, invests


def test_guests_listed_by_what_they_are_are_all_guests():
    f = facts_of("本报讯 9月9日，王建军、李文斌等市领导会见远航集团中国区总裁张海、"
                 "世界乒乓球锦标赛冠军刘红梅、深圳远大科技董事长陈志强等嘉宾。")
    meetings = {(label(f, e.agent), label(f, p)) for e in events(f, EventType.MEETING) for p in e.participants}
    assert {("王建军", "刘红梅"), ("李文斌", "陈志强"), ("王建军", "张海")} <= meetings, meetings


def test_guests_who_came_make_no_visit_of_their_host():
    f = facts_of("本报讯 11月4日，市委书记张明亲切会见了来吉考察的浙江永康商会企业家。\n"
                 "浙江永康商会来吉考察 张明与企业家座谈交流。", paper="井冈山报")
    assert not [e for e in events(f) if label(f, e.agent) == "张明"], [(label(f, e.agent), e.places) for e in events(f)]


def test_a_delegation_told_before_its_members_is_led_by_their_secretary_and_head():
    f = facts_of("南山区党政代表团来福田考察\n本报讯 (记者王丽)5月8日下午，南山区党政代表团到福田区调研考察。"
                 "南山区委书记张伟，区委副书记、区长李强，区人大常委会主任赵刚等参加。")
    visits = {(label(f, e.agent), label(f, p)) for e in events(f) for p in e.places}
    assert {("张伟", "福田区"), ("李强", "福田区")} <= visits, visits
    assert not [v for v in visits if v[0] in ("王丽", "赵刚")], visits


def test_a_verb_of_the_clause_opens_no_parks_name():
    f = facts_of("本报讯 该县以纳入湘江新区新片区为契机，加快园区建设。各界将携手开创横琴粤澳深度合作区建设新局面。")
    parks = {e.label for e in f.entities.values() if e.type is EntityType.PARK}
    assert {"湘江新区", "横琴粤澳深度合作区"} <= parks and not [p for p in parks if p.startswith(("纳入", "开创"))], parks


def test_a_visitor_who_speaks_after_looking_at_the_paragraphs_site_visited_it():
    f = facts_of("本报讯 9月23日下午，区委书记王立新在茂南区金塘镇调研。\n"
                 "茂名金海食品有限公司通过技术改造，产能翻了一番。"
                 "王立新在实地调研企业生产情况后指出，要加快技术改造。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert "茂名金海食品有限公司" in places, places


def test_the_leader_of_a_received_group_visits_where_its_name_says_it_went():
    f = facts_of("本报讯 11月14日，省委副书记王明在贵阳会见了由重庆市政协副主席李德华为团长的"
                 "重庆市工商联赴黔考察团一行。")
    visits = {(label(f, e.agent), label(f, p)) for e in events(f) for p in e.places}
    assert ("李德华", "贵州省") in visits and not [v for v in visits if v[0] == "王明"], visits


def test_a_conjunction_jieba_joins_to_a_name_is_no_part_of_it():
    f = facts_of("本报讯 5月6日，旗委书记巴特尔、旗政府副旗长斯钦及相关部门负责同志参加调研。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.PERSON, EntityType.OFFICIAL)}
    assert "斯钦" in people and "斯钦及" not in people, people


def test_a_list_of_trades_before_enterprises_names_no_companies():
    f = facts_of("本报讯 村党支部书记王德山领着全村发展纺织、制冷、机械等中高端企业。"
                 "县长到天和铜箔、正洋食品等企业调研。")
    companies = {e.label for e in f.entities.values() if e.type is EntityType.COMPANY}
    assert {"天和铜箔", "正洋食品"} <= companies and not {"制冷", "机械"} & companies, companies


def test_people_after_a_place_word_and_a_pronoun_before_a_village_are_no_stops():
    f = facts_of("本报讯 在丰收的果园里，总书记同老乡们亲切交流。\n"
                 "2017年春节前夕，习近平总书记来到他们村，给困难群众送去党中央的亲切关怀。")
    places = {label(f, p) for e in events(f) for p in e.places}
    named = {e.label for e in f.entities.values()}
    assert not {"同老乡", "他们村"} & (places | named), (places, named)


def test_a_range_or_an_aim_after_to_is_no_journey():
    f = facts_of("本报讯 从提出携手建设共同体，到倡议中非建立伙伴关系；从主张在构建上合组织命运共同体过程中"
                 "应对挑战，到提议建设和平金砖，习近平主席不断将和平理念深植人心。"
                 "习近平希望各民主党派把思想和行动统一到中共中央决策部署上来。"
                 "中非关系整体定位提升至新时代全天候中非命运共同体。")
    visits = [(label(f, e.agent), [label(f, p) for p in e.places]) for e in events(f)]
    countries = {e.label for e in f.entities.values() if e.label == "中非共和国"}
    assert not visits and not countries, (visits, countries)


def test_a_leaders_letter_before_spirit_is_no_name():
    f = facts_of("本报讯 要坚决贯彻落实习近平总书记贺信精神，高标准做好秦岭站运行各项工作，深化科学考察研究。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.PERSON, EntityType.OFFICIAL)}
    assert "贺信" not in people and not events(f), people


def test_a_site_between_to_and_a_verb_of_visiting_is_a_stop():
    f = facts_of("本报讯 3月27日上午，市委书记王东到泓源制药公司调研了注射液项目，"
                 "到龙山工业开发区中小企业孵化器调研了华纺纤维制造有限公司PM2.5防护过滤材料开发项目。"
                 "副市长李南到文昌市，就乡村振兴工作进行调研。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"龙山工业开发区中小企业孵化器", "华纺纤维制造有限公司PM2.5防护过滤材料开发项目"} <= places, places
    assert not [p for p in places if "就" in p], places


def test_the_phases_of_one_project_are_one_name():
    f = facts_of("本报讯 县长王东调研了瑞意粮机有限公司高平方筛二期、三期项目。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert "瑞意粮机有限公司高平方筛二期、三期项目" in projects, projects


def test_the_photographer_of_a_caption_is_no_visitor():
    f = facts_of("本报讯 省人大调研组到小营镇五凤村调研  翟宇佳 摄影\n调研组先后到五凤村、太兴村进行调研。")
    assert not [e for e in events(f) if label(f, e.agent) == "翟宇佳"], events(f)


def test_a_time_stamped_credit_line_and_a_papers_dateline_are_lines_of_their_own():
    f = facts_of("李明到文昌调研乡村振兴工作\n2021-07-22 08:50 来源: 海南日报 编辑: 王芳 【字体:   打印\n"
                 "李明到文昌调研乡村振兴工作\n海南日报文城7月21日电(记者 金波)7月21日,省委副书记李明到文昌市,"
                 "就乡村振兴工作进行调研。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert "文昌市" in places and not [p for p in places if "海南日报" in p], places


def test_the_group_after_a_clause_goes_on_with_its_leaders_tour():
    f = facts_of("本报讯 9月5日，州委书记顾明率领州委理论学习中心组成员赴红河州考察学习。"
                 "刚到红河州，考察团就马不停蹄来到小镇，参观万花筒艺术馆、农垦纪念馆、牛哆啰音乐农庄等艺术主题建筑，"
                 "了解小镇发展规划和项目推进情况。")
    places = {label(f, p) for e in events(f) if label(f, e.agent) == "顾明" for p in e.places}
    assert {"万花筒艺术馆", "农垦纪念馆", "牛哆啰音乐农庄"} <= places, places
    assert not [p for p in places if p.endswith("和项目")], places


def test_the_host_met_at_a_stop_of_the_guests_tour_makes_no_visit():
    f = facts_of("本报讯 近日，浙江省外侨办副主任陈安率温州侨商代表团赴浙江省对口援青地区——青海省海西州考察。"
                 "在海西州州府所在地德令哈市，海西州委常委、常务副州长王林虎会见代表团一行，双方就推进援青工作进行深入探讨。"
                 "在德令哈期间，代表团一行参观了明阳新能源投资控股集团、青海华牛生物科技有限公司等。")
    visits = {(label(f, e.agent), label(f, p)) for e in events(f) if e.type is EventType.VISIT for p in e.places}
    assert ("陈安", "德令哈市") in visits and ("陈安", "青海华牛生物科技有限公司") in visits, visits
    assert ("陈安", "海西蒙古族藏族自治州") in visits and ("陈安", "浙江省") not in visits, visits
    assert not [v for v in visits if v[0] == "王林虎"], visits


def test_a_four_character_name_with_no_chinese_surname_runs_to_its_list_mark():
    f = facts_of("本报讯 7月12日下午，市委书记齐扎拉会见了丽江市党政代表团一行。"
                 "市委副书记、市人大常委会主任洛桑旦巴，市委常委、城关区委书记普布顿珠，"
                 "欧盟委员会执行副主席蒂默曼斯一同会见。")
    people = {e.label for e in f.entities.values() if e.type in (EntityType.PERSON, EntityType.OFFICIAL)}
    assert {"洛桑旦巴", "普布顿珠", "蒂默曼斯"} <= people and not {"洛桑", "普布", "蒂默"} & people, people


def test_a_project_named_in_quotes_before_its_head_is_named_without_them():
    f = facts_of("本报讯 由台江县人民政府与水发集团有限公司签约的“台江县年产20万吨再生资源综合循环利用”项目，"
                 "总投资11.35亿元。由该集团打造的“蒋巷镇城乡一体化建设”项目在南昌县正式签约。"
                 "各地积极开展“双招双引”项目洽谈。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert {"台江县年产20万吨再生资源综合循环利用项目", "蒋巷镇城乡一体化建设项目"} <= projects, projects
    assert "双招双引项目" not in projects, projects
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert ("水发集团有限公司", "台江县年产20万吨再生资源综合循环利用项目") in invests, invests
    where = {label(f, r.subject): label(f, r.object) for r in f.relations if r.predicate == "locatedIn"}
    assert where.get("蒋巷镇城乡一体化建设项目") == "蒋巷镇", where


def test_a_copula_or_a_verb_of_giving_opens_no_projects_name():
    f = facts_of("本报讯 此次签约的项目有孟连县扎莫弄复合光伏发电项目、孟连县城东建材城分布式2.5MW光储充一体化电站项目。"
                 "希望县政府在用地等方面给予项目政策支持。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    assert {"孟连县扎莫弄复合光伏发电项目", "孟连县城东建材城分布式2.5MW光储充一体化电站项目"} <= projects, projects
    assert not [p for p in projects if p.startswith(("项目有", "方面"))], projects


def test_each_countys_part_of_a_report_places_its_own_projects():
    f = facts_of("本报讯 7月13日，海南自由贸易港建设项目第四批集中开工活动在全省同步举行。\n"
                 "7月13日，文昌市举办集中开工分会场活动。\n具体包括：银联供应链荣邦南方金融中心项目、年产18万吨水产饲料加工项目。"
                 "文昌市政府相关负责人介绍，海南自由贸易港建设成效明显。\n"
                 "7月13日，万宁市举办集中开工分会场活动，集中开工8个项目。\n这8个项目包括首创万宁G-09地块酒店项目、望海国际项目。"
                 "万宁市相关负责人表示，将全力做好服务。")
    where = {label(f, r.subject): label(f, r.object) for r in f.relations if r.predicate == "locatedIn"}
    assert where.get("银联供应链荣邦南方金融中心项目") == "文昌市" and where.get("望海国际项目") == "万宁市", where


def test_companies_named_where_the_tour_goes_nowhere_are_not_placed_by_it():
    f = facts_of("本报讯 6月1日，集团董事长李波一行到海南乐东考察调研，并与乐东县委书记孙世文座谈交流。"
                 "会上，李波表示，山东土地集团将进一步加强统筹，做优做精南繁项目。"
                 "3月29日上午，市委书记田喜荣在东明国际大酒店会见了前来我市投资考察的台湾立碁公司董事长童义兴一行。")
    where = {label(f, r.subject): label(f, r.object) for r in f.relations if r.predicate == "locatedIn"}
    assert "山东土地集团" not in where and "台湾立碁公司" not in where, where


def test_the_group_after_a_stop_clause_goes_on_with_its_leaders_tour():
    f = facts_of("本报讯 12日，福建省委书记周祖翼率福建省党政代表团来到闽宁镇考察。"
                 "在建设正酣的闽宁产业园，代表团详细了解园区建设、招商情况。")
    places = {label(f, p) for e in events(f) if label(f, e.agent) == "周祖翼" for p in e.places}
    assert "闽宁产业园" in places, places


def test_a_second_verb_of_looking_may_open_a_list_of_stops():
    f = facts_of("本报讯 在阿日昆都楞镇，副旗长宝龙先后到巴彦查干嘎查、萨如拉嘎查，"
                 "实地察看了解苏日戈养殖家庭牧场、白嘎力家庭牧场、义和达坝奶制品加工车间等经营运行情况。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"苏日戈养殖家庭牧场", "白嘎力家庭牧场", "义和达坝奶制品加工车间"} <= places, places


def test_a_bureaus_chief_officer_and_the_groups_listed_stops():
    f = facts_of("本报讯 10月31日，省委调研督查组组长、省畜牧兽医局总畜牧师豆卫带领调研督查组调研甘谷县政策落实情况。"
                 "调研组先后深入到陇上椒甘谷辣椒体验馆、大像山镇何家沟李勇胜养殖场、三陇药业有限公司、宝泉食品厂等地。")
    posts = {(label(f, p.person), p.title) for p in f.posts}
    assert ("豆卫", "省畜牧兽医局总畜牧师") in posts or ("豆卫", "总畜牧师") in posts, posts
    places = {label(f, p) for e in events(f) if label(f, e.agent) == "豆卫" for p in e.places}
    assert {"甘谷县", "陇上椒甘谷辣椒体验馆", "何家沟李勇胜养殖场", "宝泉食品厂"} <= places, places
    assert "大像山镇" not in places, places


def test_a_list_of_stops_may_open_with_a_stop_that_names_no_site():
    f = facts_of("本报讯 1月30日，县委书记卞建军赴桑墟镇调研。卞建军一行先后来到镇区外环路改造点、桑墟榆叶梅培育基地、"
                 "二兴马场黄泥河段、桑墟镇工业集中区等处，实地了解工业经济发展情况。"
                 "他走进能源企业，深入工厂、实验室。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"桑墟榆叶梅培育基地", "二兴马场黄泥河段", "桑墟镇工业集中区"} <= places, places
    assert "深入工厂" not in {e.label for e in f.entities.values()}, places


def test_townships_the_table_writes_with_their_county_are_found_by_their_own_name():
    from kg.extract.regions import load_gazetteer

    gaz = load_gazetteer()
    assert "420582/两河镇" in {r.key for r in gaz.candidates("两河镇")}
    f = facts_of("本网讯 近日，当阳市委书记李兴兵先后到两河镇、庙前镇、玉泉街道开展调研。当阳市将持续优化营商环境。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"两河镇", "庙前镇", "玉泉街道"} <= places, places


def test_a_park_a_company_invests_a_stated_sum_in_is_its_project():
    f = facts_of("本报讯 签约项目包括南京广顺网络通信设备公司投资20亿元的网络通信设备产业园，"
                 "四川陇商实业公司投资26亿元的河西印玺文化旅游产业园等。")
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert {("南京广顺网络通信设备公司", "网络通信设备产业园"), ("四川陇商实业公司", "河西印玺文化旅游产业园")} <= invests, invests


def test_a_countys_short_form_that_is_a_frequent_verb_is_the_verb():
    f = facts_of("本报讯 省委书记陆浩会见了中信集团副总经理李士林一行。李士林表示，更加坚定了中信集团同甘肃合作的信心，"
                 "将进一步扩大在甘肃的合作领域。在河南开封清明上河园，每天的节目数量增加。")
    regions = {e.label for e in f.entities.values() if e.type in (EntityType.COUNTY, EntityType.PREFECTURE)}
    assert "合作市" not in regions and "开封市" in regions, regions


def test_a_verb_of_looking_on_the_spot_ends_a_list_of_stops():
    f = facts_of("本报讯 当天，市长张帆一行首先来到江镜镇玉桂村，现场察看城乡供水一体化试点项目，详细询问通水情况。")
    named = {e.label for e in f.entities.values()}
    assert not [n for n in named if n.startswith("现场")], named


def test_a_byline_and_a_city_abroad_are_no_part_of_a_title():
    f = facts_of("本报兰州11月23日讯(记者张倩)省委书记、省人大常委会主任陆浩今天下午在兰州会见了"
                 "乌干达恩德培市市长文森特·保罗凯恩加一行。")
    posts = {(label(f, p.person), p.title) for p in f.posts}
    assert {("陆浩", "省委书记"), ("陆浩", "省人大常委会主任"), ("文森特·保罗凯恩加", "市长")} <= posts, posts
    assert not [t for _, t in posts if "记者" in t or "恩德培" in t], posts


def test_a_park_after_a_company_joined_by_ji_is_a_stop_of_its_own():
    f = facts_of("本报讯 县委书记陆晓延一行分别到西安世纪盛康公司、国维淀粉公司及西安科技创新园、"
                 "西安骏驰汽车零部件产业园等企业进行实地查看。")
    places = {label(f, p) for e in events(f) for p in e.places}
    assert {"国维淀粉公司", "西安科技创新园", "西安骏驰汽车零部件产业园"} <= places, places


def test_a_project_a_company_signs_for_keeps_the_parts_joined_by_ji():
    f = facts_of("本报讯 签约仪式上，安平县人民政府与河北晟达环保科技有限公司签订废旧轮胎回收处置及综合利用项目；"
                 "总投资3亿元的新型材料研发及产业化项目同日开工。园区将推进道路建设及配套项目。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert {"废旧轮胎回收处置及综合利用项目", "新型材料研发及产业化项目"} <= projects, projects
    assert ("河北晟达环保科技有限公司", "废旧轮胎回收处置及综合利用项目") in invests, invests
    assert not [p for p in projects if "配套" in p], projects


def test_a_company_that_manages_companies_keeps_qiye_in_its_name():
    f = facts_of("本报讯 其中，湖北恒港企业管理集团投资的恒港产业园二期项目投资额为6.7亿元。")
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert ("湖北恒港企业管理集团", "恒港产业园二期项目") in invests, invests


def test_the_items_of_a_list_said_to_be_projects_are_projects_and_two_lists_pair_in_order():
    f = facts_of("本报讯 当天开工投产的宏达饮品、荆州久胜、亚泰钢构等12个项目，总投资45亿元。"
                 "今年还将推进东风镇高标准农田、环湖栈道建设等项目。"
                 "我县相继引进湖南瑞丰实业有限公司、长沙恒信电子科技有限公司等企业到我县投资新建辰溪县年产5万吨竹地板、"
                 "沅陵县年产20万方木制品等项目。")
    projects = {e.label for e in f.entities.values() if e.type is EntityType.PROJECT}
    invests = {(label(f, r.subject), label(f, r.object)) for r in f.relations if r.predicate == "investsIn"}
    assert {"宏达饮品", "荆州久胜", "亚泰钢构", "沅陵县年产20万方木制品"} <= projects, projects
    assert not [p for p in projects if "农田" in p or "栈道" in p], projects
    assert {("湖南瑞丰实业有限公司", "辰溪县年产5万吨竹地板"), ("长沙恒信电子科技有限公司", "沅陵县年产20万方木制品")} <= invests, invests
    assert ("湖南瑞丰实业有限公司", "沅陵县年产20万方木制品") not in invests, invests


def test_a_regions_government_written_short_gets_its_official_name():
    f = facts_of("本报讯 开工仪式上，临高县政府与海南椰岛集团签约。随后，希望中冶西北与昆都仑区政府共同努力，"
                 "香港特别行政区政府代表出席。历届县政府高度重视，县委县政府要抓落实。")
    bodies = {e.label for e in f.entities.values() if e.type is EntityType.GOVERNMENT_BODY}
    assert {"临高县人民政府", "昆都仑区人民政府", "香港特别行政区政府"} <= bodies, bodies
    assert not [b for b in bodies if b.startswith(("历届", "县委"))], bodies


def test_guests_a_host_welcomes_visit_the_hosts_region():
    f = facts_of("本报讯 10月8日，省委常委、哈密市委书记孙涛会见了新疆河南商会会长朱军一行。"
                 "会见中，孙涛代表市委、市政府对朱军一行的到来表示欢迎，并介绍了哈密经济社会发展情况。"
                 "孙涛说，希望商会发挥桥梁作用。")
    assert ("朱军", "哈密市") in visited(f), visited(f)
    assert not [p for a, p in visited(f) if a == "朱军" and p == "新疆维吾尔自治区"], visited(f)


def test_a_group_that_came_is_led_by_the_guest_the_hosts_meet():
    # The group is the subject, its leader is named only as the guest (…会见…一行): he came, and the
    # group's later sightseeing (代表团一行还考察了…) is his.
    f = facts_of("本报讯 5月8日上午，宁海县党政代表团来江山考察调研，市委书记周明，市长吴强会见宁海县委书记"
                 "陈立一行。双方召开了对口合作座谈会。宁海县党政代表团一行还考察了江郎山景区、江山旭日电子有限公司。")
    visits = {(label(f, e.agent), label(f, p)) for e in events(f) if e.type is EventType.VISIT for p in e.places}
    assert ("陈立", "江山市") in visits, visits
    assert ("陈立", "江山旭日电子有限公司") in visits, visits
    assert not [v for v in visits if v[0] in ("周明", "吴强")], visits


def test_a_city_in_brackets_after_the_brand_is_where_the_company_is():
    f = facts_of("本报讯 签约仪式上，县政府与国华旅游文化控股(广州)有限公司、华能风电（涟水）有限公司签订合作协议。"
                 "随后，客商一行参观了莹展(深圳)工业园区。")
    loc = _pairs(f, "locatedIn")
    assert ("国华旅游文化控股(广州)有限公司", "广州市") in loc, loc
    assert ("华能风电(涟水)有限公司", "涟水县") in loc, loc  # (brackets folded to half width)
    assert ("莹展(深圳)工业园区", "深圳市") in loc, loc
